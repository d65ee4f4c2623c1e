/**
 * Targets (chỉ tiêu): quantified objectives, from prose ("tỷ lệ hồ sơ trực tuyến toàn trình đạt
 * tối thiểu 60%", "100% văn bản … được số hóa", "tăng 8,5% so với năm 2024") and from target
 * tables (indicator × value, with unit of measure, baseline and responsible unit; or units ×
 * indicators). The value keeps its text as written, and its parsed number, unit and comparator.
 * Figures in the results part of a report or plan (KẾT QUẢ, THỰC TRẠNG) are not targets.
 */
import type { SourceRef, Target } from '../schema/plan-document.ts';
import { splitUnitsAndTask, startsWithUnit } from './lexicon.ts';
import { ancestors } from './sections.ts';
import type { ExtractContext, TaskResult } from './tasks.ts';
import { type Para, clean, fold, refAt, trimItem } from './text.ts';

type Comparator = Target['value']['comparator'];

/** "1.500" → 1500, "85,4" → 85.4, "51.89" → 51.89 (OCR'd decimal point). */
export function parseNumber(s: string): number | null {
  let t = s.replace(/\s+/g, '');
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const GE = /(?:toi thieu|it nhat|khong duoi|khong thap hon|tren|tu|>=|≥|>)\s*$/;
const LE = /(?:toi da|khong qua|khong vuot qua|duoi|con|<=|≤|<)\s*$/;
const UNITS =
  '%|diem|luot nguoi|luot|ha|tan|con|lao dong|nguoi|xa|truong|ho|km|lop|don vi|tai khoan|ty dong|trieu dong|ho so|thu tuc|san pham|doanh nghiep|hop tac xa|mo hinh|sang kien|dot|tin|bai|cuoc|chuyen muc|hoi nghi|may|diem cau|phong|thon|buon|tinh|giuong|bac si|so ho|vu|thanh vien|lop hoc';
const QTY = new RegExp(String.raw`(?<![\d/.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?:\s*%?\s*[-–]\s*(\d+(?:[.,]\d+)?))?\s*(%|phan tram\b|(?:${UNITS})\b)?`, 'g');

interface Qty {
  start: number;
  end: number;
  number: number | null;
  unit: string | null;
  comparator: Comparator;
  valueStart: number;
}

const TARGET_SECTION = /muc tieu|chi tieu/;
const RESULTS = /ket qua|thuc trang|tinh hinh|can cu|danh gia/;
const TARGET_VERB = /(?:dat|tang them|tang|giam|giam xuong con|phan dau|duy tri|o muc|len|xuong|toi thieu|it nhat|con|bang|la)\s*(?:khoang|binh quan|tu)?\s*$/;

/** Comparator and where its words start, from the words before a quantity. */
function comparatorBefore(f: string, at: number): { comparator: Comparator; from: number } {
  const pre = f.slice(Math.max(0, at - 24), at);
  const ge = pre.match(/(toi thieu|it nhat|khong duoi|khong thap hon|tren|tu|>=|≥|>)\s*$/);
  if (ge) return { comparator: '>=', from: at - ge[0].length };
  const le = pre.match(/(toi da|khong qua|khong vuot qua|duoi|<=|≤|<)\s*$/);
  if (le) return { comparator: '<=', from: at - le[0].length };
  return { comparator: null, from: at };
}

function unitOf(raw: string | undefined, text: string, at: number, len: number): string | null {
  if (!raw) return null;
  return raw === '%' ? '%' : clean(text.slice(at, at + len));
}

/** Quantities that can be a target value in a text (not dates, numbers of documents, years). */
function quantities(text: string, f: string, skip: [number, number][]): Qty[] {
  const out: Qty[] = [];
  QTY.lastIndex = 0;
  for (let m = QTY.exec(f); m; m = QTY.exec(f)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some(([a, b]) => start >= a && start < b)) continue;
    const unitRaw = m[3];
    const before = f.slice(Math.max(0, start - 12), start);
    const after = f.slice(end, end + 12);
    if (/(?:nam|ngay|thang|quy|so|dieu|khoan|muc|giai doan|phu luc|khoa|lan thu|ky hop thu|thu)\s*$/.test(before) && unitRaw !== '%') continue;
    if (/^\s*(?:\/|ngay|thang|nam|gio|dong\b|trieu dong|ty dong)/.test(after) && unitRaw !== '%') continue;
    if (/^\s*[/]\s*\d/.test(f.slice(end))) continue;
    const { comparator: cmp } = comparatorBefore(f, start);
    let comparator = cmp;
    if (/^\s*tro len/.test(after)) comparator = '>=';
    if (!unitRaw && !comparator) continue;
    const unitLen = unitRaw ? m[0].length - m[0].lastIndexOf(unitRaw) : 0;
    const unit = unitOf(unitRaw, text, end - unitLen, unitLen);
    out.push({ start, end: /^\s*tro len/.test(after) ? end + after.match(/^\s*tro len/)![0].length : end, number: parseNumber(text.slice(start, start + m[1].length)), unit, comparator, valueStart: comparatorBefore(f, start).from });
  }
  return out;
}

function indicatorBefore(text: string, f: string, from: number, clauseStart: number): string {
  let s = text.slice(clauseStart, from);
  // Drop a list label and the verbs that lead to the value.
  s = s.replace(/^\s*(?:[a-zđ]\)|\d+\.|[-–+•]|\(\d+\))\s*/u, '');
  s = s.replace(/\s*(?:,\s*)?(?:phấn đấu\s+)?(?:đạt|tăng|giảm|giảm xuống còn|duy trì ở mức|duy trì|ở mức|lên|xuống|còn|bằng|là|chiếm)?\s*(?:khoảng|bình quân|từ)?\s*$/iu, '');
  s = s.replace(/^\s*(?:phấn đấu|trong đó|riêng|đồng thời|bảo đảm|đảm bảo)\s*(?:,\s*)?/iu, '');
  void f;
  return trimItem(s);
}

function indicatorAfter(text: string, end: number, clauseEnd: number): string {
  let s = text.slice(end, clauseEnd);
  const stop = s.search(/;|\.\s|,\s*(?:trong đó|đồng thời)|\s\d{1,3}%/u);
  if (stop >= 0) s = s.slice(0, stop);
  return trimItem(s);
}

export function extractTargets(ctx: ExtractContext & { tasks: TaskResult }): Target[] {
  const { paras, outline, citations, grids, tasks } = ctx;
  const out: Target[] = [];

  // 1. Target tables.
  for (const g of grids) {
    if (tasks.matrices.has(g.index)) continue;
    const h = g.rows.findIndex((r) => r.cells.some((c) => /chi tieu|noi dung|tieu chi/.test(fold(c.text))));
    if (h < 0 || h > 2) continue;
    const header = g.rows[h].cells.map((c) => fold(c.text).replace(/\s+/g, ' ').trim());
    let ind = -1;
    let unitCol = -1;
    let resp = -1;
    let org = -1;
    const values: number[] = [];
    const baselines: number[] = [];
    header.forEach((c, i) => {
      if (/^(stt|tt)$/.test(c)) return;
      if (/don vi tinh|^dvt/.test(c)) unitCol = i;
      else if (/co quan|don vi thuc hien|chu tri|trach nhiem|phoi hop/.test(c)) resp = i;
      else if (ind < 0 && /^(chi tieu|noi dung|ten chi tieu|tieu chi|chi tieu chu yeu)$|^noi dung|^ten chi tieu/.test(c)) ind = i;
      else if (/^(don vi|dia phuong|ten don vi|xa, thi tran|xa, phuong)$/.test(c)) org = i;
      else if (/thuc hien|uoc|hien trang|ket qua|co so|nam truoc/.test(c) && !/giao|ke hoach|muc tieu/.test(c)) baselines.push(i);
      else values.push(i);
    });
    if (ind < 0 && org < 0) continue;
    for (let r = h + 1; r < g.rows.length; r++) {
      const cells = g.rows[r].cells;
      const get = (i: number) => (i >= 0 && i < cells.length ? cells[i].text : '');
      for (const v of values) {
        const raw = get(v);
        if (!raw || !/\d/.test(raw)) continue;
        const indicator = ind >= 0 ? get(ind) : g.rows[h].cells[v].text;
        if (!indicator) continue;
        const f = fold(raw);
        const m = f.match(/(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)/);
        const comparator: Comparator = /≥|>=|toi thieu|tro len|it nhat/.test(f) ? '>=' : /≤|<=|toi da|khong qua/.test(f) ? '<=' : '=';
        const unit = unitCol >= 0 ? get(unitCol) || null : /%/.test(raw) ? '%' : null;
        const baselineCol = baselines.filter((b) => b < v).pop();
        out.push({
          indicator,
          value: { text: raw, number: m ? parseNumber(m[1]) : null, unit, comparator },
          baseline: baselineCol !== undefined ? get(baselineCol) || null : null,
          period: /\d{4}/.test(g.rows[h].cells[v].text) ? clean(g.rows[h].cells[v].text.match(/(?:năm\s*)?\d{4}(?:\s*-\s*\d{4})?/iu)?.[0] ?? '') || null : null,
          responsible: resp >= 0 ? get(resp) || null : org >= 0 ? get(org) || null : null,
          ref: cells[v].ref,
        });
      }
    }
  }

  // 2. Prose.
  const leadOf = new Map<number, string | null>();
  for (const ti of tasks.info) for (const k of ti.paras) leadOf.set(k, ti.task.lead);
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p: Para = paras[i];
    if (p.piped || tasks.fieldParas.has(i) || (i >= ctx.closing && i < ctx.closingEnd)) continue;
    const f = p.folded;
    if (!/\d/.test(f)) continue;
    const anc = ancestors(outline, i);
    // The innermost section that says what it is decides: targets (MỤC TIÊU, CHỈ TIÊU) or results / legal grounds.
    const decisive = anc.find((a) => a.kind !== 'letter' && a.kind !== 'paren' && (RESULTS.test(fold(a.heading)) || TARGET_SECTION.test(fold(a.heading))));
    if (decisive && !TARGET_SECTION.test(fold(decisive.heading))) continue;
    const inTargetSection = !!decisive;
    const spans = citations.spans.get(i) ?? [];
    const qs = quantities(p.text, f, spans);
    if (!qs.length) continue;
    let prev: { q: Qty; indicator: string } | null = null;
    for (const q of qs) {
      const clauseStart = Math.max(f.lastIndexOf(';', q.start), f.slice(0, q.start).search(/\.\s+[^.]*$/) , f.lastIndexOf(':', q.start), -1) + 1;
      const tail = f.slice(q.end);
      const nextStop = tail.search(/;|\.\s|\.$/);
      const clauseEnd = nextStop >= 0 ? q.end + nextStop : p.text.length;
      const pre = f.slice(clauseStart, q.valueStart);
      const hasCmp = q.comparator === '>=' || q.comparator === '<=';
      const verb = TARGET_VERB.test(f.slice(Math.max(clauseStart, q.valueStart - 30), q.valueStart));
      const leading = /^\s*(?:[a-zđ]\)|\d+\.|[-–+•]|\(\d+\))?\s*(?:phan dau\s*(?:dat\s*)?)?$/.test(pre);
      const isTarget = hasCmp || ((inTargetSection || /phan dau|chi tieu/.test(f)) && (verb || (leading && q.unit === '%')));
      if (!isTarget) {
        prev = null;
        continue;
      }
      let indicator: string;
      const between = prev ? f.slice(prev.q.end, q.valueStart) : '';
      if (prev && /^\s*(?:[^;.\d]{0,40})?\s*(?:va|,)\s*$/.test(between) && between.length < 50) indicator = prev.indicator;
      else if (leading) indicator = indicatorAfter(p.text, q.end, clauseEnd);
      else if (q.unit !== '%' && /^\s*\p{L}/u.test(p.text.slice(q.end))) {
        // "ít nhất 02 đợt kiểm tra trong năm": what is counted follows the number.
        const after = indicatorAfter(p.text, q.end, clauseEnd).split(/,\s/)[0];
        indicator = clean(`${q.unit ?? ''} ${after}`);
      } else indicator = indicatorBefore(p.text, f, q.valueStart, clauseStart);
      if (!indicator || indicator.split(' ').length < 2) {
        ctx.file?.message(`target value without an indicator: "${clean(p.text.slice(q.valueStart, q.end))}"`, { line: refAt(p, q.start).line ?? 1, column: 1 }, 'extract:target');
        continue;
      }
      const after = p.text.slice(q.end, clauseEnd);
      const where = after.match(/^\s*(?:ở|tại|đối với)\s+([^,;.]+?)(?=\s+và\s|[,;.]|$)/u);
      const baseline = p.text.slice(q.end, clauseEnd).match(/so với\s+([^,;.]+)/u);
      const period = p.text.slice(clauseStart, clauseEnd).match(/(?:năm|giai đoạn)\s+\d{4}(?:\s*-\s*\d{4})?/u);
      let responsible: string | null = where ? clean(where[1]) : (leadOf.get(i) ?? null);
      if (!responsible) {
        const unitHeading = anc.find((a) => a.kind !== 'letter' && startsWithUnit(a.rest));
        if (unitHeading) responsible = clean(splitUnitsAndTask(unitHeading.rest.split(':')[0]).units);
      }
      const ref: SourceRef = refAt(p, q.valueStart);
      out.push({
        indicator,
        value: { text: clean(p.text.slice(q.valueStart, q.end)), number: q.number, unit: q.unit, comparator: q.comparator ?? '=' },
        baseline: baseline ? clean(baseline[0]) : null,
        period: period ? clean(period[0]) : null,
        responsible,
        ref,
      });
      prev = { q, indicator };
    }
  }
  return out;
}

void GE;
void LE;
