/**
 * The fast way to a scanned page: most scanned PDFs hold, per page, one JPEG drawn over the whole
 * page and nothing else. Such a page is not rendered through pdfjs (whose JPEG decoder is plain
 * JavaScript, about 0.3–0.5 s for an A4 page at 300 dpi): its JPEG is taken from the file as it
 * is (pdf-lib) and decoded natively: by the system's libjpeg-turbo where it is installed
 * (turbojpeg.ts), else by @napi-rs/canvas (Skia), about 5× faster than pdfjs.
 * Any other page (text, vector drawing, masks, other codecs or colour spaces, rotated or partial
 * placement) goes the pdfjs way.
 *
 * Native decoders can crash the process on a corrupt file: this runs only inside the page
 * process (see page-worker.ts), whose crash fails that page and nothing else.
 */
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { turboJpeg, turboScaled, type JpegPlanes } from './turbojpeg.ts';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';

export interface PageJpeg {
  /** The JPEG file, as stored in the PDF. */
  jpeg: Uint8Array;
  /** Its pixel size as declared by the PDF. */
  width: number;
  height: number;
  /** Page size in points (what the image covers). */
  pageWidth: number;
  pageHeight: number;
  /** The page's /Rotate, clockwise degrees (0, 90, 180, 270). */
  rotate: number;
}

/** Opens a PDF with pdf-lib for JPEG lookups, or null when pdf-lib cannot read it. */
export async function openForImages(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    // A Buffer view: pdf-lib then keeps views into it instead of copying every stream.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const doc = await PDFDocument.load(buf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return doc.isEncrypted ? null : doc;
  } catch {
    return null;
  }
}

const ALLOWED_OPS = new Set(['q', 'Q', 'cm', 'Do', 'gs']);

/** The page's JPEG when the page is exactly one JPEG covering it, else null. */
export function pageJpeg(doc: PDFDocument, index: number): PageJpeg | null {
  try {
    const page = doc.getPage(index);
    const node = page.node;
    const box = page.getMediaBox();
    const rotate = ((((node.Rotate()?.asNumber() ?? 0) % 360) + 360) % 360) as number;
    if (rotate % 90 !== 0) return null;
    const content = contentText(doc, node.Contents());
    if (content === null) return null;
    const draw = singleImageDraw(content);
    if (!draw) return null;
    // The image must cover the page box, upright (unit square → page).
    const [a, b, c, d, e, f] = draw.matrix;
    const tol = Math.max(2, 0.01 * Math.max(box.width, box.height));
    if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return null;
    if (Math.abs(e - box.x) > tol || Math.abs(f - box.y) > tol || Math.abs(a - box.width) > tol || Math.abs(d - box.height) > tol) return null;
    const xobjects = node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const ref = xobjects?.get(PDFName.of(draw.name));
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) return null;
    const dict = stream.dict;
    const name = (k: string) => dict.get(PDFName.of(k));
    if (name('Subtype')?.toString() !== '/Image') return null;
    if (name('ImageMask') || name('Mask') || name('SMask') || name('Decode') || name('DecodeParms')) return null;
    if ((dict.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber() ?? 8) !== 8) return null;
    const filter = dict.lookup(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray().map(String) : [String(filter)];
    if (filters.length !== 1 || filters[0] !== '/DCTDecode') return null;
    if (!plainColourSpace(doc, dict.lookup(PDFName.of('ColorSpace')))) return null;
    const width = dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
    const height = dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
    if (width < 16 || height < 16) return null;
    return { jpeg: stream.contents, width, height, pageWidth: box.width, pageHeight: box.height, rotate };
  } catch {
    return null;
  }
}

/** Gray or RGB (device or ICC-based with 1 or 3 components): what a JPEG decoder gives as is. */
function plainColourSpace(doc: PDFDocument, cs: PDFObject | undefined): boolean {
  if (!cs) return false;
  const s = cs.toString();
  if (s === '/DeviceRGB' || s === '/DeviceGray') return true;
  if (cs instanceof PDFArray && cs.size() === 2 && cs.get(0).toString() === '/ICCBased') {
    const icc = doc.context.lookup(cs.get(1));
    const n = icc instanceof PDFRawStream ? icc.dict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber() : undefined;
    return n === 1 || n === 3;
  }
  return false;
}

/** The page's content streams decoded and joined, or null when one cannot be read. */
function contentText(doc: PDFDocument, contents: PDFObject | undefined): string | null {
  if (!contents) return null;
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  let text = '';
  let size = 0;
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) return null;
    size += s.contents.length;
    // A scan's content is a handful of operators; a long stream draws something else.
    if (size > 4096) return null;
    text += new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()) + '\n';
  }
  return text;
}

/**
 * Reads a content stream made only of q/Q/cm/gs and exactly one Do; returns the XObject name and
 * the transformation in force when it is drawn.
 */
function singleImageDraw(content: string): { name: string; matrix: number[] } | null {
  const tokens = content.match(/\/[^\s/<>[\]()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"]+|\S/g) ?? [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const operands: string[] = [];
  let found: { name: string; matrix: number[] } | null = null;
  for (const t of tokens) {
    if (/^[-+.\d]/.test(t) || t.startsWith('/')) {
      operands.push(t);
      continue;
    }
    if (!ALLOWED_OPS.has(t)) return null;
    if (t === 'q') stack.push(ctm);
    else if (t === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (t === 'cm') {
      const m = operands.slice(-6).map(Number);
      if (m.length !== 6 || m.some((v) => !Number.isFinite(v))) return null;
      ctm = multiply(m, ctm);
    } else if (t === 'Do') {
      if (found) return null;
      const name = operands[operands.length - 1];
      if (!name?.startsWith('/')) return null;
      found = { name: name.slice(1), matrix: ctm };
    }
    operands.length = 0;
  }
  return found;
}

/** m × n for PDF matrices [a b c d e f]. */
function multiply(m: number[], n: number[]): number[] {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Decoded pixels: `width`×`height` RGBA, rows `stride` pixels apart. */
export interface NativePixels {
  width: number;
  height: number;
  stride: number;
  data: Uint8ClampedArray;
  naturalWidth: number;
  naturalHeight: number;
}

/**
 * The canvas that scanned pages are decoded into, kept from page to page and grown to the largest
 * page seen: a fresh canvas per page (35 MB for A4 at 300 dpi) is memory the kernel faults in
 * again on every page and that the garbage collector only returns when it gets round to it.
 */
let reused: Canvas | null = null;

function reusedCanvas(width: number, height: number): Canvas {
  if (!reused || reused.width < width || reused.height < height) {
    reused = createCanvas(Math.max(width, reused?.width ?? 0), Math.max(height, reused?.height ?? 0));
  }
  return reused;
}

/**
 * Decodes an image file (JPEG, PNG…) natively and scales it to width × height over white paper.
 * Returns RGBA, or throws when the decoder cannot read it. A JPEG goes through libjpeg-turbo where
 * it is installed (turbojpeg.ts; the same pixels, a fraction of the CPU), anything else and any
 * JPEG it refuses through Skia. With `scratch`, the pixels are written into the buffer (or canvas)
 * kept for that (rows `stride` apart): they are valid until the next such call.
 */
export async function decodeNative(
  bytes: Uint8Array,
  size?: (w: number, h: number) => { width: number; height: number },
  scratch = false,
): Promise<NativePixels> {
  const turbo = isJpeg(bytes) ? turboDecode(bytes, size, scratch) : null;
  if (turbo) return turbo;
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!img.naturalWidth || !img.naturalHeight) throw new Error('the image decoder cannot read it');
  const { width, height } = size ? size(img.naturalWidth, img.naturalHeight) : { width: img.naturalWidth, height: img.naturalHeight };
  const canvas = scratch ? reusedCanvas(width, height) : createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const natural = width === img.naturalWidth && height === img.naturalHeight;
  // A JPEG has no transparency: drawn at its own size it covers every pixel that is read, and the
  // white underneath (a fill of the whole page, 35 MB at 300 dpi) would be painted over.
  if (!(natural && isJpeg(bytes))) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  // At its own size the image is copied pixel for pixel: with smoothing on, Skia still goes
  // through its filtering blitter (the same pixels, a few ms more per page).
  ctx.imageSmoothingEnabled = !natural;
  ctx.imageSmoothingQuality = width < img.naturalWidth / 1.3 ? 'medium' : 'low';
  if (natural) ctx.drawImage(img, 0, 0);
  else ctx.drawImage(img, 0, 0, width, height);
  // The canvas's own pixels (opaque: premultiplied is plain RGBA), without getImageData's copy.
  const raw = canvas.data();
  const stride = canvas.width;
  const data = new Uint8ClampedArray(raw.buffer, raw.byteOffset, stride * height * 4);
  return { width, height, stride, data, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight };
}

/**
 * A JPEG decoded by libjpeg-turbo (see turbojpeg.ts) when it is there and the wanted size is the
 * JPEG's own or one of its DCT scalings (within a pixel or so); null to go the Skia way.
 */
function turboDecode(bytes: Uint8Array, size: ((w: number, h: number) => { width: number; height: number }) | undefined, scratch: boolean): NativePixels | null {
  const turbo = turboJpeg();
  const natural = turbo?.size(bytes);
  if (!turbo || !natural) return null;
  const want = size ? size(natural.width, natural.height) : natural;
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(2, b * 0.002);
  const scale = turbo.scales.find((s) => near(turboScaled(natural.width, s), want.width) && near(turboScaled(natural.height, s), want.height));
  if (!scale) return null;
  try {
    const n = turboScaled(natural.width, scale) * turboScaled(natural.height, scale) * 4;
    if (scratch && (!keptRgba || keptRgba.byteLength < n)) keptRgba = new Uint8Array(n);
    const px = turbo.decode(bytes, scale, scratch ? (keptRgba ?? undefined) : undefined);
    const data = new Uint8ClampedArray(px.data.buffer, px.data.byteOffset, px.data.byteLength);
    return { width: px.width, height: px.height, stride: px.width, data, naturalWidth: px.naturalWidth, naturalHeight: px.naturalHeight };
  } catch {
    return null; // damaged: Skia reads what it can
  }
}

/**
 * A JPEG decoded by libjpeg-turbo to its planes (luma and chroma, no colour conversion; see
 * lumaToGray), when it is there, the JPEG is YCbCr or gray, and the wanted size is the JPEG's own;
 * null otherwise (decodeNative then). `buffer(n)` gives the buffer to decode into.
 */
export function decodePlanes(
  bytes: Uint8Array,
  size: (w: number, h: number) => { width: number; height: number },
  buffer: (n: number) => Uint8Array,
): JpegPlanes | null {
  const turbo = isJpeg(bytes) ? turboJpeg() : null;
  const natural = turbo?.size(bytes);
  if (!turbo || !natural) return null;
  const want = size(natural.width, natural.height);
  if (want.width !== natural.width || want.height !== natural.height) return null;
  try {
    return turbo.decodePlanes(bytes, buffer);
  } catch {
    return null; // damaged: Skia reads what it can
  }
}

/** The buffer scanned pages are decoded into by libjpeg-turbo, kept as the canvas above is. */
let keptRgba: Uint8Array | null = null;

function isJpeg(b: Uint8Array): boolean {
  return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}
