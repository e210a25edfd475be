#!/usr/bin/env node
// Generate seed-data/regions.csv (Indonesian provinces + regencies/cities)
// from the npm package idn-area-data (data: ODbL-1.0, (c) Fityan Nugroho).
//
// Usage (run once; output is deterministic for a given package version):
//
//   mkdir -p /tmp/regions-work && cd /tmp/regions-work \
//     && npm install idn-area-data@4.0.1 \
//     && node "$OLDPWD/scripts/make-regions.mjs" node_modules/idn-area-data \
//          > "$OLDPWD/seed-data/regions.csv"   # run from the repository root
//
// The package directory may instead be given as IDN_AREA_DATA_DIR.
// No dependencies: reads the package's data/provinces.csv and
// data/regencies.csv directly (RFC 4180). Writes UTF-8 CSV with LF endings to
// stdout, a summary to stderr; exits non-zero on any structural problem.
//
// Columns: code,name,kind,parent_code,zone,source
//   code         dotted Kemendagri code: "33" (province), "33.03" (regency/city)
//   name         name as in the package (title case; upper-case input is
//                title-cased, keeping DKI/DI and Roman numerals upper case)
//   kind         province | regency (Kabupaten ...) | city (Kota ...)
//   parent_code  empty for provinces, else the province code
//   zone         IANA zone, decided per province (see ZONES)
//   source       fixed string naming the package version and regulation
// Rows are sorted by code string, which puts each province directly before
// its own regencies/cities ("33" < "33.01" < ... < "33.76" < "34").

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const pkgDir = resolve(process.argv[2] ?? process.env.IDN_AREA_DATA_DIR ?? 'node_modules/idn-area-data');

function die(msg) {
  process.stderr.write(`make-regions: ${msg}\n`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'idn-area-data') die(`${pkgDir} is not idn-area-data (found ${pkg.name})`);

// The regulation the package's data follows (its docs/references.md, REF-2025-1).
const REGULATION = 'Kepmendagri 300.2.2-2138 Tahun 2025';
const SOURCE = `idn-area-data ${pkg.version} (${REGULATION})`;

// Time zone per province code. Matches tzdb zone1970.tab for ID:
//   Asia/Jakarta   Java, Sumatra
//   Asia/Pontianak Borneo (west, central)
//   Asia/Makassar  Borneo (east, south), Sulawesi/Celebes, Bali, Nusa Tengarra, Timor (west)
//   Asia/Jayapura  New Guinea (West Papua / Irian Jaya), Malukus/Moluccas
const ZONES = {
  // Sumatra and nearby islands (WIB)
  11: 'Asia/Jakarta', 12: 'Asia/Jakarta', 13: 'Asia/Jakarta', 14: 'Asia/Jakarta',
  15: 'Asia/Jakarta', 16: 'Asia/Jakarta', 17: 'Asia/Jakarta', 18: 'Asia/Jakarta',
  19: 'Asia/Jakarta', 21: 'Asia/Jakarta',
  // Java (WIB)
  31: 'Asia/Jakarta', 32: 'Asia/Jakarta', 33: 'Asia/Jakarta', 34: 'Asia/Jakarta',
  35: 'Asia/Jakarta', 36: 'Asia/Jakarta',
  // Bali, Nusa Tenggara (WITA)
  51: 'Asia/Makassar', 52: 'Asia/Makassar', 53: 'Asia/Makassar',
  // Kalimantan: west and central WIB, others WITA
  61: 'Asia/Pontianak', 62: 'Asia/Pontianak',
  63: 'Asia/Makassar', 64: 'Asia/Makassar', 65: 'Asia/Makassar',
  // Sulawesi (WITA)
  71: 'Asia/Makassar', 72: 'Asia/Makassar', 73: 'Asia/Makassar', 74: 'Asia/Makassar',
  75: 'Asia/Makassar', 76: 'Asia/Makassar',
  // Maluku (WIT)
  81: 'Asia/Jayapura', 82: 'Asia/Jayapura',
  // Papua provinces incl. the 2022 ones (WIT)
  91: 'Asia/Jayapura', 92: 'Asia/Jayapura', 93: 'Asia/Jayapura', 94: 'Asia/Jayapura',
  95: 'Asia/Jayapura', 96: 'Asia/Jayapura',
};

// Minimal RFC 4180 parser -> array of objects keyed by header.
function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      row.push(field); field = '';
      rows.push(row); row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...body] = nonEmpty;
  return body.map((r, n) => {
    if (r.length !== header.length) die(`bad CSV row ${n + 2}: ${JSON.stringify(r)}`);
    return Object.fromEntries(header.map((h, k) => [h.trim(), r[k]]));
  });
}

function readData(name) {
  return parseCsv(readFileSync(join(pkgDir, 'data', `${name}.csv`), 'utf8'));
}

// "3303" -> "33.03"; "33.03" stays.
function dotted(code) {
  const c = code.trim();
  if (/^\d{2}$/.test(c) || /^\d{2}\.\d{2}$/.test(c)) return c;
  if (/^\d{4}$/.test(c)) return `${c.slice(0, 2)}.${c.slice(2)}`;
  die(`unexpected code ${JSON.stringify(code)}`);
}

// Only used if the package gives an ALL-CAPS name (as idn-area-data v3 did);
// v4 names are already in official case and pass through unchanged.
const UPPER_WORDS = new Set(['DKI', 'DI']);
const LOWER_WORDS = new Set(['dan']);
function titleCase(name) {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((w, idx) => {
      if (UPPER_WORDS.has(w.toUpperCase())) return w.toUpperCase();
      if (/^[ivxlc]+$/.test(w) && w.length <= 4 && idx > 0) return w.toUpperCase();
      if (idx > 0 && LOWER_WORDS.has(w)) return w;
      return w.replace(/(^|[-'(])(\p{L})/gu, (_, p, l) => p + l.toUpperCase());
    })
    .join(' ');
}

function kindOf(name) {
  if (/^Kabupaten\s/i.test(name)) return 'regency';
  if (/^Kota\s/i.test(name)) return 'city';
  die(`cannot tell regency/city from name ${JSON.stringify(name)}`);
}

const out = [];
for (const p of readData('provinces')) {
  const code = dotted(p.code);
  if (!/^\d{2}$/.test(code)) die(`bad province code ${code}`);
  const zone = ZONES[code];
  if (!zone) die(`no time zone mapped for province ${code} ${p.name}`);
  out.push({ code, name: titleCase(p.name.trim()), kind: 'province', parent_code: '', zone, source: SOURCE });
}
const provinces = new Map(out.map((r) => [r.code, r]));
for (const r of readData('regencies')) {
  const code = dotted(r.code);
  if (!/^\d{2}\.\d{2}$/.test(code)) die(`bad regency code ${code}`);
  const parent = dotted(r.province_code ?? code.slice(0, 2));
  if (parent !== code.slice(0, 2)) die(`regency ${code} has parent ${parent}`);
  const prov = provinces.get(parent);
  if (!prov) die(`regency ${code} has unknown parent ${parent}`);
  const name = titleCase(r.name.trim());
  out.push({ code, name, kind: kindOf(name), parent_code: parent, zone: prov.zone, source: SOURCE });
}

const seen = new Set();
for (const r of out) {
  if (seen.has(r.code)) die(`duplicate code ${r.code}`);
  seen.add(r.code);
}
out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const COLUMNS = ['code', 'name', 'kind', 'parent_code', 'zone', 'source'];
const q = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
process.stdout.write(
  [COLUMNS.join(','), ...out.map((r) => COLUMNS.map((c) => q(r[c])).join(','))].join('\n') + '\n',
);

const count = (k) => out.filter((r) => r.kind === k).length;
process.stderr.write(
  `make-regions: ${SOURCE}: ${count('province')} provinces, ` +
    `${count('regency') + count('city')} regencies/cities ` +
    `(${count('regency')} kabupaten + ${count('city')} kota)\n`,
);
