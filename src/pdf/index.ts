/**
 * src/pdf — loading: opens a PDF or page image and hands out its pages, each either as
 * text-layer words (born-digital) or as a cleaned image for OCR with its ruled tables.
 *
 *   in:  file bytes (PDF, PNG, JPEG, TIFF)
 *   out: SourcePage per page (see page-source.ts)
 *
 * The work happens in one shared child process (page-worker.ts), started on first use and kept
 * for later files; it does not keep the host alive while idle. pdfjs, the canvas it draws on and
 * the image decoders run native code that a bad file can crash: in a child process such a crash
 * fails the page being read (reported with its reason), the process is started again, the files
 * still being read are opened again in it, and the host and the other pages carry on. A page
 * that takes too long is stopped the same way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { sniffKind, type FileKind, type SourceOptions, type SourcePage } from './pages.ts';

export { sniffKind, type FileKind, type SourcePage, type ScannedPage, type TextPage } from './pages.ts';

/** How long a new page process may take to load before its first request's clock starts anyway. */
const STARTUP_LIMIT_MS = 60_000;

type Reply = { type: 'ready'; key?: undefined } | ({ key: string } & (
  | { type: 'opened'; total: number }
  | { type: 'page'; result: SourcePage }
  | { type: 'closed' }
  | { type: 'error'; reason: string }
));

interface FileSpec {
  bytes: Uint8Array;
  kind: FileKind;
  name: string;
  options: SourceOptions;
}

interface Job {
  msg: { type: 'open' | 'page' | 'close'; id: number; page?: number };
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Default time one page (or opening one file) may take in the page process. */
export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;

/** The shared page process: one request at a time, restarted after a crash or a timeout. */
class PageProcessHost {
  private child: ChildProcess | null = null;
  /** Files open in the current process. */
  private readonly opened = new Set<number>();
  /** Files being read (kept to open them again in a new process). */
  private readonly files = new Map<number, FileSpec>();
  private readonly queue: Job[] = [];
  private current: { job: Job; key: string; timer: NodeJS.Timeout; timedOut: boolean } | null = null;
  /** The current process has loaded and listens (its first message). */
  private childReady = false;
  private stderrTail = '';
  private seq = 0;

  register(id: number, spec: FileSpec): void {
    this.files.set(id, spec);
  }

  forget(id: number): void {
    this.files.delete(id);
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts the process now if none runs (it still does not keep the host alive while idle). */
  warm(): void {
    this.ensure();
    this.updateRef();
  }

  request<T>(msg: Job['msg'], timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ msg, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (!this.current && this.queue.length) {
      const job = this.queue[0];
      const { id, type } = job.msg;
      if (type === 'close' && !this.opened.has(id)) {
        this.queue.shift();
        job.resolve(undefined);
        continue;
      }
      if (type === 'page' && !this.opened.has(id)) {
        // Opened in an earlier process (or never): open it in this one first.
        if (!this.files.has(id)) {
          this.queue.shift();
          job.reject(new Error('file is not open'));
          continue;
        }
        this.queue.unshift({
          msg: { type: 'open', id },
          timeoutMs: job.timeoutMs,
          resolve: () => {},
          reject: (error) => {
            const i = this.queue.indexOf(job);
            if (i >= 0) this.queue.splice(i, 1);
            job.reject(error);
          },
        });
        continue;
      }
      this.queue.shift();
      this.send(job);
    }
    this.updateRef();
  }

  private send(job: Job): void {
    const child = this.ensure();
    const key = String(++this.seq);
    const { id, type, page } = job.msg;
    let msg: Record<string, unknown> = { key, type, id };
    if (type === 'open') {
      const spec = this.files.get(id);
      if (!spec) {
        job.reject(new Error('file is not open'));
        return;
      }
      msg = { ...msg, bytes: spec.bytes, kind: spec.kind, name: spec.name, options: spec.options };
    } else if (type === 'page') {
      msg = { ...msg, page, fault: process.env.SOHOA_PAGE_FAULT };
    }
    // A process still starting up gets the request's clock started when it says it is ready (and
    // a generous ceiling meanwhile, should it never get there).
    const timer = this.clock(child, key, this.childReady ? job.timeoutMs : job.timeoutMs + STARTUP_LIMIT_MS);
    this.current = { job, key, timer, timedOut: false };
    child.send(msg, (error) => {
      if (error && this.current?.key === key) this.fail(`cannot reach the page process (${error.message})`);
    });
  }

  /** Stops the process when the request `key` is still in progress after `ms`. */
  private clock(child: ChildProcess, key: string, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      if (this.current?.key !== key) return;
      this.current.timedOut = true;
      child.kill('SIGKILL');
    }, ms);
  }

  private onReply(child: ChildProcess, reply: Reply): void {
    if (reply.type === 'ready') {
      if (child !== this.child) return;
      this.childReady = true;
      if (this.current) {
        clearTimeout(this.current.timer);
        this.current.timer = this.clock(child, this.current.key, this.current.job.timeoutMs);
      }
      return;
    }
    const cur = this.current;
    if (child !== this.child || !cur || reply.key !== cur.key) return;
    clearTimeout(cur.timer);
    this.current = null;
    const { job } = cur;
    if (reply.type === 'error') job.reject(new Error(reply.reason));
    else if (reply.type === 'opened') {
      this.opened.add(job.msg.id);
      job.resolve(reply.total);
    } else if (reply.type === 'page') job.resolve(reply.result);
    else {
      this.opened.delete(job.msg.id);
      job.resolve(undefined);
    }
    this.pump();
  }

  /** Fails the request in progress with `reason`, and stops the process (a new one starts for the next). */
  private fail(reason: string): void {
    const cur = this.current;
    const child = this.child;
    this.current = null;
    this.child = null;
    this.opened.clear();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (cur) {
      clearTimeout(cur.timer);
      cur.job.reject(new Error(reason));
    }
    this.pump();
  }

  private ensure(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(new URL('./page-process.mjs', import.meta.url), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Garbage collection on this process's own thread: the parallel and concurrent helpers of
      // the default spend more CPU in all (measured: 0.23 → 0.20 CPU-s per bench page, pages no
      // slower), CPU that the OCR workers beside this process need.
      execArgv: ['--single-threaded-gc'],
      env: { ...process.env, GLIBC_TUNABLES: pageProcessTunables(process.env.GLIBC_TUNABLES) },
    });
    this.child = child;
    this.childReady = false;
    this.stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-2000);
    });
    child.on('message', (reply: Reply) => this.onReply(child, reply));
    child.on('error', (error) => {
      if (this.child === child) this.fail(`the page process failed: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      const timedOut = this.current?.timedOut;
      const seconds = Math.round((this.current?.job.timeoutMs ?? 0) / 1000);
      const what = this.current?.job.msg.type === 'open' ? 'opening the file' : 'reading the page';
      const detail = lastLine(this.stderrTail);
      this.fail(
        timedOut
          ? `${what} timed out after ${seconds} s`
          : `the page process crashed while ${what} (${signal ?? `exit code ${code}`})${detail ? `: ${detail}` : ''}`,
      );
    });
    return child;
  }

  /** The process keeps the host alive only while it has work. */
  private updateRef(): void {
    const child = this.child;
    if (!child) return;
    const busy = this.current !== null || this.queue.length > 0;
    // The IPC channel and the stderr pipe are handles of their own.
    const handles = [child.channel, child.stderr] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
    if (busy) {
      child.ref();
      for (const h of handles) h?.ref?.();
    } else {
      child.unref();
      for (const h of handles) h?.unref?.();
    }
  }
}

/**
 * glibc malloc settings for the page process: every page allocates a few buffers of 1–35 MB (the
 * decoded scan, the OCR file, masks, table crops, the message that carries them to the host).
 * - Backed by transparent huge pages (2 MB, where the kernel allows them on request), mapped
 *   buffers fault in 512 times less often than 4 KB at a time: on the bench scans that was about a
 *   third of the process's CPU time.
 * - A fixed mmap threshold (1 MB): by default glibc raises the threshold to the largest buffer
 *   freed so far, after which buffers of a page's sizes come from the heap, which fragments and
 *   keeps what it took (on a 120-page scan the process grew from 270 to 415 MB by page 40; with
 *   the fixed threshold it stays within 300–325 MB). Every such buffer is mapped and returned.
 * Settings already in GLIBC_TUNABLES are kept and, coming later, win.
 */
function pageProcessTunables(given: string | undefined): string {
  const ours = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=1048576';
  return given ? `${ours}:${given}` : ours;
}

/** The last meaningful line a crashed process wrote (a fatal error's message), shortened. */
export function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(at |-+$|=+$|#|\d+: 0x)/.test(l));
  const l = lines.find((x) => /FATAL ERROR|out of memory|Error|abort/i.test(x)) ?? '';
  return l.length > 200 ? `${l.slice(0, 200)}…` : l;
}

const host = new PageProcessHost();
let nextId = 1;

/** The page process's id while it runs (for resource accounting, e.g. the benchmark's memory). */
export function pageProcessPid(): number | null {
  return host.pid;
}

/**
 * Starts the page process ahead of the first file (a long-running host such as `sohoa worker`):
 * forking it and loading pdfjs, the canvas and the decoders take a second or more of CPU.
 */
export function warmPageProcess(): void {
  host.warm();
}

export interface PageReaderOptions extends SourceOptions {
  /** A page (or opening the file) taking longer than this fails; default 120 s. */
  pageTimeoutMs?: number;
}

/** A file's pages, read in the shared page process. */
export class PageReader {
  private constructor(
    private readonly id: number,
    private readonly timeoutMs: number,
    public readonly total: number,
  ) {}

  /** Opens `bytes` (named `name` in errors). Throws when the file cannot be opened at all. */
  static async open(bytes: Uint8Array, name: string, options: PageReaderOptions): Promise<PageReader> {
    const kind = sniffKind(bytes);
    if (!kind) throw new Error(`${name}: cannot open: not a PDF, PNG, JPEG or TIFF file`);
    const { pageTimeoutMs, ...source } = options;
    const timeoutMs = pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
    const id = nextId++;
    host.register(id, { bytes, kind, name, options: { dpi: source.dpi, maxPixels: source.maxPixels } });
    try {
      const total = await host.request<number>({ type: 'open', id }, timeoutMs);
      return new PageReader(id, timeoutMs, total);
    } catch (error) {
      host.forget(id);
      const reason = (error as Error).message;
      throw new Error(reason.startsWith(`${name}:`) ? reason : `${name}: cannot open: ${reason}`);
    }
  }

  /** Page `n` (1-based). */
  page(n: number): Promise<SourcePage> {
    return host.request<SourcePage>({ type: 'page', id: this.id, page: n }, this.timeoutMs);
  }

  async close(): Promise<void> {
    await host.request({ type: 'close', id: this.id }, 10_000).catch(() => {});
    host.forget(this.id);
  }
}
