/**
 * Page cleaning on real pixels: skew and orientation found on the fixture scan (decoded with the
 * same pure-JS JPEG decoder the loader uses), red seal suppressed, and ruled tables cut into
 * cells with spans.
 */
import { readFileSync } from 'node:fs';
// @ts-expect-error pdfjs-dist ships no types for its image decoders
import { JpegImage } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import UTIF from 'utif2';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTables, detectRules } from '../src/layout/grid.ts';
import {
  binarise,
  detectOrientation,
  estimateSkew,
  grayTiff,
  packBitsTiff,
  rgbaToGray,
  rotateImage,
  rotateQuarter,
  stretchContrast,
  type GrayImage,
  type InkMask,
} from '../src/ocr/preprocess.ts';
import { FIXTURES } from './fixtures/scans/gold.ts';

let page: GrayImage; // the fixture page: 200 dpi, skewed 1.2° clockwise

beforeAll(() => {
  const jpeg = new JpegImage();
  jpeg.parse(readFileSync(`${FIXTURES}plan-page.jpg`));
  const rgba = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true, isSourcePDF: false });
  page = rgbaToGray(rgba, jpeg.width, jpeg.height);
  stretchContrast(page);
});

describe('skew and orientation', () => {
  it('measures the skew and levels the page', () => {
    const skew = estimateSkew(binarise(page));
    expect(skew).toBeGreaterThan(1.0);
    expect(skew).toBeLessThan(1.4);
    const levelled = rotateImage(page, skew);
    expect(Math.abs(estimateSkew(binarise(levelled)))).toBeLessThan(0.15);
  });

  it('finds a page turned by 0, 90, 180 and 270 degrees', () => {
    const level = binarise(rotateImage(page, estimateSkew(binarise(page))));
    // Turned q quarters clockwise, it needs (4 - q) % 4 more to be upright.
    for (const q of [0, 1, 2, 3]) expect(detectOrientation(rotateQuarter(level, q))).toBe((4 - q) % 4);
  });
});

describe('red seal', () => {
  it('turns seal red pale and keeps black ink under it dark', () => {
    const rgba = new Uint8Array([
      ...[223, 79, 87, 255], // seal ink on paper
      ...[235, 150, 155, 255], // half-red edge after JPEG chroma blur
      ...[40, 8, 10, 255], // black text under the seal
      ...[20, 30, 120, 255], // blue signature ink
    ]);
    const g = rgbaToGray(rgba, 4, 1).data;
    expect(g[0]).toBeGreaterThan(230);
    expect(g[1]).toBeGreaterThan(230);
    expect(g[2]).toBeLessThan(80);
    expect(g[3]).toBeLessThan(80);
  });
});

describe('ruled tables', () => {
  /** A 300 dpi mask with a 3×3 grid whose middle rule is missing in the first row. */
  function grid(): InkMask {
    const w = 1500;
    const h = 900;
    const data = new Uint8Array(w * h);
    const hline = (y: number, x0: number, x1: number) => {
      for (let t = 0; t < 3; t++) data.fill(1, (y + t) * w + x0, (y + t) * w + x1);
    };
    const vline = (x: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let t = 0; t < 3; t++) data[y * w + x + t] = 1;
    };
    for (const y of [100, 300, 500, 700]) hline(y, 100, 1403);
    vline(100, 100, 703);
    vline(1400, 100, 703);
    vline(500, 100, 703);
    vline(900, 300, 703); // no rule between columns 2 and 3 in the first row
    // Some text-like blobs that must not count as rules.
    for (let k = 0; k < 20; k++) for (let y = 350; y < 380; y++) data.fill(1, y * w + 150 + k * 15, y * w + 158 + k * 15);
    return { width: w, height: h, data };
  }

  it('finds the grid, its cells and a column span', () => {
    const tables = buildTables(detectRules(grid(), 300), 300);
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.ys).toHaveLength(4);
    expect(t.xs).toHaveLength(4);
    expect(t.cells).toHaveLength(8);
    expect(t.cells[1]).toMatchObject({ row: 0, col: 1, colSpan: 2, rowSpan: 1 });
  });

  it('finds the task table of the fixture scan with its 6 columns and 3 rows', () => {
    const level = rotateImage(page, estimateSkew(binarise(page)));
    const tables = buildTables(detectRules(binarise(level), 200), 200);
    expect(tables).toHaveLength(1);
    expect(tables[0].xs).toHaveLength(7);
    expect(tables[0].ys).toHaveLength(4);
    expect(tables[0].cells).toHaveLength(18);
  });
});

describe('the OCR file', () => {
  it('packs a page into a PackBits TIFF that a TIFF reader decodes to the same levels, several times smaller', () => {
    // The fixture page with runs of paper, ink and one-pixel changes, in rows of odd width.
    const { file, pixels } = grayTiff(page.width, page.height, 200);
    pixels.set(page.data);
    for (let i = 0; i < 300; i++) pixels[i] = i & 1 ? 255 : 0;
    const packed = packBitsTiff(file, page.width, page.height);
    const [ifd] = UTIF.decode(packed.slice().buffer);
    UTIF.decodeImage(packed.slice().buffer, ifd);
    expect([ifd.width, ifd.height, (ifd.t259 as number[] | undefined)?.[0]]).toEqual([page.width, page.height, 32773]);
    expect(Buffer.compare(Buffer.from(ifd.data.subarray(0, pixels.length)), Buffer.from(pixels))).toBe(0);
    expect(packed.length).toBeLessThan(file.length / 3);
  });
});
