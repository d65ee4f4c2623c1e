/**
 * Vietnamese time expressions → normalised dates, periods and recurrences. Every pattern works on
 * folded text (no diacritics, lower case: see `fold`), so restored and half-restored OCR text read
 * the same; offsets are those of the original text. Tolerates the blanks and misreads of filled-in
 * dates (`ngày /7 tháng 02`, `ngay 06 thang 4 nam 2024`).
 */

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Quarter numbers as written and as OCR misreads Roman numerals (I → l or 1: "Quý 1V", "Quý 111"). */
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4, l: 1, ll: 2, lll: 3, lv: 4, '1v': 4, '11': 2, '111': 3 };

/** A day digit group as handwritten-then-OCR'd: `/7` or `l7` for 17. */
function dayNumber(s: string): number {
  return Number(s.replace(/^[/|l]/, '1'));
}

/** `ngày 14 tháng 11 năm 2024`, `14/11/2024` → 2024-11-14 (tolerating OCR-damaged words and blanks). */
export function parseVietnameseDate(text: string): string | null {
  const f = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  const m = f.match(/ngay\s*[^\d\s/|]{0,2}\s*([/|l]?\d{1,2})\s*[^\d\s]{0,2}\s*thang\s*(\d{1,2})\s*[^\d\s]{0,2}\s*nam\s*(\d{4})/);
  if (m) return isoDate(+m[3], +m[2], dayNumber(m[1]));
  const n = f.match(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/);
  if (n) return isoDate(+n[3], +n[2], +n[1]);
  return null;
}

export interface TimeExpr {
  start: number;
  end: number;
  kind: 'date' | 'range' | 'month' | 'quarter' | 'year' | 'recurring' | 'ongoing';
  date: string | null;
  endDate: string | null;
  recurrence: string | null;
  /** Words between a cycle and the day it is due, left out of the text as written ("Hằng tháng … trước ngày 25"). */
  gap?: [number, number];
}

// Building blocks over folded text.
const D_NUM = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?`;
const D_WORDS = String.raw`ngay\s*([/|l]?\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?`;
const DATE = String.raw`(?:ngay\s*)?(?:${D_NUM})|${D_WORDS}`;

interface DateHit {
  start: number;
  end: number;
  d: number;
  m: number;
  y: number | null;
}

/** Every calendar day mentioned (with or without year), in order. */
function dayHits(f: string): DateHit[] {
  const out: DateHit[] = [];
  const re = new RegExp(String.raw`(?<![\d/.])(?:${DATE})(?![\d/])`, 'g');
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const [d, mo, y] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    const day = dayNumber(d);
    const month = Number(mo);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // A bare "d/m" without the word "ngày" is too ambiguous (ratios like 02/08, 6/15), unless a
    // time-limit word stands right before it ("trước 31/12", "chậm nhất 15/6").
    // So does the first day of a range whose last day has its year ("27/5 - 31/5/2024").
    const opensRange = /^\s*(?:-|–|den)\s*(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/.test(f.slice(m.index + m[0].length));
    // So does a further day of a list ("Trước ngày 10/6 và 10/11").
    const listed = /(?:^|\s)(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*(?:va|,)\s*$/.test(f.slice(Math.max(0, m.index - 24), m.index)) && /(?:^|\s)(?:truoc|cham nhat|den het|han|ngay)\s*\d/.test(f.slice(Math.max(0, m.index - 40), m.index));
    if (!y && m[1] !== undefined && !/^ngay/.test(m[0]) && !opensRange && !listed && !/(?:^|\s)(?:truoc|cham nhat|den het|han)\s*$/.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, d: day, m: month, y: y ? Number(y) : null });
  }
  // "từ 15 tháng 5 đến 31 tháng 7 hằng năm", "trước 30 tháng 6": a day and its month without the word "ngày",
  // after a time-limit word (alone, "6 tháng" is a duration).
  const bare = /(?<=(?:^|[\s,(])(?:tu|den|den het|truoc|cham nhat|vao|va)\s+)(\d{1,2})\s+thang\s+(\d{1,2})(?![\d.,]\d)(?:\s*(?:\/\s*|nam\s+)(\d{4}))?/g;
  for (let m = bare.exec(f); m; m = bare.exec(f)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31 || out.some((h) => h.start < m!.index + m![0].length && m!.index < h.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, d: day, m: month, y: m[3] ? Number(m[3]) : null });
  }
  return out.sort((x, y) => x.start - y.start);
}

const QUARTER = String.raw`quy\s*(iv|iii|ii|i|lv|1v|lll|ll|l|111|11|[1-4])\b(?:\s*[/-]\s*(\d{4})|\s+nam\s+(\d{4}))?`;

function quarterRange(q: number, y: number): [string, string] {
  const m0 = (q - 1) * 3 + 1;
  return [isoDate(y, m0, 1)!, isoDate(y, m0 + 2, lastDay(y, m0 + 2))!];
}

interface MonthHit {
  start: number;
  end: number;
  m: number;
  y: number | null;
}

/** Joins between two month or quarter mentions: a range ("-", "đến (hết)") or a list (",", "và"). */
export const RANGE_JOIN = /^\s*(?:-|–|(?:den|toi)(?:\s*het)?)\s*$/;
export const LIST_JOIN = /^\s*(?:,|;|va|hoac)\s*$/;

/**
 * Months as written in plans: "tháng 10/2025", "tháng 01 năm 2025", ranges ("tháng 6-8/2025",
 * "từ tháng 6 đến tháng 8/2026", "Tháng 9 - tháng 11/2025") and lists ("tháng 3 và tháng 4/2025",
 * "các tháng 4 và 5/2025"). A month without a year takes the year of the month it is joined to;
 * alone, the document's year in a time field and nothing in prose (a season, a habit).
 * "6 tháng đầu năm 2025" is the first half of the year.
 */
/**
 * A numbered round and its month: "(đợt 1 vào tháng 3, đợt 2 vào tháng 6, …)", "(khóa 1 khai giảng tháng 5, khóa 2 tháng 7)":
 * the time each round of the plan is held, in the document's year.
 */
export const ROUND_BEFORE = /(?:^|[\s(,;:])(?:dot|khoa|lop|ky thi)\s+(?:thu\s+)?\d{1,2}\s*:?\s*(?:(?:vao|khai giang|to chuc|bat dau|thi|mo lop)\s+)?(?:vao\s+)?(?:thang\s*)?$/;

function monthExprs(f: string, opts: { field: boolean; year?: number | null }): TimeExpr[] {
  const out: TimeExpr[] = [];
  const hits: MonthHit[] = [];
  const re = /thang\s*(\d{1,2})(?![\d.,]\d)(?:\s*(?:\/\s*|\s+nam\s+)(\d{4}))?/g;
  const more = /^\s*(?:-|–|,|va|den(?:\s*het)?)\s*(\d{1,2})(?![\d.,]\d)(?:\s*(?:\/\s*|\s+nam\s+)(\d{4}))?/;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const before = f.slice(Math.max(0, m.index - 14), m.index);
    // "6 tháng" is a duration; "ngày 15 tháng 6 năm 2025" a day.
    // (Not "khóa 2 tháng 7": a numbered round and its month; nor "Tuần 2 tháng 3": a week of the month, which is the month.)
    if (/\d\s*$/.test(before) && !/(?:^|\s)(?:dot|khoa|lop|tuan)\s+\d{1,2}\s*$/.test(before)) continue;
    // "tháng 6/15": a fraction or a day-month pair, not a month.
    if (/^\s*\/\s*\d/.test(f.slice(m.index + m[0].length)) && !m[2]) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, m: +m[1], y: m[2] ? +m[2] : null });
    // "tháng 6-8/2025", "các tháng 4 và 5/2025": further months without the word "tháng".
    let at = m.index + m[0].length;
    // "tháng 10/2026 - 3/2027": the last month of a range that crosses a year, without the word "tháng".
    const cross = m[2] ? /^\s*(?:-|–)\s*(\d{1,2})\s*\/\s*(\d{4})(?![\d/])/.exec(f.slice(at)) : null;
    if (cross) {
      hits.push({ start: at + cross[0].search(/\d/), end: at + cross[0].length, m: +cross[1], y: +cross[2] });
      at += cross[0].length;
    }
    for (let k = 0; k < 3 && !hits[hits.length - 1].y; k++) {
      const n = f.slice(at).match(more);
      if (!n) break;
      hits.push({ start: at + n[0].search(/\d/), end: at + n[0].length, m: +n[1], y: n[2] ? +n[2] : null });
      at += n[0].length;
    }
    re.lastIndex = at;
  }
  const valid = (h: MonthHit) => h.m >= 1 && h.m <= 12;
  for (let i = 0; i < hits.length; i++) {
    // The chain of months joined to this one, and the year it ends with.
    let j = i;
    while (j + 1 < hits.length) {
      const gap = f.slice(hits[j].end, hits[j + 1].start);
      if (!RANGE_JOIN.test(gap) && !(LIST_JOIN.test(gap) && !hits[j].y)) break;
      j++;
    }
    // In prose a month alone has no year (a season, a habit) unless a time limit introduces it
    // ("trong tháng 5 và tháng 6", "trước tháng 9"): then it is the document's year.
    // So does "từ" opening a range of months ("từ tháng 5 đến tháng 9").
    const pre = f.slice(Math.max(0, hits[i].start - 12), hits[i].start);
    const opensRange = j > i && RANGE_JOIN.test(f.slice(hits[i].end, hits[i + 1].start)) && /(?:^|\s)tu\s*$/.test(pre);
    // ("dự kiến vào tháng 4, tháng 6, …"; "trong các tháng 5, 6"; "(tháng 7)": a month alone in brackets, the time of what
    // stands before them.)
    const alone = /\(\s*$/.test(pre) && /^\s*\)/.test(f.slice(hits[j].end));
    const introduced = (/(?:^|[\s(])(?:truoc|trong|den het|cham nhat|du kien)(?:\s+(?:vao|cac))?\s*$/.test(pre) || opensRange || alone || ROUND_BEFORE.test(f.slice(Math.max(0, hits[i].start - 32), hits[i].start))) && !/^\s*(?:hang|moi)\s*nam/.test(f.slice(hits[j].end));
    // "Thời vụ trồng từ tháng 4 đến tháng 8 hằng năm", "chấm điểm hằng năm vào tháng 10": months that come back every year,
    // first in the document's year.
    // (So does one month after "vào": "chấm điểm … vào tháng 11 hằng năm", as "vào quý II hằng năm"; "trong tháng 5 hằng năm"
    // stays a habit.)
    const everyYearAfter = !hits[j].y && (opensRange || (j === i && /(?:^|\s)vao\s*$/.test(pre))) ? /^\s*(?:hang|moi)\s*nam(?![a-z])/.exec(f.slice(hits[j].end)) : null;
    const everyYearBefore = !hits[j].y && j === i ? /(?:hang|moi)\s*nam\s+vao\s*$/.exec(f.slice(Math.max(0, hits[i].start - 20), hits[i].start)) : null;
    if ((everyYearAfter || everyYearBefore) && opts.year && valid(hits[i]) && valid(hits[j])) {
      const y = opts.year;
      const [a, b] = [hits[i], hits[j]];
      const yb = a.m > b.m ? y + 1 : y;
      const start = everyYearBefore ? a.start - everyYearBefore[0].length : f.slice(0, a.start).match(/tu\s*$/) ? a.start - f.slice(0, a.start).match(/tu\s*$/)![0].length : a.start;
      out.push({ start, end: b.end + (everyYearAfter?.[0].length ?? 0), kind: 'month', date: isoDate(y, a.m, 1), endDate: isoDate(yb, b.m, lastDay(yb, b.m)), recurrence: 'yearly' });
      i = j;
      continue;
    }
    const chainYear = hits[j].y ?? (opts.field || introduced ? (opts.year ?? null) : null);
    // A list is in time order: a month larger than the one after it, the year written only at the end, is in the year
    // before ("Tháng 9 và tháng 2/2026" in a school year: September 2025).
    const listYear = new Map<number, number | null>([[j, chainYear]]);
    for (let k = j - 1; k >= i; k--) {
      const later = listYear.get(k + 1) ?? null;
      const wraps = later !== null && hits[k].m > hits[k + 1].m && LIST_JOIN.test(f.slice(hits[k].end, hits[k + 1].start));
      listYear.set(k, hits[k].y ?? (wraps ? later - 1 : later));
    }
    for (let k = i; k <= j; k++) {
      const a = hits[k];
      const b = hits[k + 1];
      if (!valid(a)) continue;
      if (b && k < j && RANGE_JOIN.test(f.slice(a.end, b.start)) && valid(b)) {
        // "từ tháng 11 đến tháng 3 năm sau": the range crosses into the next year.
        const nextYear = !b.y && chainYear !== null && /^\s*(?:cua\s*)?nam sau/.exec(f.slice(b.end));
        const yb = nextYear ? chainYear + 1 : (b.y ?? chainYear);
        if (yb === null) {
          k++;
          continue;
        }
        const ya = a.y ?? (nextYear ? chainYear : a.m > b.m ? yb - 1 : yb);
        const s = /tu\s*$/.test(f.slice(Math.max(0, a.start - 4), a.start)) ? a.start - f.slice(0, a.start).match(/tu\s*$/)![0].length : a.start;
        out.push({ start: s, end: nextYear ? b.end + nextYear[0].length : b.end, kind: 'month', date: isoDate(ya, a.m, 1), endDate: isoDate(yb, b.m, lastDay(yb, b.m)), recurrence: null });
        k++;
        continue;
      }
      const y = a.y ?? listYear.get(k) ?? null;
      if (y === null) continue;
      out.push({ start: a.start, end: a.end, kind: 'month', date: isoDate(y, a.m, 1), endDate: isoDate(y, a.m, lastDay(y, a.m)), recurrence: null });
    }
    i = j;
  }
  const half = /(?:6|sau)\s*thang\s*(dau|cuoi)\s*nam(?:\s*(\d{4}))?/g;
  for (let m = half.exec(f); m; m = half.exec(f)) {
    const y = m[2] ? +m[2] : opts.field ? (opts.year ?? null) : null;
    if (y === null) continue;
    const [m0, m1] = m[1] === 'dau' ? [1, 6] : [7, 12];
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'month', date: isoDate(y, m0, 1), endDate: isoDate(y, m1, lastDay(y, m1)), recurrence: null });
  }
  return out;
}

/**
 * A cell that says only how often something is done ("02 lần/tuần", "ít nhất 01 buổi/tháng", "01 lần/02 ngày"): a
 * frequency to keep, which gold counts as a target, not a time limit. A cycle introduced by "định kỳ" ("định kỳ 01
 * lần/tháng") stays a recurring time limit.
 */
export const FREQUENCY_ONLY = /^\s*(?:(?:it nhat|toi thieu|toi da|khong qua)\s+)?\d{1,3}\s*(?:lan|buoi|dot|ky)\s*(?:\/|moi|mot|trong)\s*(?:\d{1,2}\s*)?(?:ngay|tuan|thang|quy|nam|hoc ky)\s*[.;]?\s*$/;

const RECUR: [RegExp, string][] = [
  [/dinh ky\s*(\d+)\s*ngay\s*\/\s*lan/y, 'every $1 days'],
  // "định kỳ 02 tuần/lần", "định kỳ 01 quý/lần": the cycle written as a count of periods per time.
  [/dinh ky\s*0?1\s*tuan\s*\/\s*lan/y, 'weekly'],
  [/dinh ky\s*0?1\s*thang\s*\/\s*lan/y, 'monthly'],
  [/dinh ky\s*0?1\s*quy\s*\/\s*lan/y, 'quarterly'],
  [/dinh ky\s*0?1\s*nam\s*\/\s*lan/y, 'yearly'],
  [/dinh ky\s*0?([2-9])\s*tuan\s*\/\s*lan/y, 'every $1 weeks'],
  // "theo định kỳ 2 tuần báo cáo …": the cycle named by its length.
  [/dinh ky\s*0?([2-9])\s*tuan(?![a-z])(?!\s*\/)/y, 'every $1 weeks'],
  // "định kỳ vào chiều thứ Sáu của tuần cuối mỗi tháng", "định kỳ vào thứ Sáu hằng tuần": the day of the cycle, with
  // its introduction.
  [/dinh ky\s*(?:vao\s*)?(?:(?:sang|chieu|toi)\s*)?thu\s*(?:hai|ba|tu|nam|sau|bay)\s*(?:cua\s*)?tuan\s*(?:cuoi|dau)\s*(?:cua\s*)?(?:moi|hang)\s*thang/y, 'monthly'],
  [/dinh ky\s*(?:vao\s*)?(?:(?:sang|chieu|toi)\s*)?thu\s*(hai|ba|tu|nam|sau|bay)\s*(?:hang|moi)\s*tuan/y, 'weekly ($1)'],
  [/(?:dinh ky\s*)?(?:hang|moi)\s*hoc\s*ky/y, 'every semester'],
  // "định kỳ 01 lần/tháng": once a cycle, the cycle (not "ít nhất 01 lần/quý", a frequency to reach).
  [/dinh ky\s*0?1\s*lan\s*(?:\/|moi|mot|trong)\s*tuan/y, 'weekly'],
  [/dinh ky\s*0?1\s*lan\s*(?:\/|moi|mot|trong)\s*thang/y, 'monthly'],
  [/dinh ky\s*0?1\s*lan\s*(?:\/|moi|mot|trong)\s*quy/y, 'quarterly'],
  [/dinh ky\s*0?1\s*lan\s*(?:\/|moi|mot|trong)\s*nam/y, 'yearly'],
  [/(\d+)\s*ngay\s*\/\s*lan/y, 'every $1 days'],
  [/(\d+)\s*gio\s*(?:\d+\s*(?:phut)?\s*)?ngay\s*(\d{1,2})\s*(?:cua|trong)?\s*thang\s*cuoi\s*quy[^,;.]{0,20}/y, 'quarterly, by $1:00 on day $2 of the quarter\'s last month'],
  [/(\d+)\s*gio\s*(?:\d+\s*(?:phut)?\s*)?ngay\s*(\d{1,2})\s*(?:cua|trong)?\s*thang\s*cuoi\s*ky[^,;.]{0,20}/y, 'each reporting period, day $2 of its last month'],
  [/(?:truoc\s*)?ngay\s*(\d{1,2})\s*(?:(?:cua|hang|trong)\s*)?thang\s*(?:cuoi\s*quy)/y, 'quarterly, by day $1 of the quarter\'s last month'],
  [/(?:truoc\s*)?ngay\s*(\d{1,2})\s*(?:cua|hang)\s*thang\s*(?:sau|ke tiep|tiep theo)/y, 'monthly, by day $1 of the next month'],
  // "định kỳ hằng quý, trước ngày 10 của tháng đầu quý sau".
  [/(?:truoc\s*)?ngay\s*(\d{1,2})\s*(?:cua\s*)?thang\s*dau\s*(?:cua\s*)?quy\s*(?:sau|ke tiep|tiep theo)/y, "quarterly, by day $1 of the next quarter's first month"],
  [/(?:truoc\s*)?ngay\s*(\d{1,2})\s*hang\s*thang/y, 'monthly, by day $1'],
  // "trước ngày 25 hằng quý": a day in each quarter, one time limit that recurs.
  [/(?:truoc\s*)?ngay\s*(\d{1,2})\s*(?:cua\s*)?(?:hang|moi)\s*quy/y, 'quarterly, by day $1'],
  [/(?:truoc\s*)?ngay\s*(\d{1,2})\s*(?:cua\s*)?thang\s*truoc(?![a-z])/y, 'monthly, by day $1 of the month before'],
  // "vào sáng thứ Ba, thứ Năm và sáng thứ Bảy hằng tuần": several days of the week, one cycle.
  [/(?:(?:sang|chieu|toi)\s*)?thu\s*(?:hai|ba|tu|nam|sau|bay)(?:\s*(?:,|va)\s*(?:(?:sang|chieu|toi)\s*)?thu\s*(?:hai|ba|tu|nam|sau|bay))+\s*hang\s*tuan/y, 'weekly, several days'],
  [/thu\s*(hai|ba|tu|nam|sau|bay)\s*hang\s*tuan/y, 'weekly ($1)'],
  // "tổng vệ sinh vào sáng Chủ nhật tuần cuối mỗi tháng", "vào Chủ nhật cuối cùng hằng tháng": a day that comes back each month.
  [/(?:(?:sang|chieu|toi)\s*)?(?:thu\s*(?:hai|ba|tu|nam|sau|bay)|chu\s*nhat)\s*(?:cua\s*)?(?:tuan\s*(?:cuoi|dau)(?:\s*cung|\s*tien)?|cuoi\s*cung|dau\s*tien)\s*(?:cua\s*)?(?:moi|hang)\s*thang/y, 'monthly'],
  // "báo cáo nhanh trước 07 giờ và 16 giờ hằng ngày": two hours of one daily report.
  [/(?:truoc\s*)?(\d{1,2})\s*gio\s*(?:\d{1,2}\s*(?:phut\s*)?)?(?:sang\s*|chieu\s*)?(?:va|,)\s*(?:truoc\s*)?(\d{1,2})\s*gio\s*(?:\d{1,2}\s*(?:phut\s*)?)?(?:sang\s*|chieu\s*|toi\s*)?(?:hang|moi)\s*ngay/y, 'daily, by $1:00 and $2:00'],
  [/(?:truoc\s*)?(\d{1,2})\s*gio\s*(?:\d{1,2}\s*(?:phut\s*)?)?(?:sang\s*|chieu\s*|toi\s*)?(?:hang|moi)\s*ngay/y, 'daily, by $1:00'],
  [/(?:dinh ky\s*)?(?:hang|moi|hàng)\s*ngay/y, 'daily'],
  [/(?:dinh ky\s*)?(?:hang|moi)\s*tuan/y, 'weekly'],
  [/(?:dinh ky\s*)?(?:hang|moi)\s*thang/y, 'monthly'],
  [/(?:dinh ky\s*)?(?:hang|moi)\s*quy/y, 'quarterly'],
  [/(?:dinh ky\s*)?(?:hang|moi)\s*nam/y, 'yearly'],
  [/dinh ky\s*(?:hang\s*)?quy/y, 'quarterly'],
  [/dinh ky\s*(?:hang\s*)?thang/y, 'monthly'],
  [/(?:dinh ky\s*)?(?:hai|0?2)\s*nam\s*(?:\/|mot|1)\s*lan/y, 'every 2 years'],
  [/(?:dinh ky\s*)?0?([2-9])\s*thang\s*(?:\/|mot|1)\s*lan/y, 'every $1 months'],
  [/dinh ky\s*0?6\s*thang/y, 'every 6 months'],
  // ("Lịch các cuộc họp định kỳ năm 2026": the meetings of a named year, no cycle of reports.)
  [/dinh ky\s*(?:hang\s*)?nam(?!\s*(?:hoc\s*)?\d)/y, 'yearly'],
  [/theo\s*(?:dinh\s*)?ky\s*bao\s*cao/y, 'each reporting period'],
  // "Thường xuyên; sơ kết theo quý", "báo cáo theo tháng": the cycle of a review or a report (not "quý I", "tháng 6").
  // Only where the word ends the clause or a list: "theo quy định", "theo quý I" name no cycle.
  [/theo\s*(?:tung\s*)?quy(?=\s*(?:[,;.)]|$|va\s|hoac\s))/y, 'quarterly'],
  [/theo\s*(?:tung\s*)?thang(?=\s*(?:[,;.)]|$|va\s|hoac\s))/y, 'monthly'],
  [/theo\s*(?:tung\s*)?tuan(?=\s*(?:[,;.)]|$|va\s|hoac\s))/y, 'weekly'],
  // A report named by its cycle: "tổng hợp báo cáo 6 tháng, hằng năm", "báo cáo quý", "báo cáo năm trước
  // ngày 15/12"; not a report of a period named in full ("báo cáo 6 tháng đầu năm", "báo cáo quý III", "báo cáo năm 2025").
  // ("định kỳ báo cáo kết quả 06 tháng, hằng năm": the same, what is reported named between.)
  [/bao cao\s*(?:ket qua\s*)?0?6\s*thang(?!\s*(?:dau|cuoi)\s*nam)(?![\s/.-]*\d)/y, 'every 6 months'],
  // Whole words only: "báo cáo quyết toán", "báo cáo nắm tình hình" name no cycle.
  [/bao cao\s*quy(?![a-z])(?!\s*(?:[ivxl]+\b|1v|\d))/y, 'quarterly'],
  [/bao cao\s*thang(?![a-z])(?![\s/.-]*\d)/y, 'monthly'],
  [/bao cao\s*nam(?![a-z])(?!\s*(?:hoc\s*)?\d)/y, 'yearly'],
];

const RECUR_ANY = new RegExp(`(?<![a-z0-9])(?:${RECUR.map(([re]) => re.source).join('|')})`, 'g');

/**
 * The year a day written without one is in, when its sentence named a later year than the document's before it ("Từ tháng 6
 * đến tháng 7 năm 2025 …: thi công …, bảo đảm hoàn thành trước ngày 15 tháng 7" in a resolution of December 2024).
 */
function laterYearBefore(f: string, at: number, year: number | null | undefined): number | null {
  if (!year) return null;
  const head = f.slice(Math.max(0, at - 200), at);
  const sentence = head.slice(Math.max(head.lastIndexOf('. '), head.lastIndexOf(';')) + 1);
  const ys = [...sentence.matchAll(/(?:nam\s*|\/\s*)(\d{4})(?![\d/])/g)].map((m) => Number(m[1]));
  const y = ys.length ? ys[ys.length - 1] : null;
  return y !== null && y > year && y <= year + 2 ? y : null;
}

/**
 * Scan folded text for time expressions. `strict` (prose) asks for a recurrence to be introduced
 * by "định kỳ"/"báo cáo" or to stand in a time field; `field` (a time column or a "Thời gian:"
 * value) accepts bare recurrences, years and "thường xuyên".
 */
/**
 * OCR letters for digits inside a written date ("30/6/2O25", "15/l2/2025", "3O/6/2025"): read as the digits, one character
 * for one so that offsets stay. Only in a day/month/year shape with at least three real digits.
 */
function ocrDateDigits(f: string): string {
  const digits = (m: string) => m.replace(/o/g, '0').replace(/l/g, '1');
  f = f.replace(/(?<![a-z\d])[\dol]{1,2}\s*\/\s*[\dol]{1,2}\s*\/\s*[\dol]{4}(?![a-z\d])/g, (m) => (/[ol]/.test(m) && (m.match(/\d/g) ?? []).length >= 3 ? digits(m) : m));
  // A number of mixed digits and letters right after "ngày", "tháng" or a slash, or before one ("tháng 1O/2025", "tháng l2 năm 2025",
  // "Quý III/2O25", "ngày 1O/12").
  // A year after "năm" ("tháng 4 năm 2O24"): four characters, at least three of them digits.
  f = f.replace(/(?<=(?:^|[^a-z])nam\s{1,2})(?=[\dol]{4}(?![a-z\d]))[\dol]{4}/g, (m) => (/[ol]/.test(m) && (m.match(/\d/g) ?? []).length >= 3 ? digits(m) : m));
  return f.replace(/(?<=(?:(?:^|[^a-z])(?:ngay|thang)\s{0,2}|\/\s{0,2}))(?=[ol]*\d)[\dol]*[ol][\dol]*(?![a-z\d])|(?<![a-z\d])(?=[ol]*\d)[\dol]*[ol][\dol]*(?=\s{0,2}\/\s{0,2}\d)/g, (m) => (m.length <= 4 ? digits(m) : m));
}

export function scanTime(f: string, opts: { field: boolean; year?: number | null }): TimeExpr[] {
  f = ocrDateDigits(f);
  const out: TimeExpr[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const push = (t: TimeExpr) => {
    if (!free(t.start, t.end)) return;
    taken.push([t.start, t.end]);
    out.push(t);
  };

  // Ranges whose ends are of two kinds, first: "từ tháng 4 đến ngày 10 tháng 5 năm 2024" (a month to a day), "từ sau ngày
  // 10 tháng 5 đến hết năm 2024" (a day to the end of a year).
  const monthToDay = /(?<![a-z\d])(?<!\d\s{0,2})(tu\s+)?thang\s*(\d{1,2})\s*(?:den(?:\s*het)?|-|–)\s*ngay\s*(\d{1,2})\s*(?:thang\s*|\/\s*)(\d{1,2})(?:\s*(?:nam\s*|\/\s*)(\d{4}))?(?![\d/])/g;
  for (let m = monthToDay.exec(f); m; m = monthToDay.exec(f)) {
    const y = m[5] ? +m[5] : m[1] || opts.field ? (opts.year ?? null) : null;
    if (y === null || +m[2] > +m[4]) continue;
    const from = isoDate(y, +m[2], 1);
    const to = isoDate(y, +m[4], +m[3]);
    if (from && to) push({ start: m.index, end: m.index + m[0].length, kind: 'range', date: from, endDate: to, recurrence: null });
  }
  const dayToYear = /(?<![a-z])tu\s+(sau\s+)?(?:ngay\s*)?(\d{1,2})\s*(?:thang\s*|\/\s*)(\d{1,2})(?:\s*(?:nam\s*|\/\s*)(\d{4}))?\s*(?:den|-|–)\s*(?:het\s*)?(?:cuoi\s*)?nam\s*(\d{4})(?![\d/])/g;
  for (let m = dayToYear.exec(f); m; m = dayToYear.exec(f)) {
    const y2 = +m[5];
    const y1 = m[4] ? +m[4] : y2;
    const day = isoDate(y1, +m[3], +m[2]);
    if (!day || y1 > y2) continue;
    // ("từ sau ngày 10 tháng 5": the day after.)
    const from = m[1] ? new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10) : day;
    push({ start: m.index, end: m.index + m[0].length, kind: 'range', date: from, endDate: isoDate(y2, 12, 31), recurrence: null });
  }

  // Months first: "tháng 6-8/2025" would otherwise read as the day 6/8/2025.
  for (const t of monthExprs(f, opts)) push(t);

  // "22 - 23/12/2025", "từ ngày 22 đến ngày 31 tháng 12 năm 2025": days of one month, the month written once.
  // Without a year, only after "ngày"/"từ" or in a time field ("22 - 23/12" alone may be a ratio).
  const span = /(?<![\d/.,]|thang\s{0,2})((?:tu\s*)?(?:ngay\s*)?)(\d{1,2})\s*(?:-|–|den(?:\s*het)?)\s*(?:ngay\s*)?(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|thang\s*(\d{1,2})(?:\s*(?:\/\s*|nam\s+)(\d{4}))?)(?![\d/])/g;
  for (let m = span.exec(f); m; m = span.exec(f)) {
    const d1 = +m[2];
    const d2 = +m[3];
    const mo = +(m[4] ?? m[6]);
    const yw = m[5] ?? m[7];
    if (d1 >= d2 || d2 > 31 || mo < 1 || mo > 12 || (!yw && !m[1] && !opts.field)) continue;
    const y = yw ? +yw : (opts.year ?? null);
    if (y === null) continue;
    push({ start: m.index, end: m.index + m[0].length, kind: 'range', date: isoDate(y, mo, d1), endDate: isoDate(y, mo, d2), recurrence: null });
  }

  const days = dayHits(f);
  // Ranges: từ (ngày) A đến (hết) (ngày) B; A - B.
  for (let i = 0; i + 1 < days.length; i++) {
    const a = days[i];
    const b = days[i + 1];
    const between = f.slice(a.end, b.start);
    const before = f.slice(Math.max(0, a.start - 12), a.start);
    if (/^\s*(?:(?:va\s*)?(?:ket thuc\s*)?(?:vao\s*)?den\s*(?:het\s*)?(?:ngay\s*)?|va\s*ket thuc\s*(?:vao\s*)?(?:ngay\s*)?|-\s*|–\s*)$/.test(between) && (/tu\s*(?:ngay\s*)?$/.test(before) || /-/.test(between))) {
      // "(27/7/1947 - 27/7/2024)": the span of an anniversary, not a time limit; its dates are not either.
      if (a.y && b.y && a.y !== b.y && ((a.d === b.d && a.m === b.m) || b.y - a.y > 5)) {
        taken.push([a.start, b.end]);
        i++;
        continue;
      }
      const yb = b.y ?? opts.year ?? null;
      const ya = a.y ?? (yb !== null ? (a.m > b.m ? yb - 1 : yb) : null);
      const from = ya !== null ? isoDate(ya, a.m, a.d) : null;
      const to = yb !== null ? isoDate(yb, b.m, b.d) : null;
      const s = /tu\s*(?:ngay\s*)?$/.test(before) ? a.start - before.match(/tu\s*(?:ngay\s*)?$/)![0].length : a.start;
      push({ start: s, end: b.end, kind: 'range', date: from, endDate: to, recurrence: null });
      i++;
    }
  }
  for (const [k, a] of days.entries()) {
    // "có giá trị đến hết ngày 30 tháng 9 của năm học sinh đó kết thúc năm cuối": a day of a year the text
    // does not name, a rule rather than a time limit of the document's year.
    // ("để cấp thẻ từ ngày 01 tháng 01 năm sau": a day of a year counted from another, no year of its own.)
    if (!a.y && /^\s*(?:cua\s*nam\s+(?!nay\b|\d)|nam\s+(?:sau|toi|ke tiep|tiep theo)(?![a-z]))/.test(f.slice(a.end))) continue;
    // "Trước 20/5 và 30/6/2024": the first day of a list takes the year of the next.
    const next = days[k + 1];
    const listYear = !a.y && next?.y && /^\s*(?:va|,|hoac)\s*(?:ngay\s*)?$/.test(f.slice(a.end, next.start)) ? next.y : null;
    const y = a.y ?? listYear ?? laterYearBefore(f, a.start, opts.year) ?? opts.year ?? null;
    if (y === null) continue;
    push({ start: a.start, end: a.end, kind: 'date', date: isoDate(y, a.m, a.d), endDate: null, recurrence: null });
  }

  // Quarters, with ranges "Quý II - Quý III/2025" and lists "Quý II và Quý IV/2026".
  const qre = new RegExp(QUARTER, 'g');
  const quarters: { start: number; end: number; q: number; y: number | null }[] = [];
  // "Quý II và III/2025", "quý I, II/2025", "Quý II - III/2025": further quarters without the word "quý".
  const moreQ = /^(\s*(?:-|–|,|va|den(?:\s*het)?)\s*)(iv|iii|ii|i|lv|1v|lll|ll|111|11)\b(?:\s*[/-]\s*(\d{4})|\s+nam\s+(\d{4}))?/;
  for (let m = qre.exec(f); m; m = qre.exec(f)) {
    quarters.push({ start: m.index, end: m.index + m[0].length, q: ROMAN[m[1]], y: m[2] ? +m[2] : m[3] ? +m[3] : null });
    let at = m.index + m[0].length;
    for (let k = 0; k < 3 && quarters[quarters.length - 1].y === null; k++) {
      const n = moreQ.exec(f.slice(at));
      if (!n) break;
      quarters.push({ start: at + n[1].length, end: at + n[0].length, q: ROMAN[n[2]], y: n[3] ? +n[3] : n[4] ? +n[4] : null });
      at += n[0].length;
    }
    qre.lastIndex = at;
  }
  for (let i = 0; i < quarters.length; i++) {
    const q = quarters[i];
    let y = q.y;
    for (let j = i + 1; y === null && j < quarters.length && j <= i + 2; j++) y = quarters[j].y;
    y = y ?? opts.year ?? null;
    if (y === null) continue;
    const next = quarters[i + 1];
    if (next && RANGE_JOIN.test(f.slice(q.end, next.start))) {
      const ny = next.y ?? y;
      push({ start: q.start, end: next.end, kind: 'range', date: quarterRange(q.q, y)[0], endDate: quarterRange(next.q, ny)[1], recurrence: null });
      i++;
      continue;
    }
    const [s, e] = quarterRange(q.q, y);
    push({ start: q.start, end: q.end, kind: 'quarter', date: s, endDate: e, recurrence: null });
  }
  // "trong quý đầu năm 2026", "quý cuối năm 2025": the first or the last quarter, named so.
  for (const m of f.matchAll(/(?<![a-z])quy\s+(dau|cuoi)\s+(?:cua\s+)?nam(?:\s+(\d{4}))?(?![a-z\d])/g)) {
    const y = m[2] ? Number(m[2]) : (opts.year ?? null);
    if (y === null) continue;
    const [s, e] = quarterRange(m[1] === 'dau' ? 1 : 4, y);
    push({ start: m.index, end: m.index + m[0].length, kind: 'quarter', date: s, endDate: e, recurrence: null });
  }

  // Recurrences: find candidate starts with one pass, then try each pattern there.
  RECUR_ANY.lastIndex = 0;
  // End of the last recurrence taken: "… hằng tuần trong giai đoạn chuẩn bị và hằng ngày …" shares its introduction.
  let lastRecurEnd = -1;
  for (let c = RECUR_ANY.exec(f); c; c = RECUR_ANY.exec(f)) {
    const i = c.index + (c[0].length - c[0].trimStart().length);
    for (const [re, label] of RECUR) {
      re.lastIndex = i;
      const m = re.exec(f);
      if (!m) continue;
      let end = i + m[0].length;
      let byDay: string | null = null;
      let byHour: string | null = null;
      let gap: [number, number] | undefined;
      // "hằng tháng (trước ngày 15)", "hằng tháng về Công an huyện trước ngày 10": the day of the month it is due.
      // Further on in the same clause too ("Định kỳ hằng tháng, tổng hợp tiến độ, báo cáo Ủy ban nhân dân huyện
      // (qua Phòng …) trước ngày 25"), when no other time comes between: one time limit, its task words left out.
      if (label === 'monthly') {
        const d = /^(?:\s*\(\s*(?:truoc|cham nhat)\s*ngay\s*(\d{1,2})\s*\)|\s+(?:[a-z]+\s+){0,8}?(?:truoc|cham nhat)\s*ngay\s*(\d{1,2})|([,\s][^;.\d]{0,200}?\s)(?:truoc|cham nhat)\s*ngay\s*(\d{1,2}))(?!\s*(?:[/.-]|thang)\s*\d|\d|\s*(?:cua\s*)?thang)/.exec(f.slice(end));
        if (d && !(d[3] && /(?:hang|moi)\s*(?:ngay|tuan|thang|quy|nam)|dinh ky|thuong xuyen/.test(d[3]))) {
          if (d[3]) gap = [end, end + d[3].length];
          end += d[0].length;
          byDay = d[1] ?? d[2] ?? d[4];
        }
      }
      // "hằng ngày (trước 16 giờ 00)": the hour of the day it is due, in brackets.
      const hour = label === 'daily' ? /^\s*\(\s*(?:truoc|cham nhat|vao|luc)\s*(\d{1,2})\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*\)/.exec(f.slice(end)) : null;
      if (hour) {
        end += hour[0].length;
        byHour = hour[1];
      } else if (label === 'daily') {
        // "tổng hợp hằng ngày tình hình …, báo cáo Chủ tịch … trước 16 giờ": the hour further on in the same clause, no other time between.
        // (Or right after it: "báo cáo kết quả hằng ngày trước 16 giờ".)
        const h = /^(\s+|[,\s][^;.\d]{0,300}?\s)(?:truoc|cham nhat)\s*(\d{1,2})\s*(?:gio|h)(?![a-z])/.exec(f.slice(end));
        if (h && !/(?:hang|moi)\s*(?:ngay|tuan|thang|quy|nam)|dinh ky|thuong xuyen/.test(h[1])) {
          if (h[1].trim()) gap = [end, end + h[1].length];
          end += h[0].length;
          byHour = h[2];
        }
      }
      // "hằng tuần (sáng thứ Hai)", "hằng tuần (chiều thứ Năm)": the day of the week it is due, in brackets.
      const weekday = label === 'weekly' ? /^\s*\(\s*(?:vao\s*)?(?:(?:sang|chieu|toi)\s*)?thu\s*(hai|ba|tu|nam|sau|bay)\s*\)/.exec(f.slice(end)) : null;
      if (weekday) end += weekday[0].length;
      // "hằng tuần trong giai đoạn chuẩn bị", "hằng ngày trong thời gian nghỉ Tết": the window it recurs in.
      const window = /^\s+trong\s+(?:suot\s+)?(?:thoi gian|giai doan|dip|mua|nhung ngay|qua trinh)(?:\s+(?!va\b)[a-z]+){1,6}(?=\s*(?:[,;.()]|\s+va\b|$))/.exec(f.slice(end));
      if (window) end += window[0].length;
      // (Also with the report after it: "Kết quả được tổng hợp hằng tuần, báo cáo Ủy ban nhân dân xã".)
      const introduced = !!byDay || !!byHour || !!weekday || /^[\s,]*(?:bao cao|gui bao cao)\s/.test(f.slice(end)) || (lastRecurEnd >= 0 && /^\s*(?:,|va|hoac)\s*$/.test(f.slice(lastRecurEnd, i))) || (/dinh ky|bao cao|gui|thoi gian|thoi han/.test(f.slice(Math.max(0, i - 40), i)) || /(?:^|\s)bao cao\s[^;.]*$/.test(f.slice(Math.max(0, i - 100), i))) || /^(?:dinh ky|\d+\s*gio|ngay|(?:(?:sang|chieu|toi)\s*)?(?:thu|chu\s*nhat)|theo\s*(?:dinh\s*)?ky|truoc|bao cao)/.test(m[0]) || (/^(?:hang|moi)\s*nam/.test(m[0]) && /(?<![\d/])\d{1,2}\s*(?:[/.-]\s*\d{1,2}|thang\s*\d{1,2})\s*$/.test(f.slice(Math.max(0, i - 20), i))) || /\d+\s*ngay\s*\/\s*lan/.test(m[0]);
      if (!opts.field && !introduced) break;
      // "số tiền thu được hằng năm": the cycle of an amount, not of a time limit.
      if (!opts.field && /(?:thu|dat|phat sinh)\s+duoc\s*$/.test(f.slice(Math.max(0, i - 20), i))) break;
      // "thời gian hoạt động từ 06 giờ 00 đến 20 giờ 00 hằng ngày": opening hours, a window of the day, not a time limit.
      if (/^daily, by/.test(label) && /tu\s*\d{1,2}\s*(?:gio|h)\s*(?:\d{1,2}\s*(?:phut\s*)?)?(?:sang\s*)?(?:den|-|–)\s*$/.test(f.slice(Math.max(0, i - 30), i))) break;
      // "hoạt động ngoài trời ít nhất 2 giờ mỗi ngày": a least (or most) time to spend each day, a rate, not the hour a task is due by.
      if (/^daily, by/.test(label) && /(?:it nhat|toi thieu|toi da|khong qua|khong duoi|tren|duoi)\s*$/.test(f.slice(Math.max(0, i - 14), i))) break;
      // "02 tin, bài mỗi tháng", "01 lần mỗi tuần": a rate of something counted, not a recurring time limit.
      // A count, not a year or the end of a date ("tháng 11/2025 và hằng năm").
      if (/^(?:moi|hang)\b/.test(m[0]) && /(?<![\d/.-])\d{1,3}\s+[a-z]+(?:[ ,]+[a-z]+){0,2}\s*$/.test(f.slice(Math.max(0, i - 24), i))) break;
      push({ start: i, end, kind: 'recurring', date: null, endDate: null, recurrence: byDay ? `monthly, by day ${byDay}` : byHour ? `daily, by ${byHour}:00` : weekday ? `weekly (${weekday[1]})` : label.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? ''), ...(gap ? { gap } : {}) });
      // "định kỳ 6 tháng và năm", "báo cáo hằng tháng, 6 tháng, năm": further cycles named bare after the first share its
      // introduction and make one time limit with it; with the day of each in brackets ("định kỳ 6 tháng (trước ngày 10
      // tháng 6) và năm (trước ngày 10 tháng 12)"), one each. Not "6 tháng, năm 2025", "hằng tháng, năm học".
      const BARE: Record<string, string> = { nam: 'yearly', quy: 'quarterly', thang: 'monthly', tuan: 'weekly' };
      let at = end;
      let last = end;
      const own = out[out.length - 1];
      for (let k = 0; k < 3 && own?.start === i; k++) {
        const more = /^((?:\s*\([^()]{1,60}\))?\s*(?:,|va)\s*)(nam|quy|thang|tuan|0?6\s*thang)(?![a-z])(?!\s*(?:hoc\s*)?[\d/ivx])(?!\s*(?:dau|cuoi|nay|truoc|sau|qua|toi|den))/.exec(f.slice(at));
        if (!more) break;
        const s = at + more[1].length;
        at += more[0].length;
        last = at;
        const cyc = BARE[more[2]] ?? 'every 6 months';
        if (/\(/.test(more[1])) push({ start: s, end: at, kind: 'recurring', date: null, endDate: null, recurrence: cyc });
        else {
          own.end = at;
          taken[taken.length - 1][1] = at;
          own.recurrence = `${own.recurrence} and ${cyc}`;
        }
      }
      RECUR_ANY.lastIndex = last;
      lastRecurEnd = last;
      break;
    }
  }

  // Years: "cả năm 2026", "trong năm 2025", "năm học 2025 - 2026"; in prose only after a deadline word.
  // ("trước năm 2030", "trước khi kết thúc năm 2025": the year a value or a task is due by.)
  const yre = /(?:(ca|het|cuoi|hoan thanh trong|trong suot|trong|den|truoc khi ket thuc|truoc)\s+)?nam\s*(?:hoc\s*)?(\d{4})(?:\s*-\s*(\d{4}))?/g;
  for (let m = yre.exec(f); m; m = yre.exec(f)) {
    // "1. Năm 2024: xóa lõm sóng …": a line of a list that opens with the year its items are due in.
    // "năm 2026 và các năm tiếp theo": every year from that one on.
    const onward = !m[3] && /^\s*(?:,|va)\s*(?:cac|nhung)\s+nam\s+(?:tiep theo|ke tiep|sau(?:\s+do)?)(?![a-z])/.exec(f.slice(m.index + m[0].length));
    // (In prose, not opening a clause that goes on: "Trong năm 2025 và những năm tiếp theo, các xã …".)
    if (onward && !(!opts.field && /(?:^|[.;:]\s*)$/.test(f.slice(0, m.index)) && /^\s*,/.test(f.slice(m.index + m[0].length + onward[0].length)))) {
      push({ start: m.index, end: m.index + m[0].length + onward[0].length, kind: 'year', date: isoDate(+m[2], 1, 1), endDate: null, recurrence: 'yearly' });
      continue;
    }
    // ("trước năm học 2025 - 2026 kết thúc": before an event of the school year, read elsewhere.)
    if (m[1]?.startsWith('truoc') && /nam\s*hoc/.test(m[0])) continue;
    const opensLine = !m[1] && /^\s*(?:\d+\.|[a-z]\)|[-–+])?\s*$/.test(f.slice(0, m.index)) && /^\s*:/.test(f.slice(m.index + m[0].length));
    // "Năm 2025, toàn huyện phấn đấu giảm tỷ lệ hộ nghèo …": a year opening a sentence that aims at a value is the year it is due in.
    const opensAim = !m[1] && /(?:^|[.;:]\s*|^\s*(?:\d+\.|[a-z]\)|[-–+]))\s*$/.test(f.slice(0, m.index)) && /^\s*,[^.;:]{0,60}(?:^|\s)phan dau\s/.test(f.slice(m.index + m[0].length));
    if (!opts.field && !m[1] && !opensLine && !opensAim) continue;
    // "…; đến năm 2027 đạt tối thiểu 70%", "Đến năm 2026, …": a year a value is due by; not the horizon
    // of a strategy or a title ("tầm nhìn đến năm 2030", "Đề án … đến năm 2030;").
    if (m[1] === 'den') {
      // "phấn đấu đến năm 2030 nâng cấp …": the aim says it is a time limit, whatever verb follows.
      const aim = /phan dau\s*$/.test(f.slice(Math.max(0, m.index - 12), m.index));
      // "Đến năm 2027" as a whole time cell: the year the row is due by.
      const wholeCell = opts.field && /^\s*(?:hoan thanh\s*)?$/.test(f.slice(0, m.index)) && /^\s*[.;]?\s*$/.test(f.slice(m.index + m[0].length));
      if (!wholeCell && (opts.field || (!aim && !/^\s*(?:,|dat\s|phan dau\s)/.test(f.slice(m.index + m[0].length))))) continue;
      // "c) Đến năm 2025, …": an item marker opens the clause too.
      if (!/(?:^|[;,.:]|phan dau|^\s*(?:[a-zđ]\)|\d+\.|[-–+]))\s*$/.test(f.slice(Math.max(0, m.index - 12), m.index)) || /^\s*,\s*(?:dinh huong|tam nhin)/.test(f.slice(m.index + m[0].length))) continue;
    }
    // "… xây dựng phương án sắp xếp trong năm 2025.": "trong năm" closing a clause is a time limit;
    // "Trong năm 2025, …" opening one, "có hiệu lực trong năm 2025" and "xuyên suốt trong năm" are not.
    if (!opts.field && m[1] === 'trong') {
      const pre = f.slice(Math.max(0, m.index - 20), m.index);
      // "… cho 50 cơ sở trong năm 2025 và 80 cơ sở trong năm 2026.": each part of a list has its year.
      const after = f.slice(m.index + m[0].length);
      if (!/^\s*(?:[.;,)]|$)/.test(after) && !/^\s+va\s[^;.]{0,60}?\btrong\s+nam\s*\d{4}\s*(?:[.;,)]|$)/.test(after)) continue;
      if (/(?:hieu luc(?: thi hanh)?|xuyen suot|^|[.;:]\s*)\s*$/.test(pre)) continue;
    }
    // "Kỳ họp cuối năm 2026", "tại kỳ họp thường lệ cuối năm 2025": the name of a council session (deadlines.ts reads a
    // report due at one as a time limit set by an event), not the end of the year.
    if (!opts.field && /ky hop(?:\s+(?:hdnd|thuong le))?\s*$/.test(f.slice(Math.max(0, m.index - 24), m.index))) continue;
    // "so với cuối năm 2025" (a baseline), "kết quả rà soát cuối năm 2026" (when data is taken).
    if (!opts.field && /(?:so voi|ket qua[a-z ]{0,20}|so lieu[a-z ]{0,20})\s*$/.test(f.slice(Math.max(0, m.index - 30), m.index))) continue;
    const y1 = +m[2];
    const y2 = m[3] ? +m[3] : null;
    if (y1 < 1900 || y1 > 2100) continue;
    if (/nam\s*hoc/.test(m[0]) && y2) {
      push({ start: m.index, end: m.index + m[0].length, kind: 'range', date: isoDate(y1, 9, 1), endDate: isoDate(y2, 5, 31), recurrence: null });
    } else if (y2) {
      push({ start: m.index, end: m.index + m[0].length, kind: 'range', date: isoDate(y1, 1, 1), endDate: isoDate(y2, 12, 31), recurrence: null });
    } else {
      push({ start: m.index, end: m.index + m[0].length, kind: 'year', date: isoDate(y1, 1, 1), endDate: isoDate(y1, 12, 31), recurrence: null });
    }
  }

  if (opts.field) {
    // A time column's bare years: "2024 - 2025", "2026"; not a season named by its years ("Mùa khô 2024 - 2025").
    const bare = /(?<![\d/.,-]\s?)\b((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?\b(?!\s?[\d/.,%])/g;
    for (let m = bare.exec(f); m; m = bare.exec(f)) {
      if (!/(?:^|[,;(]|\btu|\bden(?: het)?|\btrong|\bgiai doan)\s*$/.test(f.slice(0, m.index))) continue;
      const y1 = +m[1];
      const y2 = m[2] ? +m[2] : y1;
      if (y2 < y1) continue;
      push({ start: m.index, end: m.index + m[0].length, kind: m[2] ? 'range' : 'year', date: isoDate(y1, 1, 1), endDate: isoDate(y2, 12, 31), recurrence: null });
    }
    // "Cả năm" in a time column: the whole of the plan's year.
    const whole = /(?:^|[\s,;(])(ca nam)(?!\s*(?:hoc\s*)?\d)/.exec(f);
    if (whole && opts.year) push({ start: whole.index + whole[0].length - whole[1].length, end: whole.index + whole[0].length, kind: 'year', date: isoDate(opts.year, 1, 1), endDate: isoDate(opts.year, 12, 31), recurrence: null });
    // "6 tháng, năm", "Quý, năm" in a time column: the report cycles, named bare, one each.
    if (/^\s*(?:(?:hang\s*|moi\s*)?(?:0?6\s*thang|quy|nam|thang|tuan)\s*(?:[,;/]|va\b|$)\s*)+$/.test(f)) {
      const CYCLE: Record<string, string> = { quy: 'quarterly', nam: 'yearly', thang: 'monthly', tuan: 'weekly' };
      const item = /(?:hang\s*|moi\s*)?(0?6\s*thang|quy|nam|thang|tuan)/g;
      for (let m = item.exec(f); m; m = item.exec(f)) push({ start: m.index, end: m.index + m[0].length, kind: 'recurring', date: null, endDate: null, recurrence: CYCLE[m[1]] ?? 'every 6 months' });
    }
    const re = /thuong xuyen|lien tuc/g;
    // ("Liên tục đến 30/11/2024": until a day, the day is the time limit.)
    for (let m = re.exec(f); m; m = re.exec(f)) if (!/^\s*,?\s*(?:den|toi)\s+(?:het\s+)?(?:ngay\s*)?\d/.test(f.slice(m.index + m[0].length))) push({ start: m.index, end: m.index + m[0].length, kind: 'ongoing', date: null, endDate: null, recurrence: 'ongoing' });
  }
  return out.sort((a, b) => a.start - b.start);
}
