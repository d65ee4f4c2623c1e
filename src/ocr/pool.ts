/**
 * A pool of tesseract.js workers (each a worker thread running tesseract's wasm build) reading
 * Vietnamese with the `vie` 4.0.0_best_int model shipped by @tesseract.js-data/vie — read from
 * disk, never fetched, never cached elsewhere (`cacheMethod: 'none'`).
 *
 * Workers are created lazily (or all at once by `warm()`), recycled after `recycleAfter` images
 * (a page and each of its table mosaics count one each; tesseract's wasm heap only grows), and
 * replaced when a page crashes them or runs past the page timeout.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import Tesseract from 'tesseract.js';
import type { RawLine, RawWord } from '../layout/types.ts';

const require = createRequire(import.meta.url);

/** Folder holding vie.traineddata.gz (tesseract.js reads `${langPath}/vie.traineddata.gz`). */
export function vieLangPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/vie/package.json')), '4.0.0_best_int');
}

/**
 * tesseract's wasm compiled by V8's optimising compiler (TurboFan) for every function at once, in
 * the background after the first worker starts, instead of V8's default "dynamic tiering": a
 * baseline compile first, then each function compiled again once it has run enough. Over a
 * 22-page scan that re-compiling never stopped: 0.03–0.04 CPU-s per page on threads beside the
 * OCR threads, CPU that a second OCR worker needs (the 2-worker pool's pages per minute). The
 * whole module costs about 0.2 CPU-s more once, per process; the words read are the same (same
 * text, boxes and confidences on every sample scan). V8 flags are process-wide and read when a
 * module is compiled: set before the first worker starts.
 */
let wasmCompiledOptimised = false;
function compileWasmOptimised(): void {
  if (wasmCompiledOptimised) return;
  wasmCompiledOptimised = true;
  setFlagsFromString('--no-wasm-dynamic-tiering');
}

export interface OcrPoolOptions {
  /** Number of tesseract workers; default os.availableParallelism(). */
  size?: number;
  /** Images (pages, table mosaics) a worker reads before it is replaced; default 40. */
  recycleAfter?: number;
  /** A page taking longer than this fails and its worker is replaced; default 180 s. */
  pageTimeoutMs?: number;
}

export interface OcrPageResult {
  lines: RawLine[];
  /** Mean word confidence 0..1 (null when no word was read). */
  confidence: number | null;
}

interface Slot {
  worker: Tesseract.Worker | null;
  starting: Promise<Tesseract.Worker> | null;
  pages: number;
  /** Pages the current worker reads before it is replaced. */
  budget: number;
  busy: boolean;
}

interface Job {
  image: Uint8Array;
  dpi: number;
  psm: Tesseract.PSM;
  resolve: (r: OcrPageResult) => void;
  reject: (e: Error) => void;
}

export class OcrPool {
  readonly size: number;
  private readonly recycleAfter: number;
  private readonly pageTimeoutMs: number;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(opts: OcrPoolOptions = {}) {
    compileWasmOptimised();
    this.size = Math.max(1, opts.size ?? availableParallelism());
    this.recycleAfter = Math.max(1, opts.recycleAfter ?? 40);
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 180_000;
    // The first workers are replaced at staggered times (worker i after recycleAfter·(1 + i/size)
    // pages), and so are their successors: workers sharing the pages evenly would otherwise all
    // be replaced at once, all memory dropping together and every slot cold at the same time.
    this.slots = Array.from({ length: this.size }, (_, i) => ({
      worker: null,
      starting: null,
      pages: 0,
      budget: this.recycleAfter + Math.floor((i * this.recycleAfter) / this.size),
      busy: false,
    }));
  }

  /**
   * Reads one image (TIFF, PNG, JPEG, PGM… as bytes) at the given resolution. Page segmentation is
   * automatic (PSM 3) unless `block` asks for one uniform block of text (PSM 6: table mosaics).
   */
  recognize(image: Uint8Array, dpi: number, opts: { block?: boolean } = {}): Promise<OcrPageResult> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'));
    const psm = opts.block ? Tesseract.PSM.SINGLE_BLOCK : Tesseract.PSM.AUTO;
    return new Promise((resolve, reject) => {
      this.queue.push({ image, dpi, psm, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts every worker not started yet (model loaded, wasm compiled), so that the first pages do
   * not wait for them; resolves when all are up. A worker that fails to start is left for the
   * first page to start again (and report).
   */
  async warm(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        if (this.closed || slot.worker) return;
        await this.workerFor(slot).catch(() => {});
      }),
    );
  }

  /** Pages waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('OCR pool is closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const w = slot.worker ?? (slot.starting ? await slot.starting.catch(() => null) : null);
        slot.worker = null;
        if (w) await w.terminate().catch(() => {});
      }),
    );
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const job = this.queue.shift()!;
      slot.busy = true;
      void this.run(slot, job).finally(() => {
        slot.busy = false;
        if (!this.closed) this.pump();
      });
    }
  }

  private async workerFor(slot: Slot): Promise<Tesseract.Worker> {
    let retiring: Tesseract.Worker | null = null;
    if (slot.worker && slot.pages >= slot.budget) {
      retiring = slot.worker;
      slot.worker = null;
      slot.budget = this.recycleAfter;
      // While another worker of the pool lives, it keeps tesseract's compiled code in this process
      // (see below): the replaced worker is stopped first, so that its memory is returned before
      // its successor's is taken (two workers' memory at once was the pool's peak).
      if (this.slots.some((s) => s !== slot && s.worker)) {
        await retiring.terminate().catch(() => {});
        retiring = null;
      }
    }
    if (slot.worker) return slot.worker;
    slot.starting ??= Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, {
      langPath: vieLangPath(),
      cacheMethod: 'none',
      gzip: true,
    });
    try {
      const worker = await slot.starting;
      await worker.setParameters({
        tessedit_pageseg_mode: Tesseract.PSM.AUTO,
        preserve_interword_spaces: '0',
        // tesseract's own chatter ("Estimating resolution as …") goes nowhere.
        debug_file: '/dev/null',
      });
      slot.worker = worker;
      slot.pages = 0;
      return worker;
    } finally {
      slot.starting = null;
      // A replaced worker is stopped only once its successor is up: while both live, V8 gives the
      // successor the machine code tesseract's wasm was compiled (and optimised) to in this
      // process, instead of compiling it again. Measured on a 300 dpi bench page: the new
      // worker's start 0.76 → 0.38 CPU-s, its first page 3.3 → 1.8 CPU-s and 0.9 s sooner.
      if (retiring) await retiring.terminate().catch(() => {});
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const worker = await this.workerFor(slot);
      await worker.setParameters({ user_defined_dpi: String(Math.round(job.dpi)), tessedit_pageseg_mode: job.psm });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`OCR timed out after ${this.pageTimeoutMs / 1000} s`)), this.pageTimeoutMs);
      });
      const result = await Promise.race([
        worker.recognize(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength), {}, { blocks: true, text: false }),
        timeout,
      ]);
      slot.pages++;
      job.resolve(toLines(result.data));
    } catch (error) {
      // The worker may be wedged or dead: replace it.
      const w = slot.worker;
      slot.worker = null;
      if (w) void w.terminate().catch(() => {});
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Letters of Vietnamese writing (NFC): the Latin alphabet, đ, and the vowels with their marks. */
const VIETNAMESE_LETTER =
  /[a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]/u;

/** A letter that Vietnamese writing never uses (ñ, ç, ü, Ÿ…): on a Vietnamese page, a misread speck. */
const isForeignLetter = (ch: string) => /\p{L}/u.test(ch) && !VIETNAMESE_LETTER.test(ch);

/**
 * Specks, rule and seal remnants come out as lone marks ('|', '.', ':', '‘') or as a mark glued
 * to the front of a word ('.1', "'Trần"): tesseract attaches real punctuation to the end of the
 * word it follows, so a word made only of such marks, or such a mark leading a word, is noise.
 * So is, in a word read with low confidence, a letter that Vietnamese never uses standing alone
 * or leading the word (`đất ñ`, `ŸY tế`). Dashes and plus signs stay: they open list items.
 */
export function cleanWord(text: string, confidence: number): string {
  if (/^[.,'`‘’"“”:;|!^~_]+$/u.test(text)) return '';
  if (!/[\p{L}\p{N}]/u.test(text) && confidence < 0.6 && !/^[-–+•*]$/u.test(text)) return '';
  let out = text.replace(/^[.,'`‘’]+(?=[\p{L}\p{N}])/u, '');
  if (confidence < 0.6) {
    const chars = [...out];
    if (chars.length === 1 && isForeignLetter(chars[0])) return '';
    if (chars.length > 1 && isForeignLetter(chars[0]) && /[\p{L}\p{N}]/u.test(chars[1])) out = chars.slice(1).join('');
  }
  return out;
}

/** tesseract's blocks → paragraphs → lines → words, flattened to lines of positioned words. */
function toLines(page: Tesseract.Page): OcrPageResult {
  const lines: RawLine[] = [];
  let sum = 0;
  let count = 0;
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const l of para.lines) {
        const words: RawWord[] = [];
        for (const w of l.words) {
          const confidence = Math.max(0, Math.min(1, w.confidence / 100));
          const text = cleanWord(w.text.normalize('NFC').trim(), confidence);
          if (!text) continue;
          words.push({
            text,
            confidence,
            bbox: { ...w.bbox },
            symbols: w.symbols.map((s) => ({ text: s.text.normalize('NFC'), bbox: { ...s.bbox } })),
          });
          sum += confidence;
          count++;
        }
        if (words.length) lines.push({ words });
      }
    }
  }
  return { lines, confidence: count ? sum / count : null };
}
