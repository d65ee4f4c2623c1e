/**
 * `sohoa serve`: the HTTP API, the web page and the queue dashboard. Settings come from options,
 * else the environment (PORT, HOST, REDIS_URL, SOHOA_STORAGE, SOHOA_API_KEY, SOHOA_BATCH_ROOT,
 * SOHOA_MAX_UPLOAD_MB). SIGTERM/SIGINT close it gracefully.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { queueSettings, startWorker, type RunningWorker } from '../queue/index.ts';
import { buildServer } from '../server/index.ts';

export interface ServeCommandOptions {
  redisUrl?: string;
  storage?: string;
  port?: number;
  host?: string;
  apiKey?: string;
  batchRoot?: string;
  maxUploadMb?: number;
  withWorker?: boolean;
}

export async function runServeCommand(opts: ServeCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const settings = queueSettings({
    ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}),
    ...(opts.storage ? { storageDir: resolve(opts.storage) } : {}),
  });
  const port = opts.port ?? (env.PORT ? Number(env.PORT) : 8080);
  const host = opts.host ?? env.HOST ?? '127.0.0.1';
  const apiKey = opts.apiKey ?? (env.SOHOA_API_KEY || undefined);
  const batchRoot = opts.batchRoot ?? (env.SOHOA_BATCH_ROOT || undefined);
  const maxUploadMb = opts.maxUploadMb ?? (env.SOHOA_MAX_UPLOAD_MB ? Number(env.SOHOA_MAX_UPLOAD_MB) : 100);
  const app = await buildServer({
    settings,
    apiKey,
    batchRoot: batchRoot ? resolve(batchRoot) : undefined,
    maxUploadBytes: Math.round(maxUploadMb * 1024 * 1024),
    logger: env.SOHOA_LOG === '1',
  });
  let worker: RunningWorker | null = null;
  if (opts.withWorker) {
    worker = await startWorker({ settings, concurrency: 1, ocrThreads: availableParallelism() });
  }
  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (error) {
    await Promise.allSettled([app.close(), worker?.close()]);
    throw error;
  }
  process.stderr.write(
    `sohoa serve: ${address} (web page /, API /documents, OpenAPI /openapi.json, dashboard /admin/queues)` +
      `${apiKey ? ', API key required' : host !== '127.0.0.1' && host !== 'localhost' ? ', WARNING: no API key and not on loopback' : ''}` +
      `${worker ? ', with a worker' : ''}\n`,
  );
  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`sohoa serve: ${signal}, closing\n`);
      void Promise.allSettled([app.close(), worker?.close()]).then(() => done());
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
