/**
 * Page sources: what the page worker does for one input file. A PDF page with a usable text layer
 * gives positioned words directly (born-digital, no OCR); any other page (scanned PDF page, PNG,
 * JPEG, TIFF frame) is rendered or decoded, cleaned (src/ocr/preprocess.ts), searched for ruled
 * tables (src/layout/grid.ts) and handed over as a PGM image for OCR.
 *
 * Runs inside a worker thread (src/pdf/page-worker.ts): decoding, rendering and preprocessing are
 * CPU-bound and would otherwise block the hosting process's event loop.
 */
// @ts-expect-error pdfjs-dist ships no types for its image decoders
import { JpegImage } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import UTIF from 'utif2';
import type { RawLine, RawWord } from '../layout/types.ts';
import type { GridTable } from '../layout/grid.ts';
import { buildTables, detectRules, eraseRules } from '../layout/grid.ts';
import {
  binarise,
  isSideways,
  isUpsideDown,
  encodePgm,
  estimateSkew,
  rgbaToGray,
  rotateImage,
  rotateQuarter,
  stretchContrast,
  type GrayImage,
} from '../ocr/preprocess.ts';
import { decodePng } from './png.ts';
import { OPS, openPdf, type PdfDocument, type PdfPage } from './pdfjs.ts';

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

export interface SourceOptions {
  dpi: number;
  /** Largest page image in pixels; the resolution is lowered to stay under it. */
  maxPixels: number;
}

export interface ScannedPage {
  kind: 'scanned';
  width: number;
  height: number;
  dpi: number;
  /** Cleaned page as binary PGM (P5), rules erased. */
  image: Uint8Array;
  tables: GridTable[];
  /** One image per table (same order): its cells stacked for OCR (see cellMosaic). */
  tableImages: CellMosaic[];
  skewDegrees: number;
  quarterTurns: number;
}

/** Where each cell's crop sits in a table's mosaic image. */
export interface MosaicSlot {
  cell: number;
  /** Crop origin in page pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Top of the crop in the mosaic (its left is MOSAIC_PAD). */
  top: number;
}

export interface CellMosaic {
  image: Uint8Array;
  slots: MosaicSlot[];
}

export const MOSAIC_PAD = 20;

export interface TextPage {
  kind: 'born-digital';
  width: number;
  height: number;
  dpi: number;
  lines: RawLine[];
  tables: GridTable[];
}

export type SourcePage = ScannedPage | TextPage;

/** Sniffs the file type from its first bytes (extensions lie). */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  const b = bytes;
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff';
  return null;
}

export interface PageSource {
  total: number;
  page(n: number): Promise<SourcePage>;
  close(): Promise<void>;
}

export async function openSource(bytes: Uint8Array, kind: FileKind, name: string, opts: SourceOptions): Promise<PageSource> {
  if (kind === 'pdf') return openPdfSource(bytes, name, opts);
  return openImageSource(bytes, kind, name, opts);
}

// ---------------------------------------------------------------------------------------------
// PDF

async function openPdfSource(bytes: Uint8Array, name: string, opts: SourceOptions): Promise<PageSource> {
  const doc = await openPdf(bytes, name);
  return {
    total: doc.numPages,
    page: (n) => pdfPage(doc, n, opts),
    close: () => doc.destroy(),
  };
}

/** Resolution for a page of `wPt`×`hPt` points: the wanted dpi, lowered to fit maxPixels. */
function pageDpi(wPt: number, hPt: number, opts: SourceOptions): number {
  const px = (wPt / 72) * (hPt / 72);
  return Math.min(opts.dpi, Math.floor(Math.sqrt(opts.maxPixels / px)));
}

async function pdfPage(doc: PdfDocument, n: number, opts: SourceOptions): Promise<SourcePage> {
  const page = await doc.getPage(n);
  try {
    const base = page.getViewport({ scale: 1 });
    const text = await textLayer(page);
    if (text.usable) {
      // Rules of born-digital tables come from a light render (lines are drawn, not text).
      const dpi = 150;
      const viewport = page.getViewport({ scale: dpi / 72 });
      const rgba = await renderRgba(doc, page, dpi);
      const gray = rgbaToGray(rgba.data, rgba.width, rgba.height);
      const tables = buildTables(detectRules(binarise(gray, 200), dpi), dpi);
      const lines = text.lines(viewport.transform);
      return { kind: 'born-digital', width: rgba.width, height: rgba.height, dpi, lines, tables };
    }
    const dpi = pageDpi(base.width, base.height, opts);
    const rgba = await renderRgba(doc, page, dpi);
    return cleanScan(rgbaToGray(rgba.data, rgba.width, rgba.height), dpi);
  } finally {
    page.cleanup();
  }
}

async function renderRgba(doc: PdfDocument, page: PdfPage, dpi: number): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const cc = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    const ctx = cc.context;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, cc.canvas.width, cc.canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas: cc.canvas } as unknown as Parameters<PdfPage['render']>[0]).promise;
    const img = ctx.getImageData(0, 0, cc.canvas.width, cc.canvas.height);
    return { width: img.width, height: img.height, data: img.data };
  } finally {
    factory.destroy(cc);
  }
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: { width: number; height: number }; context: CanvasRenderingContext2DLike };
  destroy(cc: unknown): void;
}
interface CanvasRenderingContext2DLike {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray };
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/**
 * Reads the text layer and decides whether to trust it. Not usable: almost no text; an invisible
 * text layer over a page image (an earlier OCR, often with a wrong language: we read it again);
 * a page image with only a little text (a scan with a digital-signature stamp); text that is
 * mostly unmappable glyphs (broken font encodings).
 */
async function textLayer(page: PdfPage): Promise<{ usable: boolean; lines: (transform: number[]) => RawLine[] }> {
  const content = await page.getTextContent();
  const items = (content.items as unknown[]).filter((i): i is TextItemLike => typeof (i as TextItemLike).str === 'string');
  const chars = items.reduce((s, i) => s + i.str.replace(/\s/g, '').length, 0);
  const unusable = { usable: false, lines: () => [] };
  if (chars < 30) return unusable;
  const all = items.map((i) => i.str).join('');
  const good = (all.match(/[\p{L}\p{N}\p{P}\p{Zs}\p{Sc}\p{Sm}]/gu) ?? []).length;
  if (good < all.length * 0.9) return unusable;
  const ops = await page.getOperatorList();
  let invisible = false;
  let images = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (fn === OPS.setTextRenderingMode && (ops.argsArray[i]?.[0] === 3 || ops.argsArray[i]?.[0] === 7)) invisible = true;
    if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageXObjectRepeat) images++;
  }
  if (images > 0 && (invisible || chars < 400)) return unusable;
  return { usable: true, lines: (transform) => textItemsToLines(items, transform) };
}

/** Splits text items into words placed by character share, then groups them by baseline. */
function textItemsToLines(items: TextItemLike[], vt: number[]): RawLine[] {
  const scale = Math.hypot(vt[0], vt[1]);
  const words: RawWord[] = [];
  for (const it of items) {
    if (!it.str.trim()) continue;
    const [a, b, , , e, f] = it.transform;
    const size = Math.hypot(a, b) || it.height;
    // Baseline origin in viewport pixels.
    const x = vt[0] * e + vt[2] * f + vt[4];
    const y = vt[1] * e + vt[3] * f + vt[5];
    const width = it.width * scale;
    const h = size * scale;
    const n = it.str.length;
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(it.str))) {
      const x0 = x + (width * m.index) / n;
      const x1 = x + (width * (m.index + m[0].length)) / n;
      words.push({ text: m[0].normalize('NFC'), confidence: 1, bbox: { x0, y0: y - h * 0.8, x1, y1: y + h * 0.2 } });
    }
  }
  return groupWordsIntoLines(words);
}

/** Clusters words into lines: a word joins the line whose vertical middle band it overlaps. */
export function groupWordsIntoLines(words: RawWord[]): RawLine[] {
  const sorted = [...words].sort((p, q) => p.bbox.y1 - q.bbox.y1 || p.bbox.x0 - q.bbox.x0);
  const lines: Array<{ words: RawWord[]; y0: number; y1: number }> = [];
  for (const w of sorted) {
    const mid = (w.bbox.y0 + w.bbox.y1) / 2;
    const hit = lines.find((l) => mid > l.y0 && mid < l.y1 && !l.words.some((o) => overlapX(o, w)));
    if (hit) hit.words.push(w);
    else lines.push({ words: [w], y0: w.bbox.y0 + (w.bbox.y1 - w.bbox.y0) * 0.2, y1: w.bbox.y1 - (w.bbox.y1 - w.bbox.y0) * 0.2 });
  }
  return lines.map((l) => ({ words: l.words.sort((p, q) => p.bbox.x0 - q.bbox.x0) }));
}

function overlapX(a: RawWord, b: RawWord): boolean {
  return Math.min(a.bbox.x1, b.bbox.x1) - Math.max(a.bbox.x0, b.bbox.x0) > 0.5 * Math.min(a.bbox.x1 - a.bbox.x0, b.bbox.x1 - b.bbox.x0);
}

// ---------------------------------------------------------------------------------------------
// Images

async function openImageSource(bytes: Uint8Array, kind: FileKind, name: string, opts: SourceOptions): Promise<PageSource> {
  if (kind === 'tiff') {
    let ifds: UTIF.IFD[];
    try {
      ifds = UTIF.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).filter((i) => i.t256 !== undefined);
    } catch (error) {
      throw new Error(`${name}: cannot open: not a readable TIFF (${(error as Error).message})`);
    }
    if (ifds.length === 0) throw new Error(`${name}: cannot open: the TIFF holds no image`);
    return {
      total: ifds.length,
      async page(n) {
        const ifd = ifds[n - 1];
        UTIF.decodeImage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, ifd);
        const rgba = UTIF.toRGBA8(ifd);
        const xres = ifd.t282 as number[] | undefined;
        const dpi = xres?.[0] && xres[0] > 50 ? Number(xres[0]) : guessDpi(ifd.width, ifd.height);
        return cleanScan(fitPixels(rgbaToGray(rgba, ifd.width, ifd.height), dpi, opts), dpi);
      },
      close: async () => {},
    };
  }
  // Pure-JS decoders: a native one can segfault on a corrupt file and take the host process down.
  let rgba: { width: number; height: number; data: Uint8Array | Uint8ClampedArray; dpi: number | null };
  try {
    rgba = kind === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
  } catch (error) {
    throw new Error(`${name}: cannot open: not a readable ${kind.toUpperCase()} image (${(error as Error).message})`);
  }
  if (!rgba.width || !rgba.height) throw new Error(`${name}: cannot open: empty ${kind.toUpperCase()} image`);
  return {
    total: 1,
    async page() {
      const dpi = rgba.dpi ?? guessDpi(rgba.width, rgba.height);
      return cleanScan(fitPixels(rgbaToGray(rgba.data, rgba.width, rgba.height), dpi, opts), dpi);
    },
    close: async () => {},
  };
}

function decodeJpeg(bytes: Uint8Array): { width: number; height: number; data: Uint8ClampedArray; dpi: number | null } {
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  if (!jpeg.width || !jpeg.height) throw new Error('no image frame');
  const data = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true, isSourcePDF: false }) as Uint8ClampedArray;
  return { width: jpeg.width, height: jpeg.height, data, dpi: jpegDpi(bytes) };
}

/** Without a declared resolution, assume the image is an A4 page (8.27 in on its short side). */
function guessDpi(width: number, height: number): number {
  return Math.max(72, Math.round(Math.min(width, height) / 8.27));
}

/** Shrinks an image (box filter) to stay under the pixel limit; returns the new dpi in place. */
function fitPixels(img: GrayImage, dpi: number, opts: SourceOptions): GrayImage & { dpi?: number } {
  const px = img.width * img.height;
  if (px <= opts.maxPixels) return img;
  const f = Math.ceil(Math.sqrt(px / opts.maxPixels));
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) s += img.data[(y * f + dy) * img.width + x * f + dx];
      out[y * w + x] = s / (f * f);
    }
  }
  return { width: w, height: h, data: out, dpi: dpi / f };
}

function jpegDpi(b: Uint8Array): number | null {
  // JFIF APP0: "JFIF\0", version (2), units (1), Xdensity (2), Ydensity (2).
  if (b[2] === 0xff && b[3] === 0xe0 && b[6] === 0x4a && b[7] === 0x46 && b[8] === 0x49 && b[9] === 0x46) {
    const units = b[13];
    const x = (b[14] << 8) | b[15];
    if (units === 1 && x > 50) return x;
    if (units === 2 && x > 20) return Math.round(x * 2.54);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Cleaning

/** Preprocessing of one scanned page: orientation, deskew, contrast, rules found and erased. */
export function cleanScan(input: GrayImage & { dpi?: number }, declaredDpi: number): ScannedPage {
  const dpi = input.dpi ?? declaredDpi;
  let gray: GrayImage = { width: input.width, height: input.height, data: input.data };
  stretchContrast(gray);
  let mask = binarise(gray);
  let quarterTurns = 0;
  if (isSideways(mask)) {
    quarterTurns = 1;
    gray = rotateQuarter(gray, 1);
    mask = rotateQuarter(mask, 1);
  }
  const skewDegrees = estimateSkew(mask);
  if (Math.abs(skewDegrees) >= 0.1) {
    gray = rotateImage(gray, skewDegrees);
    mask = binarise(gray);
  }
  if (isUpsideDown(mask)) {
    quarterTurns += 2;
    gray = rotateQuarter(gray, 2);
    mask = rotateQuarter(mask, 2);
  }
  whitenPaper(gray);
  const rules = detectRules(mask, dpi);
  const tables = buildTables(rules, dpi);
  // Erase table rules and long free rules (underlines under the motto): OCR reads them as
  // letters. Short runs may be the baseline serifs of bold capitals, so they stay.
  const inTable = (r: { x0: number; y0: number; x1: number; y1: number }) =>
    tables.some((t) => r.x0 >= t.bbox.x0 - 5 && r.x1 <= t.bbox.x1 + 5 && r.y0 >= t.bbox.y0 - 5 && r.y1 <= t.bbox.y1 + 5);
  eraseRules(gray, [...rules.vertical.filter(inTable), ...rules.horizontal.filter((r) => inTable(r) || r.x1 - r.x0 > dpi * 1.2)]);
  // Table text is read cell by cell from a mosaic (tesseract, given a whole row of cells as one
  // line, estimates its word spacing from the wide gaps between cells and glues words together);
  // the tables are then blanked out of the page image.
  const tableImages = tables.map((t) => cellMosaic(gray, t, dpi));
  for (const t of tables) {
    for (let y = Math.max(0, t.bbox.y0); y < Math.min(gray.height, t.bbox.y1 + 1); y++) {
      gray.data.fill(255, y * gray.width + Math.max(0, t.bbox.x0), y * gray.width + Math.min(gray.width, t.bbox.x1 + 1));
    }
  }
  return { kind: 'scanned', width: gray.width, height: gray.height, dpi, image: encodePgm(gray), tables, tableImages, skewDegrees, quarterTurns };
}

/**
 * Light grays become white: paper texture, show-through and the pale remains of a red seal
 * otherwise make tesseract's own global threshold (taken over a mostly blank page) pick them up
 * as ink and drop the text lines they touch.
 */
function whitenPaper(gray: GrayImage): void {
  const d = gray.data;
  for (let i = 0; i < d.length; i++) if (d[i] >= 185) d[i] = 255;
}

/** The cells of a table cropped (inside their rules) and stacked top to bottom with wide gaps. */
function cellMosaic(gray: GrayImage, table: GridTable, dpi: number): CellMosaic {
  const inset = Math.max(2, Math.round(dpi / 100));
  const gap = Math.round(dpi * 0.25);
  const slots: MosaicSlot[] = [];
  let top = MOSAIC_PAD;
  let width = 0;
  table.cells.forEach((c, cell) => {
    const x = Math.max(0, c.bbox.x0 + inset);
    const y = Math.max(0, c.bbox.y0 + inset);
    const w = Math.min(gray.width, c.bbox.x1 - inset) - x;
    const h = Math.min(gray.height, c.bbox.y1 - inset) - y;
    if (w < 4 || h < 4) return;
    slots.push({ cell, x, y, width: w, height: h, top });
    top += h + gap;
    width = Math.max(width, w);
  });
  const mw = width + 2 * MOSAIC_PAD;
  const mh = top - gap + MOSAIC_PAD;
  const data = new Uint8Array(mw * Math.max(1, mh)).fill(255);
  for (const s of slots) {
    for (let r = 0; r < s.height; r++) data.set(gray.data.subarray((s.y + r) * gray.width + s.x, (s.y + r) * gray.width + s.x + s.width), (s.top + r) * mw + MOSAIC_PAD);
  }
  return { image: encodePgm({ width: mw, height: Math.max(1, mh), data }), slots };
}

export type { PdfDocument };
