/**
 * The OCR pool replaces its workers after `recycleAfter` images (the successor started before the
 * old worker stops, so they share tesseract's compiled code, unless another worker of the pool
 * keeps that code: then the old one stops first): the text read does not change from one worker
 * to the next, and a warmed pool reads as a cold one does.
 */
import { readFileSync } from 'node:fs';
import Tesseract from 'tesseract.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
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

  it('with another worker alive, stops a replaced worker before starting its successor', async () => {
    const events: string[] = [];
    const create = Tesseract.createWorker;
    const spy = vi.spyOn(Tesseract, 'createWorker').mockImplementation(async (...args: Parameters<typeof create>) => {
      events.push('start');
      const worker = await create(...args);
      const terminate = worker.terminate.bind(worker);
      worker.terminate = async () => {
        events.push('stop');
        return terminate();
      };
      return worker;
    });
    try {
      const pool = new OcrPool({ size: 2, recycleAfter: 1 });
      pools.push(pool);
      await pool.warm();
      const first = await pool.recognize(image, 150);
      await new Promise((resolve) => setImmediate(resolve)); // the first worker is free again
      // The same (first free) worker again: it has read its one image and is replaced.
      const second = await pool.recognize(image, 150);
      expect(events).toEqual(['start', 'start', 'stop', 'start']);
      expect(text(second)).toBe(text(first));
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});
