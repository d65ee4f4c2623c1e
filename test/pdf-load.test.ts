/**
 * Loading: born-digital PDF pages are read from their text layer (no OCR), multi-page TIFFs page
 * by page, and files that cannot be opened at all throw an error naming the file and the reason.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, setTextRenderingMode, StandardFonts, TextRenderingMode } from 'pdf-lib';
import UTIF from 'utif2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool, readScannedFile } from '../src/ocr/index.ts';
import type { TableNode } from '../src/tree/types.ts';
import { FIXTURES, pageText, readGold, syllableAccuracy } from './fixtures/scans/gold.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sohoa-pdf-'));
let pool: OcrPool;
beforeAll(() => {
  pool = new OcrPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe('born-digital PDF', () => {
  it('takes the text layer as it is, with the ruled table, without OCR', async () => {
    // A closed pool proves no page went to OCR.
    const closed = new OcrPool({ size: 1 });
    await closed.close();
    const { pages, failures } = await readScannedFile(`${FIXTURES}plan-page-born-digital.pdf`, { pool: closed });
    expect(failures).toEqual([]);
    const page = pages[0];
    expect(page.data.kind).toBe('born-digital');
    expect(page.data.confidence).toBeNull();
    const gold = readGold('plan-page-born-digital').pages[0];
    expect(syllableAccuracy(pageText(page), gold.lines.join('\n'))).toBeGreaterThan(0.99);
    const roles = page.children.filter((b) => b.type === 'heading').map((b) => b.data?.role);
    expect(roles.slice(0, 5)).toEqual(['issuer', 'number', 'motto', 'date', 'doctype']);
    const table = page.children.find((b): b is TableNode => b.type === 'table')!;
    const rows = table.children.map((r) => r.children.map((c) => c.children.map((l) => l.value).join(' ')));
    expect(rows).toEqual(gold.tables[0]);
    const words = table.children[1].children[1].children[0].data?.words ?? [];
    expect(words.every((w) => w.confidence === 1)).toBe(true);
  }, 60_000);
});

describe('a scan with an invisible text layer (an earlier OCR)', () => {
  it('is read again from its image, not from the old text', async () => {
    const doc = await PDFDocument.create();
    const jpg = await doc.embedJpg(readFileSync(`${FIXTURES}plan-page.jpg`));
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const p = doc.addPage([595.28, 841.89]);
    p.drawImage(jpg, { x: 0, y: 0, width: 595.28, height: 841.89 });
    p.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    for (let k = 0; k < 20; k++) p.drawText('UY BAN NHAN DAN HUYEN AN LAC Ke hoach trien khai', { x: 60, y: 780 - k * 20, size: 12, font });
    const path = join(tmp, 'ocred.pdf');
    writeFileSync(path, await doc.save());
    const { pages } = await readScannedFile(path, { pool, dpi: 150 });
    expect(pages[0].data.kind).toBe('scanned');
    expect(pageText(pages[0])).toMatch(/KẾ HOẠCH/);
  }, 120_000);
});

describe('files that cannot be opened', () => {
  it('names the file and says it is encrypted', async () => {
    await expect(readScannedFile(`${FIXTURES}encrypted.pdf`, { pool })).rejects.toThrow(/encrypted\.pdf: cannot open: the PDF is encrypted/);
  });

  it('names the file and says it is corrupt', async () => {
    const bad = join(tmp, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref or pages');
    await expect(readScannedFile(bad, { pool })).rejects.toThrow(/broken\.pdf: cannot open/);
  });

  it('refuses a file that is neither PDF nor image, and a missing file', async () => {
    const txt = join(tmp, 'notes.pdf');
    writeFileSync(txt, 'just some text');
    await expect(readScannedFile(txt, { pool })).rejects.toThrow(/notes\.pdf: cannot open: not a PDF, PNG, JPEG or TIFF/);
    await expect(readScannedFile(join(tmp, 'missing.pdf'), { pool })).rejects.toThrow(/missing\.pdf: cannot open/);
  });

  it('names a truncated image', async () => {
    const jpg = readFileSync(`${FIXTURES}plan-page.jpg`);
    const cut = join(tmp, 'cut.png');
    writeFileSync(cut, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpg.subarray(0, 100)]));
    await expect(readScannedFile(cut, { pool })).rejects.toThrow(/cut\.png: cannot open/);
  });
});

describe('multi-page TIFF', () => {
  it('reads every frame as a page, in order', async () => {
    // Two frames: the header strip of the fixture page, then its title strip.
    const img = await loadImage(readFileSync(`${FIXTURES}plan-page.jpg`));
    const frame = (y: number, h: number) => {
      const c = createCanvas(img.width, h);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, -y);
      return new Uint8Array(ctx.getImageData(0, 0, img.width, h).data.buffer);
    };
    const f1 = frame(120, 250);
    const f2 = frame(390, 260);
    const path = join(tmp, 'two.tiff');
    writeFileSync(path, Buffer.from(multiFrameTiff([{ data: f1, w: img.width, h: 250 }, { data: f2, w: img.width, h: 260 }])));
    const seen: number[] = [];
    const { pages, failures } = await readScannedFile(path, { pool, onPage: (p) => seen.push(p.total) });
    expect(failures).toEqual([]);
    expect(pages.map((p) => p.data.number)).toEqual([1, 2]);
    expect(seen).toEqual([2, 2]);
    expect(pageText(pages[0])).toMatch(/BAN NHÂN DÂN/);
    expect(pageText(pages[1])).toMatch(/KẾ HOẠCH/);
  }, 120_000);
});

/** An uncompressed little-endian RGBA TIFF with one IFD per frame (as scanners write them). */
function multiFrameTiff(frames: Array<{ data: Uint8Array; w: number; h: number }>): Uint8Array {
  const TAGS = 10;
  const ifdBytes = 2 + TAGS * 12 + 4 + 8; // + BitsPerSample's four shorts
  let offset = 8 + frames.length * ifdBytes;
  const dataAt = frames.map((f) => {
    const at = offset;
    offset += f.data.length;
    return at;
  });
  const out = new Uint8Array(offset);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  dv.setUint32(4, 8, true);
  frames.forEach((f, k) => {
    const p = 8 + k * ifdBytes;
    const bitsAt = p + 2 + TAGS * 12 + 4;
    const tags: Array<[number, number, number]> = [
      [256, 4, f.w], // width
      [257, 4, f.h], // height
      [258, 3, bitsAt], // bits per sample: 8,8,8,8 (stored after the IFD)
      [259, 3, 1], // no compression
      [262, 3, 2], // RGB
      [273, 4, dataAt[k]], // strip offset
      [277, 3, 4], // samples per pixel
      [278, 4, f.h], // rows per strip
      [279, 4, f.data.length], // strip byte count
      [338, 3, 2], // extra sample: unassociated alpha
    ];
    dv.setUint16(p, TAGS, true);
    tags.forEach(([tag, type, value], i) => {
      const e = p + 2 + i * 12;
      dv.setUint16(e, tag, true);
      dv.setUint16(e + 2, type, true);
      dv.setUint32(e + 4, tag === 258 ? 4 : 1, true);
      if (type === 3 && tag !== 258) dv.setUint16(e + 8, value, true);
      else dv.setUint32(e + 8, value, true);
    });
    dv.setUint32(p + 2 + TAGS * 12, k + 1 < frames.length ? p + ifdBytes : 0, true);
    for (let j = 0; j < 4; j++) dv.setUint16(bitsAt + j * 2, 8, true);
    out.set(f.data, dataAt[k]);
  });
  return out;
}
