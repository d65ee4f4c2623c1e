/**
 * Tasks (the responsibility matrix): who leads (chủ trì), who cooperates (phối hợp), by when, with
 * what product. Four sources, all common in Vietnamese plans:
 *  1. tables whose header names the columns (task / chủ trì / phối hợp / thời gian / sản phẩm), in
 *     any order or wording;
 *  2. labelled fields after an item ("- Chủ trì: …", "Phối hợp: …", "Thời gian hoàn thành: …"); a
 *     field block after several sibling items belongs to their parent section;
 *  3. numbered unit paragraphs under TỔ CHỨC THỰC HIỆN / NHIỆM VỤ, GIẢI PHÁP ("2. Phòng Văn hóa và
 *     Thông tin: …", or the unit as a heading with a), b) items);
 *  4. assignments in prose: "Giao Phòng Tư pháp chủ trì, phối hợp với … <task>".
 */
import type { VFile } from 'vfile';
import type { SourceRef, Task } from '../schema/plan-document.ts';
import type { Grid, GridRow } from './grids.ts';
import { splitUnits, splitUnitsAndTask, startsWithTaskVerb, startsWithUnit } from './lexicon.ts';
import type { CitationSpans } from './legal-bases.ts';
import { type Heading, type Outline, ancestors } from './sections.ts';
import { FIELD_START, type Para, clean, fold, refAt, trimItem } from './text.ts';

export interface ExtractContext {
  paras: Para[];
  outline: Outline;
  citations: CitationSpans;
  bodyStart: number;
  closing: number;
  closingEnd: number;
  year: number | null;
  /** The document's own date (ISO): a time limit cannot lie before it. */
  issued?: string | null;
  /** The document's title: a figure in it names the subject ("dạy học 2 buổi/ngày"). */
  title?: string | null;
  grids: Grid[];
  file?: VFile;
}

/** What the deadline and target extractors need to know about where tasks were found. */
export interface TaskInfo {
  task: Task;
  /** Paragraphs whose text is the task's (for responsibility of deadlines found in them). */
  paras: number[];
}

export interface TaskResult {
  tasks: Task[];
  info: TaskInfo[];
  /** Paragraphs that are labelled-field blocks: index → parsed fields and owning task. */
  fieldParas: Map<number, { fields: Fields; info: TaskInfo | null }>;
  /** Grid index → column roles, for task matrices. */
  matrices: Map<number, Columns>;
}

export interface Columns {
  header: number;
  task: number;
  lead: number;
  coop: number;
  time: number;
  product: number;
  stt: number;
}

/** Column roles from a header row's folded texts. */
export function classifyColumns(header: string[]): Omit<Columns, 'header'> {
  const cols = { task: -1, lead: -1, coop: -1, time: -1, product: -1, stt: -1 };
  header.forEach((raw, i) => {
    const f = fold(raw).replace(/\s+/g, ' ').trim();
    if (!f) return;
    if (/^(stt|tt|so tt|so thu tu)$/.test(f)) cols.stt = i;
    else if (/san pham|ket qua dau ra|ket qua du kien/.test(f)) cols.product < 0 && (cols.product = i);
    else if (/phoi hop/.test(f)) cols.coop < 0 && (cols.coop = i);
    // ("Lực lượng bảo đảm" beside "Giải pháp": the forces that carry out each point's measure.)
    // ("Người thực hiện" of a schedule, "Đơn vị nhận tự quản", "Đơn vị phụ trách": who carries out or takes charge of each row.)
    else if (/chu tri|thuc hien chinh|don vi thuc hien|co quan thuc hien|nguoi thuc hien|trach nhiem|^luc luong (?:bao dam|thuc hien)$|^(?:don vi|co quan|to chuc|to|nguoi) (?:nhan )?(?:tu quan|phu trach)$/.test(f)) cols.lead < 0 && (cols.lead = i);
    // ("Tháng", "Quý": a programme's column of the month or quarter each row is due in.)
    // ("Thời gian mỗi lớp | 05 ngày": how long each lasts, a duration, not when it is due.)
    else if ((/thoi gian|thoi han|tien do|hoan thanh|moc/.test(f) && !/thoi gian\s+(?:cho\s+)?(?:moi|mot|1)\s/.test(f)) || /^(?:thang|quy|thoi diem thuc hien)$/.test(f)) cols.time < 0 && (cols.time = i);
    else if (/nhiem vu|noi dung|cong viec|hoat dong|ten |^giai phap$/.test(f) || f === 'ten') cols.task < 0 && (cols.task = i);
  });
  return cols;
}

export type Fields = Partial<Record<'lead' | 'coop' | 'time' | 'product', { text: string; at: number }>>;

const FIELD_RE =
  /(?:^|[.;]\s+|\s[-–+]\s+|^[-–+•]\s*)((?:co quan |don vi )?chu tri|(?:co quan |don vi )?phoi hop|thoi gian(?: hoan thanh| thuc hien| bao cao)?|thoi han(?: hoan thanh)?|tien do(?: hoan thanh| thuc hien)?|san pham(?: dau ra| du kien| chinh)?|ket qua dau ra)\s*:\s*/g;

/** Parse "Chủ trì: X. Phối hợp: Y. Thời gian: Z." (one paragraph or several). */
export function parseFields(text: string): Fields {
  const f = fold(text);
  const hits: { role: keyof Fields; start: number; valueStart: number }[] = [];
  FIELD_RE.lastIndex = 0;
  for (let m = FIELD_RE.exec(f); m; m = FIELD_RE.exec(f)) {
    const label = m[1];
    const role: keyof Fields = /chu tri/.test(label) ? 'lead' : /phoi hop/.test(label) ? 'coop' : /san pham|ket qua/.test(label) ? 'product' : 'time';
    hits.push({ role, start: m.index, valueStart: m.index + m[0].length });
  }
  const out: Fields = {};
  hits.forEach((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1].start : text.length;
    const value = trimItem(text.slice(h.valueStart, end));
    if (value && !out[h.role]) out[h.role] = { text: value, at: h.valueStart };
  });
  return out;
}

// "ĐỀ NGHỊ PHỐI HỢP THỰC HIỆN": the part of a letter that asks the units it is sent to for their share.
// ("NỘI DUNG TRIỂN KHAI" as "NỘI DUNG THỰC HIỆN"; "NỘI DUNG, BIỆN PHÁP" as "NHIỆM VỤ, GIẢI PHÁP": a biện pháp is a giải pháp.)
// ("ĐỀ XUẤT, KIẾN NGHỊ" of a report: the units it asks to act, "Đề nghị Sở … hướng dẫn …"; "YÊU CẦU KHẮC PHỤC" of a letter: what
// the units it is sent to must put right; not "II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN" of a report, what was done.)
const TASK_SECTION = /^(?!\W*(?:[ivxl]+\.|\d+\.)?\s*(?:cong tac chi dao|ket qua|tinh hinh))(?:.*(?:to chuc thuc hien|nhiem vu|giai phap|trach nhiem|phan cong|noi dung (?:thuc hien|hoat dong|trien khai)|noi dung,?\s+(?:va\s+)?bien phap|phoi hop thuc hien)|\W*(?:[ivxl]+\.|\d+\.)?\s*(?:(?:de xuat\s*,?\s*(?:va\s+)?)?kien nghi|yeu cau khac phuc)\b)/;

/** Where the first sentence of a text ends ("… giải quyết. Trong đó, …"), not at "TT. HĐND", "TP. Huế", "v.v." or inside brackets. */
function sentenceEnd(text: string, from = 0): number {
  const re = /[.!?…](?=["”’)]?\s+["“(]?\p{Lu})/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (/(?:^|[\s(])(?:\p{Lu}{1,5}|\p{Lu}\p{Ll}|v\.v|TS|ThS|PGS|GS|Tp|Th|[A-Z]\.\p{Lu})$/u.test(before)) continue;
    const head = text.slice(0, m.index);
    if ((head.match(/\(/g) ?? []).length > (head.match(/\)/g) ?? []).length) continue;
    if ((head.match(/[“"]/g) ?? []).length % 2 === 1 && !/”/.test(head.slice(head.lastIndexOf('“')))) continue;
    return m.index;
  }
  return -1;
}

/**
 * The task itself: the first sentence of an item ("Tiến hành rà soát … cung cấp DVC trực tuyến."),
 * not the sentences that explain it; a first sentence shorter than a few words keeps the next.
 */
export function taskText(text: string): string {
  const t = trimItem(text);
  let end = sentenceEnd(t);
  while (end >= 0 && t.slice(0, end).split(/\s+/).length < 6) end = sentenceEnd(t, end + 1);
  let first = end >= 0 ? trimItem(t.slice(0, end)) : t;
  // A long sentence of several duties joined by ";" keeps its first duty.
  if (first.length > 160) {
    const semi = first.search(/;\s/);
    if (semi > 0 && first.slice(0, semi).split(/\s+/).length >= 8) first = trimItem(first.slice(0, semi));
  }
  return first;
}

/** The closing formula ("Trên đây là Kế hoạch …") ends the body: no task reaches past it. */
const CLOSING_PARA = /^(?:tren day la|noi nhan\b)/;

/** "Văn phòng HĐND và UBND huyện có trách nhiệm" → "Văn phòng HĐND và UBND huyện". */
function cleanUnit(u: string): string {
  return clean(u)
    .replace(/^(?:Đề nghị|đề nghị|De nghi|Giao|giao)\s+/u, '')
    .replace(/\s+(?:có|chịu)\s+trách\s+nhiệm.*$/u, '')
    .replace(/\s+(?:chủ trì|thực hiện|là cơ quan).*$/u, '')
    .replace(/[:;,.\s]+$/u, '')
    .trim();
}

/** "Phối hợp (với) A, B <verb> …" at the start of a task text → [A, B]. */
function cooperatingAtStart(text: string): string[] {
  const m = fold(text).match(/^(?:chu tri,?\s*)?phoi hop(?:\s+voi)?\s+/);
  if (!m) return [];
  const { units } = splitUnitsAndTask(text.slice(m[0].length));
  return units && startsWithUnit(units) ? splitUnits(units) : [];
}

/**
 * A duty written before a colon ("Bộ phận Tư pháp - Hộ tịch tổng hợp, phân loại thành các nhóm: (1) …"): the colon opens a list
 * inside the duty, the unit is only its first words. Not the words that announce the duties ("Văn phòng … có trách nhiệm:",
 * "… thực hiện các nhiệm vụ sau:").
 */
function dutyBeforeColon(text: string): boolean {
  const { rest } = splitUnitsAndTask(text);
  return !!rest && !/^(?:co|chiu)\s+trach\s+nhiem|^(?:thuc hien|chu tri|phoi hop)\b[^,;]{0,40}$/.test(fold(rest));
}

/** The first time expression of a text, with its trigger words ("trước ngày 25/4/2024"). */
const DEADLINE_PHRASE =
  /(?:hoan thanh\s+)?(?:truoc|cham nhat|trong|den het|den|tu|vao)\s+(?:ngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s*(?:den|-)\s*(?:het\s*)?(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})?|ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}|thang\s*\d{1,2}\s*\/\s*\d{4}|quy\s*[ivx]+\s*\/\s*\d{4})/;
export function deadlineInText(text: string): string | null {
  const m = fold(text).match(DEADLINE_PHRASE);
  return m ? clean(text.slice(m.index!, m.index! + m[0].length)) : null;
}

export function extractTasksDetailed(ctx: ExtractContext): TaskResult {
  const { paras, outline, grids, file } = ctx;
  const tasks: Task[] = [];
  const info: TaskInfo[] = [];
  const fieldParas = new Map<number, { fields: Fields; info: TaskInfo | null }>();
  const matrices = new Map<number, Columns>();
  const push = (t: Task, ps: number[]) => {
    const i: TaskInfo = { task: t, paras: ps };
    tasks.push(t);
    info.push(i);
    return i;
  };

  // 1. Task matrices.
  for (const g of grids) {
    // "Thời gian | Đối tượng kiểm tra | Hình thức | Đơn vị chủ trì": no task column, but a time and a
    // lead column; the other columns together say what is done.
    // Also "Chỉ số thành phần | Cơ quan chủ trì | Cơ quan phối hợp" (a lead and its partners for each
    // topic) and "Địa điểm | Thời gian | Số người dự kiến | Đơn vị phối hợp" (a schedule with partners):
    // two of lead / phối hợp / time, not a target table's "Chỉ tiêu" columns.
    const described = (r: GridRow) => {
      const c = classifyColumns(r.cells.map((x) => x.text));
      const roles = [c.lead, c.coop, c.time].filter((i) => i >= 0).length;
      // ("Tuyến đường | Thôn | Chiều dài (km) | Đơn vị nhận tự quản": a list of works, each given to the unit that takes charge
      // of it, is a task table with that column alone.)
      const inCharge = c.lead >= 0 && /tu quan|phu trach/.test(fold(r.cells[c.lead].text));
      if (c.task >= 0 || (roles < 2 && !inCharge) || (c.lead < 0 && c.time < 0)) return [];
      if (c.time < 0 && r.cells.some((x) => /chi tieu|muc tieu|ty le|ke hoach/.test(fold(x.text)))) return [];
      const taken = new Set([c.stt, c.lead, c.coop, c.time, c.product]);
      return r.cells.map((x, i) => (!taken.has(i) && /\p{L}{2}/u.test(x.text) && !/^(?:ghi chu|ghi chú)$/iu.test(x.text.trim()) ? i : -1)).filter((i) => i >= 0);
    };
    const h = g.rows.findIndex((r) => {
      const c = classifyColumns(r.cells.map((x) => x.text));
      return (c.task >= 0 && (c.lead >= 0 || c.coop >= 0)) || described(r).length > 0;
    });
    if (h < 0 || h > 2) continue;
    const what = described(g.rows[h]);
    const cols = { header: h, ...classifyColumns(g.rows[h].cells.map((x) => x.text)) };
    if (cols.task < 0) cols.task = what[0];
    matrices.set(g.index, cols);
    for (let r = h + 1; r < g.rows.length; r++) {
      const cells = g.rows[r].cells;
      const get = (i: number) => (i >= 0 && i < cells.length ? cells[i].text : '');
      const text = what.length > 1 ? what.map(get).filter(Boolean).join(', ') : get(cols.task);
      const others = [cols.lead, cols.coop, cols.time, cols.product].map(get).filter(Boolean);
      if (!text) continue;
      // Group rows (I | NÂNG CAO NHẬN THỨC | | |): a heading, not a task.
      if (!others.length) continue;
      if (cells.length < g.rows[h].cells.length - 2) file?.message(`table row with ${cells.length} cells where the header has ${g.rows[h].cells.length}`, cells[0].ref.line ? { line: cells[0].ref.line, column: 1 } : undefined, 'extract:tasks');
      const task: Task = {
        task: text,
        lead: get(cols.lead) || null,
        cooperating: get(cols.coop) ? splitUnits(get(cols.coop)) : [],
        deadline: get(cols.time) || null,
        product: get(cols.product) || null,
        ref: cells[cols.task]?.ref ?? cells[0].ref,
      };
      push(task, g.rows[r].para !== undefined ? [g.rows[r].para!] : []);
    }
  }

  const inBody = (i: number) => i >= ctx.bodyStart && !(i >= ctx.closing && i < ctx.closingEnd);
  const done = new Set<number>(); // paragraphs already part of a task

  // 2. Labelled fields.
  const fielded = new Set<Heading>();
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p = paras[i];
    if (p.piped || !inBody(i) || !FIELD_START.test(p.folded)) continue;
    // Gather the consecutive field paragraphs.
    const block = [i];
    while (i + 1 < paras.length && !paras[i + 1].piped && FIELD_START.test(paras[i + 1].folded) && outline.owner[i + 1] === outline.owner[i]) block.push(++i);
    const fields = parseFields(block.map((k) => paras[k].text).join(' ; '));
    if (!fields.lead && !fields.coop) {
      for (const k of block) fieldParas.set(k, { fields, info: null });
      continue;
    }
    const owner = outline.owner[block[0]];
    let target: Heading | null = owner;
    let textParas: number[] = [];
    if (owner) {
      const siblings = owner.parent ? owner.parent.children : outline.headings.filter((x) => !x.parent);
      const at = siblings.indexOf(owner);
      let unfielded = 0;
      for (let k = at - 1; k >= 0 && !fielded.has(siblings[k]) && siblings[k].kind === owner.kind; k--) unfielded++;
      if (unfielded > 0 && owner.parent && (owner.kind === 'letter' || owner.kind === 'paren')) {
        target = owner.parent;
        textParas = [];
      } else {
        textParas = owner.body.filter((k) => k < block[0] && !fieldParas.has(k) && inBody(k));
      }
    }
    let text = '';
    if (target) {
      fielded.add(target);
      text = target === owner ? clean([target.rest, ...textParas.map((k) => paras[k].text)].join(' ')) : target.heading;
    } else {
      // No heading: the paragraph just before.
      const prev = paras[block[0] - 1];
      if (prev && !prev.piped) {
        text = prev.text;
        textParas = [prev.index];
      }
    }
    const fullText = trimItem(text);
    text = taskText(fullText);
    if (!text) {
      file?.message('task fields (Chủ trì/Phối hợp) with no task before them', { line: p.lines[0].line, column: 1 }, 'extract:tasks');
      continue;
    }
    const ref: SourceRef = target ? refAt(paras[target.para], 0) : refAt(paras[textParas[0] ?? block[0]], 0);
    const t: Task = {
      task: text,
      lead: fields.lead ? fields.lead.text : null,
      cooperating: fields.coop ? splitUnits(fields.coop.text) : [],
      deadline: fields.time?.text ?? deadlineInText(fullText),
      product: fields.product?.text ?? null,
      ref,
    };
    const ti = push(t, [...(target ? [target.para] : []), ...textParas, ...block]);
    for (const k of block) fieldParas.set(k, { fields, info: ti });
    for (const k of ti.paras) done.add(k);
    if (target && target !== owner) {
      for (const c of target.children) {
        done.add(c.para);
        for (const b of c.body) done.add(b);
      }
    }
  }

  // 3. Unit paragraphs under TỔ CHỨC THỰC HIỆN / NHIỆM VỤ, GIẢI PHÁP.
  for (const h of outline.headings) {
    if (h.kind !== 'number' && h.kind !== 'decimal' && h.kind !== 'letter') continue;
    if (done.has(h.para) || fielded.has(h) || !inBody(h.para)) continue;
    const anc = ancestors(outline, h.para).slice(1);
    if (anc.some((a) => a.kind === 'appendix')) continue;
    if (!anc.some((a) => TASK_SECTION.test(fold(a.heading)))) continue;
    // "c) Đối với học sinh vi phạm, Công an phường thông báo …", "b) Hằng tháng, Công an xã … đối chiếu …": a clause of case or time
    // before the unit that is the item's subject.
    const opener = /^(?:Đối với|Doi voi|Sau khi|Hằng tháng|Hàng tháng|Hang thang|Hằng tuần|Hang tuan|Định kỳ|Dinh ky)\s[^,;:.]{2,120},\s+(?=\p{Lu})/u.exec(h.rest);
    const hRest = !startsWithUnit(h.rest) && opener && startsWithUnit(h.rest.slice(opener[0].length)) ? h.rest.slice(opener[0].length) : h.rest;
    if (!startsWithUnit(hRest)) continue;
    let units: string;
    let rest: string;
    const colon = hRest.indexOf(':');
    const ownBody = h.body.filter((k) => inBody(k) && !paras[k].piped);
    // (Not a colon after a first duty: "a) Trung tâm … đề nghị …; lựa chọn chương trình mỗi buổi chiếu gồm: …".)
    // (Nor a colon after the unit and its duty: "b) Bộ phận Tư pháp - Hộ tịch tổng hợp, phân loại thành các nhóm: (1) …".)
    if (colon > 0 && colon < 160 && !hRest.slice(0, colon).includes(';') && !dutyBeforeColon(hRest.slice(0, colon))) {
      units = hRest.slice(0, colon);
      rest = hRest.slice(colon + 1);
    } else if ((ownBody.length || h.children.length) && hRest.length <= 140 && !/[.;]\s*$/.test(hRest.trim()) && !/[.;]\s/.test(hRest)) {
      // The unit as a heading of its own ("6. Đề nghị Ủy ban MTTQ huyện và các tổ chức chính trị - xã
      // hội"), its tasks in the paragraphs or items below.
      units = hRest;
      rest = '';
    } else {
      ({ units, rest } = splitUnitsAndTask(hRest));
      if (!rest && hRest.length > 120) continue;
    }
    // ("c) Sở Khoa học và Công nghệ đã phối hợp với … cập nhật …": what a unit has done, told in a letter, no task.)
    if (/\s(?:đã|da)\s*$/iu.test(units)) continue;
    const lead = cleanUnit(units);
    if (!lead) continue;
    const items = h.children.filter((c) => (c.kind === 'letter' || c.kind === 'paren') && !fielded.has(c));
    const makeTask = (text: string, at: Heading, ps: number[]) => {
      const full = trimItem(text);
      // "Phòng Kế hoạch - Tài chính chủ trì, phối hợp với Sở Tài chính tham mưu …" (an item under its department), "chủ trì,
      // phối hợp với Văn phòng - Thống kê tham mưu …": the task is what follows the units it works with.
      let body = full;
      let itemLead = lead;
      let cooperating: string[] | null = null;
      const cm = /^(?:(.{2,120}?)\s+)?chu tri\s*,\s*(?:va\s+)?phoi hop(?:\s+voi)?\s+/.exec(fold(full));
      if (cm && (!cm[1] || startsWithUnit(full.slice(0, cm[1].length)))) {
        const split = splitUnitsAndTask(full.slice(cm[0].length));
        if (split.rest && startsWithUnit(split.units) && !/^(?:trien khai |to chuc )?thuc hien\s*(?:[,.;]|$)/.test(fold(split.rest))) {
          body = split.rest;
          cooperating = splitUnits(split.units);
          if (cm[1]) itemLead = cleanUnit(full.slice(0, cm[1].length));
        }
      }
      const t = taskText(body);
      if (!t) return;
      push(
        { task: t, lead: itemLead, cooperating: cooperating ?? cooperatingAtStart(t), deadline: deadlineInText(full), product: null, ref: refAt(paras[at.para], 0) },
        ps,
      );
      for (const k of ps) done.add(k);
    };
    const bodyOf = (x: Heading) => {
      const out: number[] = [];
      for (const k of x.body) {
        if (CLOSING_PARA.test(paras[k].folded)) break;
        if (!fieldParas.has(k) && inBody(k) && !paras[k].piped) out.push(k);
      }
      return out;
    };
    if (items.length) {
      for (const c of items) {
        const body = bodyOf(c);
        makeTask([c.rest, ...body.map((k) => paras[k].text)].join(' '), c, [c.para, ...body]);
      }
      if (clean(rest)) makeTask(rest, h, [h.para]);
    } else {
      const body = bodyOf(h);
      makeTask([rest, ...body.map((k) => paras[k].text)].join(' '), h, [h.para, ...body]);
    }
  }

  // 3b. Dash items naming a unit and its duty in the tasks part: "- Công an xã: chủ trì tuyên truyền
  // pháp luật về cư trú …", "- Đề nghị Ủy ban MTTQ xã và các đoàn thể: lồng ghép …".
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p = paras[i];
    if (done.has(i) || p.piped || !inBody(i) || fieldParas.has(i)) continue;
    const m = p.text.match(/^\s*[-–+•]\s*([^:;.]{3,120}?)\s*:\s*(\S.*)$/su);
    if (!m) {
      // "- Tổ công tác đối chiếu hồ sơ bàn giao …": a dash item led by a unit without a colon, the same as an a), b) item
      // whose subject is a unit (its first sentence is the task).
      const dash = /^\s*[-–+•]\s*(?=\p{Lu})/u.exec(p.text);
      if (!dash || !startsWithUnit(p.text.slice(dash[0].length)) || !ancestors(outline, i).some((a) => TASK_SECTION.test(fold(a.heading)))) continue;
      const sentence = p.text.slice(dash[0].length).split(/[.;](?:\s|$)/)[0];
      const { units, rest } = splitUnitsAndTask(sentence);
      if (!rest || units.split(/\s+/).length > 16 || !/^\p{Ll}/u.test(rest) || !startsWithTaskVerb(rest)) continue;
      const lead = cleanUnit(units);
      if (!lead) continue;
      push({ task: taskText(rest), lead, cooperating: cooperatingAtStart(rest), deadline: deadlineInText(sentence), product: null, ref: refAt(p, 0) }, [i]);
      done.add(i);
      continue;
    }
    if (!startsWithUnit(m[1]) || m[1].split(/\s+/).length > 16) continue;
    if (!ancestors(outline, i).some((a) => TASK_SECTION.test(fold(a.heading)))) continue;
    // The duty opens with a task verb (or chủ trì / phối hợp), in lower case: not "- Xã Ea Kly: 55%".
    if (!/^\p{Ll}/u.test(m[2]) || !startsWithTaskVerb(m[2])) continue;
    // "…; thời gian thực hiện thường xuyên": the item's own time field.
    const [duty, time] = m[2].split(/[;,]\s*(?:thời gian|thoi gian)(?:\s+(?:thực hiện|hoàn thành|thuc hien|hoan thanh))?\s*:?\s+/iu);
    const full = trimItem(duty);
    const lead = cleanUnit(m[1]);
    if (!lead) continue;
    push({ task: taskText(full), lead, cooperating: cooperatingAtStart(full), deadline: time ? trimItem(time) : deadlineInText(full), product: null, ref: refAt(p, 0) }, [i]);
    done.add(i);
  }

  // 3c. A topic item of the tasks part whose text below opens with a unit and its duty: "6. Kiểm tra,
  // giám sát" / "Ủy ban nhân dân phường thành lập đoàn kiểm tra liên ngành …".
  for (const h of outline.headings) {
    if (h.kind !== 'number' && h.kind !== 'decimal') continue;
    if (h.children.length || done.has(h.para) || startsWithUnit(h.rest) || !inBody(h.para)) continue;
    // Under NHIỆM VỤ / GIẢI PHÁP / NỘI DUNG; the topic items of TỔ CHỨC THỰC HIỆN ("7. Chế độ báo cáo") are not duties of their own.
    const up = ancestors(outline, h.para).slice(1).map((a) => fold(a.heading));
    if (!up.some((a) => /nhiem vu|giai phap|noi dung/.test(a)) || up.some((a) => /to chuc thuc hien/.test(a))) continue;
    const k = h.body.find((x) => inBody(x) && !paras[x].piped && !fieldParas.has(x));
    if (k === undefined || done.has(k) || CLOSING_PARA.test(paras[k].folded)) continue;
    const text = paras[k].text;
    if (!startsWithUnit(text) || !/^\p{Lu}/u.test(text.trim())) continue;
    const sentence = text.split(/[.;](?:\s|$)/)[0];
    const { units, rest } = splitUnitsAndTask(sentence);
    if (!rest || units.split(/\s+/).length > 16 || !/^\p{Ll}/u.test(rest) || !startsWithTaskVerb(rest)) continue;
    const lead = cleanUnit(units);
    if (!lead) continue;
    let task = rest;
    let cooperating: string[] = [];
    const cm = fold(task).match(/^phoi hop(?:\s+voi)?\s+/);
    if (cm) {
      const split = splitUnitsAndTask(task.slice(cm[0].length));
      cooperating = splitUnits(split.units);
      task = split.rest || task;
    }
    push({ task: taskText(task), lead, cooperating, deadline: deadlineInText(sentence), product: null, ref: refAt(paras[k], 0) }, [k]);
    done.add(k);
  }

  // 3d. A TỔ CHỨC THỰC HIỆN part with no items of its own: each of its paragraphs that opens with a
  // unit and its duty is that unit's task ("Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã,
  // thị trấn tổ chức triển khai thực hiện Kế hoạch này; …"), as a numbered unit paragraph would be.
  for (const h of outline.headings) {
    if (h.children.length || !/^\W*(?:[ivxl]+\.|\d+\.)?\s*to chuc thuc hien\s*$/.test(fold(h.heading)) || !inBody(h.para)) continue;
    for (const k of h.body) {
      const p = paras[k];
      if (done.has(k) || p.piped || fieldParas.has(k) || !inBody(k)) continue;
      if (CLOSING_PARA.test(p.folded)) break;
      if (!startsWithUnit(p.text) || !/^\p{Lu}/u.test(p.text.trim())) continue;
      const sentence = p.text.split(/[.;](?:\s|$)/)[0];
      const { units, rest } = splitUnitsAndTask(sentence);
      if (!rest || units.split(/\s+/).length > 16 || !/^\p{Ll}/u.test(rest) || !startsWithTaskVerb(rest)) continue;
      const lead = cleanUnit(units);
      if (!lead) continue;
      push({ task: taskText(rest), lead, cooperating: [], deadline: deadlineInText(sentence), product: null, ref: refAt(p, 0) }, [k]);
      done.add(k);
    }
  }

  // 4. "Giao <unit> chủ trì, phối hợp với <units> <task>" in prose; in the tasks part also without
  // "Giao": "… Văn phòng HĐND và UBND huyện chủ trì, phối hợp với các phòng chuyên môn thực hiện",
  // "; Phòng Tư pháp, Phòng Tài chính - Kế hoạch phối hợp với Văn phòng … xây dựng lộ trình …".
  // Leads of the tasks each paragraph already belongs to.
  const leadsOf = new Map<number, string[]>();
  for (const ti of info) for (const k of ti.paras) leadsOf.set(k, [...(leadsOf.get(k) ?? []), fold(ti.task.lead ?? '')]);
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p = paras[i];
    // A paragraph already read as a unit's task may still assign another unit its own task, after
    // the first clause: "5. Đề nghị Ủy ban MTTQ huyện …; Hội Liên hiệp Phụ nữ huyện chủ trì vận động …".
    const already = done.has(i);
    if (p.piped || !inBody(i) || fieldParas.has(i)) continue;
    const starts: number[] = [];
    // "Giao X …", and "Phân công X …" (assign): the unit named next is the lead.
    // (Not "hoặc giao …", "được giao …": an alternative, or a duty someone already holds.)
    const re = /(?:^|[.;:]\s+|,\s+|(?<!(?:hoac|duoc|da|se|khong|chua))\s)(?:giao|phan cong)\s+(?=\S)/g;
    if (!already) for (let m = re.exec(p.folded); m; m = re.exec(p.folded)) starts.push(m.index + m[0].length);
    const inTasks = ancestors(outline, i).some((a) => TASK_SECTION.test(fold(a.heading)));
    if (already && !inTasks) continue;
    if (inTasks) {
      // A clause may open with its time before the unit: "Định kỳ 6 tháng, Phòng Văn hóa - Xã hội chủ trì, …".
      const cl = /(?:^(?:[a-zđ]\)|\d+\.|[-–+•])?\s*|[.;]\s+)(?:(?:Định kỳ|Dinh ky|Hằng|Hàng|Hang|Trước|Truoc|Trong|Từ|Tu|Đến|Den)\s[^,.;]{0,30},\s+)?(?=\p{Lu})/gu;
      for (let m = cl.exec(p.text); m; m = cl.exec(p.text)) {
        const at = m.index + m[0].length;
        if (at >= p.text.length) break;
        if (!m[0]) cl.lastIndex++;
        const sentence = p.text.slice(at).split(/[.;](?:\s|$)/)[0];
        const { units, rest } = splitUnitsAndTask(sentence);
        if (at > 0 && startsWithUnit(sentence) && rest && /^(?:chu tri|phoi hop voi)\b/.test(fold(rest)) && units.split(' ').length <= 20 && !starts.includes(at)) {
          // In a paragraph already read, only a clause of another unit, after ";" or a sentence end.
          // (There, as in the README of the gold, only the forms "X chủ trì, phối hợp với Y …" and "X phối hợp với Y …".)
          if (already && (!/[.;]\s*$/.test(p.text.slice(0, at)) || !/^(?:chu tri\s*,?\s*phoi hop|phoi hop voi)\b/.test(fold(rest)) || (leadsOf.get(i) ?? []).some((l) => l && fold(cleanUnit(units)).startsWith(l)))) continue;
          starts.push(at);
        }
      }
    }
    for (const start of starts.sort((a, b) => a - b)) {
      const after = p.text.slice(start);
      if (!startsWithUnit(after) || !/^\p{Lu}/u.test(after)) continue;
      const sentenceEnd = after.search(/[.;](?:\s|$)/);
      const sentence = sentenceEnd >= 0 ? after.slice(0, sentenceEnd) : after;
      const { units, rest } = splitUnitsAndTask(sentence);
      if (!rest || /\s(?:đã|da)\s*$/iu.test(units)) continue;
      let task = rest;
      let cooperating: string[] = [];
      const fm = fold(task).match(/^chu tri\s*,?\s*(?:va\s*)?/);
      if (fm) task = task.slice(fm[0].length);
      const cm = fold(task).match(/^phoi hop(?:\s+voi)?\s+/);
      if (cm) {
        const split = splitUnitsAndTask(task.slice(cm[0].length));
        cooperating = splitUnits(split.units);
        task = split.rest || task;
      }
      task = trimItem(task);
      // "… chủ trì, phối hợp với … thực hiện, hoàn thành trước …": the task is what the item says before.
      if (/^(?:thuc hien|trien khai thuc hien|to chuc thuc hien)(?:\s*$|\s*,)/.test(fold(task)) && start > 0) task = taskText(p.text.slice(0, start).replace(/^\s*(?:[a-zđ]\)|\d+\.|[-–+•])\s*/u, ''));
      if (!task) continue;
      push({ task, lead: cleanUnit(units), cooperating, deadline: deadlineInText(sentence), product: null, ref: refAt(p, start) }, [i]);
      done.add(i);
    }
  }

  return { tasks, info, fieldParas, matrices };
}

export function extractTasks(ctx: ExtractContext): Task[] {
  return extractTasksDetailed(ctx).tasks;
}
