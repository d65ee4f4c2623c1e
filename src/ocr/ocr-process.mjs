// OCR process bootstrap: installs tsx's loader so that the child process can run the TypeScript
// OCR worker (ocr-worker.ts), whatever the host was started with (tsx CLI, vitest, node --import
// tsx). tesseract.js is loaded by Node itself first; the TypeScript imports it from the cache.
import 'tesseract.js';
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'sohoa-ocr-process' });
await tsx.import('./ocr-worker.ts', import.meta.url);
