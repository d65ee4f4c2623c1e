/** `sohoa ingest`: progress on a TTY, one JSON line per document otherwise, failures listed at the end. */
import cliProgress from 'cli-progress';
import { expandInputs, ingestAll, type IngestOutcome } from '../ingest/index.ts';
import type { ExportFormat } from '../export/index.ts';
import { SCAN_EXTENSIONS } from '../../pipelines/scanned-plan.ts';
import { extname } from 'node:path';

interface IngestOptions {
  out: string;
  format: ExportFormat[];
  concurrency: number;
  workers: number;
  dpi: number;
  toneStyle: 'classic' | 'modern';
  overlay?: string;
  force: boolean;
}

export async function runIngestCommand(paths: string[], opts: IngestOptions): Promise<number> {
  const { items, errors } = await expandInputs(paths, opts.out);
  // A progress bar when stderr is a terminal; JSON lines whenever stdout is not one (piped, as in
  // `sohoa ingest … | jq`), so both can show at once.
  const tty = Boolean(process.stderr.isTTY);
  const jsonLines = !process.stdout.isTTY;
  const report = (o: IngestOutcome) => {
    if (jsonLines) process.stdout.write(JSON.stringify(o) + '\n');
  };
  errors.forEach(report);

  const needsOcr = items.some((i) => SCAN_EXTENSIONS.includes(extname(i.path).toLowerCase()));
  const ocrPool = needsOcr ? new (await import('../ocr/index.ts')).OcrPool({ size: opts.workers }) : undefined;

  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'sohoa {bar} {value}/{total} documents | {file}', hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(items.length, 0, { file: '' });
  let results: IngestOutcome[] = [];
  try {
    results = await ingestAll(
      items,
      opts.format,
      { force: opts.force, concurrency: opts.concurrency, ocrPool, dpi: opts.dpi, toneStyle: opts.toneStyle, overlayPath: opts.overlay },
      (o) => {
        bar?.increment(1, { file: o.file });
        report(o);
      },
    );
  } finally {
    bar?.stop();
    await ocrPool?.close();
  }

  const all = [...errors, ...results];
  const failed = all.filter((o) => o.status === 'failed');
  const done = all.filter((o) => o.status === 'done').length;
  const skipped = all.filter((o) => o.status === 'skipped').length;
  process.stderr.write(`sohoa ingest: ${done} done, ${skipped} skipped (up to date), ${failed.length} failed\n`);
  for (const f of failed) {
    for (const x of f.failures) {
      process.stderr.write(`  FAILED ${f.file}${x.page ? ` page ${x.page}` : ''}: ${x.reason}\n`);
    }
  }
  return failed.length ? 1 : 0;
}
