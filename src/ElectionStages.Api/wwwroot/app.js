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
      csv: 'Tabel (CSV)', xlsx: 'Tabel Excel (.xlsx)', docs: 'Dokumentasi API (Swagger)', changesFeed: 'Perubahan data (umpan Atom)', noticeTitle: 'Bukan pendapat hukum',
      footer: 'Data: peraturan KPU dan peraturan ASN yang dipublikasikan; setiap baris mencantumkan sumbernya.',
      langButton: 'English', langCode: 'en', langLabel: 'Switch to English',
      provinceSuffix: 'provinsi', national: 'Seluruh Indonesia (pemilu nasional saja)',
      isToday: 'hari ini', phase: 'Fase netralitas', noElection: 'Tidak ada tahapan pemilu yang berjalan',
      validUntil: 'Berlaku sampai', untilNext: 'Belum ada perubahan berikutnya yang tercatat',
      pickTitle: 'Wilayah dan tanggal', change: 'Ubah', upcoming: 'Berikutnya:', notScheduled: 'belum dijadwalkan',
      wholeCycle: 'Tampilkan seluruh siklus', aroundDate: 'Tampilkan sekitar tanggal ini',
      embedTitle: 'Pasang di situs instansi Anda',
      embedHint: 'Salin kode ini ke halaman situs Anda. Kotak ini menampilkan fase hari ini untuk wilayah yang dipilih.',
      embedFrame: 'Kotak (iframe)', embedBadge: 'Lencana (gambar SVG)',
      ask: 'Bolehkah saya …?', askPlaceholder: 'misalnya: bagikan unggahan',
      askHint: 'Ketik perbuatannya, lalu pilih dari daftar.', askNone: 'Tidak ditemukan. Coba kata lain.',
      verdicts: { prohibited: 'Dilarang', allowed: 'Boleh', 'not-regulated': 'Tidak diatur' },
      verdictUntil: (d) => `sampai ${d}`, verdictOpen: 'tanpa batas waktu yang tercatat',
      phaseRules: 'Khusus fase ini', alwaysRules: 'Selalu berlaku', duties: 'Kewajiban',
      others: 'Larangan bagi pihak lain (melindungi ASN)', exceptionLabel: 'Pengecualian yang dibolehkan:',
      exceptionOf: 'Pengecualian atas:',
      validity: (a, b) => (b ? `Dasar hukum ini berlaku ${a} – ${b}.` : `Dasar hukum ini berlaku sejak ${a}.`),
      dataUpdated: (d) => `Data diperbarui ${d}.`,
      keptAnswer: (place, d) => `Jawaban di bawah masih untuk ${place}, ${d}.`,
      printStages: 'Tahapan utama', printPhase: (d) => `Fase netralitas pada ${d}`, printMain: 'Larangan utama fase ini',
      announce: (p, u) => `${p}. ${u}`,
      nextFrom: (d, p) => `Mulai ${d}: ${p}.`,
      running: 'Pemilu dan tahapan yang berjalan', contests: 'Kontestasi dan fasenya', stages: 'Tahapan yang berjalan',
      noStages: 'Tidak ada tahapan bertanggal yang berjalan pada tanggal ini.',
      prohibited: 'Dilarang', allowed: 'Dibolehkan', none: 'Tidak ada.',
      sanction: 'Sanksi', legalBasis: 'Dasar hukum', because: 'Berlaku karena', always: 'Selalu berlaku',
      source: 'Sumber', confidence: 'Tingkat keyakinan', note: 'Catatan',
      conf: { high: 'tinggi', medium: 'sedang', low: 'rendah' },
      sanctions: {
        ethics: 'Sanksi moral (kode etik)', 'light-discipline': 'Hukuman disiplin ringan', 'moderate-discipline': 'Hukuman disiplin sedang',
        'severe-discipline': 'Hukuman disiplin berat', dismissal: 'Pemberhentian', criminal: 'Pidana',
        unspecified: 'Sanksi tidak ditentukan', none: 'Tanpa sanksi',
      },
      pickRegion: 'Pilih wilayah untuk melihat pilkada di wilayah itu dan lini masanya.',
      timelineHint: (n, names) => `${n} tahapan utama ${names}; batang yang lebih gelap sedang berjalan.`,
      timelineEmpty: 'Tidak ada tahapan bertanggal untuk digambar.',
      timelineLabel: (names, from, to, d) => `Lini masa ${names} dari ${from} sampai ${to}; tanggal yang dipilih ${d}.`,
      quietAt: (r) => `Masa tenang: ${r}.`, voteAt: (d) => `Pemungutan suara: ${d}.`,
      errNetwork: 'Server tidak dapat dihubungi. Periksa koneksi internet Anda, lalu tekan "Coba lagi".',
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
      csv: 'Spreadsheet (CSV)', xlsx: 'Excel workbook (.xlsx)', docs: 'API documentation (Swagger)', changesFeed: 'Data changes (Atom feed)', noticeTitle: 'Not a legal opinion',
      footer: 'Data: published KPU and civil-service regulations; every row names its source.',
      langButton: 'Bahasa Indonesia', langCode: 'id', langLabel: 'Ganti ke Bahasa Indonesia',
      provinceSuffix: 'province', national: 'All of Indonesia (national elections only)',
      isToday: 'today', phase: 'Neutrality phase', noElection: 'No election stage is running',
      validUntil: 'Valid until', untilNext: 'No later change is recorded',
      pickTitle: 'Region and date', change: 'Change', upcoming: 'Next:', notScheduled: 'not yet scheduled',
      wholeCycle: 'Show the whole cycle', aroundDate: 'Show around this date',
      embedTitle: 'Put it on your agency\'s site',
      embedHint: 'Copy this code into a page of your site. The box shows today\'s phase for the chosen region.',
      embedFrame: 'Box (iframe)', embedBadge: 'Badge (SVG image)',
      ask: 'May I …?', askPlaceholder: 'e.g. share a post',
      askHint: 'Type the act, then pick it from the list.', askNone: 'Nothing found. Try other words.',
      verdicts: { prohibited: 'Prohibited', allowed: 'Allowed', 'not-regulated': 'Not regulated' },
      verdictUntil: (d) => `until ${d}`, verdictOpen: 'with no recorded end',
      phaseRules: 'For this phase', alwaysRules: 'At all times', duties: 'Duties',
      others: 'Rules for others (protecting ASN)', exceptionLabel: 'Allowed exception:',
      exceptionOf: 'Exception to:',
      validity: (a, b) => (b ? `This legal basis was in force ${a} – ${b}.` : `This legal basis is in force since ${a}.`),
      dataUpdated: (d) => `Data updated ${d}.`,
      keptAnswer: (place, d) => `The answer below is still for ${place}, ${d}.`,
      printStages: 'Main stages', printPhase: (d) => `Neutrality phase on ${d}`, printMain: 'Main prohibitions of this phase',
      announce: (p, u) => `${p}. ${u}`,
      nextFrom: (d, p) => `From ${d}: ${p}.`,
      running: 'Elections and stages running', contests: 'Contests and their phase', stages: 'Stages running',
      noStages: 'No dated stage runs on this date.',
      prohibited: 'Prohibited', allowed: 'Allowed', none: 'None.',
      sanction: 'Sanction', legalBasis: 'Legal basis', because: 'In force because of', always: 'Holds at all times',
      source: 'Source', confidence: 'Confidence', note: 'Note',
      conf: { high: 'high', medium: 'medium', low: 'low' },
      sanctions: {
        ethics: 'Moral sanction (code of ethics)', 'light-discipline': 'Light disciplinary penalty', 'moderate-discipline': 'Moderate disciplinary penalty',
        'severe-discipline': 'Severe disciplinary penalty', dismissal: 'Dismissal', criminal: 'Criminal penalty',
        unspecified: 'Sanction not specified', none: 'No sanction',
      },
      pickRegion: 'Pick a region to see its regional elections and their timeline.',
      timelineHint: (n, names) => `${n} main stages of ${names}; darker bars are running.`,
      timelineEmpty: 'No dated stage to draw.',
      timelineLabel: (names, from, to, d) => `Timeline of ${names} from ${from} to ${to}; the chosen date is ${d}.`,
      quietAt: (r) => `Quiet period: ${r}.`, voteAt: (d) => `Voting day: ${d}.`,
      errNetwork: 'The server cannot be reached. Check your internet connection, then press "Try again".',
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
  let focusAnswer = false;
  let keepOpen = false;
  let whole = false;
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

  // A pick from the search field, the date, "Hari ini" or "Tampilkan" folds the form and moves the focus to the
  // answer; a pick in the selects does not, since the user is still in the form (type-ahead changes them key by key).
  function pick(region, date, fromSelect = false) {
    state.region = region;
    state.date = date;
    store.set('es.region', region);
    syncPickers();
    writeUrl(true);
    keepOpen = fromSelect;
    focusAnswer = !fromSelect && folds();
    load();
  }

  // The form folds away once a regency or city is chosen (a province is usually a step towards one).
  const folds = () => Boolean(state.region) && (byCode.get(state.region) || { kind: 'regency' }).kind !== 'province';

  // One request (and one history entry) per chosen answer, not per keystroke in the date field.
  function debounce(fn, ms) {
    let timer = 0;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
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
    if (!response.ok) { throw { problem: body || { status: response.status, title: response.statusText || `HTTP ${response.status}` } }; }
    return body;
  }

  // The calendar the timeline draws: the region's, or the general elections' when no region is chosen; with the
  // contests' phase spans, so a phase the answer names (a quiet period without a dated stage) is drawn too.
  async function loadCalendar() {
    let calendar;
    if (state.region) {
      calendar = await getJson(`/v1/regions/${encodeURIComponent(state.region)}/calendar`);
    } else {
      const elections = (await getJson('/v1/elections')).filter((e) => e.kind === 'pemilu');
      const stages = await Promise.all(elections.map((e) => getJson(`/v1/elections/${encodeURIComponent(e.id)}/stages`)));
      calendar = { elections: stages.map((st) => ({ election: st.election, stages: st.stages })) };
    }
    const contests = await Promise.all(calendar.elections.map((e) =>
      getJson(`/v1/elections/${encodeURIComponent(e.election.id)}/contests`).catch(() => [])));
    calendar.elections.forEach((e, i) => { e.contests = contests[i]; });
    return calendar;
  }

  async function load() {
    const id = ++requestId;
    const answer = $('answer');
    answer.setAttribute('aria-busy', 'true');
    if (!shown) { answer.dataset.state = 'loading'; }
    const q = new URLSearchParams();
    if (state.region) { q.set('region', state.region); }
    if (state.date) { q.set('date', state.date); }
    const guidance = getJson(`/v1/asn/guidance?${q}`);
    const calendar = loadCalendar().catch((e) => ({ failed: e }));
    try {
      const [g, c] = await Promise.all([guidance, calendar]);
      if (id !== requestId) { return; }
      shown = { guidance: g, calendar: c && !c.failed ? c : null, calendarError: c && c.failed };
      clearMessage();
      render();
      if (!marked) { marked = true; performance.mark('answer-visible'); }
      announce();
    } catch (e) {
      if (id !== requestId) { return; }
      showError(e);
    }
  }

  // Once per chosen answer: focus moves to the phase and the phase is announced, not the whole list.
  function announce() {
    const g = shown.guidance;
    const ps = phases(g);
    const phaseText = ps.length ? ps.map((p) => name(p.name)).join(' · ') : t('noElection');
    $('status').textContent = T[lang].announce(phaseText, untilText(g));
    if (focusAnswer) { focusAnswer = false; $('phase-card').focus(); }
  }

  // ---- messages --------------------------------------------------------------------------------------------
  function clearMessage() {
    $('message').hidden = true;
    $('message').replaceChildren();
    $('date').removeAttribute('aria-invalid');
  }

  function showError(e) {
    const answer = $('answer');
    answer.setAttribute('aria-busy', 'false');
    const p = e && e.problem;
    const keep = e && e.network && shown;
    if (!keep) {
      shown = null;
      answer.replaceChildren(h('p', { text: t('noAnswer') }));
      answer.dataset.state = 'error';
      timelineSection.hidden = true;
    }
    let headline = t('errOther');
    if (e && e.network) { headline = t('errNetwork'); }
    else if (p && p.parameter === 'date') { headline = T[lang].errDate(state.date); $('date').setAttribute('aria-invalid', 'true'); }
    else if (p && p.parameter === 'region') { headline = T[lang].errRegion(state.region); }
    const detail = p && (p.detail || p.title);
    const box = $('message');
    box.replaceChildren(
      h('p', { class: 'headline', text: headline }),
      keep ? h('p', { text: T[lang].keptAnswer(place(shown.guidance), fullDate(shown.guidance.date)) }) : null,
      detail ? h('p', { class: 'detail' }, `${t('apiSays')} `, h('span', { lang: 'en', text: detail })) : null,
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

  const place = (g) => (g.region ? g.region.name : t('national'));
  const untilText = (g) => (g.nextChange ? `${t('validUntil')} ${longDate(iso(days(g.nextChange.date) - 1))}` : t('untilNext'));
  const family = (rule) => rule.versionOf || rule.id;

  function basisList(basis) {
    return h('ul', {}, basis.map((b) => h('li', {},
      b.url ? h('a', { href: b.url, rel: 'noopener', text: `${b.instrument} ${b.article}`.trim() }) : `${b.instrument} ${b.article}`.trim())));
  }

  function ruleItem(rule) {
    const g = shown.guidance;
    const kind = rule.sanction.kind;
    const because = rule.elections.length
      // Short names ("PSU Pilkada 2024"): the full ones run to 150 characters, and the election's heading has it.
      ? rule.elections.map((id) => (g.elections.find((e) => e.id === id) || {}).shortName || id).join(', ')
      : t('always');
    // An allowed act that qualifies this prohibition is shown beside it, so the two never contradict silently.
    const exceptions = g.allowed.filter((a) => a.exceptionTo.includes(family(rule)));
    const qualifies = rule.exceptionTo.map((id) => g.prohibited.concat(g.duties).find((r) => family(r) === id)).filter(Boolean);
    const validity = T[lang].validity(longDate(rule.validFrom), rule.validTo ? longDate(rule.validTo) : null);
    return h('li', { class: 'rule', 'data-rule': rule.id },
      h('details', {},
        h('summary', {}, h('span', { class: 'rule-text', text: name(rule.text) }),
          kind === 'none' ? null : h('span', { class: `badge s-${kind}`, text: t('sanctions')[kind] || kind })),
        h('dl', {},
          kind === 'none' ? null : [h('dt', { text: t('sanction') }), h('dd', { text: name(rule.sanction.text) })],
          h('dt', { text: t('legalBasis') }), h('dd', {}, rule.legalBasis.length ? basisList(rule.legalBasis) : t('none'), h('p', { class: 'validity', text: validity })),
          h('dt', { text: t('because') }), h('dd', { text: because }),
          h('dt', { text: t('source') }), h('dd', { lang: 'en', class: 'source', text: rule.source }),
          h('dt', { text: t('confidence') }), h('dd', { text: t('conf')[rule.confidence] || rule.confidence }),
          rule.note ? [h('dt', { text: t('note') }), h('dd', { text: name(rule.note) })] : null)),
      exceptions.length ? h('p', { class: 'exception' }, h('strong', { text: `${t('exceptionLabel')} ` }), exceptions.map((a) => name(a.text)).join(' · ')) : null,
      qualifies.length ? h('p', { class: 'exception' }, h('strong', { text: `${t('exceptionOf')} ` }), qualifies.map((r) => name(r.text)).join(' · ')) : null);
  }

  function ruleList(id, title, rules) {
    return h('section', { class: `card rules-card ${id}`, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, `${title} `, h('span', { class: 'count', text: `(${rules.length})` })),
      rules.length ? h('ul', { id, class: 'rules' }, rules.map(ruleItem)) : h('p', { id, text: t('none') }));
  }

  // A group that matters less on the day: folded, one tap away.
  function foldedList(id, title, rules) {
    if (!rules.length) { return null; }
    return h('details', { class: `card rules-card folded ${id}`, id: `${id}-box` },
      h('summary', {}, h('h2', { id: `${id}-title` }, `${title} `, h('span', { class: 'count', text: `(${rules.length})` }))),
      h('ul', { id, class: 'rules' }, rules.map(ruleItem)));
  }

  // ---- "Bolehkah saya …?" ----------------------------------------------------------------------------------
  const ask = { q: '', act: null };

  function askBox() {
    const input = h('input', { id: 'ask-q', type: 'search', autocomplete: 'off', placeholder: t('askPlaceholder'), 'aria-describedby': 'ask-hint' });
    input.value = ask.q;
    const box = h('section', { class: 'card ask', id: 'ask', 'aria-labelledby': 'ask-title' },
      h('h2', {}, h('label', { id: 'ask-title', for: 'ask-q', text: t('ask') })),
      input,
      h('small', { id: 'ask-hint', text: t('askHint') }),
      h('ul', { id: 'ask-results', class: 'ask-results' }),
      h('div', { id: 'ask-verdict', class: 'verdict', 'aria-live': 'polite' }));
    input.addEventListener('input', debounce(() => { ask.q = input.value.trim(); searchActs(); }, 300));
    return box;
  }

  async function searchActs() {
    const list = $('ask-results');
    if (!list) { return; }
    if (!ask.q) { list.replaceChildren(); return; }
    const q = ask.q;
    let acts = [];
    try { acts = await getJson(`/v1/asn/acts?q=${encodeURIComponent(q)}`); } catch { acts = []; }
    if (q !== ask.q || !$('ask-results')) { return; }
    $('ask-results').replaceChildren(...(acts.length
      ? acts.slice(0, 6).map((a) => h('li', {}, h('button', { type: 'button', class: 'link', 'data-act': a.id, text: name(a.text) })))
      : [h('li', { class: 'none', text: t('askNone') })]));
    $('ask-results').querySelectorAll('button[data-act]').forEach((b) => b.addEventListener('click', () => { ask.act = b.dataset.act; checkAct(); }));
  }

  async function checkAct() {
    const box = $('ask-verdict');
    if (!box || !ask.act || !shown) { return; }
    const g = shown.guidance;
    const q = new URLSearchParams({ date: g.date });
    if (g.region) { q.set('region', g.region.code); }
    let v;
    try { v = await getJson(`/v1/asn/acts/${encodeURIComponent(ask.act)}?${q}`); } catch { box.replaceChildren(h('p', { text: t('errOther') })); return; }
    if (!$('ask-verdict') || v.act.id !== ask.act) { return; }
    const until = v.until ? T[lang].verdictUntil(longDate(v.until)) : t('verdictOpen');
    $('ask-verdict').replaceChildren(
      h('p', { class: `verdict-line v-${v.verdict}`, id: 'verdict', 'data-verdict': v.verdict },
        h('strong', { text: t('verdicts')[v.verdict] }), ` ${until}`),
      h('p', { class: 'verdict-act', text: name(v.act.text) }),
      v.sanction ? h('p', {}, h('strong', { text: `${t('sanction')}: ` }), name(v.sanction.name)) : null,
      v.legalBasis.length ? h('div', { class: 'verdict-basis' }, h('strong', { text: `${t('legalBasis')}:` }), basisList(v.legalBasis)) : null,
      v.notices.map((n) => h('p', { class: 'notice-line', 'data-notice': n.code, text: name(n.text) })));
  }

  function render() {
    const g = shown.guidance;
    const ps = phases(g);
    const next = g.nextChange;
    const nextNames = next ? [...new Set(next.phases.map((p) => name(p.phase.name)))].join(' · ') : '';

    const summary = h('section', { class: 'card phase-card', id: 'phase-card', tabindex: '-1', 'aria-labelledby': 'phase-label' },
      h('p', { class: 'meta' },
        h('span', { id: 'answer-date', text: fullDate(g.date) + (g.dateIsToday ? ` (${t('isToday')})` : '') }),
        ' · ', h('span', { id: 'answer-region', text: place(g) }), ` · ${ZONES[g.zone] || g.zone}`),
      h('p', { id: 'phase-label', class: 'phase-label', text: t('phase') }),
      h('p', { id: 'phase', class: `phase${ps.some((p) => p.id === 'quiet-period') ? ' quiet' : ''}`, 'data-phases': ps.map((p) => p.id).join(' ') },
        ps.length ? ps.map((p) => name(p.name)).join(' · ') : t('noElection')),
      h('p', { class: 'until', id: 'valid-until', text: untilText(g) }),
      next ? h('p', { class: 'next', text: T[lang].nextFrom(longDate(next.date), nextNames) }) : null,
      g.upcoming.length ? h('p', { class: 'next', id: 'upcoming' }, `${t('upcoming')} `,
        g.upcoming.map((u) => `${u.shortName} (${u.votingDay ? longDate(u.votingDay) : t('notScheduled')})`).join(' · ')) : null,
      h('p', { class: 'scope', text: name(g.scope) }),
      g.region ? null : h('p', { class: 'scope', text: t('pickRegion') }));

    const notices = g.notices.length
      ? h('section', { class: 'card notices', id: 'notices', role: 'note' }, g.notices.map((n) => h('p', { 'data-notice': n.code, text: name(n.text) })))
      : null;

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

    const phaseRules = g.prohibited.filter((r) => r.scope === 'phase');
    const alwaysRules = g.prohibited.filter((r) => r.scope === 'always');
    const answer = $('answer');
    answer.replaceChildren(...[
      notices, summary, askBox(),
      ruleList('prohibited', `${t('prohibited')}: ${t('phaseRules').toLowerCase()}`, phaseRules),
      foldedList('always', `${t('prohibited')}: ${t('alwaysRules').toLowerCase()}`, alwaysRules),
      foldedList('duties', t('duties'), g.duties),
      ruleList('allowed', t('allowed'), g.allowed),
      foldedList('others', t('others'), g.othersMustNot),
      timelineSection, running,
    ].filter(Boolean));
    answer.dataset.state = 'ready';
    answer.setAttribute('aria-busy', 'false');
    $('notice-main').textContent = name(g.notice);
    const other = lang === 'id' ? 'en' : 'id';
    $('notice-other').textContent = g.notice[other];
    $('notice-other').lang = other;
    $('data-updated').textContent = T[lang].dataUpdated(longDate(g.importedAt.slice(0, 10)));
    // Once chosen, the form folds above the answer: the first screen is the answer.
    const chosen = folds();
    $('pick-box').open = !chosen || keepOpen;
    $('lead').hidden = chosen;
    $('pick-choice').textContent = `${place(g)} · ${longDate(g.date)}`;
    renderLinks();
    renderTimeline();
    renderPrint();
    if (ask.act) { checkAct(); } else if (ask.q) { searchActs(); }
  }

  function renderLinks() {
    const code = byCode.has(state.region) || (shown && shown.guidance.region) ? encodeURIComponent(state.region) : '';
    $('feeds').hidden = !code;
    if (!code) { return; }
    const path = `/v1/regions/${code}/calendar`;
    $('link-ics').href = `${path}.ics`;
    // With a byte order mark: whoever clicks opens it in a spreadsheet, and Excel needs the mark to read UTF-8.
    $('link-csv').href = `${path}.csv?bom=true`;
    $('link-xlsx').href = `${path}.xlsx`;
    $('link-webcal').href = `webcal://${location.host}${path}.ics`;
    const title = lang === 'id' ? 'Netralitas ASN' : 'ASN neutrality';
    $('embed-code').value = `<iframe src="${location.origin}/embed?region=${code}${lang === 'en' ? '&lang=en' : ''}" width="320" height="160" style="border:0" title="${title}"></iframe>`;
    $('badge-code').value = `<a href="${location.origin}/?region=${code}"><img src="${location.origin}/v1/regions/${code}/badge.svg${lang === 'en' ? '?lang=en' : ''}" alt="${title}"></a>`;
  }

  // ---- print: one A4 page for an office board -----------------------------------------------------------------
  function renderPrint() {
    const sheet = $('print-sheet');
    const g = shown.guidance;
    const ps = phases(g);
    const chosen = shown.calendar ? chooseTimeline(shown.calendar, g.date) : [];
    sheet.replaceChildren(
      h('h2', { text: `${t('brand')}: ${place(g)}` }),
      h('p', { class: 'print-phase' },
        h('strong', { text: `${T[lang].printPhase(longDate(g.date))}: ` }),
        ps.length ? ps.map((p) => name(p.name)).join(' · ') : t('noElection'), ` (${untilText(g)})`),
      chosen.map((c) => h('div', { class: 'print-election' },
        h('h3', { text: `${t('printStages')}: ${name(c.election.name)}` }),
        h('table', {}, h('tbody', {}, c.stages.map((st) => h('tr', { class: st.id === 'masa-tenang' ? 'quiet' : st.id === 'pemungutan-suara' ? 'vote' : '' },
          h('td', { text: name(st.name) }), h('td', { class: 'dates', text: range(st.start, st.end) }))))))),
      h('h3', { text: t('printMain') }),
      h('ul', {}, g.prohibited.filter((r) => r.scope === 'phase').slice(0, 6).map((r) => h('li', { text: name(r.text) }))),
      h('p', { class: 'print-foot', text: `${name(g.notice)} ${location.origin}/?region=${encodeURIComponent(state.region)}` }));
  }

  // ---- the timeline ----------------------------------------------------------------------------------------
  // Which stages are drawn: the elections whose cycle (first start to last end of their dated, scheduled stages)
  // contains the date, or else the nearest ones; of those, the dated scheduled main stages (no parent) plus the
  // quiet period and voting day even where they are sub-stages; and a quiet period that only the contests' phases
  // date (no dated stage) as a bar of its own, so the timeline never contradicts the answer. The browser tests
  // apply the same rule.
  function chooseTimeline(calendar, date) {
    const d = days(date);
    const cycles = calendar.elections.map((e) => {
      const dated = e.stages.filter((st) => st.status === 'scheduled' && st.start && st.end);
      if (!dated.length) { return null; }
      const from = Math.min(...dated.map((st) => days(st.start)));
      const to = Math.max(...dated.map((st) => days(st.end)));
      const stages = dated.filter((st) => st.parentId === null || st.id === 'masa-tenang' || st.id === 'pemungutan-suara');
      if (!stages.some((st) => st.id === 'masa-tenang')) {
        const quiet = (e.contests || []).flatMap((c) => c.phases).find((p) => p.id === 'quiet-period');
        if (quiet) { stages.push({ id: 'masa-tenang', name: quiet.name, start: quiet.start, end: quiet.end, fromPhase: true }); }
      }
      stages.sort((a, b) => days(a.start) - days(b.start) || days(a.end) - days(b.end));
      const spans = (e.contests || []).flatMap((c) => c.phases);
      return { election: e.election, stages, spans, from, to, distance: d < from ? from - d : d > to ? d - to : 0 };
    }).filter(Boolean);
    const nearest = Math.min(...cycles.map((c) => c.distance));
    return cycles.filter((c) => c.distance === nearest);
  }

  // The default window: the phase each contest is in on the date and its neighbours; the whole cycle when the date
  // is in no phase (or on request).
  function windowOf(chosen, date) {
    const d = days(date);
    let from = Infinity;
    let to = -Infinity;
    for (const c of chosen) {
      const spans = [...c.spans].sort((a, b) => days(a.start) - days(b.start));
      spans.forEach((sp, i) => {
        if (days(sp.start) <= d && d <= days(sp.end)) {
          const prev = spans.slice(0, i).filter((x) => days(x.end) < days(sp.start)).pop() || sp;
          const next = spans.slice(i + 1).find((x) => days(x.start) > days(sp.end)) || sp;
          from = Math.min(from, days(prev.start));
          to = Math.max(to, days(next.end) + 1);
        }
      });
    }
    return Number.isFinite(from) ? { from: Math.min(from, d), to: Math.max(to, d + 1) } : null;
  }

  function renderTimeline() {
    const box = $('timeline');
    if (!shown) { timelineSection.hidden = true; return; }
    timelineSection.hidden = false;
    if (!shown.calendar) {
      box.replaceChildren(h('p', { class: 'detail', text: t('errTimeline') }));
      $('timeline-hint').textContent = '';
      return;
    }
    const date = shown.guidance.date;
    const chosen = chooseTimeline(shown.calendar, date);
    const window = whole ? null : windowOf(chosen, date);
    const drawn = chosen.map((c) => ({ ...c, stages: window ? c.stages.filter((st) => days(st.start) < window.to && days(st.end) + 1 > window.from) : c.stages }))
      .filter((c) => c.stages.length);
    const toggle = $('timeline-whole');
    toggle.hidden = !windowOf(chosen, date);
    toggle.textContent = whole ? t('aroundDate') : t('wholeCycle');
    toggle.setAttribute('aria-pressed', whole ? 'true' : 'false');
    const count = drawn.reduce((n, c) => n + c.stages.length, 0);
    if (!count) { box.replaceChildren(h('p', { text: t('timelineEmpty') })); $('timeline-hint').textContent = ''; return; }
    $('timeline-hint').textContent = T[lang].timelineHint(count, names(drawn));
    box.replaceChildren(drawTimeline(drawn, date, Math.max(280, box.clientWidth), window));
  }

  // Splits a label into lines of at most n characters, at spaces; a word longer than a line is not cut.
  function wrap(text, n) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
      if (line && (line.length + 1 + word.length) > n) { lines.push(line); line = word; } else { line = line ? `${line} ${word}` : word; }
    }
    if (line) { lines.push(line); }
    return lines;
  }

  function drawTimeline(chosen, date, width, window) {
    const pad = 8;
    const axis = 40;
    const lineH = 14;
    const headH = 26;
    const today = days(date);
    const from = window ? window.from : Math.min(today, ...chosen.map((c) => Math.min(...c.stages.map((st) => days(st.start)))));
    const to = window ? window.to : Math.max(today, ...chosen.map((c) => Math.max(...c.stages.map((st) => days(st.end))))) + 1;
    const x = (d) => pad + ((Math.min(Math.max(d, from), to) - from) / (to - from)) * (width - 2 * pad);
    const charW = 6.6;
    const maxChars = Math.max(12, Math.floor((width - 2 * pad) / charW));
    const layout = chosen.map((c) => ({ ...c, rows: c.stages.map((st) => ({ st, lines: wrap(name(st.name), maxChars) })) }));
    const height = axis + layout.reduce((n, c) => n + headH + c.rows.reduce((m, r) => m + r.lines.length * lineH + 16, 0), 0) + 8;

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
    for (const c of layout) {
      const head = s('text', { x: pad, y: y + 17, class: 'election-label' });
      head.textContent = name(c.election.name);
      rows.append(head);
      y += headH;
      const vote = c.election.votingDay;
      for (const { st, lines } of c.rows) {
        const a = days(st.start);
        const b = days(st.end) + 1;
        const quiet = st.id === 'masa-tenang';
        const voting = st.id === 'pemungutan-suara';
        const now = a <= today && today < b;
        const cls = ['bar', quiet ? 'bar-quiet' : '', voting ? 'bar-vote' : '', now ? 'bar-now' : ''].filter(Boolean).join(' ');
        // The quiet period and voting day stay visible however long the window: at least 8 px wide.
        const minW = quiet || voting ? 8 : 3;
        const bw = Math.max(minW, x(b) - x(a));
        const bx = Math.min(x(a), width - pad - bw);
        const g = s('g', { class: 'stage', 'data-stage': `${c.election.id}/${st.id}`, ...(st.fromPhase ? { 'data-from-phase': 'true' } : {}) });
        g.append(s('title', { text: `${name(st.name)}: ${range(st.start, st.end)}` }));
        const text = s('text', { x: pad, y: y + 12, class: now ? 'stage-label now' : 'stage-label' });
        lines.forEach((line, i) => text.append(s('tspan', { x: pad, dy: i === 0 ? 0 : lineH, text: line })));
        g.append(text);
        const barY = y + lines.length * lineH + 2;
        g.append(s('rect', { x: bx, y: barY, width: bw, height: 10, rx: 2, class: cls }));
        if (voting) { g.append(s('text', { x: Math.min(bx + bw + 3, width - pad - 8), y: barY + 9, class: 'vote-mark', text: '✓' })); }
        rows.append(g);
        if (quiet) {
          bands.append(s('rect', { x: bx, y: axis - 4, width: bw, height: height - axis, class: 'band-quiet' }));
          summary.push(T[lang].quietAt(range(st.start, st.end)));
        }
        y += lines.length * lineH + 16;
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
    $('province').addEventListener('change', (e) => pick(e.target.value, state.date, true));
    $('regency').addEventListener('change', (e) => pick(e.target.value || $('province').value, state.date, true));
    const fromSearch = () => {
      const code = bySearch.get($('search').value.trim().toLowerCase());
      if (code && code !== state.region) { pick(code, state.date); }
      return code;
    };
    $('search').addEventListener('input', fromSearch);
    $('search').addEventListener('change', fromSearch);
    // Typing a date fires a change per completed part: one pick (one request, one history entry) once typing stops.
    $('date').addEventListener('change', debounce(() => pick(state.region, $('date').value), 600));
    $('timeline-whole').addEventListener('click', () => { whole = !whole; renderTimeline(); });
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
