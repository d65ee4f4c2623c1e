/**
 * `sohoa serve`'s HTTP API over real sockets, a real redis-server and a real worker: uploads
 * (many files, Vietnamese names, limits, duplicates), status with per-page progress, results in
 * every format, reprocessing, batches from a folder or a ZIP (escaping entries refused), the API
 * key (also in front of the dashboard), health and the OpenAPI document.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from './helpers/redis.ts';
import { queueSettings, startWorker, type RunningWorker } from '../src/queue/index.ts';
import { buildServer } from '../src/server/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const KEY = 'khoa-bi-mat-2024';
let redis: TestRedis;
let work: string;
let base: string;
let app: Awaited<ReturnType<typeof buildServer>>;
let worker: RunningWorker | null = null;
let plan: string;
let settings: ReturnType<typeof queueSettings>;

const auth = { 'x-api-key': KEY };

/** A ZIP (stored, no compression) with the given entries: enough to test what the server refuses. */
function zip(entries: { name: string; data: string | Uint8Array }[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.from(e.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function form(files: { name: string; data: string | Uint8Array<ArrayBuffer> }[]): FormData {
  const f = new FormData();
  for (const file of files) f.append('files', new Blob([file.data]), file.name);
  return f;
}

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

async function untilDone(id: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await json(await fetch(`${base}/documents/${id}`, { headers: auth }));
    if (body.state === 'completed' || body.state === 'failed') return body;
    if (Date.now() > end) throw new Error(`not finished: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const variant = (n: number) => plan.replace('Số: 35/KH-STP', `Số: ${n}/KH-STP`);

beforeAll(async () => {
  redis = await startRedis();
  work = await mkdtemp(join(tmpdir(), 'sohoa-api-'));
  plan = await readFile(join(ROOT, 'test/fixtures/extract/plan-small.txt'), 'utf8');
  const batchRoot = join(work, 'archive');
  await mkdir(join(batchRoot, 'phong-noi-vu', 'nam-2024'), { recursive: true });
  await writeFile(join(batchRoot, 'phong-noi-vu', 'kh-01.txt'), variant(501));
  await writeFile(join(batchRoot, 'phong-noi-vu', 'nam-2024', 'kh-02.txt'), variant(502));
  await writeFile(join(batchRoot, 'phong-noi-vu', 'ghi-chu.docx'), 'not a plan');
  await writeFile(join(work, 'secret.txt'), 'outside the batch root');
  await symlink(join(work, 'secret.txt'), join(batchRoot, 'phong-noi-vu', 'link.txt'));
  await symlink(work, join(batchRoot, 'escape'));
  settings = queueSettings({ redisUrl: redis.url, storageDir: join(work, 'storage'), backoffMs: 200 }, {});
  app = await buildServer({ settings, apiKey: KEY, batchRoot, maxUploadBytes: 64 * 1024 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  // The worker starts later, in the upload test: first the documents are seen waiting.
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await redis?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('HTTP API', () => {
  it('needs the API key (header, bearer, or same-origin cookie), also for the dashboard', async () => {
    expect((await fetch(`${base}/documents`)).status).toBe(401);
    expect((await fetch(`${base}/documents`, { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/documents`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${base}/documents`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
    const cookie = `sohoa_key=${encodeURIComponent(KEY)}`;
    expect((await fetch(`${base}/documents`, { headers: { cookie } })).status).toBe(200);
    // A cross-site form cannot use the cookie to write.
    const cross = await fetch(`${base}/documents`, { method: 'POST', headers: { cookie, origin: 'http://evil.example' }, body: form([{ name: 'a.txt', data: 'x' }]) });
    expect(cross.status).toBe(401);
    expect((await fetch(`${base}/admin/queues/`)).status).toBe(401);
    const board = await fetch(`${base}/admin/queues/`, { headers: auth });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<html');
    const queues = await json(await fetch(`${base}/admin/queues/api/queues`, { headers: auth }));
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['documents', 'pages']);
    // Public: health, the API description, the page.
    expect(await json(await fetch(`${base}/health`))).toMatchObject({ status: 200, body: { status: 'ok', redis: 'up' } });
    const openapi = await json(await fetch(`${base}/openapi.json`));
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/documents', '/documents/{id}', '/documents/{id}/result.{format}', '/documents/{id}/reprocess', '/batches', '/health']));
    expect(openapi.body.components.schemas.PlanDocument.properties.tasks).toBeTruthy();
  });

  it('takes many files at once, refuses the unsupported and the too large by name, keeps one job per file', async () => {
    const res = await json(
      await fetch(`${base}/documents?toneStyle=modern`, {
        method: 'POST',
        headers: auth,
        body: form([
          { name: 'kế-hoạch-phổ-biến.txt', data: variant(201) },
          { name: 'quyết định.txt', data: variant(202) },
          { name: 'bảng.docx', data: 'nope' },
          { name: 'quá-lớn.txt', data: 'x'.repeat(65 * 1024) },
          { name: 'kế-hoạch-bản-sao.txt', data: variant(201) },
        ]),
      }),
    );
    expect(res.status).toBe(202);
    const [a, b, docx, big, copy] = res.body.documents;
    expect(a).toMatchObject({ fileName: 'kế-hoạch-phổ-biến.txt', status: 'queued' });
    expect(b).toMatchObject({ fileName: 'quyết định.txt', status: 'queued' });
    expect(docx).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^bảng\.docx: unsupported file type "\.docx"/) });
    expect(big).toMatchObject({ status: 'rejected', reason: 'quá-lớn.txt: file is larger than the limit of 64 KB' });
    expect(copy).toMatchObject({ id: a.id, runId: a.runId, status: 'duplicate' });

    // Nothing runs yet: status says queued, the result is not ready.
    const waiting = await json(await fetch(`${base}/documents/${a.id}`, { headers: auth }));
    expect(waiting.body).toMatchObject({ state: 'queued', fileName: 'kế-hoạch-phổ-biến.txt', options: { toneStyle: 'modern' } });
    expect((await fetch(`${base}/documents/${a.id}/result.json`, { headers: auth })).status).toBe(409);

    const only = await json(await fetch(`${base}/documents`, { method: 'POST', headers: auth, body: form([{ name: 'lớn.txt', data: 'x'.repeat(65 * 1024) }]) }));
    expect(only).toMatchObject({ status: 413, body: { error: 'too-large' } });
    expect((await fetch(`${base}/documents`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);

    worker = await startWorker({ settings, concurrency: 1, ocrThreads: 1 });
    const done = await untilDone(a.id);
    expect(done).toMatchObject({ state: 'completed', pageCount: 1, pages: [{ page: 1, state: 'done' }] });
    expect(done.csvTables).toContain('tasks');
    await untilDone(b.id);

    // Uploading the same bytes again, later: still one document, one job, one result.
    const again = await json(await fetch(`${base}/documents`, { method: 'POST', headers: auth, body: form([{ name: 'lại.txt', data: variant(201) }]) }));
    expect(again.body.documents[0]).toMatchObject({ id: a.id, runId: a.runId, status: 'duplicate' });
    const jobs = await app.queueClient.documents.getJobCounts();
    expect(jobs.completed).toBe(2);

    const list = await json(await fetch(`${base}/documents?state=completed`, { headers: auth }));
    expect(list.body.items.map((d: { id: string }) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect((await fetch(`${base}/documents?state=bogus`, { headers: auth })).status).toBe(400);

    const result = await fetch(`${base}/documents/${a.id}/result.json`, { headers: auth });
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = (await result.json()) as any;
    expect(doc.source).toMatchObject({ fileName: 'kế-hoạch-phổ-biến.txt', sha256: a.id });
    const md = await fetch(`${base}/documents/${a.id}/result.md`, { headers: auth });
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toContain('Phổ biến');
    const csv = await fetch(`${base}/documents/${a.id}/result.csv?table=tasks`, { headers: auth });
    expect((await csv.text()).split('\n')[0]).toContain('task,lead,cooperating');
    expect((await fetch(`${base}/documents/${a.id}/result.csv?table=nope`, { headers: auth })).status).toBe(404);
    const xlsx = await fetch(`${base}/documents/${a.id}/result.xlsx`, { headers: auth });
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="ke-hoach-pho-bien.xlsx"; filename*=UTF-8''${encodeURIComponent('kế-hoạch-phổ-biến.xlsx')}`);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const original = await fetch(`${base}/documents/${a.id}/original`, { headers: auth });
    expect(await original.text()).toBe(variant(201));

    // Reprocess: a new run, on purpose.
    const re = await json(await fetch(`${base}/documents/${a.id}/reprocess`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ toneStyle: 'classic' }) }));
    expect(re).toMatchObject({ status: 202, body: { id: a.id, runId: `${a.runId}-r1` } });
    expect(await untilDone(a.id)).toMatchObject({ state: 'completed', runId: `${a.runId}-r1`, options: { toneStyle: 'classic' } });
    expect((await fetch(`${base}/documents/${'0'.repeat(64)}`, { headers: auth })).status).toBe(404);
  }, 90_000);

  it('batches: a folder under the root (links and escapes refused), a ZIP (escaping entries refuse it)', async () => {
    for (const folder of ['../', '/etc', 'escape', 'không-có']) {
      const res = await fetch(`${base}/batches`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ folder }) });
      expect([400, 404]).toContain(res.status);
    }
    const folder = await json(await fetch(`${base}/batches`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ folder: 'phong-noi-vu' }) }));
    expect(folder.status).toBe(202);
    expect(folder.body.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['kh-01.txt', 'nam-2024/kh-02.txt']);
    expect(folder.body.rejected).toEqual(
      expect.arrayContaining([
        { fileName: 'ghi-chu.docx', reason: expect.stringContaining('unsupported file type') },
        { fileName: 'link.txt', reason: 'symbolic links are not followed' },
      ]),
    );

    const evil = new FormData();
    evil.append('archive', new Blob([zip([{ name: 'ok.txt', data: variant(601) }, { name: '../../thoát.txt', data: variant(602) }])]), 'lưu-trữ.zip');
    const refused = await json(await fetch(`${base}/batches`, { method: 'POST', headers: auth, body: evil }));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('ZIP entry "../../thoát.txt" leaves the folder (".."): the archive is refused');
    const abs = new FormData();
    abs.append('archive', new Blob([zip([{ name: '/etc/cron.d/x.txt', data: 'x' }])]), 'abs.zip');
    expect((await json(await fetch(`${base}/batches`, { method: 'POST', headers: auth, body: abs }))).body.message).toMatch(/ZIP entry "\/etc\/cron\.d\/x\.txt" is an absolute path/);
    const idsBefore = (await app.queueClient.registry.ids(0, 100)).length;

    const good = new FormData();
    good.append('archive', new Blob([zip([{ name: 'hồ-sơ/kh-701.txt', data: variant(701) }, { name: 'hồ-sơ/kh-702.txt', data: variant(702) }, { name: 'hồ-sơ/ảnh.bmp', data: 'x' }])]), 'hồ-sơ.zip');
    const zipped = await json(await fetch(`${base}/batches`, { method: 'POST', headers: auth, body: good }));
    expect(zipped.status).toBe(202);
    expect(zipped.body.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['hồ-sơ/kh-701.txt', 'hồ-sơ/kh-702.txt']);
    expect(zipped.body.rejected).toEqual([{ fileName: 'hồ-sơ/ảnh.bmp', reason: expect.stringContaining('unsupported') }]);
    // The refused archive enqueued nothing; the good one two documents.
    expect((await app.queueClient.registry.ids(0, 100)).length).toBe(idsBefore + 2);

    for (const id of [folder.body.id, zipped.body.id]) {
      const end = Date.now() + 60_000;
      let status: any;
      do {
        await new Promise((r) => setTimeout(r, 200));
        status = (await json(await fetch(`${base}/batches/${id}`, { headers: auth }))).body;
      } while (!status.done && Date.now() < end);
      expect(status).toMatchObject({ done: true, counts: { completed: 2, failed: 0 } });
    }
  }, 90_000);
});
