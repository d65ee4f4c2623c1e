/**
 * A worker readies its heavy parts at start (stage thread with the language model, OCR processes,
 * the page process) and says so; the first document it then assembles comes out as usual.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished } from './helpers/queue.ts';
import { startRedis, type TestRedis } from './helpers/redis.ts';
import { QueueClient, queueSettings, startWorker, type QueueSettings, type RunningWorker } from '../src/queue/index.ts';
import { pageProcessPid } from '../src/pdf/index.ts';
import { StageThreads } from '../src/queue/threads.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let redis: TestRedis;
let work: string;
let settings: QueueSettings;
let client: QueueClient;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  redis = await startRedis();
  work = await mkdtemp(join(tmpdir(), 'sohoa-warm-'));
  settings = queueSettings({ redisUrl: redis.url, storageDir: join(work, 'storage') }, {});
  client = new QueueClient(settings);
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await client?.close();
  await redis?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('warm start', () => {
  it('a stage thread readies itself for documents (language model loaded, restore and extract run once)', async () => {
    const threads = new StageThreads(1);
    try {
      await threads.warm();
    } finally {
      await threads.close();
    }
  }, 60_000);

  it('a worker warms at start, logs it, and then assembles its first document', async () => {
    const events: Record<string, unknown>[] = [];
    let warmed!: () => void;
    const warm = new Promise<void>((resolve) => (warmed = resolve));
    worker = await startWorker({
      settings,
      concurrency: 1,
      ocrThreads: 1,
      log: (e) => {
        events.push(e);
        if (e.event === 'warm') warmed();
      },
    });
    await warm;
    const w = events.find((e) => e.event === 'warm')!;
    expect(w.message).toBeUndefined();
    expect(pageProcessPid()).not.toBeNull();

    const sub = await client.submit(await client.storage.putFile(join(ROOT, 'test/fixtures/extract/plan-small.txt')));
    expect((await finished(client, sub.id)).state).toBe('completed');
  }, 90_000);
});
