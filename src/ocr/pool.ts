/**
 * A pool of OCR processes, each a child process running one tesseract.js worker (tesseract's
 * wasm build) reading Vietnamese with the `vie` 4.0.0_best_int model shipped by
 * @tesseract.js-data/vie — read from disk, never fetched, never cached elsewhere
 * (`cacheMethod: 'none'`). See ocr-worker.ts for the process's side.
 *
 * Processes, not worker threads in the host: tesseract's wasm heap only grows, and a worker
 * thread's memory is not all given back when it stops. Replacing worker threads left the host's
 * native heap fragmented: measured over a 300-page scan with 2 workers, the host grew by 60–80 MB
 * whether its workers were replaced every 40, 100 or 200 images or never, and where it stood at
 * page 20 moved by 30 MB from run to run. A process that ends gives all its memory back, so
 * replacing one bounds memory; a wasm crash or an out-of-memory abort ends that process and
 * fails the one page it was reading, never the host.
 *
 * Processes are started lazily (or all at once by `warm()`), replaced after `recycleAfter` images
 * (a page and each of its table mosaics count one each), and replaced when a page crashes them or
 * runs past the page timeout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import Tesseract from 'tesseract.js';
import type { RawLine } from '../layout/types.ts';
import { lastLine } from '../pdf/index.ts';
import type { OcrReply, OcrRequest } from './ocr-worker.ts';

export { vieLangPath } from './model.ts';
export { cleanWord } from './words.ts';

/**
 * V8 flags of an OCR process. `--no-wasm-dynamic-tiering`: tesseract's wasm compiled by V8's
 * optimising compiler (TurboFan) for every function at once, in the background as the process
 * starts, instead of V8's default "dynamic tiering" (a baseline compile first, then each function
 * compiled again once it has run enough). Over a 22-page scan that re-compiling never stopped:
 * 0.03–0.04 CPU-s per page on threads beside the OCR, CPU that a second OCR worker needs.
 * The words read are the same (same text, boxes and confidences on every sample scan).
 */
export const OCR_PROCESS_FLAGS = ['--no-wasm-dynamic-tiering'];

/** Images an OCR process reads before it is replaced. */
export const DEFAULT_RECYCLE_AFTER = 100;

/** How long a new OCR process may take to load the model before it counts as failed. */
const STARTUP_LIMIT_MS = 120_000;

export interface OcrPoolOptions {
  /** Number of OCR processes; default os.availableParallelism(). */
  size?: number;
  /** Images (pages, table mosaics) a process reads before it is replaced; default 100. */
  recycleAfter?: number;
  /** A page taking longer than this fails and its worker is replaced; default 180 s. */
  pageTimeoutMs?: number;
}

export interface OcrPageResult {
  lines: RawLine[];
  /** Mean word confidence 0..1 (null when no word was read). */
  confidence: number | null;
}

/** One OCR process: one image at a time; ends when stopped, on a crash, or with its host. */
class OcrProcess {
  private current: { id: number; resolve: (r: OcrPageResult) => void; reject: (e: Error) => void } | null = null;
  private seq = 0;
  private stderrTail = '';
  private exited = false;
  private readonly exit: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
    });
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = true;
        const detail = lastLine(this.stderrTail);
        this.current?.reject(new Error(`the OCR process crashed (${signal ?? `exit code ${code}`})${detail ? `: ${detail}` : ''}`));
        this.current = null;
        resolve();
      });
    });
    child.on('message', (reply: OcrReply) => {
      const cur = this.current;
      if (!cur || (reply.type !== 'result' && reply.type !== 'error') || reply.id !== cur.id) return;
      this.current = null;
      this.idle();
      if (reply.type === 'result') cur.resolve(reply.result);
      else cur.reject(new Error(reply.reason));
    });
    child.on('error', () => {}); // reported through 'exit'
  }

  /** Starts a process and resolves once its model is loaded. */
  static start(): Promise<OcrProcess> {
    const child = fork(new URL('./ocr-process.mjs', import.meta.url), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: OCR_PROCESS_FLAGS,
    });
    const proc = new OcrProcess(child);
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(`the OCR process did not start within ${STARTUP_LIMIT_MS / 1000} s`), STARTUP_LIMIT_MS);
      const onMessage = (reply: OcrReply) => {
        if (reply.type === 'ready' && !settled) {
          settled = true;
          clearTimeout(timer);
          child.off('message', onMessage);
          proc.idle();
          resolve(proc);
        } else if (reply.type === 'start-failed') {
          child.off('message', onMessage);
          fail(reply.reason);
        }
      };
      child.on('message', onMessage);
      void proc.exit.then(() => {
        const detail = lastLine(proc.stderrTail);
        fail(`the OCR process ended while starting${detail ? `: ${detail}` : ''}`);
      });
    });
  }

  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }

  recognize(image: Uint8Array, dpi: number, psm: Tesseract.PSM): Promise<OcrPageResult> {
    if (this.exited) return Promise.reject(new Error('the OCR process has ended'));
    if (this.current) return Promise.reject(new Error('the OCR process is busy'));
    const id = ++this.seq;
    const req: OcrRequest = { type: 'recognize', id, image, dpi, psm };
    return new Promise((resolve, reject) => {
      this.current = { id, resolve, reject };
      this.busy();
      this.child.send(req, (error) => {
        if (error && this.current?.id === id) {
          this.current = null;
          reject(new Error(`the OCR process could not be reached: ${error.message}`));
        }
      });
    });
  }

  /** Stops the process (at once: nothing it holds needs saving) and waits for its end. */
  async stop(): Promise<void> {
    if (!this.exited) {
      this.busy(); // its end is waited for
      this.child.kill('SIGKILL');
    }
    await this.exit;
  }

  // An idle process does not keep the host alive; one reading an image does.
  private busy(): void {
    this.child.ref();
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
    (this.child.stderr as { ref?: () => void } | null)?.ref?.();
  }

  private idle(): void {
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }
}

interface Slot {
  worker: OcrProcess | null;
  starting: Promise<OcrProcess> | null;
  pages: number;
  /** Images the current process reads before it is replaced. */
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
    this.size = Math.max(1, opts.size ?? availableParallelism());
    this.recycleAfter = Math.max(1, opts.recycleAfter ?? DEFAULT_RECYCLE_AFTER);
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 180_000;
    // The first processes are replaced at staggered times (process i after recycleAfter·(1 + i/size)
    // images), and so are their successors: processes sharing the pages evenly would otherwise
    // all be replaced at once, every slot starting cold at the same time.
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
   * Starts every process not started yet (model loaded, wasm compiled), so that the first pages
   * do not wait for them; resolves when all are up. A process that fails to start is left for the
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

  /** Process ids of the running OCR processes (for memory and CPU accounting). */
  get pids(): number[] {
    return this.slots.flatMap((s) => (s.worker?.pid ? [s.worker.pid] : []));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('OCR pool is closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const w = slot.worker ?? (slot.starting ? await slot.starting.catch(() => null) : null);
        slot.worker = null;
        if (w) await w.stop();
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

  private async workerFor(slot: Slot): Promise<OcrProcess> {
    if (slot.worker && slot.pages >= slot.budget) {
      // The replaced process ends first, so that its memory is back before its successor's is
      // taken.
      const retiring = slot.worker;
      slot.worker = null;
      slot.budget = this.recycleAfter;
      await retiring.stop();
    }
    if (slot.worker) return slot.worker;
    slot.starting ??= OcrProcess.start();
    try {
      const worker = await slot.starting;
      if (this.closed) {
        await worker.stop();
        throw new Error('OCR pool is closed');
      }
      slot.worker = worker;
      slot.pages = 0;
      return worker;
    } finally {
      slot.starting = null;
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const worker = await this.workerFor(slot);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`OCR timed out after ${this.pageTimeoutMs / 1000} s`)), this.pageTimeoutMs);
      });
      const result = await Promise.race([worker.recognize(job.image, job.dpi, job.psm), timeout]);
      slot.pages++;
      job.resolve(result);
    } catch (error) {
      // The process may be wedged or dead: replace it.
      const w = slot.worker;
      slot.worker = null;
      if (w) void w.stop();
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
    }
  }
}
