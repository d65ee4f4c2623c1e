/** Surfaces for the typesetter: a canvas page image at some dpi, or a pdf-lib PDF with a text layer. */
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { existsSync, readFileSync } from 'node:fs';
import type { Font, FontStyle, Surface } from './draw.ts';

/** Liberation Serif (Debian package fonts-liberation2 covers Vietnamese; fonts-liberation does not). */
export const FONT_DIR = process.env.SOHOA_FONT_DIR ?? '/usr/share/fonts/truetype/liberation2';
const FILES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

export function fontPath(style: FontStyle): string {
  const p = `${FONT_DIR}/${FILES[style]}`;
  if (!existsSync(p)) throw new Error(`missing font ${p}: apt-get install fonts-liberation2 (or set SOHOA_FONT_DIR)`);
  return p;
}

let registered = false;
function registerFonts(): void {
  if (registered) return;
  for (const style of Object.keys(FILES) as FontStyle[]) GlobalFonts.registerFromPath(fontPath(style), `SohoaSerif-${style}`);
  registered = true;
}

const MM_PER_INCH = 25.4;

export class CanvasSurface implements Surface {
  readonly pages: Canvas[] = [];
  private ctx!: SKRSContext2D;
  private readonly k: number;
  constructor(readonly dpi: number) {
    registerFonts();
    this.k = dpi / MM_PER_INCH;
    this.newPage();
  }
  get width(): number {
    return Math.round(210 * this.k);
  }
  get height(): number {
    return Math.round(297 * this.k);
  }
  newPage(): void {
    const c = createCanvas(this.width, this.height);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.fillStyle = '#111111';
    ctx.strokeStyle = '#111111';
    this.pages.push(c);
    this.ctx = ctx;
  }
  private font(f: Font): string {
    return `${((f.size * this.dpi) / 72).toFixed(2)}px SohoaSerif-${f.style}`;
  }
  measure(text: string, f: Font): number {
    this.ctx.font = this.font(f);
    return this.ctx.measureText(text).width / this.k;
  }
  text(text: string, x: number, y: number, f: Font): void {
    this.ctx.font = this.font(f);
    this.ctx.fillText(text, x * this.k, y * this.k);
  }
  line(x0: number, y0: number, x1: number, y1: number, w: number): void {
    this.ctx.lineWidth = Math.max(1, w * this.k);
    this.ctx.beginPath();
    this.ctx.moveTo(x0 * this.k, y0 * this.k);
    this.ctx.lineTo(x1 * this.k, y1 * this.k);
    this.ctx.stroke();
  }
}

const PT_PER_MM = 72 / MM_PER_INCH;

/** Born-digital PDF: real text (subset Liberation Serif with ToUnicode) and vector rules. */
export class PdfSurface implements Surface {
  private page!: PDFPage;
  private fonts!: Record<FontStyle, PDFFont>;
  private measureCache = new Map<string, number>();
  private constructor(readonly doc: PDFDocument) {}
  static async create(): Promise<PdfSurface> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const s = new PdfSurface(doc);
    const fonts = {} as Record<FontStyle, PDFFont>;
    for (const style of Object.keys(FILES) as FontStyle[]) fonts[style] = await doc.embedFont(readFileSync(fontPath(style)), { subset: true });
    s.fonts = fonts;
    s.newPage();
    return s;
  }
  newPage(): void {
    this.page = this.doc.addPage([210 * PT_PER_MM, 297 * PT_PER_MM]);
  }
  measure(text: string, f: Font): number {
    const key = `${f.style}|${f.size}|${text}`;
    let v = this.measureCache.get(key);
    if (v === undefined) {
      v = this.fonts[f.style].widthOfTextAtSize(text, f.size) / PT_PER_MM;
      this.measureCache.set(key, v);
    }
    return v;
  }
  text(text: string, x: number, y: number, f: Font): void {
    this.page.drawText(text, { x: x * PT_PER_MM, y: this.page.getHeight() - y * PT_PER_MM, size: f.size, font: this.fonts[f.style], color: rgb(0, 0, 0) });
  }
  line(x0: number, y0: number, x1: number, y1: number, w: number): void {
    const H = this.page.getHeight();
    this.page.drawLine({ start: { x: x0 * PT_PER_MM, y: H - y0 * PT_PER_MM }, end: { x: x1 * PT_PER_MM, y: H - y1 * PT_PER_MM }, thickness: w * PT_PER_MM });
  }
}
