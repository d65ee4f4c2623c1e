/**
 * src/layout — positioned words → blocks in reading order.
 *
 *   in:  PageWords (lines of words with boxes, from OCR or a PDF text layer; ruled tables)
 *   out: HeadingNode | ParagraphNode | TableNode children of a PageNode, lines numbered 1.. in
 *        reading order
 *
 * Reading order follows Nghị định 30/2020/NĐ-CP pages: the two-column official header (issuing
 * body | national motto, number | place and date) and the two-column foot (Nơi nhận | signature)
 * are read left column first, then right column; everything else top to bottom; a ruled table is
 * read row by row, each cell's text whole in one line.
 */
import type { BBox, BlockNode, HeadingNode, LineNode, ParagraphNode, TableCellNode, TableNode, TableRowNode, Word } from '../tree/types.ts';
import { line as makeLine } from '../tree/types.ts';
import type { GridTable } from './grid.ts';
import type { PageWords, RawLine, RawWord } from './types.ts';

export type { PageWords, RawLine, RawWord } from './types.ts';
export { detectRules, buildTables, type GridTable } from './grid.ts';

/** A run of words on one visual line with no wide gap inside. */
interface Segment {
  words: RawWord[];
  bbox: BBox;
  /** Typical word height: the unit for gaps and indents. */
  h: number;
}

/** A line of output before it becomes a LineNode. */
interface OutLine {
  words: RawWord[];
  bbox: BBox;
  h: number;
  column: 'full' | 'left' | 'right';
}

type Item =
  | { kind: 'band'; y: number; left: OutLine[]; right: OutLine[]; top: boolean }
  | { kind: 'flow'; y: number; lines: OutLine[] }
  | { kind: 'table'; y: number; table: GridTable; cells: Map<number, RawWord[]> };

export function layoutPage(page: PageWords): BlockNode[] {
  const { tableWords, free } = assignTableWords(page);
  const segments = page.lines.flatMap((l) => splitSegments(l.words.filter((w) => free.has(w)))).filter((s) => !isSpeck(s));
  const rows = groupRows(segments);
  const items = orderItems(rows, page, tableWords);
  const blocks: BlockNode[] = [];
  let state: BlockState = { seenDoctype: false, afterDoctype: false, contentLeft: 0, contentRight: page.width, bodyLeft: 0, bodyRight: page.width };
  const all = segments.map((s) => s.bbox);
  if (all.length) {
    state.contentLeft = Math.min(...all.map((b) => b.x0));
    state.contentRight = Math.max(...all.map((b) => b.x1));
  }
  // The outermost start and end that at least three long lines share (within a few pixels).
  const long = all.filter((b) => b.x1 - b.x0 > 0.6 * (state.contentRight - state.contentLeft));
  const h = median(segments.map((s) => s.h));
  state.bodyLeft = sharedEdge(long.map((b) => b.x0).sort((a, b) => a - b), h) ?? state.contentLeft;
  state.bodyRight = sharedEdge(long.map((b) => b.x1).sort((a, b) => b - a), h) ?? state.contentRight;
  for (const item of items) {
    if (item.kind === 'table') blocks.push(tableNode(item.table, item.cells));
    else if (item.kind === 'band') blocks.push(...bandBlocks(item, state));
    else blocks.push(...flowBlocks(item.lines, state));
  }
  numberLines(blocks);
  return blocks;
}

/** The first of `edges` (sorted from the outside in) that two more lie within h/2 of. */
function sharedEdge(edges: number[], h: number): number | null {
  for (let i = 0; i + 2 < edges.length; i++) if (Math.abs(edges[i + 2] - edges[i]) <= h / 2) return edges[i];
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tables

function center(b: BBox): { x: number; y: number } {
  return { x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 };
}

function inside(p: { x: number; y: number }, b: BBox): boolean {
  return p.x >= b.x0 && p.x < b.x1 && p.y >= b.y0 && p.y < b.y1;
}

/** Puts every word inside a ruled table into its cell; a word across a rule is cut at the rule. */
function assignTableWords(page: PageWords): { tableWords: Map<GridTable, Map<number, RawWord[]>>; free: Set<RawWord> } {
  const free = new Set<RawWord>();
  const tableWords = new Map<GridTable, Map<number, RawWord[]>>();
  for (const t of page.tables) tableWords.set(t, new Map());
  for (const l of page.lines) {
    for (const w of l.words) {
      const table = page.tables.find((t) => inside(center(w.bbox), t.bbox));
      if (!table) {
        free.add(w);
        continue;
      }
      const cells = tableWords.get(table)!;
      for (const piece of cutAtRules(w, table)) {
        const idx = table.cells.findIndex((c) => inside(center(piece.bbox), c.bbox));
        if (idx < 0) continue;
        const list = cells.get(idx) ?? [];
        list.push(piece);
        cells.set(idx, list);
      }
    }
  }
  return { tableWords, free };
}

function cutAtRules(w: RawWord, t: GridTable): RawWord[] {
  const xs = t.xs.filter((x) => x > w.bbox.x0 + 2 && x < w.bbox.x1 - 2);
  if (!xs.length || !w.symbols?.length) return [w];
  const pieces: RawWord[] = [];
  const bounds = [-Infinity, ...xs, Infinity];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const syms = w.symbols.filter((s) => {
      const cx = (s.bbox.x0 + s.bbox.x1) / 2;
      return cx >= bounds[i] && cx < bounds[i + 1];
    });
    const text = syms.map((s) => s.text).join('').trim();
    if (!text) continue;
    pieces.push({ text, confidence: w.confidence, bbox: unionBox(syms.map((s) => s.bbox)), symbols: syms });
  }
  return pieces.length ? pieces : [w];
}

function tableNode(table: GridTable, cells: Map<number, RawWord[]>): TableNode {
  const rows: TableRowNode[] = [];
  const rowCount = table.ys.length - 1;
  for (let r = 0; r < rowCount; r++) {
    const children: TableCellNode[] = [];
    table.cells.forEach((cell, idx) => {
      if (cell.row !== r) return;
      const words = cells.get(idx) ?? [];
      const lines = words.length ? linesOf(words) : [];
      const flat = lines.flat();
      const node: TableCellNode = { type: 'tableCell', children: [], data: { bbox: cell.bbox } };
      if (cell.rowSpan > 1) node.data!.rowSpan = cell.rowSpan;
      if (cell.colSpan > 1) node.data!.colSpan = cell.colSpan;
      // The cell's text whole, in one line: wrapped visual lines joined with spaces.
      if (flat.length) node.children.push(lineNode(flat, unionBox(flat.map((w) => w.bbox))));
      else node.children.push(makeLine(''));
      children.push(node);
    });
    if (children.length) rows.push({ type: 'tableRow', children });
  }
  return { type: 'table', children: rows, data: { bbox: table.bbox } };
}

/** Words of a region → visual lines top to bottom, each left to right. */
function linesOf(words: RawWord[]): RawWord[][] {
  const sorted = [...words].sort((a, b) => center(a.bbox).y - center(b.bbox).y);
  const lines: RawWord[][] = [];
  for (const w of sorted) {
    const c = center(w.bbox).y;
    const last = lines[lines.length - 1];
    if (last) {
      const y0 = Math.min(...last.map((o) => o.bbox.y0));
      const y1 = Math.max(...last.map((o) => o.bbox.y1));
      const h = y1 - y0;
      if (c > y0 + h * 0.15 && c < y1 - h * 0.15) {
        last.push(w);
        continue;
      }
    }
    lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}

// ---------------------------------------------------------------------------------------------
// Segments and rows

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function unionBox(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function segment(words: RawWord[]): Segment {
  return { words, bbox: unionBox(words.map((w) => w.bbox)), h: median(words.map((w) => w.bbox.y1 - w.bbox.y0)) };
}

/** A lone mark far from any word: a speck, a remnant of a rule or of the seal. */
function isSpeck(s: Segment): boolean {
  if (s.words.length !== 1) return false;
  const t = s.words[0].text;
  return [...t].length === 1 && (!/[\p{L}\p{N}]/u.test(t) || s.words[0].confidence < 0.75);
}

/** Cuts a reader's line where the gap between words is wide (two columns read as one line). */
function splitSegments(words: RawWord[]): Segment[] {
  if (!words.length) return [];
  const sorted = [...words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const h = median(sorted.map((w) => w.bbox.y1 - w.bbox.y0));
  const out: Segment[] = [];
  let cur: RawWord[] = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].bbox.x0 - sorted[i - 1].bbox.x1 > Math.max(1.5 * h, 8)) {
      out.push(segment(cur));
      cur = [];
    }
    cur.push(sorted[i]);
  }
  out.push(segment(cur));
  return out;
}

interface Row {
  segments: Segment[];
  bbox: BBox;
  h: number;
}

/** Segments side by side on the same visual line form a row. */
function groupRows(segments: Segment[]): Row[] {
  const sorted = [...segments].sort((a, b) => center(a.bbox).y - center(b.bbox).y);
  const rows: Row[] = [];
  for (const s of sorted) {
    const cy = center(s.bbox).y;
    const row = rows.find((r) => {
      const mid = center(r.bbox).y;
      const tol = Math.max(r.h, s.h) * 0.5;
      return Math.abs(mid - cy) < tol && !r.segments.some((o) => o.bbox.x0 < s.bbox.x1 && s.bbox.x0 < o.bbox.x1);
    });
    if (row) {
      row.segments.push(s);
      row.bbox = unionBox([row.bbox, s.bbox]);
      row.h = Math.max(row.h, s.h);
    } else rows.push({ segments: [s], bbox: { ...s.bbox }, h: s.h });
  }
  for (const r of rows) r.segments.sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return rows.sort((a, b) => a.bbox.y0 - b.bbox.y0);
}

function toOut(s: Segment, column: OutLine['column']): OutLine {
  return { words: s.words, bbox: s.bbox, h: s.h, column };
}

function joinRow(r: Row): OutLine {
  const words = r.segments.flatMap((s) => s.words);
  return { words, bbox: r.bbox, h: r.h, column: 'full' };
}

/**
 * Rows and tables in reading order. A row with two segments far apart opens a two-column band
 * (split at the middle of the widest gap); the band goes on while the next rows keep clear of
 * the split and their right-hand lines stay on the right column's axis (centred under the motto
 * or the signer's title), so a centred document type or title below the header ends it.
 */
function orderItems(rows: Row[], page: PageWords, tables: Map<GridTable, Map<number, RawWord[]>>): Item[] {
  const items: Item[] = [];
  const pending = [...page.tables].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const width = page.width;
  let flow: OutLine[] = [];
  const flushFlow = () => {
    if (flow.length) items.push({ kind: 'flow', y: flow[0].bbox.y0, lines: flow });
    flow = [];
  };
  const flushTables = (y: number) => {
    while (pending.length && pending[0].bbox.y0 < y) {
      flushFlow();
      const t = pending.shift()!;
      items.push({ kind: 'table', y: t.bbox.y0, table: t, cells: tables.get(t)! });
    }
  };
  let i = 0;
  let seenText = false;
  while (i < rows.length) {
    const row = rows[i];
    flushTables(center(row.bbox).y);
    const split = widestGap(row);
    if (!split) {
      flow.push(joinRow(row));
      seenText = true;
      i++;
      continue;
    }
    // A band.
    flushFlow();
    const left: OutLine[] = [];
    const right: OutLine[] = [];
    const rightSegs = row.segments.filter((s) => s.bbox.x0 >= split);
    let rightAxis = median(rightSegs.map((s) => center(s.bbox).x));
    let rightEdge = Math.max(...rightSegs.map((s) => s.bbox.x1));
    const tol = row.h;
    const nextTable = pending[0]?.bbox.y0 ?? Infinity;
    let j = i;
    for (; j < rows.length; j++) {
      const r = rows[j];
      if (r.bbox.y0 > nextTable) break;
      if (j > i && r.bbox.y0 - rows[j - 1].bbox.y1 > 10 * r.h) break;
      const fits = j === i || r.segments.every((s) => {
        if (s.bbox.x1 <= split + tol) return true;
        if (s.bbox.x0 < split - tol) return false;
        const cx = center(s.bbox).x;
        return Math.abs(cx - rightAxis) <= width * 0.08 || Math.abs(s.bbox.x1 - rightEdge) <= 2 * tol;
      });
      if (!fits) break;
      for (const s of r.segments) {
        if (s.bbox.x1 <= split + tol) left.push(toOut(s, 'left'));
        else right.push(toOut(s, 'right'));
      }
    }
    if (right.length) {
      rightAxis = median(right.map((l) => center(l.bbox).x));
      rightEdge = Math.max(...right.map((l) => l.bbox.x1));
    }
    items.push({ kind: 'band', y: row.bbox.y0, left, right, top: !seenText });
    seenText = true;
    i = Math.max(j, i + 1);
  }
  flushFlow();
  flushTables(Infinity);
  return items;
}

/** The middle of the widest gap in a row of two or more segments, or null. */
function widestGap(row: Row): number | null {
  if (row.segments.length < 2) return null;
  let best = 0;
  let at: number | null = null;
  for (let k = 1; k < row.segments.length; k++) {
    const gap = row.segments[k].bbox.x0 - row.segments[k - 1].bbox.x1;
    if (gap > best) {
      best = gap;
      at = (row.segments[k].bbox.x0 + row.segments[k - 1].bbox.x1) / 2;
    }
  }
  return best > 2 * row.h ? at : null;
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface BlockState {
  seenDoctype: boolean;
  /** The lines right after the document type are its title. */
  afterDoctype: boolean;
  contentLeft: number;
  contentRight: number;
  /**
   * The margins of the body text: where most long lines start and end (a title set wider than
   * the body, or a stray mark, moves contentLeft/contentRight, not these).
   */
  bodyLeft: number;
  bodyRight: number;
}

const DOCTYPE = /^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|CÔNG VĂN|THÔNG BÁO|TỜ TRÌNH|CHỈ THỊ|NGHỊ QUYẾT|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN|PHỤ LỤC|BIÊN BẢN|GIẤY MỜI)\b/u;
const MARKER = /^(?:[IVXLC]+[.\/]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][)]\s|Điều\s+\d+|Chương\s+[IVXLC\d]+|Mục\s+\d+|[-–+•*]\s)/u;
const SECTION = /^(?:[IVXLC]+[.\/]\s|Chương\s+[IVXLC\d]+|Mục\s+\d+|PHỤ LỤC|Phụ lục)/u;

function textOf(words: RawWord[]): string {
  return words
    .map((w) => w.text)
    .join(' ')
    .normalize('NFC');
}

function isUpper(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}

function lineNode(words: RawWord[], bbox: BBox): LineNode {
  const text = textOf(words);
  const out: Word[] = words.map((w) => ({ text: w.text.normalize('NFC'), confidence: round3(w.confidence), bbox: roundBox(w.bbox) }));
  const confidence = out.length ? round3(out.reduce((s, w) => s + w.confidence, 0) / out.length) : undefined;
  return makeLine(text, undefined, { words: out, bbox: roundBox(bbox), confidence });
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function roundBox(b: BBox): BBox {
  return { x0: Math.round(b.x0), y0: Math.round(b.y0), x1: Math.round(b.x1), y1: Math.round(b.y1) };
}

function heading(lines: OutLine[], role: NonNullable<HeadingNode['data']>['role']): HeadingNode {
  return { type: 'heading', children: lines.map((l) => lineNode(l.words, l.bbox)), data: { bbox: roundBox(unionBox(lines.map((l) => l.bbox))), role } };
}

function paragraph(lines: OutLine[]): ParagraphNode {
  return { type: 'paragraph', children: lines.map((l) => lineNode(l.words, l.bbox)), data: { bbox: roundBox(unionBox(lines.map((l) => l.bbox))) } };
}

/** Splits a column's lines where the vertical gap is wider than the usual leading. */
function splitByGaps(lines: OutLine[]): OutLine[][] {
  const groups: OutLine[][] = [];
  for (const l of lines) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && l.bbox.y0 - prev.bbox.y1 <= 0.9 * Math.max(l.h, prev.h)) last.push(l);
    else groups.push([l]);
  }
  return groups;
}

function bandBlocks(band: Extract<Item, { kind: 'band' }>, state: BlockState): BlockNode[] {
  const out: BlockNode[] = [];
  const left = [...band.left].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const right = [...band.right].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  if (band.top) {
    // The official header: issuer | motto, number | place and date.
    const numberAt = left.findIndex((l) => /^(Số|So)\b|^Số:/u.test(textOf(l.words)));
    const issuer = numberAt < 0 ? left : left.slice(0, numberAt);
    const rest = numberAt < 0 ? [] : left.slice(numberAt);
    if (issuer.length) out.push(heading(issuer, 'issuer'));
    if (rest.length) {
      const number = rest.filter((l, k) => k === 0 || !/^V\/v\b/u.test(textOf(l.words)));
      const subjectAt = rest.findIndex((l) => /^V\/v\b/u.test(textOf(l.words)));
      const numberLines = subjectAt < 0 ? number : rest.slice(0, subjectAt);
      out.push(heading(numberLines, 'number'));
      if (subjectAt >= 0) out.push(paragraph(rest.slice(subjectAt)));
    }
    // The motto is two lines; place and date follow ("…, ngày 14 tháng 3 năm 2025", OCR errors
    // and blanks for handwritten numbers included).
    let dateAt = right.findIndex((l, k) => k >= 1 && /ngày|tháng|năm|\d{4}/iu.test(textOf(l.words)));
    if (dateAt < 0 && right.length > 2) dateAt = 2;
    const motto = dateAt < 0 ? right : right.slice(0, dateAt);
    if (motto.length) out.push(heading(motto, 'motto'));
    if (dateAt >= 0) out.push(heading(right.slice(dateAt), 'date'));
    return out;
  }
  // The foot: recipients (Nơi nhận) | signature; each group of lines a paragraph.
  for (const group of splitByGaps(left)) out.push(paragraph(group));
  for (const group of splitByGaps(right)) out.push(paragraph(group));
  return out;
}

/** Single-column lines → paragraphs and headings. */
function flowBlocks(lines: OutLine[], state: BlockState): BlockNode[] {
  const groups: OutLine[][] = [];
  const L = state.contentLeft;
  const R = state.contentRight;
  for (const l of lines) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const text = textOf(l.words);
    const h = Math.max(l.h, prev?.h ?? 0);
    const newBlock =
      !prev ||
      l.bbox.y0 - prev.bbox.y1 > 0.9 * h || // a blank line's worth of space
      (l.column === 'full' && l.bbox.x0 > L + 1.2 * l.h && prev.bbox.x0 <= L + 1.2 * l.h && !(isCentred(l, state) && isCentred(prev, state))) || // first-line indent
      (l.column === 'full' && prev.bbox.x1 < R - 4 * h && !isCentred(prev, state)) || // previous line ended short
      MARKER.test(text) ||
      isUpper(text) !== isUpper(textOf(prev.words)) ||
      isCentred(l, state) !== isCentred(prev, state);
    if (newBlock) groups.push([l]);
    else last.push(l);
  }
  return groups.map((g) => classify(g, state));
}

function isCentred(l: OutLine, state: BlockState): boolean {
  const L = state.contentLeft;
  const R = state.contentRight;
  const left = l.bbox.x0 - L;
  const right = R - l.bbox.x1;
  if (left > 2 * l.h && right > 2 * l.h) return Math.abs(left - right) < Math.max(2.5 * l.h, 0.08 * (R - L));
  // A centred line about as wide as the body text (the first line of a long title): short of
  // both body margins by about as much, or past both by about as much (a title set wider than the
  // body). A line of body text starts at the left margin or an indent.
  const bodyLeft = l.bbox.x0 - state.bodyLeft;
  const bodyRight = state.bodyRight - l.bbox.x1;
  if (Math.abs(bodyLeft - bodyRight) > 0.5 * l.h) return false;
  return (bodyLeft >= 0.25 * l.h && bodyRight >= 0.25 * l.h) || (bodyLeft <= -0.25 * l.h && bodyRight <= -0.25 * l.h);
}

function classify(lines: OutLine[], state: BlockState): BlockNode {
  const text = lines.map((l) => textOf(l.words)).join(' ');
  const upper = isUpper(text);
  const centred = lines.every((l) => isCentred(l, state));
  if (lines.length <= 2 && upper && DOCTYPE.test(text) && !state.seenDoctype) {
    state.seenDoctype = true;
    state.afterDoctype = true;
    return heading(lines, 'doctype');
  }
  if (state.afterDoctype && centred && lines.length <= 4) {
    return heading(lines, 'title');
  }
  state.afterDoctype = false;
  if (lines.length <= 3 && (SECTION.test(text) || (upper && text.length < 200))) return heading(lines, 'section');
  if (lines.length === 1 && /^\d+(?:\.\d+)*\.\s/u.test(text) && text.length < 90 && !/[.;:,]$/u.test(text.trim())) return heading(lines, 'section');
  return paragraph(lines);
}

/** Lines get their 1-based position on the page in reading order. */
function numberLines(blocks: BlockNode[]): void {
  let n = 0;
  const number = (l: LineNode) => {
    n++;
    l.position = { start: { line: n, column: 1 }, end: { line: n, column: l.value.length + 1 } };
  };
  for (const b of blocks) {
    if (b.type === 'table') for (const r of b.children) for (const c of r.children) c.children.forEach(number);
    else b.children.forEach(number);
  }
}
