/**
 * src/server — `sohoa serve`: the HTTP API (fastify), the web page, and the queue dashboard.
 *
 *   in:  uploads (multipart), batch requests (a folder under the batch root, or a ZIP)
 *   out: document ids, status with per-page progress, results in every export format
 *
 * It only stores files and enqueues (src/queue client); `sohoa worker`s do the work. The
 * routes are described in openapi.ts (served at /openapi.json).
 */
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { pipelineFor } from '../../pipelines/index.ts';
import { LOW_CONFIDENCE } from '../restore/stage.ts';
import {
  EXTENSIONS_ACCEPTED,
  InputError,
  QueueClient,
  RunOptions,
  TooLargeError,
  safeFileName,
  type DocumentState,
  type QueueSettings,
  type Submission,
} from '../queue/index.ts';
import { requireKey } from './auth.ts';
import { BatchError, readBatchFolder, readBatchZip, resolveBatchFolder, type BatchRead } from './batches.ts';
import { openApiDocument } from './openapi.ts';

export interface ServerOptions {
  settings: QueueSettings;
  /** Required on every API call when set. */
  apiKey?: string;
  /** Folder under which POST /batches may name folders; none = ZIP uploads only. */
  batchRoot?: string;
  /** Largest file accepted (bytes). */
  maxUploadBytes: number;
  /** Files per request / per batch. */
  maxFiles?: number;
  /** Largest total a ZIP may unpack to (bytes). */
  maxBatchBytes?: number;
  logger?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Fonts with Vietnamese coverage, first found wins (Debian: fonts-liberation2, fonts-dejavu-core). */
const FONT_CANDIDATES: Record<string, string[]> = {
  'sans-regular.ttf': ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
  'sans-bold.ttf': ['/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  'serif-regular.ttf': ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'],
};

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const ORIGINAL_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.txt': 'text/plain; charset=utf-8',
};

const STATES: DocumentState[] = ['queued', 'running', 'retrying', 'completed', 'failed'];
const ID = /^[0-9a-f]{64}$/;

/** `Content-Disposition` with a UTF-8 file name (RFC 6266 / 5987) and an ASCII fallback. */
function disposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function fail(reply: FastifyReply, code: number, error: string, message: string) {
  return reply.code(code).send({ error, message });
}

function parseOptions(source: Record<string, unknown>): { options: RunOptions; force: boolean } {
  const raw: Record<string, unknown> = {};
  if (source.toneStyle !== undefined && source.toneStyle !== '') raw.toneStyle = source.toneStyle;
  if (source.dpi !== undefined && source.dpi !== '') raw.dpi = Number(source.dpi);
  const parsed = RunOptions.safeParse(raw);
  if (!parsed.success) throw new InputError(`invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const force = source.force === true || source.force === 'true' || source.force === '1';
  return { options: parsed.data, force };
}

async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  for await (const _ of stream as AsyncIterable<unknown>) {
    // discard
  }
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance & { queueClient: QueueClient }> {
  const maxFiles = opts.maxFiles ?? 1000;
  const maxBatchBytes = opts.maxBatchBytes ?? 4 * 1024 * 1024 * 1024;
  const client = new QueueClient(opts.settings);
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  app.addHook('onClose', async () => {
    await client.close();
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const code = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (code >= 500) app.log.error(error);
    void reply.code(code).send({ error: error.code ?? (code >= 500 ? 'internal' : 'bad-request'), message: error.message });
  });

  await app.register(fastifyMultipart, {
    // One byte over the limit is enough to know a file is too large; the rest is dropped.
    limits: { fileSize: opts.maxUploadBytes + 1, files: maxFiles, fields: 20, fieldSize: 1024, parts: maxFiles + 20 },
    throwFileSizeLimit: false,
    defParamCharset: 'utf8',
  } as Parameters<typeof fastifyMultipart>[1]);

  // --- public: the web page, its assets, the API description, health --------------------------
  await app.register(fastifyStatic, { root: join(here, 'web'), prefix: '/', index: 'index.html', wildcard: false, setHeaders: (reply) => reply.header('cache-control', 'no-cache') });
  await app.register(fastifyStatic, { root: dirname(require.resolve('pdfjs-dist/package.json')), prefix: '/vendor/pdfjs/', decorateReply: false, allowedPath: (p) => /^\/(build|cmaps|standard_fonts|wasm)\//.test(p) });

  app.get<{ Params: { name: string } }>('/fonts/:name', async (request, reply) => {
    const path = FONT_CANDIDATES[request.params.name]?.find((p) => existsSync(p));
    if (!path) return fail(reply, 404, 'not-found', 'no font with Vietnamese coverage installed (Debian: fonts-liberation2 or fonts-dejavu-core)');
    return reply.type('font/ttf').header('cache-control', 'public, max-age=86400').send(createReadStream(path));
  });

  app.get('/api/config', async () => ({
    apiKeyRequired: Boolean(opts.apiKey),
    maxUploadBytes: opts.maxUploadBytes,
    lowConfidence: LOW_CONFIDENCE,
    accepted: EXTENSIONS_ACCEPTED,
    batchFolders: Boolean(opts.batchRoot),
  }));

  app.get('/openapi.json', async () => openApiDocument({ apiKeyRequired: Boolean(opts.apiKey), maxUploadBytes: opts.maxUploadBytes }));

  app.get('/health', async (_request, reply) => {
    const redis = await client.ping();
    if (!redis) return reply.code(503).send({ status: 'degraded', redis: 'unreachable' });
    const [documents, pages] = await Promise.all([client.documents.getJobCounts(), client.pages.getJobCounts()]);
    return { status: 'ok', redis: 'up', queues: { documents, pages } };
  });

  // --- the API, behind the key ------------------------------------------------------------
  await app.register(async (api) => {
    api.addHook('onRequest', requireKey(opts.apiKey));

    api.post<{ Querystring: Record<string, string> }>('/documents', async (request, reply) => {
      if (!request.isMultipart()) return fail(reply, 415, 'unsupported-media-type', 'send the files as multipart/form-data');
      let params = parseOptions(request.query);
      const documents: (Partial<Submission> & { fileName: string; status: 'queued' | 'duplicate' | 'rejected'; reason?: string; code?: number })[] = [];
      for await (const part of request.parts() as AsyncIterable<Multipart>) {
        if (part.type === 'field') {
          params = parseOptions({ ...request.query, [part.fieldname]: part.value });
          continue;
        }
        const fileName = safeFileName(part.filename || part.fieldname);
        if (!pipelineFor(fileName)) {
          await drain(part.file);
          documents.push({ fileName, status: 'rejected', code: 415, reason: `${fileName}: unsupported file type "${extname(fileName) || '(none)'}": expected ${EXTENSIONS_ACCEPTED}` });
          continue;
        }
        try {
          const stored = await client.storage.putStream(part.file, fileName, opts.maxUploadBytes);
          const sub = await client.submit(stored, params);
          documents.push({ ...sub, status: sub.duplicate ? 'duplicate' : 'queued' });
        } catch (error) {
          if (error instanceof TooLargeError) documents.push({ fileName, status: 'rejected', code: 413, reason: error.message });
          else if (error instanceof InputError) documents.push({ fileName, status: 'rejected', code: 400, reason: error.message });
          else throw error;
        }
      }
      if (!documents.length) return fail(reply, 400, 'no-file', 'no file in the upload');
      const accepted = documents.filter((d) => d.status !== 'rejected');
      if (!accepted.length) {
        const code = documents[0].code ?? 400;
        return reply.code(code).send({ error: code === 413 ? 'too-large' : code === 415 ? 'unsupported-media-type' : 'rejected', message: documents.map((d) => d.reason).join('; '), documents });
      }
      return reply.code(202).send({ documents: documents.map(({ code: _c, ...d }) => ({ ...d, links: d.id ? { status: `/documents/${d.id}` } : undefined })) });
    });

    api.get<{ Querystring: { state?: string; status?: string; limit?: string; offset?: string } }>('/documents', async (request, reply) => {
      const { limit, offset } = request.query;
      const state = request.query.state ?? request.query.status;
      if (state && !STATES.includes(state as DocumentState)) return fail(reply, 400, 'bad-request', `state must be one of ${STATES.join(', ')}`);
      return client.list({ state: state as DocumentState | undefined, limit: limit ? Number(limit) : undefined, offset: offset ? Number(offset) : undefined });
    });

    api.get<{ Params: { id: string } }>('/documents/:id', async (request, reply) => {
      const { id } = request.params;
      if (!ID.test(id)) return fail(reply, 404, 'not-found', `no document ${id}`);
      const status = await client.status(id, { pages: true });
      if (!status) return fail(reply, 404, 'not-found', `no document ${id}`);
      const links: Record<string, string> = { original: `/documents/${id}/original` };
      if (status.results.length) for (const f of ['json', 'md', 'csv', 'xlsx']) links[f] = `/documents/${id}/result.${f}`;
      const csvTables = status.results.filter((f) => f.endsWith('.csv')).map((f) => f.slice('document.'.length, -'.csv'.length));
      return { ...status, csvTables, links };
    });

    api.get<{ Params: { id: string; format: string }; Querystring: { table?: string; download?: string } }>('/documents/:id/result.:format', async (request, reply) => {
      const { id, format } = request.params;
      if (!ID.test(id) || !CONTENT_TYPES[format]) return fail(reply, 404, 'not-found', 'no such document or format (json, md, csv, xlsx)');
      const status = await client.status(id);
      if (!status) return fail(reply, 404, 'not-found', `no document ${id}`);
      if (status.state !== 'completed' || !status.runId) return fail(reply, 409, 'not-ready', `${status.fileName} is ${status.state}: no result yet`);
      const table = request.query.table ?? 'tasks';
      if (format === 'csv' && !/^[a-z0-9-]+$/.test(table)) return fail(reply, 400, 'bad-request', 'table: letters, digits and dashes');
      const file = format === 'csv' ? `document.${table}.csv` : `document.${format}`;
      if (!status.results.includes(file)) return fail(reply, 404, 'not-found', `no ${format === 'csv' ? `table "${table}"` : format} in the result`);
      const stem = status.fileName.replace(/\.[^.]+$/, '');
      const name = format === 'csv' ? `${stem}.${table}.csv` : `${stem}.${format}`;
      const attach = format === 'xlsx' || request.query.download === '1' || request.query.download === 'true';
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', disposition(attach ? 'attachment' : 'inline', name))
        .send(createReadStream(client.storage.path(`${client.storage.resultDir(status.runId)}/${file}`)));
    });

    api.get<{ Params: { id: string } }>('/documents/:id/original', async (request, reply) => {
      const { id } = request.params;
      if (!ID.test(id)) return fail(reply, 404, 'not-found', `no document ${id}`);
      const status = await client.status(id);
      const file = status && (await client.storage.findOriginal(id));
      if (!status || !file) return fail(reply, 404, 'not-found', `no document ${id}`);
      return reply
        .type(ORIGINAL_TYPES[extname(status.fileName).toLowerCase()] ?? 'application/octet-stream')
        .header('content-disposition', disposition('inline', status.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(client.storage.path(file.storedPath)));
    });

    api.post<{ Params: { id: string }; Body: Record<string, unknown> | undefined }>('/documents/:id/reprocess', async (request, reply) => {
      const { id } = request.params;
      if (!ID.test(id)) return fail(reply, 404, 'not-found', `no document ${id}`);
      const body = request.body && typeof request.body === 'object' ? request.body : {};
      const { options } = parseOptions(body);
      const sub = await client.reprocess(id, Object.keys(options).length ? options : undefined);
      if (!sub) return fail(reply, 404, 'not-found', `no document ${id}`);
      return reply.code(202).send({ ...sub, status: 'queued', links: { status: `/documents/${id}` } });
    });

    api.post<{ Querystring: Record<string, string>; Body: Record<string, unknown> | undefined }>('/batches', async (request, reply) => {
      let read: BatchRead;
      let source: string;
      let params = parseOptions(request.query);
      try {
        if (request.isMultipart()) {
          {
            let archive: { path: string; name: string } | null = null;
            for await (const part of request.parts() as AsyncIterable<Multipart>) {
              if (part.type === 'field') {
                params = parseOptions({ ...request.query, [part.fieldname]: part.value });
                continue;
              }
              const name = safeFileName(part.filename || 'archive.zip');
              if (archive || extname(name).toLowerCase() !== '.zip') {
                await drain(part.file);
                throw new BatchError(`${name}: a batch upload is one .zip file`, 415);
              }
              // The archive itself is kept too: nothing a user submitted is lost.
              const stored = await client.storage.putStream(part.file, name, maxBatchBytes);
              archive = { path: client.storage.path(stored.storedPath), name };
            }
            if (!archive) throw new BatchError('no ZIP file in the upload');
            read = await readBatchZip(archive.path, client.storage, { maxBytes: opts.maxUploadBytes, maxFiles, maxTotalBytes: maxBatchBytes });
            source = `zip:${archive.name}`;
          }
        } else {
          const body = request.body && typeof request.body === 'object' ? request.body : {};
          if (typeof body.folder !== 'string') throw new BatchError('send {"folder": "path/under/the/batch/root"} as JSON, or a ZIP file as multipart/form-data');
          if (!opts.batchRoot) throw new BatchError('batches from folders are not enabled on this server (start it with --batch-root)', 403);
          params = parseOptions({ ...request.query, ...body });
          const dir = await resolveBatchFolder(opts.batchRoot, body.folder);
          read = await readBatchFolder(dir, client.storage, opts.maxUploadBytes, maxFiles);
          source = `folder:${body.folder}`;
        }
      } catch (error) {
        if (error instanceof BatchError) return fail(reply, error.statusCode, 'bad-batch', error.message);
        if (error instanceof TooLargeError) return fail(reply, 413, 'too-large', error.message);
        throw error;
      }
      const submissions: Submission[] = [];
      const rejected = [...read.rejected];
      for (const f of read.files) {
        try {
          submissions.push({ ...(await client.submit(f.stored, params)), fileName: f.name });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          rejected.push({ fileName: f.name, reason: error.message });
        }
      }
      const batch = await client.createBatch(source, submissions, rejected);
      return reply.code(202).send({ ...batch, links: { status: `/batches/${batch.id}` } });
    });

    api.get<{ Params: { id: string } }>('/batches/:id', async (request, reply) => {
      const status = /^[0-9a-f-]{36}$/.test(request.params.id) ? await client.batchStatus(request.params.id) : null;
      if (!status) return fail(reply, 404, 'not-found', `no batch ${request.params.id}`);
      return status;
    });
  });

  // --- the queue dashboard, behind the same key ----------------------------------------------
  app.get('/admin/queues', (_request, reply) => reply.redirect('/admin/queues/'));
  await app.register(
    async (admin) => {
      admin.addHook('onRequest', requireKey(opts.apiKey));
      const serverAdapter = new FastifyAdapter();
      serverAdapter.setBasePath('/admin/queues');
      createBullBoard({
        queues: [new BullMQAdapter(client.documents), new BullMQAdapter(client.pages)],
        // @bull-board/fastify pins its own (same-minor) copy of @bull-board/api: same shapes.
        serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
        options: { uiConfig: { boardTitle: 'sohoa queues' } },
      });
      await admin.register(serverAdapter.registerPlugin(), { prefix: '/' });
    },
    { prefix: '/admin/queues' },
  );

  return Object.assign(app, { queueClient: client }) as unknown as FastifyInstance & { queueClient: QueueClient };
}
