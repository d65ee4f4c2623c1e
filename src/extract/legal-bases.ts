/**
 * Legal bases: every document the text cites — in "Căn cứ…", "Thực hiện…", footnotes, tables or
 * in passing — as {docType, number, symbol, date, issuer, text}, deduplicated (a later citation
 * fills what an earlier one left out). Numbered citations follow Nghị định 30/2020/NĐ-CP
 * (`Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ`, `Nghị định số
 * 118/2025/NĐ-CP`, party style `Nghị quyết số 57-NQ/TW`); laws are cited by name and date.
 */
import type { VFile } from 'vfile';
import type { LegalBasis } from '../schema/plan-document.ts';
import { parseVietnameseDate } from './dates.ts';
import { type Para, clean, fold, refAt } from './text.ts';

/** Document types as cited (folded → as written in the canonical form). */
const TYPES: [string, string][] = [
  ['thong tu lien tich', 'Thông tư liên tịch'],
  ['bo luat', 'Bộ luật'],
  ['phap lenh', 'Pháp lệnh'],
  ['nghi dinh', 'Nghị định'],
  ['nghi quyet', 'Nghị quyết'],
  ['quyet dinh', 'Quyết định'],
  ['thong tu', 'Thông tư'],
  ['chi thi', 'Chỉ thị'],
  ['ke hoach', 'Kế hoạch'],
  ['cong van', 'Công văn'],
  ['cong dien', 'Công điện'],
  ['van ban', 'Văn bản'],
  ['huong dan', 'Hướng dẫn'],
  ['ket luan', 'Kết luận'],
  ['thong bao', 'Thông báo'],
  ['chuong trinh', 'Chương trình'],
  ['de an', 'Đề án'],
  ['to trinh', 'Tờ trình'],
  ['bao cao', 'Báo cáo'],
  ['quy dinh', 'Quy định'],
  ['quy che', 'Quy chế'],
  ['luat', 'Luật'],
];
const TYPE_BY_FOLD = new Map(TYPES);

/** Type from the symbol's first part when the citation names no type (`số 123/QĐ-UBND`). */
const TYPE_BY_SYMBOL: Record<string, string> = {
  'qd': 'Quyết định', 'kh': 'Kế hoạch', 'nq': 'Nghị quyết', 'nd': 'Nghị định', 'tt': 'Thông tư', 'ct': 'Chỉ thị',
  'ttr': 'Tờ trình', 'bc': 'Báo cáo', 'tb': 'Thông báo', 'hd': 'Hướng dẫn', 'kl': 'Kết luận', 'cd': 'Công điện',
  'ttlt': 'Thông tư liên tịch', 'qh': 'Luật', 'ctr': 'Chương trình', 'da': 'Đề án', 'ubtvqh': 'Nghị quyết',
  'pl': 'Pháp lệnh', 'ttg': 'Quyết định',
};

const TYPE_ALT = TYPES.map(([f]) => f.replace(/ /g, '\\s+')).join('|');
const SO = String.raw`(?:so|s6|s0)\s*[:.]?\s*`;
/**
 * number[/year]/SYMBOL or number-SYMBOL/PARTY. Symbols are letters (folded) and digits joined by
 * hyphens; a part may end in the legislature's term (`QH14`, `UBTVQH15`, `NQ/TW` but `HĐND11`).
 */
const NUMBERED = new RegExp(
  String.raw`(?:\b(${TYPE_ALT})\s+(?:${SO})?|\b${SO})(\d{1,5}[a-z]?)(?:\s*\/\s*((?:19|20)\d\d))?\s*([/-])\s*([a-z]{1,8}\d{0,3}(?:\s*-\s*[a-z0-9]{1,10}){0,3}(?:\s*\/\s*[a-z]{1,6}\d{0,3})?)(?![a-z0-9])`,
  'g',
);
const AFTER_DATE = /\s*,?\s*(?:ban hanh\s*)?(ngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/y;
const ISSUER_START = /\s*,?\s*cua\s+/y;
/** Words that end an issuer's name when written in lower case ("của UBND tỉnh *về* …"). */
const ISSUER_END = /\s+(?:ve|ban hanh|phe duyet|quy dinh|huong dan|sua doi|giao|trien khai|thuc hien|tai|theo|quy|lien quan|chi dao|do|dang|nam|trong|cho|voi)\b|\s*[;,.:(“"]|\s*$/g;

/** "của Bộ trưởng Bộ Tài chính quy định …" → [start, end) of "Bộ trưởng Bộ Tài chính". */
function issuerAt(text: string, f: string, at: number): [number, number, number] | null {
  ISSUER_START.lastIndex = at;
  const m = ISSUER_START.exec(f);
  if (!m) return null;
  const start = at + m[0].length;
  ISSUER_END.lastIndex = start + 3;
  for (let e = ISSUER_END.exec(f); e; e = ISSUER_END.exec(f)) {
    if (e.index - start > 90) return null;
    const word = e[0].trimStart();
    // "Tài chính" is a name, "tại" is not: an end word counts only in lower case.
    if (/^\p{L}/u.test(word) && text[e.index + e[0].length - word.length] !== text[e.index + e[0].length - word.length].toLowerCase()) continue;
    // "của UBND tỉnh và triển khai …": "và" before a word in lower case ends the name (not "Bộ A và Bộ B").
    const va = text.slice(start).search(/\s+và(?=\s+\p{Ll})/u);
    if (va > 0 && start + va <= e.index) return [start, start + va, start + va];
    return [start, e.index, e.index];
  }
  return null;
}
/** Documents cited by name (and date) rather than by number: laws, codes, ordinances (Pháp lệnh). */
const LAW = /\b(bo luat|luat|phap lenh)\s+(?=\S)/g;

export interface CitationSpans {
  /** Paragraph index → [start, end) of every citation found in it. */
  spans: Map<number, [number, number][]>;
}

export interface OwnDocument {
  number: string | null;
  symbol: string | null;
}

function keyOf(b: LegalBasis): string {
  if (b.symbol) return `${fold(b.number ?? '')}/${fold(b.symbol).replace(/\s+/g, '')}`;
  return `law:${fold(b.text).replace(/\s+ngay.*$/, '').replace(/[^a-z0-9]+/g, ' ').trim()}`;
}

/** Symbol as written, with spaces removed and the right capitals (`QĐ-UBND`). */
function cleanSymbol(s: string): string {
  return s.replace(/\s+/g, '');
}

export function extractLegalBases(paras: Para[], own: OwnDocument, file?: VFile): { legalBases: LegalBasis[]; citations: CitationSpans } {
  const found: LegalBasis[] = [];
  const spans = new Map<number, [number, number][]>();
  const ownKey = own.number && own.symbol ? `${fold(own.number)}/${fold(own.symbol)}` : null;
  const ownSymbol = own.symbol ? fold(own.symbol) : null;

  for (const p of paras) {
    const f = p.folded;
    if (!/\d/.test(f) && !/luat/.test(f)) continue;
    const taken: [number, number][] = [];
    const add = (s: number, e: number) => {
      taken.push([s, e]);
      const list = spans.get(p.index) ?? [];
      list.push([s, e]);
      spans.set(p.index, list);
    };

    NUMBERED.lastIndex = 0;
    for (let m = NUMBERED.exec(f); m; m = NUMBERED.exec(f)) {
      const typeFold = m[1]?.replace(/\s+/g, ' ');
      const number = m[3] ? `${m[2]}/${m[3]}` : m[2];
      const symStart = m.index + m[0].length - m[5].length;
      const symbol = cleanSymbol(p.text.slice(symStart, m.index + m[0].length));
      if (m[4] === '-' && !symbol.includes('/')) continue; // "57-NQ" without "/TW": not a citation form
      // Every part of a symbol opens with a capital (QĐ-UBND, QĐ-TTg, NQ/TW): else ordinary words.
      if (!symbol.split(/[-/]/).every((part) => /^[\p{Lu}\d]/u.test(part))) continue;
      let end = m.index + m[0].length;
      let date: string | null = null;
      AFTER_DATE.lastIndex = end;
      const d = AFTER_DATE.exec(f);
      if (d) {
        date = parseVietnameseDate(p.text.slice(end, end + d[0].length));
        end += d[0].length;
      }
      let issuer: string | null = null;
      const is = issuerAt(p.text, f, end);
      if (is) {
        issuer = clean(p.text.slice(is[0], is[1]));
        end = is[2];
      }
      let docType = typeFold ? (TYPE_BY_FOLD.get(typeFold) ?? null) : null;
      if (!docType) docType = TYPE_BY_SYMBOL[fold(symbol.split(/[-/]/)[0]).replace(/\d+$/, '')] ?? null;
      let start = m.index;
      if (!typeFold) {
        // "Luật Đất đai số 31/2024/QH15", "Luật sửa đổi, bổ sung … của Luật X số …": a law named
        // before its number. The citation starts at the first "Luật" of the clause.
        const from = Math.max(f.lastIndexOf(';', start), ...taken.map(([, b]) => (b <= start ? b : -1)), start - 220, 0);
        const law = /(?:^|[\s,(])(bo luat|luat)\s+\S/g;
        law.lastIndex = from;
        for (let l = law.exec(f); l && l.index < start; l = law.exec(f)) {
          const at = l.index + (l[0].length - l[1].length - 2);
          if (/^\p{Lu}/u.test(p.text.slice(at)) && !/[.;]\s/.test(f.slice(at, start))) {
            start = at;
            docType = TYPE_BY_FOLD.get(l[1]) ?? 'Luật';
            break;
          }
        }
      }
      add(start, end);
      const key = `${fold(number)}/${fold(symbol)}`;
      if (ownKey && key === ownKey) continue;
      const text = clean(p.text.slice(start, end)).replace(/[,;.]$/, '');
      // "Kèm theo Kế hoạch số /KH-UBND": the document itself with its number left blank.
      if (!/\d/.test(number) || (ownSymbol && fold(symbol) === ownSymbol && /kem theo\s*$/.test(f.slice(Math.max(0, start - 14), start)))) continue;
      found.push({ docType, number, symbol, date, issuer, text, ref: refAt(p, start) });
    }

    // Laws are cited by name: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015".
    LAW.lastIndex = 0;
    for (let m = LAW.exec(f); m; m = LAW.exec(f)) {
      const start = m.index;
      if (taken.some(([a, b]) => start >= a && start < b)) continue;
      const nameStart = start + m[0].length;
      if (!(/^\p{Lu}/u.test(p.text.slice(nameStart)) || /^sua doi/.test(f.slice(nameStart))) || !/^\p{Lu}/u.test(p.text.slice(start))) continue;
      const rest = f.slice(nameStart, nameStart + 200);
      const dm = rest.match(/^([^;]{3,170}?)\s*,?\s*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/) ?? rest.match(/^([^;]{3,170}?)\s*,?\s*ngay\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/);
      let end: number;
      let date: string | null = null;
      let name: string;
      if (dm && !/\bso\s*\d/.test(dm[1])) {
        name = p.text.slice(nameStart, nameStart + dm[1].length);
        end = nameStart + dm[0].length;
        date = parseVietnameseDate(p.text.slice(nameStart + dm[1].length, end));
      } else if (/^\s*(?:[-–+•]\s*)?(?:can cu|thuc hien)\s*$/.test(f.slice(0, start))) {
        // Undated law in a "Căn cứ" line: up to the end of the clause.
        const em = rest.match(/^[^;,.]{3,150}/);
        if (!em) continue;
        name = p.text.slice(nameStart, nameStart + em[0].length).replace(/\s+(?:năm\s+\d{4}|số\s+.*)$/u, '');
        end = nameStart + em[0].length;
      } else continue;
      add(start, end);
      const docType = TYPE_BY_FOLD.get(m[1].replace(/\s+/g, ' ')) ?? 'Luật';
      const title = clean(`${p.text.slice(start, nameStart)}${name}`);
      found.push({ docType, number: null, symbol: null, date, issuer: null, text: clean(p.text.slice(start, end)), ref: refAt(p, start) });
      found[found.length - 1].text = date ? found[found.length - 1].text : title;
      // "Luật sửa đổi … ngày 13 tháng 6 năm 2014 và ngày 27 tháng 11 năm 2024": two laws of the same name.
      const again = date ? f.slice(end).match(/^\s*,?\s*va\s+ngay\s*\d{1,2}\s*(?:thang\s*\d{1,2}\s*nam\s*\d{4}|\/\s*\d{1,2}\s*\/\s*\d{4})/) : null;
      if (again) {
        const d2 = parseVietnameseDate(p.text.slice(end, end + again[0].length));
        if (d2) {
          found.push({ docType, number: null, symbol: null, date: d2, issuer: null, text: clean(`${title} ${p.text.slice(end, end + again[0].length).replace(/^\s*,?\s*và\s+/u, '')}`), ref: refAt(p, end) });
          add(end, end + again[0].length);
          end += again[0].length;
        }
      }
      // Skip the laws named inside this one's name ("Luật sửa đổi … của Luật Tổ chức Chính phủ").
      LAW.lastIndex = end;
    }
  }

  // Deduplicate, filling gaps from later citations of the same document.
  const byKey = new Map<string, LegalBasis>();
  const out: LegalBasis[] = [];
  for (const b of found) {
    let key = keyOf(b);
    // Two laws of one name (amendments) told apart by their dates.
    if (!b.symbol && b.date && byKey.get(key)?.date && byKey.get(key)?.date !== b.date) key = `${key}@${b.date}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, b);
      out.push(b);
      continue;
    }
    if (!prev.date && b.date) prev.date = b.date;
    else if (prev.date && b.date && prev.date !== b.date) {
      file?.message(`${prev.docType ?? 'document'} ${prev.number}/${prev.symbol} cited with two dates (${prev.date}, ${b.date})`, b.ref?.line ? { line: b.ref.line, column: 1 } : undefined, 'extract:legal-basis');
    }
    if (!prev.issuer && b.issuer) prev.issuer = b.issuer;
    if (!prev.docType && b.docType) prev.docType = b.docType;
    if (b.text.length > prev.text.length && b.date && b.issuer) prev.text = b.text;
  }
  for (const b of out) {
    if (b.symbol && !b.date) {
      // Cited only in passing: worth a look, not an error.
      file?.message(`${b.docType ?? 'document'} ${b.number}/${b.symbol} cited without a date`, b.ref?.line ? { line: b.ref.line, column: 1 } : undefined, 'extract:legal-basis');
    }
  }
  return { legalBases: out, citations: { spans } };
}
