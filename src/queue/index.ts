/**
 * src/queue — the distributed runner: BullMQ over Redis (ioredis).
 *
 *   in:  files stored in the storage folder (storage.ts) and submitted (client.ts)
 *   out: per run, the exports in the storage folder; status and per-page progress in Redis
 *
 * client.ts is the producer (API server, `sohoa ingest --queue`); worker.ts the consumer
 * (`sohoa worker`). Payloads are zod schemas (payloads.ts); job ids come from the file's sha256
 * and the pipeline version. Scheduling only: the stages are the pipelines' own.
 */
export { queueSettings, redisOptions, QUEUE_NAMES, type QueueSettings } from './config.ts';
export { Storage, TooLargeError, safeFileName, type StoredFile } from './storage.ts';
export { QueueClient, InputError, EXTENSIONS_ACCEPTED, type Submission, type DocumentStatus, type DocumentState, type PageStatus } from './client.ts';
export { startWorker, type WorkerOptions, type RunningWorker } from './worker.ts';
export * from './payloads.ts';
