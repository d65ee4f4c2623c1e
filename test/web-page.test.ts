/**
 * The web page in Debian's headless Chromium against a real server, worker and redis-server: a
 * clerk drops a scanned page on the page, watches it go through its pages, opens the result
 * (metadata, the responsibility matrix, corrections marked with the OCR original on hover),
 * and downloads the XLSX. Vietnamese must come out right, in a font that has its letters.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from './helpers/redis.ts';
import { chromiumAvailable, launchChromium } from './helpers/chromium.ts';
import { queueSettings, startWorker, type RunningWorker } from '../src/queue/index.ts';
import { buildServer } from '../src/server/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const KEY = 'web-test-key';
let redis: TestRedis;
let work: string;
let base: string;
let app: Awaited<ReturnType<typeof buildServer>>;
let worker: RunningWorker;
let browser: Browser;

beforeAll(async () => {
  redis = await startRedis();
  work = await mkdtemp(join(tmpdir(), 'sohoa-web-'));
  const settings = queueSettings({ redisUrl: redis.url, storageDir: join(work, 'storage') }, {});
  app = await buildServer({ settings, apiKey: KEY, maxUploadBytes: 20 * 1024 * 1024 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  worker = await startWorker({ settings, concurrency: 1, ocrThreads: 2 });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await app?.close();
  await redis?.stop();
  await rm(work, { recursive: true, force: true });
});

describe.runIf(chromiumAvailable())('web page', () => {
  it('drop a scan, watch it finish page by page, check the matrix, download the XLSX', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + '/');
    await page.waitForSelector('body[data-ready=true]');

    // The server wants a key: the page asks for it.
    await expect.poll(() => page.isVisible('#key-form')).toBe(true);
    await page.fill('#api-key', KEY);
    await page.click('#key-form button[type=submit]');

    // Drag and drop a scanned page (a JPEG at 200 dpi, skewed, noisy).
    const scan = (await readFile(join(ROOT, 'test/fixtures/scans/plan-page.jpg'))).toString('base64');
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'kế-hoạch-quét.jpg', { type: 'image/jpeg' }));
      document.querySelector('#drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, scan);
    await expect.poll(() => page.textContent('#upload-message')).toContain('Đã nhận 1 tệp');

    // Live progress: the row goes through its states to "Hoàn tất" with its page done.
    const row = page.locator('#doc-table tbody tr').filter({ hasText: 'kế-hoạch-quét.jpg' });
    const seen = new Set<string>();
    const end = Date.now() + 120_000;
    for (;;) {
      const state = await row.getAttribute('data-state').catch(() => null);
      if (state) seen.add(state);
      if (state === 'completed' || state === 'failed' || Date.now() > end) break;
      await page.waitForTimeout(100);
    }
    expect(await row.getAttribute('data-state')).toBe('completed');
    expect([...seen].some((s) => s === 'queued' || s === 'running')).toBe(true);
    await expect.poll(() => row.locator('.page-chip[data-state=done]').count()).toBe(1);
    await expect.poll(() => row.locator('.state').textContent()).toBe('Hoàn tất');

    // The result view.
    await row.locator('button.open').click();
    await page.waitForSelector('#result:not([hidden]) #tasks tbody tr');
    expect(await page.textContent('#metadata')).toContain('KẾ HOẠCH');
    const header = await page.locator('#tasks thead th').allTextContents();
    expect(header).toEqual(['Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm']);
    const doc = (await (await fetch(`${base}/documents/${await row.getAttribute('data-id')}/result.json`, { headers: { 'x-api-key': KEY } })).json()) as any;
    expect(doc.tasks.length).toBeGreaterThan(0);
    const firstRow = await page.locator('#tasks tbody tr').first().locator('td').allTextContents();
    expect(firstRow[0]).toBe(doc.tasks[0].task);
    expect(firstRow[1]).toBe(doc.tasks[0].lead ?? '');
    expect(await page.locator('#deadlines thead th').count()).toBe(4);
    expect(await page.locator('#targets thead th').count()).toBe(4);

    // Corrections are marked; a low-confidence one shows the OCR original on hover.
    const corrections = doc.quality.corrections as { original: string; restored: string; confidence: number }[];
    expect(corrections.length).toBeGreaterThan(0);
    const marks = page.locator('#text mark.fix');
    expect(await marks.count()).toBeGreaterThan(0);
    const low = corrections.filter((c) => c.confidence < 0.6);
    if (low.length) {
      const mark = page.locator('#text mark.fix.low').first();
      expect(await mark.getAttribute('title')).toMatch(/^OCR gốc: «.+» · độ tin cậy \d+%/);
    }
    await page.check('#side-by-side');
    expect(await page.isVisible('#original')).toBe(true);

    // The page image is the scan itself; the text is Vietnamese in NFC, in a font that has it.
    await page.waitForSelector('#page-image img');
    expect(await page.locator('#page-image img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 1000)).toBe(true);
    const text = (await page.textContent('#text'))!;
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return { loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family), covers: document.fonts.check('16px "Sohoa Serif"', 'Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc') };
    });
    expect(fonts.loaded, 'a font with Vietnamese coverage is served (Debian: fonts-liberation2 or fonts-dejavu-core)').toContain('Sohoa Serif');
    expect(fonts.covers).toBe(true);

    // Download the XLSX: a real workbook with the matrix in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads a[data-format=xlsx]')]);
    expect(download.suggestedFilename()).toBe('kế-hoạch-quét.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const tasks = wb.getWorksheet('tasks');
    expect(tasks).toBeTruthy();
    expect(tasks!.getRow(2).getCell(1).text).toBe(doc.tasks[0].task);

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
