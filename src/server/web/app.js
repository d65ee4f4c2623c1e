// The sohoa web page: upload, live progress per document and page, and a result view for a clerk
// to check the work. Plain ES module, no build step; talks to the API of `sohoa serve`.

const $ = (sel) => document.querySelector(sel);
const KEY = 'sohoa_key';
const STATE_LABEL = { queued: 'Đang chờ', running: 'Đang xử lý', retrying: 'Thử lại', completed: 'Hoàn tất', failed: 'Lỗi' };
const STEP_LABEL = { plan: 'đếm trang', ocr: 'nhận dạng (OCR)', assemble: 'khôi phục, trích xuất', done: '' };

let config = { apiKeyRequired: false, lowConfidence: 0.6, maxUploadBytes: 0 };
let openId = null;
const known = new Map(); // id → last status

function apiKey() {
  return localStorage.getItem(KEY) || '';
}

async function api(path, init = {}) {
  const headers = new Headers(init.headers || {});
  if (apiKey()) headers.set('X-API-Key', apiKey());
  const res = await fetch(path, { ...init, headers });
  if (res.status === 401) {
    $('#key-form').hidden = false;
    throw new Error('Cần khóa API (API key required)');
  }
  return res;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function message(text, isError = false) {
  const m = $('#upload-message');
  m.textContent = text;
  m.className = isError ? 'error' : '';
}

// --- API key --------------------------------------------------------------------------------
function saveKey(key) {
  localStorage.setItem(KEY, key);
  // The cookie lets plain links (downloads, dashboard) carry the key; SameSite=Strict keeps it home.
  document.cookie = `${KEY}=${encodeURIComponent(key)}; path=/; SameSite=Strict`;
}

$('#key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  saveKey($('#api-key').value.trim());
  $('#key-form').hidden = true;
  refresh();
});

// --- upload ---------------------------------------------------------------------------------
async function upload(files) {
  if (!files.length) return;
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  message(`Đang tải lên ${files.length} tệp…`);
  try {
    const res = await api('/documents', { method: 'POST', body: form });
    const body = await res.json();
    const docs = body.documents || [];
    const rejected = docs.filter((d) => d.status === 'rejected');
    const duplicates = docs.filter((d) => d.status === 'duplicate');
    const parts = [`Đã nhận ${docs.length - rejected.length} tệp`];
    if (duplicates.length) parts.push(`${duplicates.length} tệp đã gửi trước đây (không xử lý lại)`);
    if (rejected.length) parts.push(`từ chối: ${rejected.map((d) => d.reason).join('; ')}`);
    if (!res.ok && !docs.length) parts.splice(0, parts.length, body.message || res.statusText);
    message(parts.join(' — '), !res.ok || rejected.length > 0);
    for (const d of docs) if (d.id) known.set(d.id, known.get(d.id) || { id: d.id, fileName: d.fileName, state: 'queued', pagesDone: 0 });
    refresh();
  } catch (err) {
    message(`Không tải lên được: ${err.message}`, true);
  }
}

const drop = $('#drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  upload([...e.dataTransfer.files]);
});
$('#file-input').addEventListener('change', (e) => {
  upload([...e.target.files]);
  e.target.value = '';
});

// --- document list with live progress -------------------------------------------------------
function pageChips(status) {
  const wrap = el('div', { class: 'pages' });
  let pages = status.pages;
  if (!pages && status.state === 'completed' && status.pageCount) {
    // The list gives finished documents without the per-page detail: every page is done but those that failed.
    const failed = new Map((status.failures || []).map((f) => [f.page, f.reason]));
    pages = Array.from({ length: status.pageCount }, (_, i) => (failed.has(i + 1) ? { page: i + 1, state: 'failed', error: failed.get(i + 1) } : { page: i + 1, state: 'done' }));
  }
  if (pages && pages.length) {
    for (const p of pages) {
      wrap.append(el('span', { class: `page-chip ${p.state}`, title: `Trang ${p.page}: ${p.state}${p.error ? ' — ' + p.error : ''}`, 'data-page': p.page, 'data-state': p.state }));
    }
  }
  const total = status.pageCount;
  const label = total ? `${status.pagesDone}/${total} trang` : '';
  const step = status.state === 'running' && status.step ? STEP_LABEL[status.step] : '';
  wrap.append(el('span', { class: 'muted', text: ` ${label}${step ? ' · ' + step : ''}` }));
  const bar = el('div', { class: 'bar' }, el('span', { style: `width:${total ? Math.round((100 * status.pagesDone) / total) : status.state === 'completed' ? 100 : 0}%` }));
  return el('div', {}, wrap, bar);
}

function row(status) {
  const done = status.state === 'completed';
  return el(
    'tr',
    { 'data-id': status.id, 'data-state': status.state },
    el('td', {}, el('div', { text: status.fileName }), status.error ? el('div', { class: 'error', text: status.error }) : null,
      (status.failures || []).length ? el('div', { class: 'error', text: status.failures.map((f) => `trang ${f.page}: ${f.reason}`).join('; ') }) : null),
    el('td', {}, el('span', { class: `state state-${status.state}`, text: STATE_LABEL[status.state] || status.state }), status.attempts > 1 ? el('div', { class: 'muted', text: `lần thử ${status.attempts}` }) : null),
    el('td', {}, pageChips(status)),
    el('td', {}, done ? el('button', { class: 'open', onclick: () => openResult(status.id) }, 'Xem kết quả') : null),
  );
}

async function refresh() {
  let list;
  try {
    const res = await api('/documents?limit=100');
    if (!res.ok) return;
    list = await res.json();
  } catch {
    return;
  }
  const detailed = await Promise.all(
    list.items.map(async (s) => {
      if (s.state === 'running' || s.state === 'retrying' || (s.state === 'queued' && s.pageCount)) {
        try {
          const res = await api(`/documents/${s.id}`);
          if (res.ok) return await res.json();
        } catch {}
      }
      return s;
    }),
  );
  const tbody = $('#doc-table tbody');
  tbody.replaceChildren(...detailed.map(row));
  $('#empty').hidden = detailed.length > 0;
  for (const s of detailed) known.set(s.id, s);
}

// --- result view ----------------------------------------------------------------------------
function table(node, header, rows) {
  node.replaceChildren(
    el('thead', {}, el('tr', {}, header.map((h) => el('th', { text: h })))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, r.map((c) => el('td', { text: c ?? '' })))) : el('tr', {}, el('td', { colspan: header.length, class: 'muted', text: 'Không tìm thấy.' }))),
  );
}

function kv(node, pairs) {
  node.replaceChildren(el('tbody', {}, pairs.map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', { text: v || '—' })))));
}

const isWordChar = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The restored text of one page with its corrections marked. Corrections come in reading order
 * with (line, column) in the page's original lines; the restored text is searched forward for
 * each corrected word, so the marks land on the right occurrence.
 */
function markedPage(text, corrections) {
  const out = [];
  let at = 0;
  for (const c of corrections) {
    if (!c.restored) continue;
    let i = text.indexOf(c.restored, at);
    while (i >= 0 && (isWordChar(text[i - 1]) || isWordChar(text[i + c.restored.length]))) i = text.indexOf(c.restored, i + 1);
    if (i < 0) continue;
    if (i > at) out.push(document.createTextNode(text.slice(at, i)));
    const low = c.confidence < config.lowConfidence;
    out.push(
      el('mark', {
        class: low ? 'fix low' : 'fix',
        title: `OCR gốc: «${c.original}» · độ tin cậy ${Math.round(c.confidence * 100)}%${c.alternatives && c.alternatives.length ? ' · khác: ' + c.alternatives.join(', ') : ''}`,
        'data-original': c.original,
        'data-confidence': c.confidence,
      }, c.restored),
    );
    at = i + c.restored.length;
  }
  out.push(document.createTextNode(text.slice(at)));
  return out;
}

function renderText(doc) {
  const pages = doc.text.restored.split('\f');
  const byPage = new Map();
  const sorted = [...doc.quality.corrections].sort((a, b) => (a.page ?? 1) - (b.page ?? 1) || a.line - b.line || a.column - b.column);
  for (const c of sorted) {
    const p = c.page ?? 1;
    if (!byPage.has(p)) byPage.set(p, []);
    byPage.get(p).push(c);
  }
  const nodes = [];
  pages.forEach((t, i) => {
    if (pages.length > 1) nodes.push(el('span', { class: 'page-break', text: `— Trang ${i + 1} —` }));
    nodes.push(...markedPage(t.replace(/^\n|\n$/g, ''), byPage.get(i + 1) || []));
  });
  $('#text').replaceChildren(...nodes);
  $('#original').textContent = doc.text.original.replace(/\f/g, '\n— — —\n');
}

$('#side-by-side').addEventListener('change', (e) => {
  $('#original').hidden = !e.target.checked;
  $('#text-view').classList.toggle('side', e.target.checked);
});

function downloads(id, status, fileName) {
  const link = (fmt, label, extra = '') => el('a', { class: 'button', href: `/documents/${id}/result.${fmt}?download=1${extra}`, download: '', 'data-format': fmt }, label);
  const tables = status.csvTables || ['tasks'];
  const select = el('select', { 'aria-label': 'Bảng CSV' }, tables.map((t) => el('option', { value: t, selected: t === 'tasks' }, t)));
  const csv = link('csv', 'CSV', '&table=tasks');
  select.addEventListener('change', () => csv.setAttribute('href', `/documents/${id}/result.csv?download=1&table=${encodeURIComponent(select.value)}`));
  $('#downloads').replaceChildren(link('json', 'JSON'), link('md', 'Markdown'), csv, select, link('xlsx', 'Excel (XLSX)'));
}

let pageState = null;

async function showPage(n) {
  if (!pageState) return;
  const { id, fileName, total } = pageState;
  const box = $('#page-image');
  const nav = $('#page-nav');
  nav.replaceChildren(
    total > 1 ? el('button', { onclick: () => showPage(Math.max(1, n - 1)), disabled: n <= 1 }, '‹') : null,
    total > 1 ? ` ${n}/${total} ` : '',
    total > 1 ? el('button', { onclick: () => showPage(Math.min(total, n + 1)), disabled: n >= total }, '›') : null,
  );
  const lower = fileName.toLowerCase();
  const src = `/documents/${id}/original`;
  if (/\.(png|jpe?g)$/.test(lower)) {
    box.replaceChildren(el('img', { src, alt: `Trang ${n} của ${fileName}` }));
  } else if (lower.endsWith('.pdf')) {
    try {
      const pdfjs = await import('/vendor/pdfjs/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/build/pdf.worker.mjs';
      pageState.pdf ??= await pdfjs.getDocument({
        url: src,
        httpHeaders: apiKey() ? { 'X-API-Key': apiKey() } : undefined,
        cMapUrl: '/vendor/pdfjs/cmaps/',
        cMapPacked: true,
        standardFontDataUrl: '/vendor/pdfjs/standard_fonts/',
        wasmUrl: '/vendor/pdfjs/wasm/',
      }).promise;
      const page = await pageState.pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1.3 });
      const canvas = el('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height), 'aria-label': `Trang ${n}` });
      box.replaceChildren(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
      canvas.dataset.rendered = 'true';
    } catch (err) {
      box.replaceChildren(el('p', { class: 'muted', text: `Không hiển thị được trang: ${err.message}` }));
    }
  } else {
    box.replaceChildren(el('p', { class: 'muted', text: lower.endsWith('.txt') ? 'Văn bản OCR: không có ảnh trang.' : 'Trình duyệt không hiển thị được định dạng này.' }));
  }
}

async function openResult(id) {
  openId = id;
  const [statusRes, docRes] = await Promise.all([api(`/documents/${id}`), api(`/documents/${id}/result.json`)]);
  if (!docRes.ok) {
    message(`Chưa có kết quả: ${(await docRes.json()).message}`, true);
    return;
  }
  const status = await statusRes.json();
  const doc = await docRes.json();
  const m = doc.metadata;
  $('#result-title').textContent = `${doc.source.fileName}`;
  kv($('#metadata'), [
    ['Loại văn bản', m.docType],
    ['Số, ký hiệu', [m.number, m.symbol].filter(Boolean).join('/')],
    ['Ngày ban hành', m.issuedDate],
    ['Địa danh', m.place],
    ['Cơ quan ban hành', [m.parentIssuer, m.issuer].filter(Boolean).join(' — ')],
    ['Trích yếu', m.title],
    ['Người ký', [m.signer.authority, m.signer.title, m.signer.name].filter(Boolean).join(' ')],
    ['Nơi nhận', m.recipients.map((r) => r.name + (r.purpose ? ` (${r.purpose})` : '')).join('; ')],
    ['Căn cứ', doc.legalBases.map((b) => [b.docType, b.number && b.symbol ? `${b.number}/${b.symbol}` : b.number].filter(Boolean).join(' ') || b.text).join('; ')],
  ]);
  table($('#deadlines'), ['Ngày', 'Nội dung', 'Thời hạn (như văn bản)', 'Định kỳ'], doc.deadlines.map((d) => [d.date ?? '', d.context, d.text, d.recurrence ?? '']));
  table($('#tasks'), ['Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm'], doc.tasks.map((t) => [t.task, t.lead ?? '', t.cooperating.join('; '), t.deadline ?? '', t.product ?? '']));
  table($('#targets'), ['Chỉ tiêu', 'Giá trị', 'Kỳ', 'Chịu trách nhiệm'], doc.targets.map((t) => [t.indicator, t.value.text, t.period ?? '', t.responsible ?? '']));
  const q = doc.quality;
  const low = q.corrections.filter((c) => c.confidence < config.lowConfidence).length;
  $('#quality').textContent =
    `${doc.source.pageCount} trang · ${q.ocrConfidence !== null ? `độ tin cậy OCR ${Math.round(q.ocrConfidence * 100)}% · ` : ''}` +
    `${q.corrections.length} chỗ sửa, ${low} cần kiểm tra · ${q.warnings.length} cảnh báo`;
  renderText(doc);
  downloads(id, status, doc.source.fileName);
  $('#result').hidden = false;
  pageState = { id, fileName: doc.source.fileName, total: doc.source.pageCount };
  showPage(1);
  $('#result').scrollIntoView({ behavior: 'smooth' });
}

// --- start ----------------------------------------------------------------------------------
(async () => {
  try {
    config = { ...config, ...(await (await fetch('/api/config')).json()) };
  } catch {}
  if (config.apiKeyRequired && !apiKey()) $('#key-form').hidden = false;
  if (apiKey()) saveKey(apiKey());
  await refresh();
  setInterval(refresh, 1500);
  document.body.dataset.ready = 'true';
})();
