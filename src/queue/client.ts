/**
 * The producer side: what the API server and `sohoa ingest --queue` call. Stores nothing but
 * small records in Redis; file bytes go to the storage folder first (see storage.ts).
 *
 * A run's job id is `<sha256>-v<pipeline version>`: submitting the same bytes again finds the
 * same run (one job, one result). `force` starts a new run on purpose, `<…>-r<n>`.
 */
import { extname } from 'node:path';
import { Queue, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { pipelineFor } from '../../pipelines/index.ts';
import { PIPELINE_VERSION } from '../../pipelines/common.ts';
import { QUEUE_NAMES, redisOptions, type QueueSettings } from './config.ts';
import { DocumentJobData, DocumentJobResult, DocumentProgress, PageJobResult, RunOptions } from './payloads.ts';
import { Registry, type BatchRecord, type DocumentRecord } from './registry.ts';
import { Storage, type StoredFile } from './storage.ts';

/** A submission refused for what the user sent (unsupported type…): not worth retrying. */
export class InputError extends Error {}

export interface Submission {
  id: string;
  runId: string;
  fileName: string;
  /** The same file (same pipeline version) was already submitted: no new job was made. */
  duplicate: boolean;
}

export type DocumentState = 'queued' | 'running' | 'retrying' | 'completed' | 'failed';

export interface PageStatus {
  page: number;
  state: 'pending' | 'running' | 'done' | 'failed';
  error?: string;
}

export interface DocumentStatus {
  id: string;
  fileName: string;
  size: number;
  pipeline: string;
  runId: string | null;
  runs: number;
  options: Record<string, unknown>;
  state: DocumentState;
  step: DocumentProgress['step'] | null;
  createdAt: number;
  finishedAt: number | null;
  attempts: number;
  pageCount: number | null;
  pagesDone: number;
  /** Per page, when asked for (`pages: true`). */
  pages?: PageStatus[];
  /** Whole-file failure reason. */
  error: string | null;
  /** Pages that could not be read (the document was still assembled without them). */
  failures: { page: number | null; reason: string }[];
  /** Result files of the current run (document.json, document.xlsx, …), once it is done. */
  results: string[];
}

export const EXTENSIONS_ACCEPTED = '.pdf, .png, .jpg, .jpeg, .tif, .tiff or .txt';

export class QueueClient {
  readonly storage: Storage;
  readonly redis: Redis;
  readonly registry: Registry;
  readonly documents: Queue;
  readonly pages: Queue;

  constructor(readonly settings: QueueSettings) {
    const connection = redisOptions(settings.redisUrl);
    this.storage = new Storage(settings.storageDir);
    this.redis = new Redis(connection);
    this.redis.on('error', () => {}); // reconnects by itself; callers see failed commands
    this.registry = new Registry(this.redis, settings.prefix);
    this.documents = new Queue(QUEUE_NAMES.documents, { connection, prefix: settings.prefix });
    this.pages = new Queue(QUEUE_NAMES.pages, { connection, prefix: settings.prefix });
    this.documents.on('error', () => {});
    this.pages.on('error', () => {});
  }

  jobOptions(): JobsOptions {
    return {
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: this.settings.keepCompleted,
      removeOnFail: this.settings.keepFailed,
    };
  }

  /**
   * Enqueues a stored file. Without `force`, a file already submitted under the current pipeline
   * version returns its existing run (`duplicate: true`); with it, a new run starts.
   */
  async submit(file: StoredFile, req: { force?: boolean; options?: RunOptions } = {}): Promise<Submission> {
    const pipeline = pipelineFor(file.fileName);
    if (!pipeline) throw new InputError(`${file.fileName}: unsupported file type "${extname(file.fileName) || '(none)'}": expected ${EXTENSIONS_ACCEPTED}`);
    const options = RunOptions.parse(req.options ?? {});
    const record = await this.registry.register({ documentId: file.sha256, fileName: file.fileName, storedPath: file.storedPath, size: file.size, pipeline: pipeline.name });
    const base = `${file.sha256}-v${PIPELINE_VERSION}`;
    let runId: string;
    let duplicate = false;
    if (req.force) {
      runId = `${base}-r${await this.registry.nextRun(file.sha256)}`;
    } else if (record.runId?.startsWith(base)) {
      runId = record.runId;
      duplicate = true;
    } else {
      runId = base;
    }
    if (!duplicate) await this.registry.startRun(file.sha256, runId, options);
    const finished = duplicate && (record.state === 'completed' || record.state === 'failed');
    // Adding is idempotent by job id; it also re-creates a job lost before it finished.
    if (!finished) {
      const data: DocumentJobData = {
        documentId: file.sha256,
        runId,
        fileName: record.fileName,
        storedPath: record.storedPath,
        pipeline: pipeline.name,
        options: duplicate ? (record.options as RunOptions) : options,
        step: 'plan',
        submittedAt: Date.now(),
      };
      await this.documents.add('document', DocumentJobData.parse(data), { ...this.jobOptions(), jobId: runId });
    }
    return { id: file.sha256, runId, fileName: record.fileName, duplicate };
  }

  /** Starts a new run of a submitted document, optionally with other options. */
  async reprocess(id: string, options?: RunOptions): Promise<Submission | null> {
    const record = await this.registry.get(id);
    if (!record) return null;
    const file = await this.storage.findOriginal(id);
    if (!file) throw new Error(`${record.fileName}: the original is missing from storage`);
    return this.submit({ ...file, fileName: record.fileName, storedPath: record.storedPath }, { force: true, options: options ?? (record.options as RunOptions) });
  }

  async status(id: string, opts: { pages?: boolean } = {}): Promise<DocumentStatus | null> {
    const record = await this.registry.get(id);
    if (!record) return null;
    return this.statusOf(record, opts);
  }

  private async statusOf(record: DocumentRecord, opts: { pages?: boolean }): Promise<DocumentStatus> {
    const status: DocumentStatus = {
      id: record.documentId,
      fileName: record.fileName,
      size: record.size,
      pipeline: record.pipeline,
      runId: record.runId,
      runs: record.runs,
      options: record.options,
      state: record.state,
      step: null,
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
      attempts: 0,
      pageCount: record.pageCount,
      pagesDone: 0,
      error: record.error,
      failures: [],
      results: [],
    };
    const job = record.runId ? await this.documents.getJob(record.runId) : undefined;
    if (job) await this.fromJob(status, job, opts);
    if (status.state === 'completed' || (!job && record.runId)) {
      status.results = record.runId ? await this.storage.resultFiles(record.runId) : [];
      if (!job && status.results.length) status.state = 'completed';
    }
    if (status.state === 'completed') {
      status.step = 'done';
      status.pagesDone = status.pageCount ?? 0;
      if (opts.pages && status.pageCount !== null) {
        const failed = new Map(status.failures.map((f) => [f.page, f.reason]));
        status.pages = Array.from({ length: status.pageCount }, (_, i) =>
          failed.has(i + 1) ? { page: i + 1, state: 'failed' as const, error: failed.get(i + 1) } : { page: i + 1, state: 'done' as const },
        );
      }
    }
    return status;
  }

  private async fromJob(status: DocumentStatus, job: Job, opts: { pages?: boolean }): Promise<void> {
    const state = await job.getState();
    const data = DocumentJobData.safeParse(job.data);
    status.attempts = job.attemptsMade;
    const progress = DocumentProgress.safeParse(job.progress);
    if (progress.success) {
      status.step = progress.data.step;
      status.pageCount = progress.data.pagesTotal ?? status.pageCount;
      status.pagesDone = progress.data.pagesDone;
    }
    if (data.success && data.data.pageCount !== undefined) status.pageCount = data.data.pageCount;
    if (state === 'completed') {
      status.state = 'completed';
      const result = DocumentJobResult.safeParse(job.returnvalue);
      if (result.success) {
        status.pageCount = result.data.pageCount;
        status.failures = result.data.failures;
      }
      status.finishedAt = job.finishedOn ?? status.finishedAt;
      return;
    }
    if (state === 'failed') {
      status.state = 'failed';
      // The job was read before its state: it may have failed in between, its reason not yet in
      // the copy read (and the registry's record is written after the failure event).
      const reason = job.failedReason || (await this.documents.getJob(job.id!))?.failedReason;
      status.error = reason || status.error;
      status.finishedAt = job.finishedOn ?? status.finishedAt;
      return;
    }
    status.state = state === 'active' || state === 'waiting-children' ? 'running' : job.attemptsMade > 0 && state === 'delayed' ? 'retrying' : 'queued';
    if (status.state === 'retrying') status.error = job.failedReason || null;
    if (state === 'waiting-children' || (state === 'active' && status.step === 'assemble')) {
      const pages = await this.pageStates(job, data.success ? (data.data.parts ?? []) : [], opts.pages === true);
      status.pagesDone = pages.filter((p) => p.state === 'done' || p.state === 'failed').length || status.pagesDone;
      if (opts.pages) status.pages = pages;
    }
  }

  /** Per-page state of a document job waiting for its page jobs. */
  private async pageStates(job: Job, parts: { from: number; to: number }[], detail: boolean): Promise<PageStatus[]> {
    const deps = await job.getDependencies();
    const byFrom = new Map<number, PageStatus['state']>();
    const errors = new Map<number, string>();
    const fromOf = (key: string) => Number(/-p(\d+)$/.exec(key)?.[1] ?? NaN);
    for (const [key, value] of Object.entries(deps.processed ?? {})) {
      const parsed = PageJobResult.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
      byFrom.set(fromOf(key), 'done');
      if (parsed.success) for (const f of parsed.data.failures) if (f.page !== null) errors.set(f.page, f.reason);
    }
    for (const [key, reason] of Object.entries(deps.ignored ?? {})) {
      const from = fromOf(key);
      byFrom.set(from, 'failed');
      errors.set(from, String(reason));
    }
    const unprocessed = deps.unprocessed ?? [];
    if (detail && unprocessed.length <= 64) {
      await Promise.all(
        unprocessed.map(async (key) => {
          const childId = key.slice(key.lastIndexOf(':') + 1);
          const st = await this.pages.getJobState(childId);
          byFrom.set(fromOf(key), st === 'active' ? 'running' : 'pending');
        }),
      );
    }
    const out: PageStatus[] = [];
    for (const part of parts) {
      const state = byFrom.get(part.from) ?? 'pending';
      for (let page = part.from; page <= part.to; page++) {
        const error = errors.get(page) ?? (state === 'failed' ? errors.get(part.from) : undefined);
        out.push(error ? { page, state: 'failed', error } : { page, state });
      }
    }
    return out;
  }

  /** Documents, newest first; with `state`, only those in that state. */
  async list(query: { state?: DocumentState; offset?: number; limit?: number } = {}): Promise<{ total: number; items: DocumentStatus[] }> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    const offset = Math.max(query.offset ?? 0, 0);
    if (!query.state) {
      const ids = await this.registry.ids(offset, limit);
      const items = (await Promise.all(ids.map((id) => this.status(id)))).filter((s): s is DocumentStatus => s !== null);
      return { total: await this.registry.count(), items };
    }
    // Filtering needs each document's state: walk the list in chunks.
    const matched: DocumentStatus[] = [];
    const total = await this.registry.count();
    let seen = 0;
    for (let at = 0; at < total; at += 200) {
      const ids = await this.registry.ids(at, 200);
      for (const s of await Promise.all(ids.map((id) => this.status(id)))) {
        if (s?.state !== query.state) continue;
        if (seen++ >= offset && matched.length < limit) matched.push(s);
      }
    }
    return { total: seen, items: matched };
  }

  async createBatch(source: string, documents: Submission[], rejected: { fileName: string; reason: string }[]): Promise<BatchRecord> {
    const { randomUUID } = await import('node:crypto');
    const batch: BatchRecord = {
      id: randomUUID(),
      createdAt: Date.now(),
      source,
      documents: documents.map((d) => ({ id: d.id, fileName: d.fileName, runId: d.runId, duplicate: d.duplicate })),
      rejected,
    };
    await this.registry.saveBatch(batch);
    return batch;
  }

  async batchStatus(id: string) {
    const batch = await this.registry.getBatch(id);
    if (!batch) return null;
    const documents = await Promise.all(batch.documents.map(async (d) => ({ ...d, status: await this.status(d.id) })));
    const counts: Record<DocumentState, number> = { queued: 0, running: 0, retrying: 0, completed: 0, failed: 0 };
    for (const d of documents) if (d.status) counts[d.status.state]++;
    const done = counts.completed + counts.failed === documents.length;
    return { ...batch, counts, done, documents };
  }

  /** Is Redis answering? */
  async ping(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return (await Promise.race([this.redis.ping(), new Promise<string>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))])) === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.documents.close(), this.pages.close()]);
    this.redis.disconnect();
  }
}
