/**
 * `sohoa worker`: takes document and page jobs from Redis until stopped. SIGTERM or SIGINT stops
 * taking jobs and lets the running ones finish (graceful); a second signal exits at once.
 */
import { availableParallelism } from 'node:os';
import { queueSettings, startWorker } from '../queue/index.ts';

export interface WorkerCommandOptions {
  redisUrl?: string;
  storage?: string;
  concurrency: number;
  ocrThreads?: number;
  overlay?: string;
  name?: string;
  /** Ready the models and processes at start (default true; `--no-warm`). */
  warm?: boolean;
  quiet?: boolean;
}

export async function runWorkerCommand(opts: WorkerCommandOptions): Promise<number> {
  const settings = queueSettings({
    ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}),
    ...(opts.storage ? { storageDir: opts.storage } : {}),
  });
  const log = opts.quiet ? undefined : (event: Record<string, unknown>) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), pid: process.pid, ...event }) + '\n');
  const where = `${settings.redisUrl.replace(/\/\/[^@/]*@/, '//***@')}, storage ${settings.storageDir}`;
  process.stderr.write(`sohoa worker: connecting to ${where}\n`);
  const worker = await startWorker({
    settings,
    concurrency: opts.concurrency,
    ocrThreads: opts.ocrThreads ?? availableParallelism(),
    overlayPath: opts.overlay,
    name: opts.name,
    warm: opts.warm,
    log,
  });
  process.stderr.write(`sohoa worker: ready; SIGTERM to stop\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write(`sohoa worker: ${signal} again, exiting now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`sohoa worker: ${signal}, finishing running jobs\n`);
      void worker.close().then(resolve);
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
