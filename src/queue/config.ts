/**
 * Settings of the distributed runner, read from the environment (12-factor style, so that
 * docker-compose and the CLI configure it the same way). Every figure has a default that suits
 * one office server; the tests shorten the lock and stall timers to see recovery quickly.
 */
import { resolve } from 'node:path';
import type { RedisOptions } from 'ioredis';

export interface QueueSettings {
  /** redis://[user:password@]host:port[/db] */
  redisUrl: string;
  /** Shared folder for uploaded originals, page parts and results (never inside Redis). */
  storageDir: string;
  /** Key prefix of every queue and registry key in Redis. */
  prefix: string;
  /** Attempts of a job that fails for a transient reason (the first included). */
  attempts: number;
  /** First retry delay; doubles at each attempt (exponential backoff). */
  backoffMs: number;
  /** How long a worker's claim on a job lasts without renewal; a killed worker's job is retried after it. */
  lockDurationMs: number;
  /** How often workers look for jobs whose worker died. */
  stalledIntervalMs: number;
  /** Times a job may be found stalled (its worker died) before it fails. */
  maxStalledCount: number;
  /** Pages above which a document is refused (its job fails with that reason, no retry). */
  maxPages: number;
  /** Finished jobs kept in Redis for the dashboard; results themselves stay in storage. */
  keepCompleted: { age: number; count: number };
  keepFailed: { age: number; count: number };
}

const int = (value: string | undefined, fallback: number): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`expected a number ≥ 0, got "${value}"`);
  return Math.floor(n);
};

/** Settings from `env` (default: process.env), with `overrides` from command-line options on top. */
export function queueSettings(overrides: Partial<QueueSettings> = {}, env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const day = 24 * 3600;
  return {
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    storageDir: resolve(env.SOHOA_STORAGE || '.sohoa/storage'),
    prefix: env.SOHOA_QUEUE_PREFIX || 'sohoa',
    attempts: Math.max(1, int(env.SOHOA_JOB_ATTEMPTS, 4)),
    backoffMs: int(env.SOHOA_JOB_BACKOFF_MS, 5_000),
    lockDurationMs: Math.max(1_000, int(env.SOHOA_LOCK_DURATION_MS, 30_000)),
    stalledIntervalMs: Math.max(500, int(env.SOHOA_STALLED_INTERVAL_MS, 15_000)),
    maxStalledCount: int(env.SOHOA_MAX_STALLED_COUNT, 3),
    maxPages: Math.max(1, int(env.SOHOA_MAX_PAGES, 500)),
    keepCompleted: { age: int(env.SOHOA_KEEP_COMPLETED_DAYS, 7) * day, count: int(env.SOHOA_KEEP_COMPLETED, 5_000) },
    keepFailed: { age: int(env.SOHOA_KEEP_FAILED_DAYS, 30) * day, count: int(env.SOHOA_KEEP_FAILED, 10_000) },
    ...overrides,
  };
}

/** ioredis options for a redis:// or rediss:// URL. BullMQ needs `maxRetriesPerRequest: null`. */
export function redisOptions(url: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`REDIS_URL "${url}" is not a URL (expected redis://host:port)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL "${url}": expected redis:// or rediss://`);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: db ? Number(db) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Keep trying while Redis restarts; back off to one attempt a second.
    retryStrategy: (times: number): number => Math.min(times * 100, 1_000),
  } satisfies RedisOptions;
}

export const QUEUE_NAMES = { documents: 'documents', pages: 'pages' } as const;
