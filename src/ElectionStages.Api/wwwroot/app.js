'use strict';
// The ASN page: plain JavaScript over the public API (/v1/regions, /v1/asn/guidance, /v1/regions/{code}/calendar).
(() => {
  const T = {
    id: {
      pageTitle: 'Netralitas ASN: tahapan pemilu hari ini',
      skip: 'Langsung ke jawaban',
      brand: 'ElectionStages · Netralitas ASN',
      title: 'Apa yang boleh dan tidak boleh bagi ASN hari ini?',
      lead: 'Pilih wilayah tempat Anda bekerja dan tanggal. Halaman ini menampilkan tahapan pemilu yang berjalan, fase netralitas, serta larangan dan hal yang dibolehkan bagi ASN.',
      search: 'Cari kabupaten/kota atau provinsi',
      searchHint: 'Ketik nama, misalnya "Purbalingga", lalu pilih dari daftar.',
      province: 'Provinsi', regency: 'Kabupaten/kota', choose: '— pilih —', wholeProvince: '— seluruh provinsi —',
      date: 'Tanggal', dateHint: 'Kosongkan untuk hari ini di zona waktu wilayah.',
      show: 'Tampilkan', today: 'Hari ini', loading: 'Memuat…',
      timeline: 'Lini masa tahapan', legendStage: 'Tahapan', legendNow: 'Sedang berjalan', legendQuiet: 'Masa tenang',
      legendVote: 'Hari pemungutan suara', legendToday: 'Tanggal yang dipilih',
      feeds: 'Jadwal lengkap dan data', ics: 'Kalender (iCalendar, .ics)', webcal: 'Langganan kalender (webcal://)',
      csv: 'Tabel (CSV)', docs: 'Dokumentasi API (Swagger)', noticeTitle: 'Bukan pendapat hukum',
      footer: 'Data: peraturan KPU dan peraturan ASN yang dipublikasikan; setiap baris mencantumkan sumbernya.',
      langButton: 'English', langCode: 'en', langLabel: 'Switch to English',
      provinceSuffix: 'provinsi', national: 'Seluruh Indonesia (pemilu nasional saja)',
      isToday: 'hari ini', phase: 'Fase netralitas', noElection: 'Tidak ada tahapan pemilu yang berjalan',
      validUntil: 'Berlaku sampai', untilNext: 'sampai ada perubahan berikutnya',
      nextFrom: (d, p) => `Mulai ${d}: ${p}.`,
      running: 'Pemilu dan tahapan yang berjalan', contests: 'Kontestasi dan fasenya', stages: 'Tahapan yang berjalan',
      noStages: 'Tidak ada tahapan bertanggal yang berjalan pada tanggal ini.',
      prohibited: 'Dilarang', allowed: 'Dibolehkan', none: 'Tidak ada.',
      sanction: 'Sanksi', legalBasis: 'Dasar hukum', because: 'Berlaku karena', always: 'Selalu berlaku',
      source: 'Sumber', confidence: 'Tingkat keyakinan', note: 'Catatan',
      conf: { high: 'tinggi', medium: 'sedang', low: 'rendah' },
      sanctions: {
        ethics: 'Sanksi moral (kode etik)', 'moderate-discipline': 'Hukuman disiplin sedang',
        'severe-discipline': 'Hukuman disiplin berat', dismissal: 'Pemberhentian', criminal: 'Pidana',
        unspecified: 'Sanksi tidak ditentukan', none: 'Tanpa sanksi',
      },
      pickRegion: 'Pilih wilayah untuk melihat pilkada di wilayah itu dan lini masanya.',
      timelineHint: (n, names) => `${n} tahapan utama ${names}; batang yang lebih gelap sedang berjalan.`,
      timelineEmpty: 'Tidak ada tahapan bertanggal untuk digambar.',
      timelineLabel: (names, from, to, d) => `Lini masa ${names} dari ${from} sampai ${to}; tanggal yang dipilih ${d}.`,
      quietAt: (r) => `Masa tenang: ${r}.`, voteAt: (d) => `Pemungutan suara: ${d}.`,
      errNetwork: 'Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.',
      errDate: (v) => `Tanggal di alamat halaman tidak valid: "${v}". Pilih tanggal lain.`,
      errRegion: (v) => `Wilayah "${v}" tidak dikenal. Pilih wilayah dari daftar.`,
      errOther: 'Jawaban tidak dapat dimuat.', errRegions: 'Daftar wilayah tidak dapat dimuat.',
      errTimeline: 'Lini masa tidak dapat dimuat.', retry: 'Coba lagi', noAnswer: 'Jawaban tidak dapat ditampilkan.',
      apiSays: 'Pesan server:',
    },
    en: {
      pageTitle: 'ASN neutrality: election stages today',
      skip: 'Skip to the answer',
      brand: 'ElectionStages · ASN neutrality',
      title: 'What may a civil servant (ASN) do today?',
      lead: 'Pick the region where you work and a date. This page shows the election stages running, the neutrality phase, and what is prohibited and allowed for civil servants.',
      search: 'Search a regency/city or province',
      searchHint: 'Type a name, e.g. "Purbalingga", then pick it from the list.',
      province: 'Province', regency: 'Regency/city', choose: '— choose —', wholeProvince: '— whole province —',
      date: 'Date', dateHint: 'Leave empty for today in the region\'s time zone.',
      show: 'Show', today: 'Today', loading: 'Loading…',
      timeline: 'Timeline of the stages', legendStage: 'Stage', legendNow: 'Running', legendQuiet: 'Quiet period',
      legendVote: 'Voting day', legendToday: 'The chosen date',
      feeds: 'Full schedule and data', ics: 'Calendar (iCalendar, .ics)', webcal: 'Subscribe (webcal://)',
      csv: 'Spreadsheet (CSV)', docs: 'API documentation (Swagger)', noticeTitle: 'Not a legal opinion',
      footer: 'Data: published KPU and civil-service regulations; every row names its source.',
      langButton: 'Bahasa Indonesia', langCode: 'id', langLabel: 'Ganti ke Bahasa Indonesia',
      provinceSuffix: 'province', national: 'All of Indonesia (national elections only)',
      isToday: 'today', phase: 'Neutrality phase', noElection: 'No election stage is running',
      validUntil: 'Valid until', untilNext: 'until the next change',
      nextFrom: (d, p) => `From ${d}: ${p}.`,
      running: 'Elections and stages running', contests: 'Contests and their phase', stages: 'Stages running',
      noStages: 'No dated stage runs on this date.',
      prohibited: 'Prohibited', allowed: 'Allowed', none: 'None.',
      sanction: 'Sanction', legalBasis: 'Legal basis', because: 'In force because of', always: 'Holds at all times',
      source: 'Source', confidence: 'Confidence', note: 'Note',
      conf: { high: 'high', medium: 'medium', low: 'low' },
      sanctions: {
        ethics: 'Moral sanction (code of ethics)', 'moderate-discipline': 'Moderate disciplinary penalty',
        'severe-discipline': 'Severe disciplinary penalty', dismissal: 'Dismissal', criminal: 'Criminal penalty',
        unspecified: 'Sanction not specified', none: 'No sanction',
      },
      pickRegion: 'Pick a region to see its regional elections and their timeline.',
      timelineHint: (n, names) => `${n} main stages of ${names}; darker bars are running.`,
      timelineEmpty: 'No dated stage to draw.',
      timelineLabel: (names, from, to, d) => `Timeline of ${names} from ${from} to ${to}; the chosen date is ${d}.`,
      quietAt: (r) => `Quiet period: ${r}.`, voteAt: (d) => `Voting day: ${d}.`,
      errNetwork: 'The server cannot be reached. Check your connection and try again.',
      errDate: (v) => `The date in the page address is not valid: "${v}". Pick another date.`,
      errRegion: (v) => `Unknown region "${v}". Pick a region from the list.`,
      errOther: 'The answer could not be loaded.', errRegions: 'The list of regions could not be loaded.',
      errTimeline: 'The timeline could not be loaded.', retry: 'Try again', noAnswer: 'No answer can be shown.',
      apiSays: 'The server says:',
    },
  };
  const ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
  const SVG = 'http://www.w3.org/2000/svg';
  const DAY = 86400000;
  const $ = (id) => document.getElementById(id);
  const store = {
    get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
    set: (k, v) => { try { if (v) { localStorage.setItem(k, v); } else { localStorage.removeItem(k); } } catch { /* private mode */ } },
  };

  let lang = 'id';
  let regions = [];
  const byCode = new Map();
  const bySearch = new Map();
  const state = { region: '', date: '' };
  let shown = null; // { guidance, calendar, calendarError }
  let requestId = 0;
  let marked = false;
  const timelineSection = $('timeline-section'); // moved into the answer, after the phase, when one is shown

  const t = (key) => T[lang][key];
  const name = (n) => (n ? n[lang] || n.id : '');

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) { continue; }
      if (k === 'text') { el.textContent = v; } else { el.setAttribute(k, v === true ? '' : v); }
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined && c !== false) { el.append(c); }
    }
    return el;
  }

  function s(tag, attrs) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') { el.textContent = v; } else { el.setAttribute(k, v); }
    }
    return el;
  }

  // Dates are yyyy-MM-dd calendar dates; they are handled as UTC midnights so no local zone shifts them.
  const days = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
  const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
  const locale = () => (lang === 'id' ? 'id-ID' : 'en-GB');
  const fmt = (isoDate, opts) => new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...opts }).format(days(isoDate) * DAY);
  const longDate = (d) => fmt(d, { day: 'numeric', month: 'long', year: 'numeric' });
  const fullDate = (d) => fmt(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const range = (a, b) => (a === b ? longDate(a) : `${longDate(a)} – ${longDate(b)}`);

  // ---- URL, storage, pickers -------------------------------------------------------------------------------
  function readUrl() {
    const q = new URLSearchParams(location.search);
    state.region = q.get('region') || store.get('es.region') || '';
    state.date = q.get('date') || '';
    const l = q.get('lang') || store.get('es.lang');
    lang = l === 'en' ? 'en' : 'id';
  }

  function writeUrl(push) {
    const q = new URLSearchParams();
    if (state.region) { q.set('region', state.region); }
    if (state.date) { q.set('date', state.date); }
    if (lang === 'en') { q.set('lang', 'en'); }
    const url = q.toString() ? `?${q}` : location.pathname;
    if (`?${q}` !== location.search) { history[push ? 'pushState' : 'replaceState'](null, '', url); }
  }

  function regionLabel(r) {
    if (r.kind === 'province') { return `${r.name} (${t('provinceSuffix')})`; }
    const p = byCode.get(r.parentCode);
    return p ? `${r.name}, ${p.name}` : r.name;
  }

  function fillPickers() {
    const province = $('province');
    const list = $('region-list');
    province.replaceChildren(h('option', { value: '', text: t('choose') }));
    list.replaceChildren();
    bySearch.clear();
    const sorted = [...regions].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    for (const r of sorted) {
      if (r.kind === 'province') { province.append(h('option', { value: r.code, text: r.name })); }
      const label = regionLabel(r);
      bySearch.set(label.toLowerCase(), r.code);
      list.append(h('option', { value: label }));
    }
    syncPickers();
  }

  function syncPickers() {
    const r = byCode.get(state.region);
    const provinceCode = r ? (r.kind === 'province' ? r.code : r.parentCode) : '';
    $('province').value = provinceCode;
    const regency = $('regency');
    regency.replaceChildren(h('option', { value: '', text: t('wholeProvince') }));
    regions.filter((x) => x.parentCode === provinceCode && provinceCode)
      .sort((a, b) => a.name.localeCompare(b.name, 'id'))
      .forEach((x) => regency.append(h('option', { value: x.code, text: x.name })));
    regency.disabled = !provinceCode;
    regency.value = r && r.kind !== 'province' ? r.code : '';
    $('search').value = r ? regionLabel(r) : '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(state.date)) { $('date').value = state.date; } else { $('date').value = ''; }
  }

  function pick(region, date) {
    state.region = region;
    state.date = date;
    store.set('es.region', region);
    syncPickers();
    writeUrl(true);
    load();
  }

  // ---- fetching --------------------------------------------------------------------------------------------
  async function getJson(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch {
      throw { network: true };
    }
    let body = null;
    try { body = await response.json(); } catch { /* not JSON */ }
    if (!response.ok) { throw { problem: body || { status: response.status, title: response.statusText } }; }
    return body;
  }

  async function load() {
    const id = ++requestId;
    const answer = $('answer');
    answer.setAttribute('aria-busy', 'true');
    answer.dataset.state = 'loading';
    const q = new URLSearchParams();
    if (state.region) { q.set('region', state.region); }
    if (state.date) { q.set('date', state.date); }
    const guidance = getJson(`/v1/asn/guidance?${q}`);
    const calendar = state.region
      ? getJson(`/v1/regions/${encodeURIComponent(state.region)}/calendar`).catch((e) => ({ failed: e }))
      : Promise.resolve(null);
    try {
      const [g, c] = await Promise.all([guidance, calendar]);
      if (id !== requestId) { return; }
      shown = { guidance: g, calendar: c && !c.failed ? c : null, calendarError: c && c.failed };
      clearMessage();
      render();
      if (!marked) { marked = true; performance.mark('answer-visible'); }
    } catch (e) {
      if (id !== requestId) { return; }
      shown = null;
      showError(e);
    }
  }

  // ---- messages --------------------------------------------------------------------------------------------
  function clearMessage() {
    $('message').hidden = true;
    $('message').replaceChildren();
    $('date').removeAttribute('aria-invalid');
  }

  function showError(e) {
    const answer = $('answer');
    answer.replaceChildren(h('p', { text: t('noAnswer') }));
    answer.dataset.state = 'error';
    answer.setAttribute('aria-busy', 'false');
    timelineSection.hidden = true;
    const p = e && e.problem;
    let headline = t('errOther');
    if (e && e.network) { headline = t('errNetwork'); }
    else if (p && p.parameter === 'date') { headline = T[lang].errDate(state.date); $('date').setAttribute('aria-invalid', 'true'); }
    else if (p && p.parameter === 'region') { headline = T[lang].errRegion(state.region); }
    const box = $('message');
    box.replaceChildren(
      h('p', { class: 'headline', text: headline }),
      p && (p.detail || p.title) ? h('p', { class: 'detail' }, `${t('apiSays')} `, h('span', { lang: 'en', text: p.detail || p.title })) : null,
      h('button', { type: 'button', class: 'secondary', id: 'retry', text: t('retry') }),
    );
    $('retry').addEventListener('click', load);
    box.hidden = false;
  }

  // ---- the answer ------------------------------------------------------------------------------------------
  function phases(g) {
    const seen = new Map();
    for (const e of g.elections) {
      for (const c of e.contests) { if (!seen.has(c.phase.id)) { seen.set(c.phase.id, c.phase); } }
    }
    return [...seen.values()];
  }

  function ruleItem(rule) {
    const kind = rule.sanction.kind;
    const because = rule.elections.length
      ? rule.elections.map((id) => name((shown.guidance.elections.find((e) => e.id === id) || {}).name) || id).join(', ')
      : t('always');
    return h('li', { class: 'rule', 'data-rule': rule.id },
      h('details', {},
        h('summary', {}, h('span', { class: 'rule-text', text: name(rule.text) }),
          h('span', { class: `badge s-${kind}`, text: t('sanctions')[kind] || kind })),
        h('dl', {},
          h('dt', { text: t('sanction') }), h('dd', { text: name(rule.sanction.text) }),
          h('dt', { text: t('legalBasis') }), h('dd', {}, h('ul', {}, rule.legalBasis.map((b) => h('li', {},
            b.url ? h('a', { href: b.url, rel: 'noopener', text: `${b.instrument} ${b.article}`.trim() }) : `${b.instrument} ${b.article}`.trim())))),
          h('dt', { text: t('because') }), h('dd', { text: because }),
          h('dt', { text: t('source') }), h('dd', { text: rule.source }),
          h('dt', { text: t('confidence') }), h('dd', { text: t('conf')[rule.confidence] || rule.confidence }),
          rule.note ? [h('dt', { text: t('note') }), h('dd', { text: name(rule.note) })] : null)));
  }

  function ruleList(id, title, rules) {
    return h('section', { class: `card rules-card ${id}`, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, `${title} `, h('span', { class: 'count', text: `(${rules.length})` })),
      rules.length ? h('ul', { id, class: 'rules' }, rules.map(ruleItem)) : h('p', { id, text: t('none') }));
  }

  function render() {
    const g = shown.guidance;
    const ps = phases(g);
    const place = g.region ? g.region.name : t('national');
    const next = g.nextChange;
    const until = next ? longDate(iso(days(next.date) - 1)) : t('untilNext');
    const nextNames = next ? [...new Set(next.phases.map((p) => name(p.phase.name)))].join(' · ') : '';

    const summary = h('section', { class: 'card phase-card', 'aria-labelledby': 'phase-label' },
      h('p', { class: 'meta' },
        h('span', { id: 'answer-date', text: fullDate(g.date) + (g.dateIsToday ? ` (${t('isToday')})` : '') }),
        ' · ', h('span', { id: 'answer-region', text: place }), ` · ${ZONES[g.zone] || g.zone}`),
      h('p', { id: 'phase-label', class: 'phase-label', text: t('phase') }),
      h('p', { id: 'phase', class: `phase${ps.some((p) => p.id === 'quiet-period') ? ' quiet' : ''}`, 'data-phases': ps.map((p) => p.id).join(' ') },
        ps.length ? ps.map((p) => name(p.name)).join(' · ') : t('noElection')),
      h('p', { class: 'until' }, `${t('validUntil')} `, h('strong', { id: 'valid-until', text: until })),
      next ? h('p', { class: 'next', text: T[lang].nextFrom(longDate(next.date), nextNames) }) : null,
      h('p', { class: 'scope', text: name(g.scope) }),
      g.region ? null : h('p', { class: 'scope', text: t('pickRegion') }));

    const running = g.elections.length
      ? h('section', { class: 'card', 'aria-labelledby': 'running-title' },
        h('h2', { id: 'running-title', text: t('running') }),
        g.elections.map((e) => h('div', { class: 'election', 'data-election': e.id },
          h('h3', { text: name(e.name) }),
          h('ul', { class: 'contests' }, e.contests.map((c) => h('li', { 'data-contest': c.id },
            `${name(c.name)}: `, h('strong', { text: name(c.phase.name) })))),
          h('h4', { text: t('stages') }),
          e.stages.length
            ? h('ul', { class: 'stages' }, e.stages.map((st) => h('li', { 'data-stage': `${e.id}/${st.id}` },
              h('span', { text: name(st.name) }),
              st.start ? h('span', { class: 'dates', text: ` (${range(st.start, st.end)})` }) : null)))
            : h('p', { text: t('noStages') }))))
      : null;

    const answer = $('answer');
    const notices = g.notices.length
      ? h('section', { class: 'card notices', id: 'notices' }, g.notices.map((n) => h('p', { 'data-notice': n.code, text: name(n.text) })))
      : '';
    answer.replaceChildren(notices, summary, timelineSection, ruleList('prohibited', t('prohibited'), g.prohibited), ruleList('allowed', t('allowed'), g.allowed), running || '');
    answer.dataset.state = 'ready';
    answer.setAttribute('aria-busy', 'false');
    $('notice-main').textContent = name(g.notice);
    const other = lang === 'id' ? 'en' : 'id';
    $('notice-other').textContent = g.notice[other];
    $('notice-other').lang = other;
    renderLinks();
    renderTimeline();
  }

  function renderLinks() {
    const code = byCode.has(state.region) || (shown && shown.guidance.region) ? encodeURIComponent(state.region) : '';
    $('feeds').hidden = !code;
    if (!code) { return; }
    const path = `/v1/regions/${code}/calendar`;
    $('link-ics').href = `${path}.ics`;
    $('link-csv').href = `${path}.csv`;
    $('link-webcal').href = `webcal://${location.host}${path}.ics`;
  }

  // ---- the timeline ----------------------------------------------------------------------------------------
  // Which stages are drawn: the elections whose cycle (first start to last end of their dated, scheduled stages)
  // contains the date, or else the nearest ones; of those, the dated scheduled main stages (no parent) plus the
  // quiet period and voting day even where they are sub-stages. The browser tests apply the same rule.
  function chooseTimeline(calendar, date) {
    const d = days(date);
    const cycles = calendar.elections.map((e) => {
      const dated = e.stages.filter((st) => st.status === 'scheduled' && st.start && st.end);
      if (!dated.length) { return null; }
      const from = Math.min(...dated.map((st) => days(st.start)));
      const to = Math.max(...dated.map((st) => days(st.end)));
      const stages = dated.filter((st) => st.parentId === null || st.id === 'masa-tenang' || st.id === 'pemungutan-suara')
        .sort((a, b) => days(a.start) - days(b.start) || days(a.end) - days(b.end));
      return { election: e.election, stages, from, to, distance: d < from ? from - d : d > to ? d - to : 0 };
    }).filter(Boolean);
    const nearest = Math.min(...cycles.map((c) => c.distance));
    return cycles.filter((c) => c.distance === nearest);
  }

  function renderTimeline() {
    const box = $('timeline');
    if (!shown || !state.region) { timelineSection.hidden = true; return; }
    timelineSection.hidden = false;
    if (!shown.calendar) {
      box.replaceChildren(h('p', { class: 'detail', text: t('errTimeline') }));
      $('timeline-hint').textContent = '';
      return;
    }
    const date = shown.guidance.date;
    const chosen = chooseTimeline(shown.calendar, date);
    const count = chosen.reduce((n, c) => n + c.stages.length, 0);
    if (!count) { box.replaceChildren(h('p', { text: t('timelineEmpty') })); $('timeline-hint').textContent = ''; return; }
    const names = chosen.map((c) => name(c.election.name)).join(', ');
    $('timeline-hint').textContent = T[lang].timelineHint(count, names);
    box.replaceChildren(drawTimeline(chosen, date, Math.max(280, box.clientWidth)));
  }

  function drawTimeline(chosen, date, width) {
    const pad = 8;
    const axis = 40;
    const rowH = 32;
    const headH = 26;
    const today = days(date);
    const from = Math.min(today, ...chosen.map((c) => Math.min(...c.stages.map((st) => days(st.start)))));
    const to = Math.max(today, ...chosen.map((c) => Math.max(...c.stages.map((st) => days(st.end))))) + 1;
    const x = (d) => pad + ((d - from) / (to - from)) * (width - 2 * pad);
    const height = axis + chosen.reduce((n, c) => n + headH + c.stages.length * rowH, 0) + 8;
    const charW = 6.6;
    const maxChars = Math.floor((width - 2 * pad) / charW);

    const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'tl', 'aria-labelledby': 'tl-title' });
    const summary = [T[lang].timelineLabel(names(chosen), longDate(iso(from)), longDate(iso(to - 1)), longDate(date))];
    const bands = s('g', { class: 'bands' });
    const grid = s('g', { class: 'grid' });
    const rows = s('g', { class: 'rows' });
    svg.append(s('title', { id: 'tl-title' }), grid, bands, rows);

    // Month ticks, thinned so labels never overlap; a year label at each January (or at the first tick).
    const months = [];
    for (let y = +iso(from).slice(0, 4), m = +iso(from).slice(5, 7) - 1; ; m++) {
      const d = Date.UTC(y, m, 1) / DAY;
      if (d > to) { break; }
      if (d >= from) { months.push(d); }
    }
    const every = [1, 2, 3, 6, 12].find((n) => (months.length / n) * 56 <= width - 2 * pad) || 12;
    months.filter((d) => (new Date(d * DAY).getUTCMonth()) % every === 0).forEach((d, i) => {
      const month = new Date(d * DAY).getUTCMonth();
      grid.append(s('line', { x1: x(d), x2: x(d), y1: axis - 6, y2: height - 4, class: month === 0 ? 'tick year' : 'tick' }));
      const label = month === 0 || i === 0 ? fmt(iso(d), { month: 'short', year: 'numeric' }) : fmt(iso(d), { month: 'short' });
      if (x(d) + label.length * 6 < width) { grid.append(s('text', { x: x(d) + 2, y: axis - 10, class: 'tick-label', text: label })); }
    });

    let y = axis;
    for (const c of chosen) {
      rows.append(s('text', { x: pad, y: y + 17, class: 'election-label', text: clip(name(c.election.name), maxChars) }));
      y += headH;
      const vote = c.election.votingDay;
      for (const st of c.stages) {
        const a = days(st.start);
        const b = days(st.end) + 1;
        const quiet = st.id === 'masa-tenang';
        const voting = st.id === 'pemungutan-suara';
        const now = a <= today && today < b;
        const cls = ['bar', quiet ? 'bar-quiet' : '', voting ? 'bar-vote' : '', now ? 'bar-now' : ''].filter(Boolean).join(' ');
        const bx = x(a);
        const bw = Math.max(3, x(b) - bx);
        const g = s('g', { class: 'stage', 'data-stage': `${c.election.id}/${st.id}` });
        g.append(s('title', { text: `${name(st.name)}: ${range(st.start, st.end)}` }));
        const label = clip(name(st.name), maxChars);
        const labelW = label.length * charW;
        const lx = bx + labelW <= width - pad ? bx : Math.max(pad, Math.min(bx + bw, width - pad) - labelW);
        g.append(s('text', { x: lx, y: y + 12, class: now ? 'stage-label now' : 'stage-label', text: label }));
        g.append(s('rect', { x: bx, y: y + 16, width: bw, height: 10, rx: 2, class: cls }));
        rows.append(g);
        if (quiet) {
          bands.append(s('rect', { x: bx, y: axis - 4, width: bw, height: height - axis, class: 'band-quiet' }));
          summary.push(T[lang].quietAt(range(st.start, st.end)));
        }
        y += rowH;
      }
      if (vote && days(vote) >= from && days(vote) < to) {
        bands.append(s('rect', { x: x(days(vote)), y: axis - 4, width: Math.max(2, x(days(vote) + 1) - x(days(vote))), height: height - axis, class: 'band-vote', 'data-voting-day': vote }));
        summary.push(T[lang].voteAt(longDate(vote)));
      }
    }

    const tx = x(today) + (x(today + 1) - x(today)) / 2;
    grid.append(s('line', { x1: tx, x2: tx, y1: 14, y2: height - 2, class: 'today', 'data-date': date }));
    const tl = fmt(date, { day: 'numeric', month: 'short', year: 'numeric' });
    const tlw = tl.length * 6.4;
    grid.append(s('text', { x: Math.max(pad, Math.min(tx - tlw / 2, width - pad - tlw)), y: 11, class: 'today-label', text: tl }));
    svg.querySelector('#tl-title').textContent = summary.join(' ');
    return svg;
  }

  const names = (chosen) => chosen.map((c) => name(c.election.name)).join(', ');
  const clip = (text, n) => (text.length > n ? `${text.slice(0, Math.max(1, n - 1))}…` : text);

  // ---- language --------------------------------------------------------------------------------------------
  function applyLang() {
    document.documentElement.lang = lang;
    document.title = t('pageTitle');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    const button = $('lang');
    button.textContent = t('langButton');
    button.lang = t('langCode');
    button.setAttribute('aria-label', t('langLabel'));
    if (regions.length) { fillPickers(); }
    if (shown) { render(); }
  }

  // ---- wiring ----------------------------------------------------------------------------------------------
  function wire() {
    $('lang').addEventListener('click', () => {
      lang = lang === 'id' ? 'en' : 'id';
      store.set('es.lang', lang);
      applyLang();
      writeUrl(false);
      if (!shown) { load(); }
    });
    $('province').addEventListener('change', (e) => pick(e.target.value, state.date));
    $('regency').addEventListener('change', (e) => pick(e.target.value || $('province').value, state.date));
    const fromSearch = () => {
      const code = bySearch.get($('search').value.trim().toLowerCase());
      if (code && code !== state.region) { pick(code, state.date); }
      return code;
    };
    $('search').addEventListener('input', fromSearch);
    $('search').addEventListener('change', fromSearch);
    $('date').addEventListener('change', (e) => pick(state.region, e.target.value));
    $('today').addEventListener('click', () => pick(state.region, ''));
    $('pick').addEventListener('submit', (e) => {
      e.preventDefault();
      const code = fromSearch();
      if (!code || code === state.region) { pick(state.region, $('date').value); }
    });
    window.addEventListener('popstate', () => { readUrl(); applyLang(); syncPickers(); load(); });
    let width = 0;
    window.addEventListener('resize', () => {
      const w = $('timeline').clientWidth;
      if (w !== width && shown) { width = w; renderTimeline(); }
    });
  }

  async function loadRegions() {
    try {
      regions = await getJson('/v1/regions');
      regions.forEach((r) => byCode.set(r.code, r));
      fillPickers();
      renderLinks();
    } catch {
      const box = $('message');
      if (box.hidden) { box.replaceChildren(h('p', { class: 'headline', text: t('errRegions') })); box.hidden = false; }
    }
  }

  readUrl();
  if (state.region) { store.set('es.region', state.region); }
  wire();
  applyLang();
  writeUrl(false);
  loadRegions();
  load();
})();
