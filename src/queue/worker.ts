/**
 * The consumer side (`sohoa worker`): two BullMQ workers in one process.
 *
 *   documents  plan: count pages, fan them out as page jobs (FlowProducer children), wait;
 *              assemble: the pipeline's restore + extract + exports over the pages read
 *              (in a stage thread), results into the storage folder
 *   pages      read pages `from..to` with the OCR stage (tesseract.js pool shared by the process)
 *
 * Scheduling only: the stages are the pipelines' (see run-document.ts and pages.ts). A job that
 * fails for a transient reason is retried with exponential backoff; a file that cannot be read
 * (broken, encrypted, too many pages) fails at once with the reason. A worker killed mid-job
 * loses its lock and another worker takes the job again; results are written atomically, so a
 * second run of the same job rewrites the same files.
 */
import { extname } from 'node:path';
import { FlowProducer, UnrecoverableError, WaitingChildrenError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { pipelineByName } from '../../pipelines/index.ts';
import { SCAN_EXTENSIONS } from '../../pipelines/scanned-plan.ts';
import type { OcrPool } from '../ocr/index.ts';
import { QUEUE_NAMES, redisOptions, type QueueSettings } from './config.ts';
import { DocumentJobData, DocumentJobResult, PageJobData, PageJobResult, type DocumentProgress } from './payloads.ts';
import { countPages, readPageRange } from './pages.ts';
import { Registry } from './registry.ts';
import { StageThreads } from './threads.ts';
import { Storage } from './storage.ts';

export interface WorkerOptions {
  settings: QueueSettings;
  /** Documents assembled at once (each in its own stage thread). */
  concurrency: number;
  /** OCR processes of this worker (one tesseract worker each; the name is older), and page jobs read at once. */
  ocrThreads: number;
  overlayPath?: string;
  /** A name shown in the dashboard and the logs. */
  name?: string;
  /**
   * Ready the heavy parts at start (default true): the stage threads with the language model
   * loaded, the OCR processes with the model loaded, the page process. Otherwise each loads on the
   * first job that needs it, and that job (a user's first upload) waits for it.
   */
  warm?: boolean;
  /** One line per event (JSON); default: none. */
  log?: (event: Record<string, unknown>) => void;
}

export interface RunningWorker {
  /** Stops taking jobs, lets running ones finish, then releases threads and connections. */
  close(): Promise<void>;
}

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const { settings } = opts;
  const log = opts.log ?? (() => {});
  const storage = new Storage(settings.storageDir);
  await storage.sweepTmp();
  const connection = redisOptions(settings.redisUrl);
  const redis = new Redis(connection);
  redis.on('error', () => {});
  const registry = new Registry(redis, settings.prefix);
  const flow = new FlowProducer({ connection, prefix: settings.prefix });
  flow.on('error', () => {});
  const threads = new StageThreads(Math.max(1, opts.concurrency));
  // One OCR pool per process, made on the first page job (text-only workers never load OCR).
  let ocrPool: Promise<OcrPool> | null = null;
  const pool = (): Promise<OcrPool> => (ocrPool ??= import('../ocr/index.ts').then(({ OcrPool }) => new OcrPool({ size: opts.ocrThreads })));

  const common = {
    connection,
    prefix: settings.prefix,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: settings.maxStalledCount,
    name: opts.name,
  };
  const childOptions = {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: settings.keepCompleted,
    removeOnFail: settings.keepFailed,
    // A page that cannot be read does not sink the document: it is assembled without it.
    ignoreDependencyOnFailure: true,
  };

  async function processDocument(job: Job, token?: string): Promise<unknown> {
    const parsed = DocumentJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job payload: ${parsed.error.message}`);
    const data = parsed.data;
    const started = Date.now();
    const pipeline = pipelineByName(data.pipeline);
    if (!pipeline) throw new UnrecoverableError(`${data.fileName}: unknown pipeline "${data.pipeline}"`);
    if (!(await storage.exists(data.storedPath))) throw new UnrecoverableError(`${data.fileName}: the original is missing from storage (${data.storedPath})`);
    const scanned = SCAN_EXTENSIONS.includes(extname(data.fileName).toLowerCase());

    if (data.step === 'plan' && scanned) {
      const abs = storage.path(data.storedPath);
      let total: number;
      try {
        total = await countPages(abs, data.fileName);
      } catch (error) {
        const reason = (error as Error).message;
        // A crashed or stuck page process may be the machine's fault (memory, load): retried.
        // Anything else (encrypted, corrupt, not a PDF or image) is the file's: not retried.
        if (/page (worker|process) (stopped|crashed|failed)|timed out/.test(reason)) throw error;
        throw new UnrecoverableError(reason);
      }
      if (total < 1) throw new UnrecoverableError(`${data.fileName}: the file has no pages`);
      if (total > settings.maxPages) throw new UnrecoverableError(`${data.fileName}: ${total} pages, more than the limit of ${settings.maxPages}`);
      // One page job per page of a PDF, each reading its own page copied out here (once);
      // a file that cannot be split is read whole by one page job.
      const splitDir = `${storage.partsDir(data.runId)}/split`;
      const pageFiles = total > 1 ? await threads.run({ kind: 'split', absPath: abs, fileName: data.fileName, outDir: storage.path(splitDir) }) : null;
      const split = pageFiles !== null && pageFiles.length === total;
      const parts = split ? Array.from({ length: total }, (_, i) => ({ from: i + 1, to: i + 1 })) : [{ from: 1, to: total }];
      // Children first, then the step: a worker dying in between re-plans, and the children's
      // fixed ids make the second fan-out a no-op.
      await flow.addBulk(
        parts.map((p) => ({
          name: 'page',
          queueName: QUEUE_NAMES.pages,
          data: PageJobData.parse({
            documentId: data.documentId,
            runId: data.runId,
            fileName: data.fileName,
            storedPath: data.storedPath,
            ...p,
            total,
            pageFile: split ? `${splitDir}/${pageFiles[p.from - 1]}` : undefined,
            options: data.options,
          }),
          opts: { ...childOptions, jobId: `${data.runId}-p${p.from}`, parent: { id: job.id!, queue: job.queueQualifiedName } },
        })),
      );
      await job.updateData({ ...data, step: 'assemble', pageCount: total, parts });
      await job.updateProgress({ step: 'ocr', pagesTotal: total, pagesDone: 0 } satisfies DocumentProgress);
      log({ event: 'fan-out', runId: data.runId, pages: total, jobs: parts.length });
      if (await job.moveToWaitingChildren(token!)) throw new WaitingChildrenError();
    }

    // Assemble: every page job has ended (done, or failed and ignored).
    const current = DocumentJobData.parse(job.data);
    let partPaths: string[] | undefined;
    const missing: { page: number; reason: string }[] = [];
    if (scanned) {
      const values = await job.getChildrenValues();
      const results = Object.values(values).map((v) => PageJobResult.parse(v));
      const ignored = await job.getIgnoredChildrenFailures();
      for (const [key, reason] of Object.entries(ignored)) {
        const from = Number(/-p(\d+)$/.exec(key)?.[1]);
        const part = current.parts?.find((p) => p.from === from);
        for (let page = part?.from ?? from; page <= (part?.to ?? from); page++) missing.push({ page, reason: `${current.fileName}: page ${page}: ${reason}` });
      }
      results.sort((a, b) => a.from - b.from);
      partPaths = results.map((r) => r.partPath);
      if (missing.length) {
        // Pages whose job failed for good: an empty page carrying the reason, as src/ocr does.
        const rel = `${storage.partsDir(current.runId)}/pages-missing.json`;
        await storage.writeJson(rel, {
          pages: missing.map((m) => ({ type: 'page', children: [], data: { number: m.page, kind: 'scanned', confidence: null, error: m.reason } })),
          failures: missing,
        });
        partPaths.push(rel);
      }
    }
    await job.updateProgress({ step: 'assemble', pagesTotal: current.pageCount ?? null, pagesDone: current.pageCount ?? 0 } satisfies DocumentProgress);
    let outcome;
    try {
      outcome = await threads.run({
        kind: 'document',
        storageRoot: storage.root,
        storedPath: current.storedPath,
        fileName: current.fileName,
        pipeline: current.pipeline,
        options: current.options,
        overlayPath: opts.overlayPath,
        parts: partPaths,
        resultDir: storage.resultDir(current.runId),
      });
    } catch (error) {
      if ((error as { permanent?: boolean }).permanent) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
    await registry.finishRun(current.documentId, current.runId, { state: 'completed', pageCount: outcome.pageCount });
    return DocumentJobResult.parse({
      documentId: current.documentId,
      runId: current.runId,
      pageCount: outcome.pageCount,
      failures: outcome.failures,
      resultDir: storage.resultDir(current.runId),
      files: outcome.files,
      warnings: outcome.warnings,
      ms: Date.now() - started,
    });
  }

  async function processPage(job: Job): Promise<unknown> {
    const parsed = PageJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job payload: ${parsed.error.message}`);
    const data = parsed.data;
    const range = await readPageRange(
      storage.path(data.storedPath),
      data.fileName,
      { from: data.from, to: data.to, pageFile: data.pageFile ? storage.path(data.pageFile) : undefined },
      { pool: await pool(), dpi: data.options.dpi },
    );
    const partPath = `${storage.partsDir(data.runId)}/pages-${data.from}-${data.to}.json`;
    await storage.writeJson(partPath, range);
    const confidences = range.pages.map((p) => p.data.confidence).filter((c): c is number => c !== null);
    await job.updateProgress({ from: data.from, to: data.to, total: data.total, done: true });
    return PageJobResult.parse({
      from: data.from,
      to: data.to,
      partPath,
      failures: range.failures,
      confidence: confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null,
    });
  }

  const documents = new Worker(QUEUE_NAMES.documents, processDocument, { ...common, concurrency: Math.max(1, opts.concurrency) });
  const pages = new Worker(QUEUE_NAMES.pages, processPage, { ...common, concurrency: Math.max(1, opts.ocrThreads) });

  for (const w of [documents, pages]) {
    // Connection errors while Redis restarts: BullMQ reconnects; log and carry on.
    w.on('error', (error) => log({ event: 'error', queue: w.name, message: error.message }));
    w.on('failed', (job, error) => {
      if (!job) return;
      log({ event: 'failed', queue: w.name, jobId: job.id, attempt: job.attemptsMade, message: error.message });
      if (w === documents) {
        void job
          .getState()
          .then(async (state) => {
            const data = DocumentJobData.safeParse(job.data);
            if (state === 'failed' && data.success) await registry.finishRun(data.data.documentId, data.data.runId, { state: 'failed', error: error.message });
          })
          .catch(() => {});
      }
    });
    w.on('stalled', (jobId) => log({ event: 'stalled', queue: w.name, jobId }));
  }
  documents.on('completed', (job) => {
    const data = DocumentJobData.safeParse(job.data);
    log({ event: 'completed', queue: 'documents', jobId: job.id, attempts: job.attemptsMade });
    // Page parts are needed until the job is recorded as completed; not after.
    if (data.success) void storage.remove(storage.partsDir(data.data.runId)).catch(() => {});
  });
  pages.on('completed', (job) => log({ event: 'completed', queue: 'pages', jobId: job.id }));

  await Promise.all([documents.waitUntilReady(), pages.waitUntilReady()]);
  log({ event: 'ready', concurrency: opts.concurrency, ocrThreads: opts.ocrThreads });
  if (opts.warm !== false) {
    // In the background: a job taken meanwhile waits for the same thread or pool it would have
    // started itself.
    const started = Date.now();
    void Promise.allSettled([threads.warm(opts.overlayPath), pool().then((p) => p.warm()), import('../pdf/index.ts').then((m) => m.warmPageProcess())]).then(
      (results) => {
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        log({ event: 'warm', ms: Date.now() - started, ...(failed ? { message: String((failed.reason as Error)?.message ?? failed.reason) } : {}) });
      },
    );
  }

  let closing: Promise<void> | null = null;
  return {
    close() {
      closing ??= (async () => {
        await Promise.allSettled([documents.close(), pages.close()]);
        await threads.close();
        if (ocrPool) await (await ocrPool).close();
        await flow.close().catch(() => {});
        redis.disconnect();
        log({ event: 'closed' });
      })();
      return closing;
    },
  };
}
