/**
 * The distributed runner survives what happens to real deployments: a worker process killed
 * with SIGKILL in the middle of a job, and Redis stopped and restarted (AOF on) during a batch.
 * Real redis-server, real `sohoa worker` and `sohoa ingest --queue` processes; OCR-text inputs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from './helpers/redis.ts';
import { redisOptions } from '../src/queue/config.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/sohoa.js');

interface Proc {
  child: ChildProcess;
  out: string[];
  exited: Promise<number | null>;
}

let redis: TestRedis;
let work: string;
let procs: Proc[] = [];

function sohoa(args: string[], extraEnv: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: work,
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      SOHOA_STORAGE: join(work, 'storage'),
      // Short timers so recovery shows within seconds.
      SOHOA_LOCK_DURATION_MS: '3000',
      SOHOA_STALLED_INTERVAL_MS: '1000',
      SOHOA_JOB_BACKOFF_MS: '300',
      SOHOA_MAX_STALLED_COUNT: '5',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop()!;
    out.push(...lines.filter(Boolean));
  });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (partial) out.push(partial);
      if (process.env.SOHOA_TEST_VERBOSE) process.stderr.write(`[${args[0]} exit ${code ?? signal}] ${err}\n`);
      resolve(code);
    }),
  );
  const p = { child, out, exited };
  procs.push(p);
  return p;
}

/** n distinct small plans (OCR text), each a little different so each has its own sha256. */
async function makePlans(n: number): Promise<Map<string, string>> {
  const base = await readFile(join(ROOT, 'test/fixtures/extract/plan-small.txt'), 'utf8');
  const dir = join(work, 'inbox');
  await mkdir(dir, { recursive: true });
  const shas = new Map<string, string>();
  for (let i = 1; i <= n; i++) {
    const text = base.replace('Số: 35/KH-STP', `Số: ${100 + i}/KH-STP`);
    const name = `ke-hoach-${String(i).padStart(2, '0')}.txt`;
    await writeFile(join(dir, name), text);
    shas.set(name.replace(/\.txt$/, ''), createHash('sha256').update(text).digest('hex'));
  }
  return shas;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every input has exactly one result, the right one, and the ingest reported each once. */
async function expectAllResults(shas: Map<string, string>, ingest: Proc) {
  const reports = ingest.out.map((l) => JSON.parse(l) as { file: string; status: string; id: string });
  expect(reports).toHaveLength(shas.size);
  expect(new Set(reports.map((r) => r.file)).size).toBe(shas.size);
  expect(reports.every((r) => r.status === 'done')).toBe(true);
  const outFiles = (await readdir(join(work, 'out'))).filter((f) => f.endsWith('.json')).sort();
  expect(outFiles).toEqual([...shas.keys()].map((k) => `${k}.json`).sort());
  for (const [name, sha] of shas) {
    const doc = JSON.parse(await readFile(join(work, 'out', `${name}.json`), 'utf8'));
    expect(doc.source.sha256).toBe(sha);
    expect(doc.schemaVersion).toBe('1');
  }
  // One run per document in storage: nothing processed into a second result.
  expect((await readdir(join(work, 'storage', 'results'))).length).toBe(shas.size);
}

beforeEach(async () => {
  redis = await startRedis();
  work = await mkdtemp(join(tmpdir(), 'sohoa-queue-'));
  procs = [];
});

afterEach(async () => {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.exited));
  await redis.stop();
  await rm(work, { recursive: true, force: true });
});

describe('sohoa worker + sohoa ingest --queue', () => {
  it('2 workers ingest 20 documents; one killed with SIGKILL mid-job; every result exactly once', async () => {
    const shas = await makePlans(20);
    const a = sohoa(['worker', '--name', 'worker-a', '--ocr-threads', '1']);
    const b = sohoa(['worker', '--name', 'worker-b', '--ocr-threads', '1']);
    await until(() => [a, b].every((p) => p.out.some((l) => l.includes('"ready"'))), 30_000, 'workers ready');

    const queue = new Queue('documents', { connection: redisOptions(redis.url), prefix: 'sohoa' });
    try {
      const ingest = sohoa(['ingest', '--queue', 'inbox', '--out', 'out']);
      // Kill worker A while it holds a document job it has been working on for a while.
      let killedJob: string | undefined;
      await until(
        async () => {
          const active = await queue.getActive();
          const mine = active.find((j) => j.processedBy === 'worker-a' && j.processedOn && Date.now() - j.processedOn > 150);
          if (!mine) return false;
          killedJob = mine.id;
          a.child.kill('SIGKILL');
          return true;
        },
        60_000,
        'worker A to be mid-job',
      );
      expect(await a.exited).toBe(null); // killed by the signal

      expect(await Promise.race([ingest.exited, new Promise((r) => setTimeout(() => r('timeout'), 120_000))])).toBe(0);
      await expectAllResults(shas, ingest);

      // The interrupted job was taken over (after its lock ran out) and finished by worker B.
      const job = await queue.getJob(killedJob!);
      expect(await job!.getState()).toBe('completed');
      expect(job!.processedBy).toBe('worker-b');
      expect((await queue.getJobCounts()).completed).toBe(20);

      // SIGTERM: worker B finishes what it holds and exits cleanly.
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
    } finally {
      await queue.close();
    }
  }, 180_000);

  it('redis-server stopped and restarted (AOF on) during a batch: the batch still completes', async () => {
    // Enough documents that the batch is still running when the second result is in (a text plan
    // takes tens of milliseconds: ten of them could all be done between two looks).
    const shas = await makePlans(40);
    const w = sohoa(['worker', '--name', 'worker-r', '--ocr-threads', '1']);
    await until(() => w.out.some((l) => l.includes('"ready"')), 30_000, 'worker ready');
    const ingest = sohoa(['ingest', '--queue', 'inbox', '--out', 'out']);
    await until(() => ingest.out.length >= 2, 60_000, 'two documents done');
    expect(ingest.out.length).toBeLessThan(shas.size);
    await redis.restart(1_500);

    expect(await Promise.race([ingest.exited, new Promise((r) => setTimeout(() => r('timeout'), 120_000))])).toBe(0);
    await expectAllResults(shas, ingest);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 180_000);
});
