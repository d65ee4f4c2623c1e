/**
 * The OCR pool replaces its processes after `recycleAfter` images (the old process ends, giving
 * its memory back): the text read does not change from one process to the next, a warmed pool
 * reads as a cold one does, and a process that crashes fails only the image it was reading.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../src/ocr/index.ts';

const image = new Uint8Array(readFileSync(new URL('./fixtures/scans/plan-page.jpg', import.meta.url)));
const pools: OcrPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const text = (r: Awaited<ReturnType<OcrPool['recognize']>>) => r.lines.map((l) => l.words.map((w) => `${w.text}@${w.bbox.x0},${w.bbox.y0}`).join(' ')).join('\n');

describe('OCR pool recycling', () => {
  it('a worker replaced after every image reads the same words in the same places', async () => {
    const pool = new OcrPool({ size: 1, recycleAfter: 1 });
    pools.push(pool);
    const first = await pool.recognize(image, 150);
    const second = await pool.recognize(image, 150);
    const third = await pool.recognize(image, 150);
    expect(first.lines.length).toBeGreaterThan(5);
    expect(text(second)).toBe(text(first));
    expect(text(third)).toBe(text(first));
    expect(third.confidence).toBe(first.confidence);
  }, 120_000);

  it('a warmed pool reads what a cold one reads', async () => {
    const warm = new OcrPool({ size: 2 });
    const cold = new OcrPool({ size: 1 });
    pools.push(warm, cold);
    await warm.warm();
    const [a, b] = await Promise.all([warm.recognize(image, 150), cold.recognize(image, 150)]);
    expect(text(a)).toBe(text(b));
  }, 120_000);

  it('a replaced process has ended, and its successor reads the same words', async () => {
    const pool = new OcrPool({ size: 1, recycleAfter: 1 });
    pools.push(pool);
    const first = await pool.recognize(image, 150);
    const [before] = pool.pids;
    const second = await pool.recognize(image, 150);
    const [after] = pool.pids;
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
    expect(after).not.toBe(before);
    // Signal 0 only checks that the process exists: the replaced one is gone (memory returned).
    expect(() => process.kill(before, 0)).toThrow();
    expect(text(second)).toBe(text(first));
  }, 120_000);

  it('an OCR process that crashes fails the image it was reading, and the next image is read', async () => {
    const pool = new OcrPool({ size: 1 });
    pools.push(pool);
    await pool.warm();
    const [pid] = pool.pids;
    const reading = pool.recognize(image, 150);
    setTimeout(() => process.kill(pid, 'SIGKILL'), 100);
    await expect(reading).rejects.toThrow(/OCR process crashed \(SIGKILL\)/);
    const next = await pool.recognize(image, 150);
    expect(next.lines.length).toBeGreaterThan(5);
    expect(pool.pids[0]).not.toBe(pid);
  }, 120_000);
});
