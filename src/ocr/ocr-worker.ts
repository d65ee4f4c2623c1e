/**
 * One OCR process of the pool (pool.ts): a tesseract.js worker reading the images the host sends,
 * one at a time, and sending back lines of words. It says `ready` once the model is loaded.
 *
 *   host → here: { type: 'recognize', id, image, dpi, psm }
 *   here → host: { type: 'ready' } | { type: 'start-failed', reason }
 *                | { type: 'result', id, result } | { type: 'error', id, reason }
 */
import Tesseract from 'tesseract.js';
import { vieLangPath } from './model.ts';
import { toLines } from './words.ts';
import type { OcrPageResult } from './pool.ts';

export type OcrRequest = { type: 'recognize'; id: number; image: Uint8Array; dpi: number; psm: Tesseract.PSM };
export type OcrReply =
  | { type: 'ready' }
  | { type: 'start-failed'; reason: string }
  | { type: 'result'; id: number; result: OcrPageResult }
  | { type: 'error'; id: number; reason: string };

const send = (reply: OcrReply) => process.send?.(reply);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The host going away (its end, or a crash) ends this process too.
process.on('disconnect', () => process.exit(0));

let worker: Tesseract.Worker;
try {
  worker = await Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, {
    langPath: vieLangPath(),
    cacheMethod: 'none',
    gzip: true,
  });
  await worker.setParameters({
    tessedit_pageseg_mode: Tesseract.PSM.AUTO,
    preserve_interword_spaces: '0',
    // tesseract's own chatter ("Estimating resolution as …") goes nowhere.
    debug_file: '/dev/null',
  });
} catch (error) {
  send({ type: 'start-failed', reason: `the OCR engine did not start: ${message(error)}` });
  process.exit(1);
}

process.on('message', (req: OcrRequest) => {
  if (req.type !== 'recognize') return;
  void (async () => {
    try {
      await worker.setParameters({ user_defined_dpi: String(Math.round(req.dpi)), tessedit_pageseg_mode: req.psm });
      const image = Buffer.from(req.image.buffer, req.image.byteOffset, req.image.byteLength);
      const result = await worker.recognize(image, {}, { blocks: true, text: false });
      send({ type: 'result', id: req.id, result: toLines(result.data) });
    } catch (error) {
      send({ type: 'error', id: req.id, reason: message(error) });
    }
  })();
});

send({ type: 'ready' });
