/**
 * The page process: pages are loaded and rendered in a child process, so a native crash or a
 * page that never finishes fails that page (with its number and reason) and the host and the
 * other pages carry on. The faults are injected through the page process's test hook
 * (SOHOA_PAGE_FAULT), which ends it exactly as a segfault in a native decoder would (SIGSEGV).
 * Also: which PDF pages take the fast way (the page's JPEG decoded natively) and which pdfjs.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool, readScannedFile } from '../src/ocr/index.ts';
import { openForImages, pageJpeg } from '../src/pdf/scan-image.ts';
import { openSource, type ScannedPage } from '../src/pdf/page-source.ts';
import { FIXTURES, pageText } from './fixtures/scans/gold.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sohoa-page-process-'));
let pool: OcrPool;
let threePages: string;

beforeAll(async () => {
  pool = new OcrPool({ size: 2 });
  // Three small scanned pages: strips of the fixture scan (header, title, first paragraph).
  const img = await loadImage(readFileSync(`${FIXTURES}plan-page.jpg`));
  const doc = await PDFDocument.create();
  for (const y of [120, 390, 650]) {
    const c = createCanvas(img.width, 260);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, -y);
    const jpg = await doc.embedJpg(await c.encode('jpeg', 85));
    const page = doc.addPage([(img.width * 72) / 200, (260 * 72) / 200]);
    page.drawImage(jpg, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  threePages = join(tmp, 'three.pdf');
  writeFileSync(threePages, await doc.save());
});

afterEach(() => {
  delete process.env.SOHOA_PAGE_FAULT;
});

afterAll(async () => {
  await pool.close();
});

describe('a crash while rendering a page', () => {
  it('fails that page with its reason; the host and the other pages carry on', async () => {
    process.env.SOHOA_PAGE_FAULT = 'crash:2';
    const { pages, failures } = await readScannedFile(threePages, { pool });
    expect(failures).toHaveLength(1);
    expect(failures[0].page).toBe(2);
    expect(failures[0].reason).toMatch(/page process crashed while reading the page \(SIGSEGV\)/);
    expect(pages[1].data.error).toBe(failures[0].reason);
    expect(pages[1].children).toEqual([]);
    expect(pageText(pages[0])).toMatch(/BAN NHÂN DÂN/);
    expect(pageText(pages[2]).length).toBeGreaterThan(20);
    // The next file is read by a new page process as if nothing had happened.
    delete process.env.SOHOA_PAGE_FAULT;
    const again = await readScannedFile(threePages, { pool });
    expect(again.failures).toEqual([]);
  }, 120_000);
});

describe('a page that never finishes rendering', () => {
  it('times out, is reported, and the rest of the document still comes out', async () => {
    process.env.SOHOA_PAGE_FAULT = 'hang:1';
    const { pages, failures } = await readScannedFile(threePages, { pool, renderTimeoutMs: 4000 });
    expect(failures).toEqual([{ page: 1, reason: 'reading the page timed out after 4 s' }]);
    expect(pageText(pages[1])).toMatch(/KẾ HOẠCH/);
  }, 120_000);
});

describe('the fast way to a scanned page', () => {
  it('reads a scan made only of JPEG pages without loading pdfjs, and loads it for the first PDF that needs it', async () => {
    // In a process of its own (this one may hold pdfjs already): pdfjs's worker module, once
    // loaded, leaves its handler on globalThis.pdfjsWorker.
    const script = `
      const { openSource } = await import(${JSON.stringify(new URL('../src/pdf/page-source.ts', import.meta.url).href)});
      const { readFileSync } = await import('node:fs');
      const read = async (file) => {
        const source = await openSource(new Uint8Array(readFileSync(file)), 'pdf', file, { dpi: 300, maxPixels: 14_000_000 });
        const page = await source.page(1);
        await source.close();
        return [source.total, page.kind, globalThis.pdfjsWorker !== undefined];
      };
      console.log(JSON.stringify([await read(${JSON.stringify(`${FIXTURES}plan-page-150dpi.pdf`)}), await read(${JSON.stringify(`${FIXTURES}plan-page-born-digital.pdf`)})]));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url).pathname });
    expect(JSON.parse(stdout.trim())).toEqual([
      [1, 'scanned', false],
      [1, 'born-digital', true],
    ]);
  }, 60_000);

  it('takes the JPEG of a page that is one full-page image', async () => {
    const doc = await openForImages(new Uint8Array(readFileSync(`${FIXTURES}plan-page-150dpi.pdf`)));
    const jpeg = pageJpeg(doc!, 0);
    expect(jpeg).not.toBeNull();
    expect([jpeg!.width, jpeg!.height]).toEqual([1240, 1754]);
    expect(Array.from(jpeg!.jpeg.subarray(0, 2))).toEqual([0xff, 0xd8]);
  });

  it('leaves pages with text, drawings or a partial image to pdfjs', async () => {
    const born = await openForImages(new Uint8Array(readFileSync(`${FIXTURES}plan-page-born-digital.pdf`)));
    expect(pageJpeg(born!, 0)).toBeNull();
    // A scan with an invisible text layer (an earlier OCR), and an image not covering the page.
    const doc = await PDFDocument.create();
    const jpg = await doc.embedJpg(readFileSync(`${FIXTURES}plan-page.jpg`));
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const a = doc.addPage([595.28, 841.89]);
    a.drawImage(jpg, { x: 0, y: 0, width: 595.28, height: 841.89 });
    a.drawText('old OCR text', { x: 60, y: 700, size: 12, font });
    const b = doc.addPage([595.28, 841.89]);
    b.drawImage(jpg, { x: 50, y: 50, width: 400, height: 600 });
    const c = doc.addPage([595.28, 841.89]);
    c.drawImage(jpg, { x: 0, y: 0, width: 595.28, height: 841.89 });
    const opened = await openForImages(await doc.save());
    expect(pageJpeg(opened!, 0)).toBeNull();
    expect(pageJpeg(opened!, 1)).toBeNull();
    expect(pageJpeg(opened!, 2)).not.toBeNull();
  });

  it('gives a page the same image whatever page was decoded before it (the canvas is kept)', async () => {
    // A narrow strip, the whole scan (wider and taller: the kept canvas grows), the strip again.
    // A JPEG is drawn straight over the last page's pixels (no white fill first): the strip read
    // again, over the whole scan's pixels, must come out as it did on the fresh canvas.
    const img = await loadImage(readFileSync(`${FIXTURES}plan-page.jpg`));
    const strip = createCanvas(Math.round(img.width * 0.6), 400);
    strip.getContext('2d').drawImage(img, -150, -390);
    const doc = await PDFDocument.create();
    const stripJpg = await doc.embedJpg(await strip.encode('jpeg', 85));
    const pageJpg = await doc.embedJpg(readFileSync(`${FIXTURES}plan-page.jpg`));
    for (const [jpg, w, h] of [[stripJpg, strip.width, strip.height], [pageJpg, img.width, img.height], [stripJpg, strip.width, strip.height]] as const) {
      const page = doc.addPage([(w * 72) / 200, (h * 72) / 200]);
      page.drawImage(jpg, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    }
    const source = await openSource(await doc.save(), 'pdf', 'strips.pdf', { dpi: 300, maxPixels: 14_000_000 });
    // A page's images are valid until the next page is read (the buffers are kept): copied here.
    const read = async (n: number) => {
      const p = (await source.page(n)) as ScannedPage;
      return { ...p, image: p.image.slice() };
    };
    const [first, whole, again] = [await read(1), await read(2), await read(3)];
    await source.close();
    expect([first.width, first.height, whole.width]).toEqual([strip.width, strip.height, img.width]);
    expect(Buffer.compare(first.image, again.image)).toBe(0);
    expect(again.tableImages.length).toBe(first.tableImages.length);
  });
});
