/**
 * Text helpers shared by the extractors: diacritic-insensitive folding, paragraphs rebuilt from
 * document lines (so a citation or a deadline broken across lines is read whole) with a map back
 * from every character to the line it came from, and word sets for fuzzy comparison.
 */
import type { SourceRef } from '../schema/plan-document.ts';
import { stripDiacritics } from '../text/vietnamese.ts';
import type { DocLine } from './lines.ts';

/** Lower case, no diacritics, đ → d: the form every rule matches against. Same length as input for NFC Vietnamese. */
/** Folded form of every UTF-16 unit up to U+1EFF (Latin with Vietnamese letters); others stay. */
const FOLD_TABLE = (() => {
  const t = new Uint16Array(0x1f00);
  for (let c = 0; c < t.length; c++) {
    const ch = String.fromCharCode(c);
    const f = c < 0x80 ? ch.toLowerCase() : stripDiacritics(ch).toLowerCase();
    t[c] = f.length === 1 ? f.charCodeAt(0) : c;
  }
  return t;
})();

/**
 * Folded strings met lately: extractors fold the same paragraphs, lines and slices of them many
 * times over (a third of the time extraction took). Bounded: emptied when full.
 */
const folded = new Map<string, string>();
const FOLD_CACHE_SIZE = 5_000;

export function fold(s: string): string {
  if (s.length < 8) return foldText(s);
  let out = folded.get(s);
  if (out === undefined) {
    if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
    out = foldText(s);
    folded.set(s, out);
  }
  return out;
}

function foldText(s: string): string {
  // Per-unit table: fast, and offsets stay aligned with the input (one UTF-16 unit each).
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c < 0x1f00 ? FOLD_TABLE[c] : c;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.subarray(i, i + 4096));
  return out;
}

/** Collapse whitespace and trim. */
export function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Trim list punctuation at the ends: leading dashes/bullets, trailing ; , . : */
export function trimItem(s: string): string {
  return clean(s)
    .replace(/^[-–—+•*]\s*/u, '')
    .replace(/\.\/\.?$/u, '')
    .replace(/[\s;,.:]+$/u, '')
    .trim();
}

/** Folded words of a text (letters and digits), for comparing texts by their words. */
export function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** How many items the two lists share, counted as multisets (each item matched once). */
export function commonCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const x of b) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      common++;
      counts.set(x, c - 1);
    }
  }
  return common;
}

/** Dice coefficient of two texts' word multisets (0..1). */
export function wordSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  return (2 * commonCount(wa, wb)) / (wa.length + wb.length);
}

/** A run of lines read as one text, with where each character came from. */
export interface Para {
  index: number;
  lines: DocLine[];
  /** Lines joined with single spaces. */
  text: string;
  /** `fold(text)`, same length. */
  folded: string;
  /** Offset in `text` where each line starts. */
  starts: number[];
  /** Text written as a pipe table row (`a | b | c`). */
  piped: boolean;
}

/**
 * A paragraph written as a pipe table: two or more separators, or a separator on two or more
 * lines. One stray "|" (a speck, "Văn phòng | Thống kê") does not make a table.
 */
function isPiped(lines: DocLine[], text: string): boolean {
  if (!/\S\s*\|/.test(text)) return false;
  const pipes = (text.match(/\|/g) ?? []).length;
  return pipes >= 2 || lines.filter((l) => l.text.includes('|')).length >= 2;
}

export function makePara(index: number, lines: DocLine[]): Para {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    if (text) text += ' ';
    starts.push(text.length);
    text += l.text.trim();
  }
  return { index, lines, text, folded: fold(text), starts, piped: isPiped(lines, text) };
}

/** Where offset `at` of a paragraph's text was found. */
export function refAt(p: Para, at: number): SourceRef {
  let i = 0;
  while (i + 1 < p.starts.length && p.starts[i + 1] <= at) i++;
  const l = p.lines[i];
  return { page: l?.page ?? null, line: l && l.line > 0 ? l.line : null };
}

/** A line that opens a new item: list markers, numbered/lettered labels, Roman numerals, Điều, Phụ lục. */
const ITEM_START =
  /^(?:[-–—+•*]\s|[-–—+•]\S|\(?\d{1,2}\)\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[IVXL]{1,6}\s*[.\-–]\s|điều\s+\d+|dieu\s+\d+|phụ lục|phu luc|chương\s+[ivx\d]|chuong\s+[ivx\d])/iu;

/** Labelled fields of a task block (Chủ trì: …, Phối hợp: …, Thời gian: …, Sản phẩm: …). */
export const FIELD_START = /^[-–+•]?\s*(?:co quan |don vi )?(?:chu tri|phoi hop|thoi gian|thoi han|tien do|san pham|ket qua dau ra)[^:]{0,30}:/;

export function isItemStart(text: string): boolean {
  const t = text.trim();
  return ITEM_START.test(t) || (/^[-–+•]?\s*[CcPpTtSsKkĐđ]/u.test(t) && FIELD_START.test(fold(t.slice(0, 60))));
}

/** A pipe-table row opens with its number (STT) cell: `3 |`, `II |`, `a) |`, `| 3 |`. */
const PIPE_ROW_START = /^\|?\s*(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.?|[a-zđ]\)?|[-–+•])\s*\|/u;
const pipes = (s: string) => (s.match(/\|/g) ?? []).length;
/** A line with one separator between two cells: a row of a two-column table. */
const ONE_PIPE_ROW = { test: (s: string) => pipes(s) === 1 && /\S\s*\|\s*\S/.test(s) };

/**
 * Paragraphs of the document: a new one starts at a block change (a blank line in text inputs),
 * at a page change, at a line that opens an item, and at a pipe-table row.
 */
export function paragraphs(lines: DocLine[]): Para[] {
  const out: Para[] = [];
  let cur: DocLine[] = [];
  // Cells of the current text table's first (header) row: a row with as many is complete.
  let headerPipes = 0;
  let headerLeading = false;
  const flush = () => {
    if (cur.length) {
      const p = makePara(out.length, cur);
      if (p.piped && !out[out.length - 1]?.piped) {
        headerPipes = pipes(p.text.replace(/^\s*\||\|\s*$/g, ''));
        headerLeading = /^\s*\|/.test(p.text);
      }
      out.push(p);
    }
    cur = [];
  };
  for (const l of lines) {
    if (!l.text.trim()) {
      flush();
      continue;
    }
    const prev = cur[cur.length - 1];
    // A pipe-table row wraps over lines: its continuations join it unless they open a new row
    // (a row-number cell, a leading pipe in a table written with them, or the row already has
    // all the header's cells).
    const inPipeRow = cur.some((c) => c.text.includes('|'));
    let opens: boolean;
    if (inPipeRow) {
      const t = l.text.trim();
      const had = pipes(cur.map((c) => c.text.trim()).join(' ').replace(/^\||\|$/g, ''));
      // Still in the table's first (header) row: a line with as many separators as the header's
      // own first line, when that line is complete, is the next row ("Nhóm chỉ tiêu | Cơ quan chủ
      // trì | … | Thời hạn báo cáo" then "Thu ngân sách | Thuế tỉnh | … | Hằng tháng", rows that open
      // with no number cell). A wrapped header goes on with fewer separators.
      const firstRow = !out[out.length - 1]?.piped;
      const own = pipes(cur[0].text.trim().replace(/^\||\|$/g, ''));
      const nextOfFirst = firstRow && !/^\s*\|/.test(cur[0].text) && cur.length === 1 && own >= 2 && pipes(t.replace(/^\||\|$/g, '')) === own;
      // A two-column table ("Nội dung | Thời gian", then "Rà soát … | Trước 31/3/2025"): a row is complete with its one
      // separator, and a line with one separator between two cells opens the next.
      const twoColumns = had === 1 && !(out[out.length - 1]?.piped && headerPipes >= 2) && ONE_PIPE_ROW.test(cur[0].text) && ONE_PIPE_ROW.test(t);
      opens = firstRow && /^\s*\|/.test(cur[0].text) ? /^\|/.test(t) : headerLeading && !firstRow ? /^\|/.test(t) : PIPE_ROW_START.test(t) || nextOfFirst || twoColumns || (!firstRow && headerPipes > 0 && had >= headerPipes && t.includes('|'));
    } else opens = isItemStart(l.text);
    if (prev && (prev.block !== l.block || prev.page !== l.page || prev.inTable !== l.inTable || opens)) flush();
    cur.push(l);
  }
  flush();
  // The rows of a two-column table have one separator each, too few for a piped paragraph alone: a run of
  // three or more such paragraphs (header and rows) is a table.
  for (let i = 0; i < out.length; ) {
    let j = i;
    while (j < out.length && !out[j].piped && ONE_PIPE_ROW.test(out[j].lines[0].text) && pipes(out[j].text) === 1) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) out[k].piped = true;
    i = Math.max(j, i + 1);
  }
  return out;
}

/** Is the text written in capitals (ignoring digits and punctuation)? */
export function isUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Split a sentence into clauses at semicolons and sentence ends, with their offsets. */
export function clauses(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^;]+?(?:;|\.(?=\s+\p{Lu})|\.$|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    if (m[0].trim()) out.push({ text: m[0], start: m.index });
    if (re.lastIndex >= text.length) break;
  }
  return out;
}
