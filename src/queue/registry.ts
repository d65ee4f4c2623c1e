/**
 * The document registry in Redis: which documents were submitted (by sha256), under what name,
 * which run of each is current and how it ended. BullMQ keeps jobs only for a while (retention);
 * the registry and the storage folder keep the rest. Small strings only: never file bytes.
 *
 *   <prefix>:doc:<sha256>   hash   fileName, storedPath, size, pipeline, createdAt, runId, runs,
 *                                  options, state (queued|completed|failed), error, finishedAt, pageCount
 *   <prefix>:docs           zset   sha256 → createdAt (the list, oldest first)
 *   <prefix>:batch:<id>     hash   createdAt, source, documents, rejected (JSON)
 */
import type { Redis } from 'ioredis';

export interface DocumentRecord {
  documentId: string;
  fileName: string;
  storedPath: string;
  size: number;
  pipeline: string;
  createdAt: number;
  runId: string | null;
  runs: number;
  options: Record<string, unknown>;
  state: 'queued' | 'completed' | 'failed';
  error: string | null;
  finishedAt: number | null;
  pageCount: number | null;
}

export interface BatchRecord {
  id: string;
  createdAt: number;
  source: string;
  documents: { id: string; fileName: string; runId: string; duplicate: boolean }[];
  rejected: { fileName: string; reason: string }[];
}

export class Registry {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  docKey(id: string): string {
    return `${this.prefix}:doc:${id}`;
  }

  /** Records a document the first time it is seen (first name wins); returns its record. */
  async register(doc: { documentId: string; fileName: string; storedPath: string; size: number; pipeline: string }): Promise<DocumentRecord> {
    const key = this.docKey(doc.documentId);
    const now = Date.now();
    const multi = this.redis.multi();
    for (const [field, value] of Object.entries({ ...doc, createdAt: now, runs: 0, state: 'queued' })) multi.hsetnx(key, field, String(value));
    multi.zadd(`${this.prefix}:docs`, 'NX', now, doc.documentId);
    await multi.exec();
    return (await this.get(doc.documentId))!;
  }

  async get(id: string): Promise<DocumentRecord | null> {
    const h = await this.redis.hgetall(this.docKey(id));
    if (!h.documentId) return null;
    return {
      documentId: h.documentId,
      fileName: h.fileName,
      storedPath: h.storedPath,
      size: Number(h.size),
      pipeline: h.pipeline,
      createdAt: Number(h.createdAt),
      runId: h.runId || null,
      runs: Number(h.runs || 0),
      options: h.options ? JSON.parse(h.options) : {},
      state: (h.state as DocumentRecord['state']) || 'queued',
      error: h.error || null,
      finishedAt: h.finishedAt ? Number(h.finishedAt) : null,
      pageCount: h.pageCount ? Number(h.pageCount) : null,
    };
  }

  /** A new run number for a document (reprocessing). */
  async nextRun(id: string): Promise<number> {
    return this.redis.hincrby(this.docKey(id), 'runs', 1);
  }

  /** Makes `runId` the document's current run, not finished yet. */
  async startRun(id: string, runId: string, options: Record<string, unknown>): Promise<void> {
    await this.redis.hset(this.docKey(id), { runId, state: 'queued', error: '', finishedAt: '', pageCount: '', options: JSON.stringify(options) });
  }

  /** Records how a run ended, if it is still the document's current run. */
  async finishRun(id: string, runId: string, end: { state: 'completed' | 'failed'; error?: string; pageCount?: number }): Promise<void> {
    const key = this.docKey(id);
    if ((await this.redis.hget(key, 'runId')) !== runId) return;
    await this.redis.hset(key, {
      state: end.state,
      error: end.error ?? '',
      finishedAt: String(Date.now()),
      pageCount: end.pageCount === undefined ? '' : String(end.pageCount),
    });
  }

  async count(): Promise<number> {
    return this.redis.zcard(`${this.prefix}:docs`);
  }

  /** Document ids, newest first. */
  async ids(offset: number, limit: number): Promise<string[]> {
    return this.redis.zrevrange(`${this.prefix}:docs`, offset, offset + limit - 1);
  }

  async saveBatch(batch: BatchRecord): Promise<void> {
    await this.redis.hset(`${this.prefix}:batch:${batch.id}`, {
      id: batch.id,
      createdAt: String(batch.createdAt),
      source: batch.source,
      documents: JSON.stringify(batch.documents),
      rejected: JSON.stringify(batch.rejected),
    });
  }

  async getBatch(id: string): Promise<BatchRecord | null> {
    const h = await this.redis.hgetall(`${this.prefix}:batch:${id}`);
    if (!h.id) return null;
    return { id: h.id, createdAt: Number(h.createdAt), source: h.source, documents: JSON.parse(h.documents), rejected: JSON.parse(h.rejected) };
  }
}
