/**
 * The heading tree of the body: Phụ lục (appendices), Chương, Roman parts (I, II…), Điều (articles),
 * numbered sections (1, 2…), decimal ones (1.1), lettered items (a, b, đ…) and (1), (2) items.
 * Nesting follows the usual order of Vietnamese administrative documents, whatever is skipped.
 * Besides the public tree, the outline tells other extractors which section each paragraph sits in.
 */
import type { VFile } from 'vfile';
import type { SectionT } from '../schema/plan-document.ts';
import { type Para, clean, fold, isUpper, refAt } from './text.ts';

export type HeadingKind = 'appendix' | 'chapter' | 'roman' | 'article' | 'number' | 'decimal' | 'letter' | 'paren';
const RANK: Record<HeadingKind, number> = { appendix: 0, chapter: 1, roman: 2, article: 3, number: 4, decimal: 5, letter: 6, paren: 7 };

export interface Heading {
  kind: HeadingKind;
  label: string;
  heading: string;
  /** Text after the label in the heading's own paragraph. */
  rest: string;
  para: number;
  parent: Heading | null;
  children: Heading[];
  /** Paragraph indexes of the body (after the heading paragraph, before the next heading of any kind). */
  body: number[];
}

export interface Outline {
  headings: Heading[];
  /** Paragraph index → the innermost heading it belongs to (itself for heading paragraphs). */
  owner: (Heading | null)[];
}

const ROMAN_OK = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

function detect(p: Para): { kind: HeadingKind; label: string; rest: string } | null {
  if (p.piped) return null;
  const t = p.text.trim();
  const f = p.folded.trim();
  let m: RegExpMatchArray | null;
  if (/^phu luc\b/.test(f)) {
    m = t.match(/^\S+\s+\S+\s*((?:[IVXL]+|\d+)\b)?\s*[.:\-–]?\s*(.*)$/u);
    const num = m?.[1];
    return { kind: 'appendix', label: num ? `Phụ lục ${num}` : 'Phụ lục', rest: m?.[2] ?? '' };
  }
  if ((m = t.match(/^Chương\s+([IVXL]+|\d+)\b\s*[.:\-–]?\s*(.*)$/iu))) return { kind: 'chapter', label: `Chương ${m[1]}`, rest: m[2] };
  // "Phần thứ nhất THỰC TRẠNG …", "PHẦN II. MỤC TIÊU": the parts of a programme or report, ranked as chapters; the
  // title in capitals (or on the next line), so that "Phần lớn …", "Phần kinh phí …" stay prose.
  if ((m = t.match(/^(?:Phần|PHẦN|Phan|PHAN)\s+((?:thứ|THỨ|thu|THU)\s+\p{L}+|[IVXL]{1,5}|\d{1,2})\s*[.:\-–]?\s*(.*)$/u)) && (/^thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam)$/.test(fold(m[1]).toLowerCase()) || /^(?:[ivxl]{1,5}|\d{1,2})$/i.test(m[1])) && (!m[2] || isUpper(m[2])))
    return { kind: 'chapter', label: `Phần ${m[1]}`, rest: m[2] };
  if ((m = t.match(/^Điều\s+(\d+)\s*[.:]?\s*(.*)$/iu)) || (m = t.match(/^Dieu\s+(\d+)\s*[.:]\s*(.*)$/iu))) return { kind: 'article', label: `Điều ${m[1]}`, rest: m[2] };
  if ((m = t.match(/^([IVXL]{1,6})\s*[.\-–]\s*(\p{Lu}.*)$/u)) && ROMAN_OK.test(m[1])) return { kind: 'roman', label: m[1], rest: m[2] };
  // A scan may lose the full stop after the numeral ("II MỤC TIÊU, CHỈ TIÊU"): with a title of two or
  // more words all in capitals, it is still the part's heading.
  if ((m = t.match(/^([IVXL]{1,6})\s+(\p{Lu}[^\p{Ll}]*\s[^\p{Ll}]*\p{Lu})$/u)) && ROMAN_OK.test(m[1]) && isUpper(m[2])) return { kind: 'roman', label: m[1], rest: m[2] };
  if ((m = t.match(/^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\p{L}.*)$/u))) return { kind: 'decimal', label: m[1], rest: m[2] };
  if ((m = t.match(/^(\d{1,2})\s*[.)]\s+([\p{L}"“(].*)$/u))) return { kind: 'number', label: m[1], rest: m[2] };
  if ((m = t.match(/^\((\d{1,2})\)\s*(\p{L}.*)$/u))) return { kind: 'paren', label: `(${m[1]})`, rest: m[2] };
  if ((m = t.match(/^([a-zđ])\s*\)\s*(.*)$/u))) return { kind: 'letter', label: m[1], rest: m[2] };
  return null;
}

/** The title part of a heading paragraph: capitals run, or up to a colon / first sentence. */
function headingText(rest: string, kind: HeadingKind): string {
  const r = clean(rest);
  if ((kind === 'roman' || kind === 'appendix' || kind === 'chapter') && isUpper(r.replace(/\(.*$/, ''))) return r.replace(/\s*\((?:kèm|kem|ban hành).*$/iu, '').trim();
  if (kind === 'appendix') {
    const cut = r.search(/\s*\((?:Kèm|kèm|Ban hành|ban hành)/u);
    return (cut >= 0 ? r.slice(0, cut) : r).trim();
  }
  const colon = r.indexOf(':');
  if (colon > 0 && colon <= 120) return r.slice(0, colon).trim();
  const stop = r.search(/[.;](?:\s|$)/);
  if (stop > 0 && stop <= 160) return r.slice(0, stop).trim();
  return r.length <= 160 ? r : `${r.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}

export function buildOutline(paras: Para[], bodyStart: number): Outline {
  const headings: Heading[] = [];
  const owner: (Heading | null)[] = paras.map(() => null);
  const stack: Heading[] = [];
  let current: Heading | null = null;
  for (const p of paras) {
    if (p.index < bodyStart) continue;
    const d = detect(p);
    if (d) {
      // Upper-case parts may run over two lines as separate paragraphs: "III. CĂN CỨ … THỜI" + "GIAN THỰC HIỆN".
      let rest = d.rest;
      while (stack.length && RANK[stack[stack.length - 1].kind] >= RANK[d.kind]) stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const h: Heading = { kind: d.kind, label: d.label, heading: '', rest, para: p.index, parent, children: [], body: [] };
      if ((d.kind === 'appendix' || d.kind === 'chapter') && !rest.trim()) {
        // "PHỤ LỤC" on its own: the title is the next paragraph in capitals.
        const next = paras[p.index + 1];
        if (next && isUpper(next.text) && !detect(next)) rest = next.text;
      }
      h.rest = rest;
      h.heading = headingText(rest, d.kind);
      // "2. Phương pháp giao chỉ tiêu" on its own line, its text starting on the next line in capitals.
      const first = p.lines[0].text.trim();
      if (p.lines.length > 1 && d.kind !== 'letter' && d.kind !== 'paren' && rest === d.rest) {
        const own = first.replace(/^\S+\s*/, '');
        const next = p.lines[1].text.trim();
        if (own && d.rest.startsWith(own) && own.length <= 90 && !/[.,;:]$/.test(own) && /^\p{Lu}/u.test(next) && !isUpper(own)) h.heading = own;
      }
      if (parent) parent.children.push(h);
      stack.push(h);
      headings.push(h);
      owner[p.index] = h;
      current = h;
      continue;
    }
    if (current) {
      // A capitals line right after a capitals heading continues its title.
      if (current.para === p.index - 1 && !current.body.length && (current.kind === 'roman' || current.kind === 'appendix') && isUpper(current.rest) && isUpper(p.text) && p.text.length < 80 && !current.heading.includes(p.text)) {
        current.heading = clean(`${current.heading} ${p.text}`);
        current.rest = clean(`${current.rest} ${p.text}`);
      }
      current.body.push(p.index);
    }
    owner[p.index] = current;
  }
  return { headings, owner };
}

/** Ancestors of a paragraph, innermost first (including its own heading). */
export function ancestors(outline: Outline, para: number): Heading[] {
  const out: Heading[] = [];
  for (let h = outline.owner[para]; h; h = h.parent) out.push(h);
  return out;
}

/** The full text of a heading: its own paragraph after the label, then its body paragraphs. */
export function headingBody(h: Heading, paras: Para[]): string {
  return clean([h.rest, ...h.body.map((i) => paras[i].text)].join(' '));
}

export function isHeadingFolded(h: Heading, re: RegExp): boolean {
  return re.test(fold(h.heading));
}

export function extractSections(outline: Outline, paras: Para[], file?: VFile): SectionT[] {
  const toSection = (h: Heading): SectionT => ({
    label: h.label,
    heading: h.heading,
    ref: refAt(paras[h.para], 0),
    children: h.children.map(toSection),
  });
  const roots = outline.headings.filter((h) => !h.parent);
  if (!roots.length) file?.message('no section headings found', undefined, 'extract:sections');
  return roots.map(toSection);
}
