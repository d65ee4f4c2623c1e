/**
 * A small typesetter for Vietnamese administrative documents (layout of Nghị định 30/2020/NĐ-CP:
 * A4, margins 20/20/30/15 mm, Times-like serif 13–14 pt, header in two columns, ruled task
 * tables, signature block). It draws onto a Surface — a canvas page image (for scans) or a
 * pdf-lib page (born-digital) — and records the gold text of every page in reading order
 * (left header column, then right; table cells row by row, each cell's text whole).
 */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface Font {
  style: FontStyle;
  /** Size in points. */
  size: number;
}

/** Drawing target in millimetres from the page's top-left corner; y is the text baseline. */
export interface Surface {
  measure(text: string, font: Font): number;
  text(text: string, x: number, y: number, font: Font): void;
  line(x0: number, y0: number, x1: number, y1: number, widthMm: number): void;
  newPage(): void;
}

export type Block =
  | { kind: 'header'; left: HeaderLine[]; right: HeaderLine[]; leftRule?: boolean; rightRule?: boolean }
  | { kind: 'numberDate'; number: string; date: string; subject?: string[] }
  | { kind: 'centred'; lines: string[]; font: Font; spaceBefore?: number }
  | { kind: 'para'; text: string; font?: Partial<Font>; indent?: boolean; spaceBefore?: number }
  | { kind: 'table'; columns: Array<{ title: string; width: number }>; rows: string[][]; fontSize?: number }
  | { kind: 'signature'; recipients: string[]; signer: HeaderLine[]; name: string; gap?: number };

export interface HeaderLine {
  text: string;
  font: Font;
}

export interface DocumentSpec {
  id: string;
  blocks: Block[];
}

export interface GoldPage {
  lines: string[];
  tables: string[][][];
}

export interface Gold {
  pages: GoldPage[];
}

const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 };
const CONTENT = PAGE.width - PAGE.left - PAGE.right;
const PT = 25.4 / 72; // mm per point

function lineHeight(font: Font): number {
  return font.size * PT * 1.25;
}

/** Greedy word wrap to `width` mm. */
export function wrap(s: Surface, text: string, font: Font, width: number, firstIndent = 0): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    const avail = lines.length === 0 ? width - firstIndent : width;
    if (cur && s.measure(next, font) > avail) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Lays out and draws a document; returns the gold text per page. */
export function typeset(doc: DocumentSpec, s: Surface): Gold {
  const gold: Gold = { pages: [{ lines: [], tables: [] }] };
  let y = PAGE.top;
  const page = () => gold.pages[gold.pages.length - 1];
  const ensure = (h: number) => {
    if (y + h > PAGE.height - PAGE.bottom) {
      s.newPage();
      gold.pages.push({ lines: [], tables: [] });
      y = PAGE.top;
    }
  };
  const centred = (text: string, cx: number, font: Font) => {
    const w = s.measure(text, font);
    s.text(text, cx - w / 2, y + font.size * PT * 0.8, font);
  };
  const justified = (text: string, x: number, width: number, font: Font, last: boolean) => {
    const words = text.split(' ');
    const natural = s.measure(text, font);
    if (last || words.length < 2 || natural > width) {
      s.text(text, x, y + font.size * PT * 0.8, font);
      return;
    }
    const space = s.measure(' ', font) + (width - natural) / (words.length - 1);
    let cx = x;
    for (const w of words) {
      s.text(w, cx, y + font.size * PT * 0.8, font);
      cx += s.measure(w, font) + space;
    }
  };

  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'header': {
        // Left column centred on 1/4 of the text width (issuer), right column on 2/3 (motto).
        const lx = PAGE.left + 28;
        const rx = PAGE.left + CONTENT * 0.66;
        const y0 = y;
        for (const l of b.left) {
          centred(l.text, lx, l.font);
          y += lineHeight(l.font);
          page().lines.push(l.text);
        }
        if (b.leftRule) s.line(lx - 12, y + 0.5, lx + 12, y + 0.5, 0.3);
        const yl = y;
        y = y0;
        const rightLines: string[] = [];
        for (const l of b.right) {
          centred(l.text, rx, l.font);
          y += lineHeight(l.font);
          rightLines.push(l.text);
        }
        if (b.rightRule) {
          const w = s.measure(b.right[b.right.length - 1].text, b.right[b.right.length - 1].font);
          s.line(rx - w / 2, y + 0.5, rx + w / 2, y + 0.5, 0.3);
        }
        y = Math.max(y, yl) + 4;
        (page() as GoldPage & { pendingRight?: string[] }).pendingRight = rightLines;
        break;
      }
      case 'numberDate': {
        const lx = PAGE.left + 28;
        const rx = PAGE.left + CONTENT * 0.66;
        const f: Font = { style: 'regular', size: 13 };
        const fi: Font = { style: 'italic', size: 13 };
        centred(b.number, lx, f);
        centred(b.date, rx, fi);
        y += lineHeight(f);
        const left = [b.number];
        for (const sub of b.subject ?? []) {
          centred(sub, lx, { style: 'regular', size: 12 });
          y += lineHeight({ style: 'regular', size: 12 });
          left.push(sub);
        }
        // Reading order: the whole left column (issuer, number, subject), then the right one.
        const p = page() as GoldPage & { pendingRight?: string[] };
        p.lines.push(...left, ...(p.pendingRight ?? []), b.date);
        delete p.pendingRight;
        y += 6;
        break;
      }
      case 'centred': {
        y += b.spaceBefore ?? 0;
        for (const t of b.lines) {
          ensure(lineHeight(b.font));
          centred(t, PAGE.left + CONTENT / 2, b.font);
          page().lines.push(t);
          y += lineHeight(b.font);
        }
        y += 2;
        break;
      }
      case 'para': {
        const font: Font = { style: b.font?.style ?? 'regular', size: b.font?.size ?? 14 };
        const indent = b.indent === false ? 0 : 12.7;
        y += b.spaceBefore ?? 1.5;
        const lines = wrap(s, b.text, font, CONTENT, indent);
        lines.forEach((t, i) => {
          ensure(lineHeight(font));
          justified(t, PAGE.left + (i === 0 ? indent : 0), CONTENT - (i === 0 ? indent : 0), font, i === lines.length - 1);
          page().lines.push(t);
          y += lineHeight(font);
        });
        break;
      }
      case 'table': {
        const size = b.fontSize ?? 12;
        const total = b.columns.reduce((a, c) => a + c.width, 0);
        const widths = b.columns.map((c) => (c.width / total) * CONTENT);
        const pad = 1.2;
        const drawRow = (cells: string[], font: Font, goldRows: string[][]) => {
          const wrapped = cells.map((c, i) => wrap(s, c, font, widths[i] - 2 * pad));
          const h = Math.max(...wrapped.map((w) => w.length)) * lineHeight(font) + 2 * pad;
          if (y + h > PAGE.height - PAGE.bottom) {
            s.newPage();
            gold.pages.push({ lines: [], tables: [] });
            y = PAGE.top;
            goldRows = [];
            page().tables.push(goldRows);
            s.line(PAGE.left, y, PAGE.left + CONTENT, y, 0.25);
          }
          let x = PAGE.left;
          wrapped.forEach((lines, i) => {
            lines.forEach((t, k) => {
              const cy = y + pad + k * lineHeight(font);
              const w = s.measure(t, font);
              // Short cells (STT, dates) centred, text cells left-aligned.
              const cx = widths[i] < 22 || font.style === 'bold' ? x + (widths[i] - w) / 2 : x + pad;
              s.text(t, cx, cy + font.size * PT * 0.85, font);
            });
            x += widths[i];
          });
          let vx = PAGE.left;
          for (const w of [0, ...widths]) {
            vx += w;
            s.line(vx, y, vx, y + h, 0.25);
          }
          y += h;
          s.line(PAGE.left, y, PAGE.left + CONTENT, y, 0.25);
          goldRows.push(cells.map((c) => c.split(/\s+/).join(' ')));
          page().lines.push(...cells.map((c) => c.split(/\s+/).join(' ')));
          return goldRows;
        };
        y += 3;
        ensure(20);
        let rows: string[][] = [];
        page().tables.push(rows);
        s.line(PAGE.left, y, PAGE.left + CONTENT, y, 0.25);
        rows = drawRow(
          b.columns.map((c) => c.title),
          { style: 'bold', size: size },
          rows,
        );
        for (const r of b.rows) rows = drawRow(r, { style: 'regular', size }, rows);
        y += 3;
        break;
      }
      case 'signature': {
        const f13: Font = { style: 'bold', size: 13 };
        const gap = b.gap ?? 22;
        const need = Math.max(b.recipients.length * lineHeight({ style: 'regular', size: 11 }) + 8, b.signer.length * lineHeight(f13) + gap + 10);
        y += 4;
        ensure(need);
        const y0 = y;
        const left: string[] = [];
        b.recipients.forEach((t, i) => {
          const font: Font = i === 0 ? { style: 'boldItalic', size: 12 } : { style: 'regular', size: 11 };
          s.text(t, PAGE.left, y + font.size * PT * 0.8, font);
          y += lineHeight(font);
          left.push(t);
        });
        y = y0;
        const rx = PAGE.left + CONTENT * 0.7;
        const right: string[] = [];
        for (const l of b.signer) {
          centred(l.text, rx, l.font);
          y += lineHeight(l.font);
          right.push(l.text);
        }
        y += gap;
        centred(b.name, rx, f13);
        right.push(b.name);
        y += lineHeight(f13);
        page().lines.push(...left, ...right);
        (page() as GoldPage & { signatureAt?: { x: number; y: number } }).signatureAt = { x: rx, y: y0 + gap / 2 + 8 };
        break;
      }
    }
  }
  return gold;
}

export const PAGE_MM = PAGE;
