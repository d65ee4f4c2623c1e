/**
 * `sohoa ingest --queue`: the same inputs and outputs as `sohoa ingest`, but the documents are
 * stored in the storage folder (SOHOA_STORAGE) and enqueued on Redis (REDIS_URL) for
 * `sohoa worker`s; this command follows their progress and copies each result to --out as it
 * finishes. Interrupting it leaves the jobs running; running it again picks them up.
 */
import cliProgress from 'cli-progress';
import { expandInputs, type IngestItem, type IngestOutcome } from '../ingest/index.ts';
import type { ExportFormat } from '../export/index.ts';
import { QueueClient, queueSettings, type DocumentStatus, type Submission } from '../queue/index.ts';

export interface QueueIngestOptions {
  out: string;
  format: ExportFormat[];
  dpi?: number;
  toneStyle?: 'classic' | 'modern';
  force: boolean;
  /** Poll interval in ms (default 500). */
  pollMs?: number;
}

export interface QueueIngestOutcome extends IngestOutcome {
  id?: string;
  runId?: string;
  duplicate?: boolean;
}

interface Tracked {
  item: IngestItem;
  submission: Submission;
  started: number;
}

export async function runQueueIngestCommand(paths: string[], opts: QueueIngestOptions): Promise<number> {
  const settings = queueSettings();
  const { items, errors } = await expandInputs(paths, opts.out);
  const tty = Boolean(process.stderr.isTTY);
  const outcomes: QueueIngestOutcome[] = [...errors];
  const report = (o: QueueIngestOutcome) => {
    if (!tty) process.stdout.write(JSON.stringify(o) + '\n');
  };
  errors.forEach(report);

  const client = new QueueClient(settings);
  if (!(await client.ping(10_000))) {
    await client.close();
    process.stderr.write(`sohoa ingest --queue: cannot reach Redis at ${settings.redisUrl} (set REDIS_URL)\n`);
    return 1;
  }
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSignal);
  const bar = tty
    ? new cliProgress.SingleBar({ format: 'sohoa {bar} {value}/{total} documents | {state}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  try {
    const tracked: Tracked[] = [];
    for (const item of items) {
      const started = Date.now();
      try {
        const stored = await client.storage.putFile(item.path);
        const submission = await client.submit(stored, { force: opts.force, options: { toneStyle: opts.toneStyle, dpi: opts.dpi } });
        tracked.push({ item, submission, started });
      } catch (error) {
        const o: QueueIngestOutcome = { file: item.path, status: 'failed', outputs: [], pages: 0, ms: 0, failures: [{ page: null, reason: (error as Error).message }] };
        outcomes.push(o);
        report(o);
      }
    }
    bar?.start(tracked.length, 0, { state: `${tracked.length} queued on ${settings.redisUrl}` });
    let pending = tracked;
    const poll = opts.pollMs ?? 500;
    while (pending.length && !interrupted) {
      const still: Tracked[] = [];
      let running = 0;
      for (const t of pending) {
        let status: DocumentStatus | null;
        try {
          status = await client.status(t.submission.id);
        } catch {
          still.push(t); // Redis away for a moment: ask again next round.
          continue;
        }
        if (status && status.runId !== t.submission.runId && status.runId) {
          // Someone started a newer run of the same file: follow that one.
          t.submission = { ...t.submission, runId: status.runId };
        }
        if (status?.state === 'completed' || status?.state === 'failed') {
          const o = await finish(client, t, status, opts.format).catch(
            (error: Error): QueueIngestOutcome => ({ file: t.item.path, status: 'failed', outputs: [], pages: 0, ms: Date.now() - t.started, failures: [{ page: null, reason: `copying the result: ${error.message}` }] }),
          );
          outcomes.push(o);
          report(o);
          bar?.increment(1, { state: `${t.item.path}: ${o.status}` });
        } else {
          if (status?.state === 'running') running++;
          still.push(t);
        }
      }
      pending = still;
      bar?.update({ state: `${running} running, ${pending.length} not finished` });
      if (pending.length) await new Promise((r) => setTimeout(r, poll));
    }
    if (interrupted && pending.length) {
      process.stderr.write(`\nsohoa ingest --queue: stopped following; ${pending.length} documents stay queued for the workers\n`);
    }
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    await client.close();
  }

  const failed = outcomes.filter((o) => o.status === 'failed');
  const done = outcomes.filter((o) => o.status === 'done').length;
  process.stderr.write(`sohoa ingest --queue: ${done} done, ${failed.length} failed\n`);
  for (const f of failed) for (const x of f.failures) process.stderr.write(`  FAILED ${f.file}${x.page ? ` page ${x.page}` : ''}: ${x.reason}\n`);
  if (interrupted) return 130;
  return failed.length ? 1 : 0;
}

/** Copies a finished run's files to the item's output base; the JSON last (it marks "done"). */
async function finish(client: QueueClient, t: Tracked, status: DocumentStatus, formats: ExportFormat[]): Promise<QueueIngestOutcome> {
  const base: QueueIngestOutcome = {
    file: t.item.path,
    status: 'failed',
    outputs: [],
    pages: status.pageCount ?? 0,
    ms: Date.now() - t.started,
    failures: status.failures,
    id: status.id,
    runId: status.runId ?? undefined,
    duplicate: t.submission.duplicate,
  };
  if (status.state === 'failed') return { ...base, failures: [{ page: null, reason: status.error ?? 'failed' }] };
  const wanted = (f: string) =>
    (formats.includes('md') && f === 'document.md') || (formats.includes('xlsx') && f === 'document.xlsx') || (formats.includes('csv') && f.endsWith('.csv'));
  const files = [...status.results.filter(wanted), 'document.json'];
  const outputs: string[] = [];
  for (const f of files) {
    const target = t.item.outBase + f.slice('document'.length);
    await client.storage.copyOut(`${client.storage.resultDir(status.runId!)}/${f}`, target);
    outputs.push(target);
  }
  return { ...base, status: status.failures.length ? 'failed' : 'done', outputs };
}
