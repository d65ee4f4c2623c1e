/**
 * The queue layer's promises, against a real redis-server: the same file submitted twice is one
 * job and one result; reprocessing is a new run on purpose; a scan's pages fan out as child jobs
 * and the assembled document equals the in-process runner's; a broken file fails at once, named.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished as waitFinished } from './helpers/queue.ts';
import { startRedis, type TestRedis } from './helpers/redis.ts';
import { QueueClient, queueSettings, startWorker, type QueueSettings, type RunningWorker } from '../src/queue/index.ts';
import { readInput, runPipeline } from '../src/pipeline/run.ts';
import { pipelineFor } from '../pipelines/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let redis: TestRedis;
let work: string;
let settings: QueueSettings;
let client: QueueClient;
let worker: RunningWorker;

const finished = (id: string, timeoutMs?: number) => waitFinished(client, id, timeoutMs);

beforeAll(async () => {
  redis = await startRedis();
  work = await mkdtemp(join(tmpdir(), 'sohoa-jobs-'));
  settings = queueSettings({ redisUrl: redis.url, storageDir: join(work, 'storage'), backoffMs: 200, maxPages: 5 }, {});
  client = new QueueClient(settings);
  worker = await startWorker({ settings, concurrency: 1, ocrThreads: 1 });
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await client?.close();
  await redis?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('queue jobs', () => {
  it('the same file submitted twice (even at once) is one job and one result', async () => {
    const path = join(ROOT, 'test/fixtures/extract/plan-small.txt');
    const stored = await Promise.all([client.storage.putFile(path), client.storage.putFile(path, 'bản-sao.txt')]);
    expect(stored[0].sha256).toBe(stored[1].sha256);
    // Content-addressed: one copy whoever wins the race; both callers are told the same.
    expect(stored[1].storedPath).toBe(stored[0].storedPath);
    const subs = await Promise.all([client.submit(stored[0]), client.submit(stored[1]), client.submit(stored[0])]);
    expect(new Set(subs.map((s) => s.runId)).size).toBe(1);
    const status = await finished(subs[0].id);
    expect(status.state).toBe('completed');
    const again = await client.submit(await client.storage.putFile(path));
    expect(again).toMatchObject({ id: subs[0].id, runId: subs[0].runId, duplicate: true });
    const counts = await client.documents.getJobCounts();
    expect(counts.completed + counts.active + counts.waiting).toBe(1);
    expect(await readdir(join(work, 'storage', 'results'))).toEqual([subs[0].runId]);
    expect((await readdir(join(work, 'storage', 'originals', subs[0].id.slice(0, 2), subs[0].id))).length).toBe(1);

    // Reprocessing is a new run on purpose, here with other options.
    const rerun = await client.reprocess(subs[0].id, { toneStyle: 'modern' });
    expect(rerun!.runId).toBe(`${subs[0].runId}-r1`);
    const after = await finished(subs[0].id);
    expect(after).toMatchObject({ state: 'completed', runId: rerun!.runId, options: { toneStyle: 'modern' } });
    expect((await readdir(join(work, 'storage', 'results'))).sort()).toEqual([subs[0].runId, rerun!.runId].sort());
  }, 60_000);

  it('a multi-page PDF fans out one page job per page; the result equals the in-process run', async () => {
    const src = await PDFDocument.load(await readFile(join(ROOT, 'test/fixtures/scans/plan-page-born-digital.pdf')));
    const out = await PDFDocument.create();
    for (let i = 0; i < 3; i++) out.addPage((await out.copyPages(src, [0]))[0]);
    const path = join(work, 'ba-trang.pdf');
    await writeFile(path, await out.save());

    const sub = await client.submit(await client.storage.putFile(path));
    const status = await finished(sub.id);
    expect(status).toMatchObject({ state: 'completed', pageCount: 3, pagesDone: 3, failures: [] });
    expect(status.pages!.map((p) => p.state)).toEqual(['done', 'done', 'done']);
    for (const n of [1, 2, 3]) expect(await client.pages.getJobState(`${sub.runId}-p${n}`)).toBe('completed');

    const queued = JSON.parse(await readFile(join(work, 'storage', 'results', sub.runId, 'document.json'), 'utf8'));
    const inProcess = await runPipeline(pipelineFor(path)!, await readInput(path));
    expect(queued).toEqual(JSON.parse(JSON.stringify(inProcess.document)));
    expect(queued.source.pages.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
  }, 60_000);

  it('a broken or encrypted file fails at once with the file and reason; too many pages too', async () => {
    const encrypted = await client.submit(await client.storage.putFile(join(ROOT, 'test/fixtures/scans/encrypted.pdf')));
    const broken = await client.submit(await client.storage.putBytes(new TextEncoder().encode('%PDF-1.7 this is not a PDF'), 'hỏng.pdf'));
    const src = await PDFDocument.load(await readFile(join(ROOT, 'test/fixtures/scans/plan-page-born-digital.pdf')));
    const long = await PDFDocument.create();
    for (let i = 0; i < 6; i++) long.addPage((await long.copyPages(src, [0]))[0]);
    const tooLong = await client.submit(await client.storage.putBytes(await long.save(), 'dài.pdf'));

    const e = await finished(encrypted.id);
    expect(e.state).toBe('failed');
    expect(e.error).toMatch(/^encrypted\.pdf: cannot open: .*encrypted/);
    expect(e.attempts).toBe(1); // no retry for a file that cannot be read
    const b = await finished(broken.id);
    expect(b.state).toBe('failed');
    expect(b.error).toMatch(/^hỏng\.pdf: cannot open/);
    expect(b.attempts).toBe(1);
    const t = await finished(tooLong.id);
    expect(t.error).toBe('dài.pdf: 6 pages, more than the limit of 5');
    // What the user sent is kept, even when it could not be read.
    expect(await client.storage.findOriginal(encrypted.id)).not.toBeNull();
  }, 60_000);
});
