/**
 * Task-table rows whose cells OCR wrote interleaved on shared lines. A ruled table with tall rows,
 * read without its geometry (an old OCR text file), comes out as lines that each hold a piece of
 * every column, left to right, with the row number on the line at the row's middle:
 *
 *     Chỉ đạo việc tiếp nhận, giải quyết Các phòng chuyên Văn phòng HĐND và
 *     2 TTHC trên môi trường điện tử Văn bản chỉ đạo môn, UBND cấp xã UBND huyện Thường xuyên
 *
 * Without the page the columns cannot be cut exactly; what can be read is: the time (a time
 * expression ending a line), the units (the unit names the same document spells out whole
 * elsewhere — the table's one-cell-per-block rows — found whole or split at a line end and a line
 * start) and the task (the leading piece of each line, up to where another cell visibly starts:
 * a unit name or a capitalised word after a lower-case one). The task text may keep words of the
 * product column; callers report that.
 */
import { scanTime } from './dates.ts';
import { startsWithTaskVerb, startsWithUnit } from './lexicon.ts';
import { clean, fold } from './text.ts';

export interface InterleavedLine {
  text: string;
  /** Index of the line in the caller's list (for refs). */
  at: number;
}

export interface InterleavedRow {
  n: number;
  task: string;
  lead: string | null;
  cooperating: string[];
  time: string | null;
  /** Caller's index of the row-number line. */
  at: number;
}

/** Words that join a capitalised name to the words before it in one cell ("trên Cổng", "của UBND"). */
const JOINERS = /^(?:tren|cua|tai|ve|cho|voi|va|tu|den|qua|theo|cac|nhung|o|trong|thuoc|giua|hoac|la|duoc|bang|vao|tinh|huyen|xa)$/;

/** Endings shared by many unit names: a line starting with them says nothing about which unit. */
const GENERIC_TAIL = /^(?:cap (?:xa|huyen|tinh)|(?:cac )?(?:xa|huyen|tinh|thi tran|phuong)(?:, (?:thi tran|phuong|xa))?)$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Take the time off the end of a line: "… UBND huyện Thường xuyên" → ["… UBND huyện", "Thường xuyên"]. */
function timeAtEnd(text: string): [string, string | null] {
  const f = fold(text);
  const found = scanTime(f, { field: true });
  const last = found[found.length - 1];
  if (!last || f.slice(last.end).trim() !== '') return [text, null];
  // "Trước ngày …", "Trong Quý …": the words that introduce the time belong to it.
  const intro = f.slice(0, last.start).match(/(?:^|\s)((?:truoc|trong|tu|den het|den|cham nhat)\s*(?:ngay\s*)?)$/);
  const start = intro ? last.start - intro[1].length : last.start;
  return [text.slice(0, start).trim(), clean(text.slice(start))];
}

/**
 * Remove the known unit names from a line — whole, a first part at the line's end, a last part at
 * its start — and return what is left with the units met (and where), in reading order.
 */
interface UnitPatterns {
  unit: string;
  whole: RegExp;
  /** First parts (longest first), to meet at a line's end. */
  heads: RegExp[];
  /** Last parts (longest first), to meet at a line's start, and inside it when they cannot open a phrase. */
  tails: { start: RegExp; inner: RegExp | null }[];
}

/** The patterns of the known unit names, built once per table. */
function unitPatterns(known: string[]): UnitPatterns[] {
  return known.map((u) => {
    const w = u.split(/\s+/);
    const heads: RegExp[] = [];
    for (let k = w.length - 1; k >= 2; k--) heads.push(new RegExp(`(?<=\\s)${w.slice(0, k).map(escape).join('\\s+')}\\s*$`, 'u'));
    const tails: UnitPatterns['tails'] = [];
    for (let k = 1; k <= w.length - 2; k++) {
      const part = w.slice(k).join(' ');
      if (GENERIC_TAIL.test(fold(part))) continue;
      const body = w.slice(k).map(escape).join('\\s+');
      const inner = /^\p{Ll}/u.test(part) && (/,/.test(part) || w.length - k >= 3) ? new RegExp(`(?<=\\s)${body}(?=[\\s,;.])`, 'u') : null;
      tails.push({ start: new RegExp(`^\\s*${body}(?=[\\s,;.])`, 'u'), inner });
    }
    return { unit: u, whole: new RegExp(`(?<=\\s)${escape(u).replace(/\s+/g, '\\s+')}(?=[\\s,;.])`, 'u'), heads, tails };
  });
}

function takeUnits(text: string, known: UnitPatterns[]): { rest: string; units: { unit: string; at: number }[] } {
  let rest = ` ${text} `;
  const units: { unit: string; at: number }[] = [];
  const note = (unit: string, at: number) => units.push({ unit, at });
  for (let changed = true; changed; ) {
    changed = false;
    for (const { unit: u, whole, heads, tails } of known) {
      let m = whole.exec(rest);
      if (m) {
        note(u, m.index);
        rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
        changed = true;
        continue;
      }
      for (const head of heads) {
        // A first part at the end of the line ("… Các phòng chuyên").
        if ((m = head.exec(rest))) {
          note(u, m.index);
          rest = rest.slice(0, m.index);
          changed = true;
          break;
        }
      }
      if (changed) continue;
      for (const { start, inner } of tails) {
        // A last part at the start of the line ("môn, UBND cấp xã …"), or inside it when it cannot
        // open a phrase of its own ("… TTHC môn, UBND cấp xã"); never one any unit ends with ("cấp xã").
        if ((m = start.exec(rest))) {
          note(u, -1);
          rest = ` ${rest.slice(m[0].length)}`;
          changed = true;
          break;
        }
        if (inner && (m = inner.exec(rest))) {
          note(u, m.index);
          rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
          changed = true;
          break;
        }
      }
    }
  }
  return { rest: clean(rest), units };
}

/** The leading piece of a line that belongs to the first text column: up to a unit name or a new cell. */
function leadingPiece(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || startsWithUnit(text)) return '';
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const prev = words[i - 1];
    const tail = words.slice(i).join(' ');
    if (/^\p{Lu}/u.test(w) && startsWithUnit(tail) && !/,$/.test(prev)) return words.slice(0, i).join(' ');
    // A capitalised word (not an abbreviation) after a lower-case word that does not join it.
    if (/^\p{Lu}\p{Ll}/u.test(w) && /\p{Ll}$/u.test(prev) && !JOINERS.test(fold(prev))) return words.slice(0, i).join(' ');
  }
  return words.join(' ');
}

/**
 * Rows of an interleaved table. `lines` run from after the header to the first row that is laid out
 * one cell per block; `known` are unit names spelled out whole elsewhere in the document.
 */
export function readInterleavedRows(lines: InterleavedLine[], known: string[]): InterleavedRow[] {
  const units = unitPatterns([...new Set(known.map(clean).filter((u) => u.split(/\s+/).length >= 2))].sort((a, b) => b.length - a.length));
  interface Draft {
    n: number | null;
    at: number;
    pieces: string[];
    units: { unit: string; order: number }[];
    time: string | null;
    /** Whether a piece opening with a capitalised task verb (the start of its task) was met. */
    opened: boolean;
  }
  const rows: Draft[] = [];
  let cur: Draft | null = null;
  let order = 0;
  // Row-number lines first (numbers in sequence), so a line can look at the one after it.
  const texts = lines.map((l) => clean(l.text)).filter(Boolean);
  const numbered: boolean[] = [];
  for (let k = 0, expect = 1; k < texts.length; k++) {
    const m = texts[k].match(/^(\d{1,2})\s+\S/u);
    numbered.push(!!m && Number(m[1]) === expect);
    if (numbered[k]) expect++;
  }
  const kept = lines.filter((l) => clean(l.text));
  for (let k = 0; k < kept.length; k++) {
    const l = kept[k];
    let text = texts[k];
    const num = text.match(/^(\d{1,2})\s+(\S.*)$/u);
    const isNumber = numbered[k];
    if (isNumber && num) text = num[2];
    // A "|" OCR kept from the ruling ends a cell: the leading piece stops there.
    const ruled = text.includes('|');
    const firstCell = text.split('|')[0];
    text = clean(text.replace(/\|/g, ' '));
    const [body, time] = timeAtEnd(text);
    const { rest, units: met } = takeUnits(body, units);
    let piece = leadingPiece(rest);
    if (ruled && piece.length > clean(firstCell).length) piece = leadingPiece(clean(firstCell));
    if (isNumber && num) {
      // The row's middle line: it belongs to the row opened above it, or opens its own.
      if (!cur || cur.n !== null) {
        cur = { n: null, at: l.at, pieces: [], units: [], time: null, opened: false };
        rows.push(cur);
      }
      cur.n = Number(num[1]);
      cur.at = l.at;
    } else if (
      !cur ||
      (cur.n !== null && cur.opened && piece && /^\p{Lu}/u.test(piece) && startsWithTaskVerb(piece)) ||
      // A new cell just above the next row's middle line belongs to that row.
      (cur.n !== null && piece && /^\p{Lu}/u.test(piece) && numbered[k + 1])
    ) {
      // A task opens a new row (whose number line is still to come) — once the current row has had
      // its own task start; a row whose number line begins mid-sentence still takes it.
      cur = { n: null, at: l.at, pieces: [], units: [], time: null, opened: false };
      rows.push(cur);
    }
    if (piece) cur.pieces.push(piece);
    if (piece && /^\p{Lu}/u.test(piece) && startsWithTaskVerb(piece)) cur.opened = true;
    for (const u of met) cur.units.push({ unit: u.unit, order: order * 1000 + Math.max(0, u.at) });
    if (time && !cur.time) cur.time = time;
    order++;
  }
  return rows
    .filter((r) => r.n !== null)
    .map((r) => {
      const seen = [...new Map(r.units.sort((a, b) => a.order - b.order).map((u) => [u.unit, u])).keys()];
      return { n: r.n!, at: r.at, task: clean(r.pieces.join(' ')).replace(/[,;:]\s*$/, ''), lead: seen[0] ?? null, cooperating: seen.slice(1), time: r.time };
    });
}
