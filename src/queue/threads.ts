/**
 * Stage threads: restore, extract and export are CPU-bound for seconds on a long document, and
 * so is copying the pages out of a long PDF, so a worker runs them in worker threads. Its event
 * loop stays free to renew job locks (a blocked loop would look like a dead worker and the job
 * would run twice) and to answer Redis.
 *
 * A thread that dies (out of memory, crash) fails the task it held and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { runDocument, warmDocumentStages, PermanentError, type DocumentOutcome, type DocumentTask } from './run-document.ts';
import { splitPdf } from './pages.ts';

export type StageTask =
  | ({ kind: 'document' } & DocumentTask)
  | { kind: 'split'; absPath: string; fileName: string; outDir: string }
  | { kind: 'warm'; overlayPath?: string };

type Outcome<T extends StageTask> = T extends { kind: 'document' } ? DocumentOutcome : T extends { kind: 'warm' } ? void : string[] | null;

/** What a stage thread does with a task (also run inline when the pool has no threads). */
export async function runStageTask(task: StageTask): Promise<unknown> {
  if (task.kind === 'split') return splitPdf(task.absPath, task.fileName, task.outDir);
  if (task.kind === 'warm') return warmDocumentStages(task.overlayPath);
  const { kind: _kind, ...documentTask } = task;
  return runDocument(documentTask);
}

interface Pending {
  id: number;
  task: StageTask;
  resolve: (o: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  current: Pending | null;
}

type Reply = { id: number; ok: true; outcome: unknown } | { id: number; ok: false; message: string; permanent: boolean };

export class StageThreads {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** `size` 0 runs tasks on the calling thread (for debugging and small tools). */
  constructor(readonly size: number) {
    this.slots = Array.from({ length: size }, () => ({ worker: null, current: null }));
  }

  run<T extends StageTask>(task: T): Promise<Outcome<T>> {
    if (this.closed) return Promise.reject(new Error('stage threads are closed'));
    if (this.size === 0) return runStageTask(task) as Promise<Outcome<T>>;
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve: resolve as (o: unknown) => void, reject });
      this.pump();
    });
  }

  /**
   * Starts every thread and readies it for documents (see warmDocumentStages), each thread its
   * own copy; resolves when all are ready. Tasks posted meanwhile wait their turn as usual.
   */
  async warm(overlayPath?: string): Promise<void> {
    if (this.size === 0) return;
    await Promise.all(this.slots.map(() => this.run({ kind: 'warm', overlayPath })));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.current) continue;
      const job = this.queue.shift()!;
      slot.current = job;
      this.start(slot).postMessage({ id: job.id, task: job.task });
    }
  }

  private start(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = new Worker(new URL('./thread-entry.mjs', import.meta.url), {
      workerData: { entry: new URL('./stage-thread.ts', import.meta.url).href },
    });
    slot.worker = worker;
    worker.on('message', (reply: Reply) => {
      const job = slot.current;
      if (!job || job.id !== reply.id) return;
      slot.current = null;
      if (reply.ok) job.resolve(reply.outcome);
      else job.reject(reply.permanent ? new PermanentError(reply.message) : new Error(reply.message));
      this.pump();
    });
    const die = (reason: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.current;
      slot.current = null;
      job?.reject(new Error(`stage thread stopped: ${reason}`));
      if (!this.closed) this.pump();
    };
    worker.on('error', (e: Error) => die(e.message));
    worker.on('exit', (code) => die(`exited with code ${code}`));
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('stage threads are closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const w = slot.worker;
        slot.worker = null;
        if (w) await w.terminate();
      }),
    );
  }
}
