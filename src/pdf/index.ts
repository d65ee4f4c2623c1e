/**
 * src/pdf — loading: opens a PDF or page image and hands out its pages, each either as
 * text-layer words (born-digital) or as a cleaned image for OCR with its ruled tables.
 *
 *   in:  file bytes (PDF, PNG, JPEG, TIFF)
 *   out: SourcePage per page (see page-source.ts)
 *
 * The work happens in one shared worker thread (page-worker.ts), started on first use and kept
 * for later files; it does not keep the process alive while idle.
 */
import { Worker } from 'node:worker_threads';
import { sniffKind, type FileKind, type SourceOptions, type SourcePage } from './page-source.ts';

export { sniffKind, type FileKind, type SourcePage, type ScannedPage, type TextPage } from './page-source.ts';
export { openPdf } from './pdfjs.ts';

type Reply = { key: string } & (
  | { type: 'opened'; total: number }
  | { type: 'page'; result: SourcePage }
  | { type: 'closed' }
  | { type: 'error'; reason: string }
);

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The shared page worker. A crash fails what was asked of it; the next request starts anew. */
class PageWorkerHost {
  private worker: Worker | null = null;
  /** Bumped on every (re)start: readers opened in an older generation open again. */
  generation = 0;
  private waiting = new Map<string, Waiter>();

  request<T>(msg: { type: string; id: number; page?: number } & Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.ensure();
    const key = `${msg.id}:${msg.type}:${msg.page ?? ''}`;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(key, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...msg, key }, transfer);
    });
  }

  /** Starts the worker if none runs; returns the current generation. */
  ready(): number {
    this.ensure();
    return this.generation;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { entry: new URL('./page-worker.ts', import.meta.url).href },
    });
    this.worker = worker;
    this.generation++;
    worker.on('message', (msg: Reply) => {
      const w = this.waiting.get(msg.key);
      this.waiting.delete(msg.key);
      if (this.waiting.size === 0) worker.unref();
      if (!w) return;
      if (msg.type === 'error') w.reject(new Error(msg.reason));
      else if (msg.type === 'opened') w.resolve(msg.total);
      else if (msg.type === 'page') w.resolve(msg.result);
      else w.resolve(undefined);
    });
    const die = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(new Error(`page worker stopped: ${reason}`));
      this.waiting.clear();
    };
    worker.on('error', (e: Error) => die(e.message));
    worker.on('exit', (code) => die(`exited with code ${code}`));
    worker.unref();
    return worker;
  }
}

const host = new PageWorkerHost();
let nextId = 1;

/** A file's pages, read in the shared page worker. */
export class PageReader {
  private readonly id = nextId++;
  private generation = 0;
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly kind: FileKind,
    private readonly name: string,
    private readonly options: SourceOptions,
    public total: number,
  ) {}

  /** Opens `bytes` (named `name` in errors). Throws when the file cannot be opened at all. */
  static async open(bytes: Uint8Array, name: string, options: SourceOptions): Promise<PageReader> {
    const kind = sniffKind(bytes);
    if (!kind) throw new Error(`${name}: cannot open: not a PDF, PNG, JPEG or TIFF file`);
    const reader = new PageReader(bytes, kind, name, options, 0);
    reader.total = await reader.openInWorker();
    return reader;
  }

  private async openInWorker(): Promise<number> {
    const copy = this.bytes.slice();
    try {
      const total = await host.request<number>(
        { type: 'open', id: this.id, bytes: copy, kind: this.kind, name: this.name, options: this.options },
        [copy.buffer as ArrayBuffer],
      );
      this.generation = host.generation;
      return total;
    } catch (error) {
      const reason = (error as Error).message;
      throw new Error(reason.startsWith(`${this.name}:`) ? reason : `${this.name}: cannot open: ${reason}`);
    }
  }

  /** Page `n` (1-based). */
  async page(n: number): Promise<SourcePage> {
    // After a worker crash the file is opened again in the new worker.
    if (this.generation !== host.ready()) await this.openInWorker();
    return host.request<SourcePage>({ type: 'page', id: this.id, page: n });
  }

  async close(): Promise<void> {
    if (this.generation !== host.generation) return;
    await host.request({ type: 'close', id: this.id }).catch(() => {});
  }
}
