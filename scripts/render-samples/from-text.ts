/**
 * A plain-text administrative document (the format of `dictionaries/corpus/admin/*.txt`) → a
 * DocumentSpec that draw.ts typesets, and → a scanned-looking PDF (one JPEG page image per page).
 * The bench uses it to score extraction end to end on tuning documents whose gold describes
 * their text, without committing the scans.
 *
 * What the text format holds, top to bottom: the issuing body and the national motto (on lines
 * of their own, in either order), the number (`Số: …`, a `V/v …` subject under it), the place
 * and date; the document type and title; body paragraphs (blank lines between them, hard-wrapped
 * lines inside) with headings I./1./a); tables written as `a | b | c` rows (a row may wrap over
 * lines, rows may have blank lines between them, an optional `---` row under the header);
 * `Nơi nhận:` with its recipients, the signer's titles and name; sometimes an appendix after it.
 * The converter keeps every word in the order the page will be read (draw.ts's reading order:
 * left header column, then right; table cells row by row); it does not try to be perfect.
 */
import { rng, type ScanLook } from './degrade.ts';
import type { Block, DocumentSpec, Font, HeaderLine } from './draw.ts';
import { renderScan } from './index.ts';

const R13: Font = { style: 'regular', size: 13 };
const B13: Font = { style: 'bold', size: 13 };
const B12: Font = { style: 'bold', size: 12 };
const B14: Font = { style: 'bold', size: 14 };
/** Body text at 13 pt, the smaller size Nghị định 30/2020 allows: the corpus's plans are long. */
const BODY = 13;

const MOTTO_NATION = /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu;
const MOTTO_WORDS = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/iu;
const NUMBER = /^Số\s*:/u;
const PLACE_DATE = /,\s*ngày\s+\S{1,4}\s+tháng\s+\S{1,4}\s+năm\s+\S{2,4}/u;
/** Lines a digital signature leaves at the top of a published file ('Ký bởi: …'). */
const SIGNED_BY = /^(Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email)\s*:/u;
const RECIPIENTS = /^Nơi nhận\s*:?/u;
/** A line that opens an item of a list or a heading: a new paragraph when the line before ended one. */
const ITEM_START = /^(?:[-–+•*]\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[IVXL]{1,5}\.\s)/u;
const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}/;

const isUpper = (s: string) => s === s.toUpperCase() && /\p{Lu}/u.test(s);
const isPiped = (s: string) => /\S\s*\|/.test(s) || /^\s*\|/.test(s);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Groups of non-blank lines (blank lines separate paragraphs). */
function groups(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] | null = null;
  for (const l of lines) {
    if (l.trim() === '') cur = null;
    else {
      if (!cur) out.push((cur = []));
      cur.push(l.trim());
    }
  }
  return out;
}

/** A header line too long for the left column, cut at the space nearest its middle. */
function splitLong(text: string, max = 30): string[] {
  if (text.length <= max) return [text];
  const mid = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (best < 0 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
  return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

/** The header zone (up to the place-and-date line) → a header block and a number/date block. */
function header(zone: string[][]): Block[] {
  const left: string[] = [];
  const right: string[] = [];
  let number = '';
  let date = '';
  const subject: string[] = [];
  for (const g of zone) {
    let inNumber = false;
    for (const l of g) {
      if (MOTTO_NATION.test(l) || MOTTO_WORDS.test(l)) right.push(l);
      else if (NUMBER.test(l) && !number) {
        number = l;
        inNumber = true;
      } else if (PLACE_DATE.test(l) && !date) date = l;
      else if (inNumber || /^V\/v/u.test(l)) subject.push(l);
      else left.push(l);
    }
  }
  const leftLines = left.flatMap((l) => splitLong(l));
  const blocks: Block[] = [
    {
      kind: 'header',
      left: leftLines.map((text, i): HeaderLine => ({ text, font: i === 0 && leftLines.length > 1 ? R13 : B13 })),
      right: right.map((text, i): HeaderLine => ({ text, font: i === 0 && right.length > 1 ? B12 : B13 })),
      leftRule: leftLines.length > 0,
      rightRule: right.length > 0,
    },
    { kind: 'numberDate', number, date, subject: subject.length ? subject : undefined },
  ];
  return blocks;
}

/** Splits a prose group into paragraphs: a list item or heading starts one when the line before ended a sentence or clause. */
function paragraphs(g: string[]): string[] {
  const out: string[][] = [[]];
  g.forEach((l, i) => {
    if (i > 0 && ITEM_START.test(l) && /[.;:!?]$/u.test(g[i - 1])) out.push([]);
    out[out.length - 1].push(l);
  });
  return out.map((p) => squash(p.join(' ')));
}

function paraBlock(text: string): Block {
  const heading = /^[IVXL]{1,5}\.\s/u.test(text) && isUpper(text);
  const subHeading = /^\d{1,2}(?:\.\d{1,2})*\.\s/u.test(text) && text.length <= 80 && !/[.;:,]$/u.test(text);
  if (heading) return { kind: 'para', text, font: { style: 'bold', size: BODY }, spaceBefore: 3 };
  if (subHeading) return { kind: 'para', text, font: { style: 'bold', size: BODY } };
  return { kind: 'para', text, font: { size: BODY } };
}

const cellsOf = (l: string) => {
  const t = /^\s*\|.*\|\s*$/.test(l) && l.trim().length > 1 ? l.trim().slice(1, -1) : l;
  return t.split('|');
};

/**
 * The lines of a table (header first, rows possibly wrapped over lines) → its grid. The line
 * with the most cells gives the number of columns; a line continues the row before while the row
 * would not have more cells than that (a line without pipes always does).
 */
export function tableGrid(lines: string[]): string[][] {
  const piped = lines.filter((l) => !SEPARATOR_ROW.test(l));
  const n = Math.max(...piped.map((l) => cellsOf(l).length));
  const rows: string[][] = [];
  let cur: string[] | null = null;
  for (const l of piped) {
    const cells = isPiped(l) ? cellsOf(l) : [l];
    if (cur && cur.length + cells.length - 1 <= n) {
      // Continues the row: its first cell is the rest of the row's last cell.
      cur[cur.length - 1] = squash(`${cur[cur.length - 1]} ${cells[0]}`);
      for (const c of cells.slice(1)) cur.push(squash(c));
    } else {
      cur = cells.map(squash);
      rows.push(cur);
    }
  }
  return rows.map((r) => {
    const row = r.slice(0, n);
    if (r.length > n) row[n - 1] = squash(r.slice(n - 1).join(' '));
    while (row.length < n) row.push('');
    return row;
  });
}

/** Column widths from what the cells hold: wide enough for the longest word, wider for long text. */
function tableBlock(grid: string[][]): Block {
  const n = grid[0].length;
  const widths = Array.from({ length: n }, (_, i) => {
    const cells = grid.map((r) => r[i]);
    const mean = cells.reduce((a, c) => a + c.length, 0) / cells.length;
    const longestWord = Math.max(...cells.flatMap((c) => c.split(' ').map((w) => w.length)));
    return Math.max(4, Math.min(mean, 60), longestWord * 1.25);
  });
  return {
    kind: 'table',
    columns: grid[0].map((title, i) => ({ title, width: widths[i] })),
    rows: grid.slice(1),
    fontSize: n >= 6 ? 11 : 12,
  };
}

/** A plain-text administrative document → blocks for draw.ts. */
export function documentFromText(text: string, id = 'from-text'): DocumentSpec {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''));
  const all = groups(lines);
  const blocks: Block[] = [];
  let i = 0;

  // A digital signature's lines first, in small type, as a viewer prints them.
  while (i < all.length && all[i].every((l) => SIGNED_BY.test(l))) {
    for (const l of all[i]) blocks.push({ kind: 'para', text: l, font: { size: 10 }, indent: false, spaceBefore: 0 });
    i++;
  }

  // The header: everything up to the place-and-date line, when there is one near the top.
  const dateAt = all.findIndex((g, k) => k >= i && k < i + 10 && g.some((l) => PLACE_DATE.test(l)));
  if (dateAt >= 0) {
    blocks.push(...header(all.slice(i, dateAt + 1)));
    i = dateAt + 1;
    // The document type and its title (or a Công văn's first words), centred in bold.
    const g = all[i];
    if (g && isUpper(g[0]) && g[0].length <= 40 && !/^[IVXL]{1,5}\.\s/u.test(g[0])) {
      blocks.push({ kind: 'centred', lines: [g[0]], font: B14, spaceBefore: 4 });
      if (g.length > 1) blocks.push({ kind: 'centred', lines: g.slice(1), font: B14 });
      i++;
    }
  }

  let table: string[] = [];
  const flushTable = () => {
    if (table.length) {
      const grid = tableGrid(table);
      if (grid.length && grid[0].length > 1) blocks.push(tableBlock(grid));
      else for (const l of table) blocks.push({ kind: 'para', text: squash(l), font: { size: BODY } });
    }
    table = [];
  };

  for (; i < all.length; i++) {
    const g = all[i];
    const firstPiped = g.findIndex((l) => isPiped(l) && !SEPARATOR_ROW.test(l));
    if (firstPiped >= 0 || (table.length && g.every((l) => SEPARATOR_ROW.test(l)))) {
      if (firstPiped > 0 && !table.length) {
        for (const p of paragraphs(g.slice(0, firstPiped))) blocks.push(paraBlock(p));
        table.push(...g.slice(firstPiped));
      } else table.push(...g);
      continue;
    }
    flushTable();
    if (RECIPIENTS.test(g[0])) {
      // Nơi nhận (recipients) on the left; the signer's titles and name on the right.
      const signer = all[i + 1] && all[i + 1].every((l) => isUpper(l) || /^\(.*\)$/u.test(l)) ? all[i + 1] : [];
      const nameGroup = signer.length ? all[i + 2] : undefined;
      const name = nameGroup && nameGroup.length === 1 && nameGroup[0].length <= 40 && !/[.;:]$/u.test(nameGroup[0]) ? nameGroup[0] : '';
      blocks.push({ kind: 'signature', recipients: g, signer: signer.map((text) => ({ text, font: B13 })), name });
      i += signer.length ? (name ? 2 : 1) : 0;
      continue;
    }
    if (g.every((l) => isUpper(l) && l.length <= 70) && !/^[IVXL]{1,5}\.\s/u.test(g[0]) && !/^\d/u.test(g[0])) {
      blocks.push({ kind: 'centred', lines: g, font: B14, spaceBefore: 2 });
      continue;
    }
    for (const p of paragraphs(g)) blocks.push(paraBlock(p));
  }
  flushTable();
  return { id, blocks };
}

/** FNV-1a: a seed from the text when none is given, so the same text always looks the same. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}

export interface TextScanOptions {
  /** Picks the skew, noise and the rest; by default a hash of the text. */
  seed?: number;
  /** 300 or 200; by default one of them by the seed. */
  dpi?: 300 | 200;
  /** A red seal over the signature (the issuer's name round it); default true. */
  stamp?: boolean;
}

/** The moderate scan look of a seed: slight skew, noise, a little blur, JPEG artefacts. */
export function moderateLook(seed: number): Omit<ScanLook, 'stamp'> {
  const r = rng(seed);
  return {
    skewDegrees: Math.round((r() * 2 - 1) * 120) / 100,
    noise: 5 + Math.floor(r() * 4),
    blur: 1,
    speckles: 15 + Math.floor(r() * 20),
    jpegQuality: 38 + Math.floor(r() * 8),
    paper: 240 + Math.floor(r() * 7),
    seed,
  };
}

/** The seal's text: the issuing body as the header names it (its parent left out). */
function sealText(doc: DocumentSpec): string | undefined {
  const h = doc.blocks.find((b) => b.kind === 'header');
  if (!h || h.kind !== 'header' || !h.left.length) return undefined;
  const lines = h.left.map((l) => l.text);
  const own = lines.length > 2 ? lines.slice(-2) : lines;
  return own.join(' ');
}

/** Typesets a plain-text document and makes it a scanned PDF (one JPEG per page); deterministic for the same text and options. */
export async function renderTextAsScan(text: string, opts: TextScanOptions = {}): Promise<Uint8Array> {
  const seed = opts.seed ?? hash(text.normalize('NFC')) % 100000;
  const dpi = opts.dpi ?? (seed % 2 ? 200 : 300);
  const doc = documentFromText(text);
  const { pdf } = await renderScan(doc, dpi, moderateLook(seed), opts.stamp === false ? undefined : sealText(doc));
  return pdf;
}
