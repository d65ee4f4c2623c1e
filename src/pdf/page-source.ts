/**
 * Page sources: what the page process does for one input file. A PDF page with a usable text
 * layer gives positioned words directly (born-digital, no OCR); a PDF page that is one full-page
 * JPEG (most scans) has that JPEG decoded natively (scan-image.ts); any other page (other scanned
 * PDF pages, PNG, JPEG, TIFF frames) is rendered or decoded; then it is cleaned
 * (src/ocr/preprocess.ts), searched for ruled tables (src/layout/grid.ts) and handed over as a
 * run-length coded TIFF image for OCR, with its table cells cut out into mosaics.
 *
 * Runs inside the page process (src/pdf/page-worker.ts, a child process): decoding, rendering and
 * preprocessing are CPU-bound and would otherwise block the hosting process's event loop, and
 * their native code may crash on a bad file.
 */
import UTIF from 'utif2';
import type { RawLine, RawWord } from '../layout/types.ts';
import type { GridTable } from '../layout/grid.ts';
import { buildTables, detectRules, eraseRules, type Rule, type Rules } from '../layout/grid.ts';
import {
  binarise,
  contrastLut,
  estimateSkew,
  grayTiff,
  grayTiffSize,
  packBitsTiff,
  histogram,
  inkMaskReduced,
  isSideways,
  isUpsideDown,
  mapHistogram,
  otsuFromHistogram,
  lumaToGray,
  rgbaToGray,
  rotatedCrop,
  rotateQuarter,
  turnSteps,
  type GrayImage,
  type InkMask,
} from '../ocr/preprocess.ts';
import { decodePng } from './png.ts';
import { importPlain, loadPdfjs, openPdf, type PdfDocument, type PdfPage } from './pdfjs.ts';
import { decodeNative, decodePlanes, openForImages, pageJpeg, type PageJpeg } from './scan-image.ts';
import { MOSAIC_PAD, type CellMosaic, type FileKind, type MosaicSlot, type ScannedPage, type SourceOptions, type SourcePage } from './pages.ts';

export { MOSAIC_PAD, sniffKind, type CellMosaic, type FileKind, type MosaicSlot, type ScannedPage, type SourceOptions, type SourcePage, type TextPage } from './pages.ts';

export interface PageSource {
  total: number;
  /** Page `n`; a scanned page's images are valid until the next page is read (see `kept`). */
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
  // A scan whose every page is one full-page JPEG (as pdf-lib reads it) is read without pdfjs; any
  // other PDF (text, drawings, other codecs, encrypted, or one pdf-lib cannot read) is opened by
  // pdfjs at once, which also counts its pages and says why a file cannot be opened.
  const images = await openForImages(bytes);
  const jpegs = images ? jpegPages(images) : [];
  // pdfjs may detach the buffer it is given; pdf-lib reads the original.
  let doc: Promise<PdfDocument> | null = jpegs.length > 0 && jpegs.every((j) => j !== null) ? null : openPdf(bytes.slice(), name);
  const total = doc ? (await doc).numPages : jpegs.length;
  return {
    total,
    async page(n) {
      const scan = await scannedJpegPage(jpegs[n - 1] ?? null, opts);
      if (scan) return scan;
      // A JPEG the native decoder cannot read: pdfjs's own decoder may.
      doc ??= openPdf(bytes.slice(), name);
      return pdfPage(await doc, n, opts);
    },
    close: async () => {
      if (doc) await (await doc).destroy();
    },
  };
}

/**
 * Each page's full-page JPEG, as pdf-lib reads the file (null for a page that is not one); none
 * when pdf-lib cannot walk the page tree (it loads some broken files leniently, then fails on
 * their pages): pdfjs then opens the file and says why it cannot be read.
 */
function jpegPages(images: NonNullable<Awaited<ReturnType<typeof openForImages>>>): (PageJpeg | null)[] {
  try {
    return images.getPages().map((_, i) => pageJpeg(images, i));
  } catch {
    return [];
  }
}

/** A page that is one full-page JPEG (`pj`), decoded natively and cleaned; null for any other page. */
async function scannedJpegPage(pj: PageJpeg | null, opts: SourceOptions): Promise<ScannedPage | null> {
  if (!pj) return null;
  // The scan's own resolution, lowered to the wanted one (and the pixel limit), never raised:
  // upsampling adds no detail, only pixels to clean and to lay out (tesseract scales every text
  // line to its own height anyway); on the dev scans OCR at 150–200 dpi is as accurate.
  let dpi = Math.min(pageDpi(pj.pageWidth, pj.pageHeight, opts), (72 * pj.width) / pj.pageWidth);
  const size = (w: number, h: number) => {
    const width = Math.ceil((pj.pageWidth * dpi) / 72);
    // Within a pixel or so of the scan's own size: no resampling.
    return Math.abs(width - w) <= Math.max(2, w * 0.002) ? { width: w, height: h } : { width, height: Math.ceil((pj.pageHeight * dpi) / 72) };
  };
  const hist = new Uint32Array(256);
  let gray: GrayImage;
  // At the scan's own size, libjpeg-turbo's planes: the luma is the gray image, no colour conversion.
  const planes = decodePlanes(pj.jpeg, size, (n) => kept('planes', n));
  if (planes && planes.width === pj.width && planes.height === pj.height) {
    dpi = Math.round((72 * planes.width) / pj.pageWidth);
    gray = lumaToGray(planes, hist);
  } else {
    let rgba: Awaited<ReturnType<typeof decodeNative>>;
    try {
      rgba = await decodeNative(pj.jpeg, size, true);
    } catch {
      return null; // pdfjs's own decoder may still read it
    }
    if (rgba.naturalWidth !== pj.width || rgba.naturalHeight !== pj.height) return null;
    dpi = Math.round((72 * rgba.width) / pj.pageWidth);
    gray = rgbaToGray(rgba.data, rgba.width, rgba.height, hist, rgba.stride, kept('gray', rgba.width * rgba.height));
  }
  if (pj.rotate) gray = rotateQuarter(gray, pj.rotate / 90);
  return cleanScan(gray, dpi, hist);
}

/**
 * The big buffers of the page being read, kept from page to page (each grown to the largest page):
 * its gray levels, its OCR file, its half-resolution ink mask, its table areas and mosaics. Fresh
 * buffers of 1–9 MB per page cost their zeroing by the kernel and, counted as external memory,
 * a full garbage collection of this process about every page. A page's buffers live until the
 * next page is read: the page process sends each page (a copy) before it reads the next one.
 */
const keptBuffers = new Map<string, Uint8Array>();

function kept(key: string, n: number): Uint8Array {
  let b = keptBuffers.get(key);
  if (!b || b.length < n) {
    b = new Uint8Array(n);
    keptBuffers.set(key, b);
  }
  return b.subarray(0, n);
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
    const hist = new Uint32Array(256);
    return cleanScan(rgbaToGray(rgba.data, rgba.width, rgba.height, hist), dpi, hist);
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
  const { OPS } = await loadPdfjs();
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
  // The native decoder first (fast; a crash takes down only the page process), the pure-JS ones
  // when it cannot read the file (they also say why).
  let rgba: { width: number; height: number; data: Uint8Array | Uint8ClampedArray; dpi: number | null };
  try {
    rgba = { ...(await decodeNative(bytes)), dpi: kind === 'png' ? pngDpi(bytes) : jpegDpi(bytes) };
  } catch {
    try {
      rgba = kind === 'png' ? decodePng(bytes) : await decodeJpeg(bytes);
    } catch (error) {
      throw new Error(`${name}: cannot open: not a readable ${kind.toUpperCase()} image (${(error as Error).message})`);
    }
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

/** pdfjs's JPEG decoder (plain JavaScript), for JPEG files the native one cannot read. */
async function decodeJpeg(bytes: Uint8Array): Promise<{ width: number; height: number; data: Uint8ClampedArray; dpi: number | null }> {
  const { JpegImage } = await importPlain<{ JpegImage: new () => JpegDecoder }>('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  if (!jpeg.width || !jpeg.height) throw new Error('no image frame');
  const data = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true, isSourcePDF: false }) as Uint8ClampedArray;
  return { width: jpeg.width, height: jpeg.height, data, dpi: jpegDpi(bytes) };
}

interface JpegDecoder {
  width: number;
  height: number;
  parse(bytes: Uint8Array): void;
  getData(opts: { width: number; height: number; forceRGBA: boolean; isSourcePDF: boolean }): Uint8ClampedArray;
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

/** Pixels per inch from a PNG's pHYs chunk (given per metre), if any. */
function pngDpi(b: Uint8Array): number | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let p = 8; p + 8 <= b.length; ) {
    const len = dv.getUint32(p);
    const type = String.fromCharCode(b[p + 4], b[p + 5], b[p + 6], b[p + 7]);
    if (type === 'pHYs' && len >= 9 && p + 17 <= b.length) return b[p + 16] === 1 ? Math.round(dv.getUint32(p + 8) * 0.0254) || null : null;
    if (type === 'IDAT' || type === 'IEND') return null;
    p += 12 + len;
  }
  return null;
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

/**
 * Preprocessing of one scanned page: contrast, orientation, deskew, rules found and erased, table
 * cells cut out. The full-resolution image is read by few passes: one for the reduced ink mask
 * (about 100 dpi) that the sideways and skew tests read, with the mask of what is not plain
 * paper, and one last pass that writes the OCR image (deskewed, contrast stretched, paper
 * whitened) straight into its file buffer, skipping the stretches that mask shows blank, while
 * building the half-resolution ink mask that the up/down test and the rule finder read.
 * `hist` is the histogram of `input` when the caller already has it.
 */
export function cleanScan(input: GrayImage & { dpi?: number }, declaredDpi: number, hist?: ArrayLike<number>): ScannedPage {
  const dpi = input.dpi ?? declaredDpi;
  let gray: GrayImage = { width: input.width, height: input.height, data: input.data };
  const counts = hist ?? histogram(gray);
  const lut = contrastLut(counts, gray.data.length) ?? identity();
  // Otsu's threshold on the stretched levels, applied to the raw ones.
  const stretchedThreshold = otsuFromHistogram(mapHistogram(counts, lut));
  let threshold = -1;
  for (let v = 0; v < 256; v++) if (lut[v] <= stretchedThreshold) threshold = v;
  const paper = paperFrom(lut, threshold);
  const pooled = () => {
    const f = reduction(gray, 1200);
    const n = Math.floor(gray.width / f) * Math.floor(gray.height / f);
    return inkMaskReduced(gray, threshold, f, paper, { ink: kept('ink', n), marked: kept('marked', n) });
  };
  let small = pooled();
  let quarterTurns = 0;
  if (isSideways(small.ink)) {
    quarterTurns = 1;
    gray = rotateQuarter(gray, 1);
    small = pooled();
  }
  const skewDegrees = estimateSkew(small.ink);
  const rotation = Math.abs(skewDegrees) >= 0.1 ? skewDegrees : 0;
  // The OCR image, deskewed and written straight into its file.
  let file = grayTiff(gray.width, gray.height, dpi, keptFile('page', gray.width, gray.height));
  let out: GrayImage = { width: gray.width, height: gray.height, data: file.pixels };
  const factor = reduction(gray, 1600);
  let mask = finish(gray, rotation, out, lut, threshold, factor, { paper, marked: small.marked, factor: reduction(gray, 1200) });
  // The up/down test reads ink above and below each line's x-height band (about 150 dpi).
  const upsideDown = isUpsideDown(mask) === true;
  if (upsideDown) {
    quarterTurns += 2;
    const turned = rotateQuarter(out, 2);
    file = grayTiff(turned.width, turned.height, dpi, keptFile('page', turned.width, turned.height));
    file.pixels.set(turned.data);
    out = { width: turned.width, height: turned.height, data: file.pixels };
    mask = rotateQuarter(mask, 2);
  }
  const rules = scaleRules(detectRules(mask, dpi / factor), factor);
  const tables = buildTables(rules, dpi);
  // Erase table rules and long free rules (underlines under the motto): OCR reads them as
  // letters. Short runs may be the baseline serifs of bold capitals, so they stay.
  const inTable = (r: { x0: number; y0: number; x1: number; y1: number }) =>
    tables.some((t) => r.x0 >= t.bbox.x0 - 5 && r.x1 <= t.bbox.x1 + 5 && r.y0 >= t.bbox.y0 - 5 && r.y1 <= t.bbox.y1 + 5);
  eraseRules(out, [...rules.vertical.filter(inTable), ...rules.horizontal.filter((r) => inTable(r) || r.x1 - r.x0 > dpi * 1.2)], 1 + Math.floor(factor / 2));
  // Table text is read cell by cell from a mosaic (tesseract, given a whole row of cells as one
  // line, estimates its word spacing from the wide gaps between cells and glues words together);
  // the tables are then blanked out of the page image.
  // Table cells are cut from the raw levels turned like the OCR image, each table's area turned
  // on its own (half a turn reverses a crop's pixels).
  const source = gray;
  // One table's area is cut at a time, each into the same kept buffer (a mosaic copies its cells).
  const levels = (x: number, y: number, w: number, h: number, map: Uint8Array) => {
    const into = kept('table', w * h);
    return upsideDown ? rotatedCrop(source, rotation, source.width - x - w, source.height - y - h, w, h, into, map).reverse() : rotatedCrop(source, rotation, x, y, w, h, into, map);
  };
  const tableImages = tables.map((t, i) => cellMosaic(tableRegion(levels, out, lut, t, rules), t, dpi, stretchedThreshold, `mosaic ${i}`));
  for (const t of tables) {
    for (let y = Math.max(0, t.bbox.y0); y < Math.min(out.height, t.bbox.y1 + 1); y++) {
      out.data.fill(255, y * out.width + Math.max(0, t.bbox.x0), y * out.width + Math.min(out.width, t.bbox.x1 + 1));
    }
  }
  const image = packBitsTiff(file.file, out.width, out.height, keptPacked('page', out.width, out.height));
  return { kind: 'scanned', width: out.width, height: out.height, dpi, image, tables, tableImages, skewDegrees, quarterTurns };
}

/** A kept buffer for a TIFF file (grayTiff) of `width`×`height` pixels. */
function keptFile(key: string, width: number, height: number): Uint8Array {
  return kept(key, grayTiffSize(width, height));
}

/** A kept buffer for a `width`×`height` file packed by packBitsTiff (at its longest). */
function keptPacked(key: string, width: number, height: number): Uint8Array {
  return kept(`${key} packed`, grayTiffSize(width, height) + Math.ceil(width / 128) * height);
}

/** The integer reduction that brings the longer side of an image to about `pixels`. */
function reduction(img: GrayImage, pixels: number): number {
  return Math.max(1, Math.round(Math.max(img.width, img.height) / pixels));
}

function identity(): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, i) => i);
}

/** Rules found on a mask reduced by `factor`, in full-resolution pixels. */
function scaleRules(rules: Rules, factor: number): Rules {
  if (factor === 1) return rules;
  const up = (r: Rule): Rule => ({ x0: r.x0 * factor, y0: r.y0 * factor, x1: r.x1 * factor, y1: r.y1 * factor });
  return { horizontal: rules.horizontal.map(up), vertical: rules.vertical.map(up) };
}

/**
 * The level from which a raw pixel is white paper and no ink in the OCR image (256: none), and so
 * is any blend of such pixels.
 */
function paperFrom(lut: Uint8Array, threshold: number): number {
  let paper = threshold + 1;
  while (paper < 256 && lut[paper] < PAGE_PAPER) paper++;
  for (let v = paper; v < 256; v++) if (lut[v] < PAGE_PAPER) return 256;
  return paper;
}

/** The pooled mask of the pixels below the paper level (see inkMaskReduced), and its pooling. */
interface MarkedMask {
  paper: number;
  marked: InkMask;
  factor: number;
}

/**
 * Writes `gray`, turned by `degrees` (0: as it is), through the contrast `lut` into `out` with
 * light grays turned white, and returns the ink mask (raw level <= threshold) OR-pooled by
 * `factor`. Paper texture, show-through and the pale remains of a red seal otherwise make
 * tesseract's own global threshold (taken over a mostly blank page) pick them up as ink and drop
 * the text lines they touch. Turning and writing are one pass: the turned levels are not kept.
 */
function finish(gray: GrayImage, degrees: number, out: GrayImage, lut: Uint8Array, threshold: number, factor: number, paperMask: MarkedMask): InkMask {
  const { width: w, height: h } = gray;
  const d = gray.data;
  const o = out.data;
  const paper = new Uint8Array(256);
  for (let v = 0; v < 256; v++) paper[v] = lut[v] >= PAGE_PAPER ? 255 : lut[v];
  const mw = Math.floor(w / factor);
  const mh = Math.floor(h / factor);
  const m = kept('mask', mw * mh).fill(0);
  const cols = new Int32Array(w);
  for (let x = 0; x < w; x++) cols[x] = Math.min(mw - 1, (x / factor) | 0);
  if (!degrees) {
    for (let y = 0; y < h; y++) {
      const row = y * w;
      const my = Math.min(mh - 1, (y / factor) | 0) * mw;
      for (let x = 0; x < w; x++) {
        const v = d[row + x];
        o[row + x] = paper[v];
        if (v <= threshold) m[my + cols[x]] = 1;
      }
    }
    return { width: mw, height: mh, data: m };
  }
  // Bilinear, as rotateImage. From level `blank` up a pixel is white paper and no ink, and so is
  // any blend of four such pixels: most of a page is skipped without the arithmetic, and a run of
  // RUN output pixels whose source lies in cells of the pooled mask clear of anything below that
  // level is paper without reading a pixel.
  const blank = paperMask.paper;
  const { marked, factor: pf } = paperMask;
  const RUN = 32;
  // The last source column and row the pooled mask's cells cover.
  const lastX = marked.width * pf - 1;
  const lastY = marked.height * pf - 1;
  const { dxs, dys, maxX, maxY, rowX, rowY } = turnSteps(w, h, degrees);
  for (let y = 0; y < h; y++) {
    let fx = rowX(y);
    let fy = rowY(y);
    const row = y * w;
    const my = Math.min(mh - 1, (y / factor) | 0) * mw;
    for (let x = 0; x < w; ) {
      const end = Math.min(w, x + RUN);
      if (blank < 256 && clearRun(marked, pf, fx, fy, fx + (end - 1 - x) * dxs, fy + (end - 1 - x) * dys, Math.min(maxX, lastX << 16), Math.min(maxY, lastY << 16))) {
        o.fill(255, row + x, row + end);
        fx += (end - x) * dxs;
        fy += (end - x) * dys;
        x = end;
        continue;
      }
      // A run whose two ends fall inside the source lies inside it all along (a straight line).
      const fxEnd = fx + (end - 1 - x) * dxs;
      const fyEnd = fy + (end - 1 - x) * dys;
      const inside = fx >= 0 && fy >= 0 && fx < maxX && fy < maxY && fxEnd >= 0 && fyEnd >= 0 && fxEnd < maxX && fyEnd < maxY;
      for (; x < end; x++, fx += dxs, fy += dys) {
        let v = 255;
        if (inside || (fx >= 0 && fy >= 0 && fx < maxX && fy < maxY)) {
          const i = (fy >> 16) * w + (fx >> 16);
          const p00 = d[i];
          const p01 = d[i + 1];
          const p10 = d[i + w];
          const p11 = d[i + w + 1];
          if (p00 >= blank && p01 >= blank && p10 >= blank && p11 >= blank) {
            o[row + x] = 255;
            continue;
          }
          if ((p00 & p01 & p10 & p11) !== 255) {
            const tx = (fx & 0xffff) >> 8;
            const ty = (fy & 0xffff) >> 8;
            const top = (p00 << 8) + (p01 - p00) * tx;
            const bottom = (p10 << 8) + (p11 - p10) * tx;
            v = ((top << 8) + (bottom - top) * ty + 32768) >> 16;
          }
        }
        o[row + x] = paper[v];
        if (v <= threshold) m[my + cols[x]] = 1;
      }
    }
  }
  return { width: mw, height: mh, data: m };
}

/**
 * Do the source squares (2×2 pixels) of a straight run of output pixels, from source position
 * (fx0, fy0) to (fx1, fy1) in 16.16 fixed point, all lie inside [0, limitX)×[0, limitY) and in
 * cells of `marked` (pooled by `f`) that hold nothing below the paper level?
 */
function clearRun(marked: InkMask, f: number, fx0: number, fy0: number, fx1: number, fy1: number, limitX: number, limitY: number): boolean {
  if (fx0 < 0 || fy0 < 0 || fx1 < 0 || fy1 < 0 || fx0 >= limitX || fy0 >= limitY || fx1 >= limitX || fy1 >= limitY) return false;
  const cx0 = ((Math.min(fx0, fx1) >> 16) / f) | 0;
  const cx1 = (((Math.max(fx0, fx1) >> 16) + 1) / f) | 0;
  const cy0 = ((Math.min(fy0, fy1) >> 16) / f) | 0;
  const cy1 = (((Math.max(fy0, fy1) >> 16) + 1) / f) | 0;
  const { width, data } = marked;
  for (let cy = cy0; cy <= cy1; cy++) {
    for (let i = cy * width + cx0, end = cy * width + cx1; i <= end; i++) if (data[i]) return false;
  }
  return true;
}

/**
 * Stretched levels from which the page image is plain paper. Whitening the light grays keeps
 * tesseract from reading paper texture, speckles and seal remains (and from spending time on
 * them); table cells are whitened less (CELL_PAPER): the hooks and tildes of Vietnamese tone marks
 * in 12 pt table text are thin, their anti-aliased edges light, and whitening them turns ả into á
 * and ổ into ố (dev scans: cells right 93% at 185, 96% at 210–240).
 */
const PAGE_PAPER = 185;
const CELL_PAPER = 230;

/** A table's area of the (turned, raw) page, from `levels`: contrast-stretched, lightly whitened, rules erased. */
function tableRegion(
  levels: (x: number, y: number, w: number, h: number, map: Uint8Array) => Uint8Array,
  page: { width: number; height: number },
  lut: Uint8Array,
  table: GridTable,
  rules: Rules,
): GrayImage & { x: number; y: number } {
  const x = Math.max(0, table.bbox.x0 - 8);
  const y = Math.max(0, table.bbox.y0 - 8);
  const w = Math.min(page.width, table.bbox.x1 + 9) - x;
  const h = Math.min(page.height, table.bbox.y1 + 9) - y;
  const map = new Uint8Array(256);
  for (let v = 0; v < 256; v++) map[v] = lut[v] >= CELL_PAPER ? 255 : lut[v];
  const data = levels(x, y, w, h, map);
  const region = { width: w, height: h, data };
  const inside = (r: Rule) => r.x1 >= x && r.x0 < x + w && r.y1 >= y && r.y0 < y + h;
  const shift = (r: Rule): Rule => ({ x0: r.x0 - x, y0: r.y0 - y, x1: r.x1 - x, y1: r.y1 - y });
  eraseRules(region, [...rules.vertical, ...rules.horizontal].filter(inside).map(shift), 2);
  return { ...region, x, y };
}

/**
 * The cells of a table cropped (inside their rules) from its region and stacked top to bottom
 * with wide gaps.
 */
function cellMosaic(region: GrayImage & { x: number; y: number }, table: GridTable, dpi: number, threshold: number, key: string): CellMosaic {
  const inset = Math.max(2, Math.round(dpi / 100));
  const gap = Math.round(dpi * 0.25);
  const slots: MosaicSlot[] = [];
  let top = MOSAIC_PAD;
  let width = 0;
  table.cells.forEach((c, cell) => {
    // Page coordinates, kept inside the region.
    const x = Math.max(region.x, c.bbox.x0 + inset);
    const y = Math.max(region.y, c.bbox.y0 + inset);
    const w = Math.min(region.x + region.width, c.bbox.x1 - inset) - x;
    const h = Math.min(region.y + region.height, c.bbox.y1 - inset) - y;
    if (w < 4 || h < 4) return;
    slots.push({ cell, x, y, width: w, height: h, top });
    top += h + gap;
    width = Math.max(width, w);
  });
  const mw = width + 2 * MOSAIC_PAD;
  const mh = Math.max(1, top - gap + MOSAIC_PAD);
  // Written straight into its file; one pair of labelling buffers serves every cell.
  const { file, pixels: data } = grayTiff(mw, mh, dpi, keptFile(key, mw, mh));
  data.fill(255);
  const largest = Math.max(0, ...slots.map((s) => s.width * s.height));
  const scratch = { label: new Int32Array(largest), stack: new Int32Array(largest) };
  for (const s of slots) {
    for (let r = 0; r < s.height; r++) {
      const from = (s.y - region.y + r) * region.width + (s.x - region.x);
      data.set(region.data.subarray(from, from + s.width), (s.top + r) * mw + MOSAIC_PAD);
    }
    despeckle(data, mw, MOSAIC_PAD, s.top, s.width, s.height, threshold, dpi, scratch);
  }
  return { image: packBitsTiff(file, mw, mh, keptPacked(key, mw, mh)), slots, scale: 1 };
}

/**
 * Whitens specks: tiny blobs of ink (scanner dust, noise) with no other ink within a millimetre.
 * OCR reads a speck after a word as a letter (`y tế ˙` → `y tế Ñ`); tone marks and the dot of
 * dấu nặng sit a fraction of a millimetre from their letter, so they stay.
 */
function despeckle(
  data: Uint8Array,
  stride: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  threshold: number,
  dpi: number,
  scratch: { label: Int32Array; stack: Int32Array },
): void {
  const maxArea = Math.max(2, Math.round((dpi / 75) ** 2));
  const reach = Math.max(3, Math.round(dpi / 25));
  // Components labelled with typed arrays (a table holds thousands of glyph parts: objects and
  // pixel lists per part cost more in garbage collection than the labelling); only the small
  // ones are kept, as [label, x0, y0, x1, y1], their pixels found again by label.
  const label = scratch.label.subarray(0, w * h).fill(0);
  const stack = scratch.stack;
  const ink = (x: number, y: number) => data[(y0 + y) * stride + x0 + x] <= threshold;
  const small: number[] = [];
  let id = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (label[y * w + x] || !ink(x, y)) continue;
      id++;
      let area = 0;
      let bx0 = x;
      let by0 = y;
      let bx1 = x;
      let by1 = y;
      let top = 0;
      label[y * w + x] = id;
      stack[top++] = y * w + x;
      while (top) {
        const p = stack[--top];
        const cx = p % w;
        const cy = (p - cx) / w;
        area++;
        if (cx < bx0) bx0 = cx;
        if (cx > bx1) bx1 = cx;
        if (cy < by0) by0 = cy;
        if (cy > by1) by1 = cy;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            const ny = cy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h || label[ny * w + nx] || !ink(nx, ny)) continue;
            label[ny * w + nx] = id;
            stack[top++] = ny * w + nx;
          }
        }
      }
      if (area <= maxArea) small.push(id, bx0, by0, bx1, by1);
    }
  }
  for (let k = 0; k < small.length; k += 5) {
    const [own, cx0, cy0, cx1, cy1] = small.slice(k, k + 5);
    if (hasOtherInk(label, w, own, Math.max(0, cx0 - reach), Math.max(0, cy0 - reach), Math.min(w - 1, cx1 + reach), Math.min(h - 1, cy1 + reach))) continue;
    for (let y = cy0; y <= cy1; y++) {
      for (let x = cx0; x <= cx1; x++) if (label[y * w + x] === own) data[(y0 + y) * stride + x0 + x] = 255;
    }
  }
}

/** Does a labelled component other than `own` reach into the box (inclusive)? */
function hasOtherInk(label: Int32Array, w: number, own: number, x0: number, y0: number, x1: number, y1: number): boolean {
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const l = label[y * w + x];
      if (l && l !== own) return true; // other ink nearby: a mark that belongs to something
    }
  }
  return false;
}

export type { PdfDocument };
