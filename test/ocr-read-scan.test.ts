/**
 * readScannedFile end to end on real inputs — pdfjs-dist renders, tesseract.js reads (vie model
 * from node_modules), no mocks: a 200 dpi JPEG page and a 150 dpi scanned PDF of a plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool, readScannedFile } from '../src/ocr/index.ts';
import type { HeadingNode, PageNode, TableNode } from '../src/tree/types.ts';
import { blockLines, FIXTURES, pageText, readGold, syllableAccuracy } from './fixtures/scans/gold.ts';

let pool: OcrPool;
beforeAll(() => {
  pool = new OcrPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

function headings(page: PageNode): HeadingNode[] {
  return page.children.filter((b): b is HeadingNode => b.type === 'heading');
}

describe('readScannedFile on a scanned JPEG page', () => {
  let page: PageNode;
  const progress: Array<{ page: number; total: number }> = [];
  beforeAll(async () => {
    const { pages, failures } = await readScannedFile(`${FIXTURES}plan-page.jpg`, { pool, onPage: (p) => progress.push(p) });
    expect(failures).toEqual([]);
    expect(pages).toHaveLength(1);
    page = pages[0];
  }, 120_000);

  it('reads the page as a scan with its size, skew and confidence', () => {
    expect(page.data.kind).toBe('scanned');
    expect(page.data.number).toBe(1);
    expect(page.data.width).toBeGreaterThan(1500);
    expect(page.data.confidence).toBeGreaterThan(0.7);
    expect(Math.abs((page.data as { skewDegrees?: number }).skewDegrees! - 1.2)).toBeLessThan(0.3);
    expect(progress).toEqual([{ page: 1, total: 1 }]);
  });

  it('gets the text right in reading order', () => {
    const gold = readGold('plan-page').pages[0].lines.join('\n');
    expect(syllableAccuracy(pageText(page), gold)).toBeGreaterThan(0.9);
  });

  it('reads the two-column official header left column first', () => {
    const roles = headings(page).map((h) => h.data?.role);
    expect(roles.slice(0, 5)).toEqual(['issuer', 'number', 'motto', 'date', 'doctype']);
    const text = (h: HeadingNode) => h.children.map((l) => l.value).join(' ');
    const hs = headings(page);
    expect(text(hs[0])).toMatch(/BAN NHÂN DÂN/);
    expect(text(hs[1])).toMatch(/^Số/);
    expect(text(hs[2])).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(text(hs[3])).toMatch(/ngày 14 th.ng 3 năm 2025/); // OCR may misread one tone mark
    expect(text(hs[4])).toBe('KẾ HOẠCH');
    expect(hs.find((h) => h.data?.role === 'title')).toBeDefined();
    expect(hs.find((h) => h.data?.role === 'section' && /MỤC ĐÍCH/.test(text(h)))).toBeDefined();
  });

  it('reads the ruled task table cell by cell', () => {
    const table = page.children.find((b): b is TableNode => b.type === 'table');
    expect(table).toBeDefined();
    const rows = table!.children.map((r) => r.children.map((c) => c.children.map((l) => l.value).join(' ')));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    const gold = readGold('plan-page').pages[0].tables[0];
    let cells = 0;
    let right = 0;
    gold.forEach((r, i) => r.forEach((cell, j) => {
      cells++;
      if (syllableAccuracy(rows[i][j], cell) >= 0.99) right++;
    }));
    expect(right / cells).toBeGreaterThan(0.8);
  });

  it('numbers lines 1.. in reading order and keeps words with boxes and confidences', () => {
    const lines = page.children.flatMap(blockLines);
    expect(lines.map((l) => l.position?.start.line)).toEqual(lines.map((_, i) => i + 1));
    for (const l of lines) {
      expect(l.value).toBe(l.value.normalize('NFC'));
      for (const w of l.data?.words ?? []) {
        expect(w.confidence).toBeGreaterThanOrEqual(0);
        expect(w.confidence).toBeLessThanOrEqual(1);
        expect(w.bbox!.x1).toBeGreaterThan(w.bbox!.x0);
      }
    }
    expect(lines.filter((l) => l.value).every((l) => typeof l.data?.confidence === 'number')).toBe(true);
  });
});

describe('readScannedFile on a scanned PDF', () => {
  it('reads the page image at its own resolution, never upsampled', async () => {
    // A 150 dpi scan asked for at 200 dpi is read at 150 dpi.
    const { pages, failures } = await readScannedFile(`${FIXTURES}plan-page-150dpi.pdf`, { pool, dpi: 200 });
    expect(failures).toEqual([]);
    expect(pages[0].data.kind).toBe('scanned');
    expect((pages[0].data as { dpi?: number }).dpi).toBe(150);
    expect(pages[0].data.width).toBe(1240);
    const gold = readGold('plan-page').pages[0].lines.join('\n');
    expect(syllableAccuracy(pageText(pages[0]), gold)).toBeGreaterThan(0.9);
  }, 120_000);

  it('turns a page that cannot be read into a failed page, not a thrown error', async () => {
    const closed = new OcrPool({ size: 1 });
    await closed.close();
    const { pages, failures } = await readScannedFile(`${FIXTURES}plan-page-150dpi.pdf`, { pool: closed, dpi: 100 });
    expect(failures).toEqual([{ page: 1, reason: 'OCR pool is closed' }]);
    expect(pages[0].data.error).toBe('OCR pool is closed');
    expect(pages[0].children).toEqual([]);
  }, 60_000);
});
