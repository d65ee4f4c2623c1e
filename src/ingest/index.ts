/**
 * The in-process runner (`sohoa ingest`): expands files and folders, runs the pipeline that takes
 * each file, writes the exports, skips inputs already done, and never lets one failure stop the
 * others. It adds scheduling only; the stages are the pipelines'.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pipelineFor } from '../../pipelines/index.ts';
import { readInput, runPipeline } from '../pipeline/run.ts';
import type { PipelineOptions } from '../pipeline/types.ts';
import { writeExports, type ExportFormat } from '../export/index.ts';

export interface IngestItem {
  path: string;
  /** Output path without extension: `<out>/<relative dir>/<name>`. */
  outBase: string;
}

export interface IngestOutcome {
  file: string;
  status: 'done' | 'skipped' | 'failed';
  outputs: string[];
  pages: number;
  ms: number;
  /** Whole-file failure reason, or page failures of a document that was still written. */
  failures: { page: number | null; reason: string }[];
}

/** Files under the given paths that some pipeline accepts, each with where its outputs go. */
export async function expandInputs(inputs: string[], outDir: string): Promise<{ items: IngestItem[]; errors: IngestOutcome[] }> {
  const items: IngestItem[] = [];
  const errors: IngestOutcome[] = [];
  const fail = (file: string, reason: string) =>
    errors.push({ file, status: 'failed', outputs: [], pages: 0, ms: 0, failures: [{ page: null, reason }] });
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      fail(input, 'no such file or folder');
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await walk(input)) {
        if (!pipelineFor(file)) continue;
        const rel = relative(input, file);
        items.push({ path: file, outBase: join(outDir, dirname(rel), basename(rel, extname(rel))) });
      }
    } else if (pipelineFor(input)) {
      items.push({ path: input, outBase: join(outDir, basename(input, extname(input))) });
    } else {
      fail(input, `unsupported file type "${extname(input) || '(none)'}": expected .pdf, .png, .jpg, .jpeg, .tif, .tiff or .txt`);
    }
  }
  // Two inputs writing the same output would overwrite each other: refuse the later one.
  const seen = new Map<string, string>();
  const unique = items.filter((item) => {
    const key = resolve(item.outBase);
    const first = seen.get(key);
    if (first) {
      fail(item.path, `its outputs would overwrite those of ${first}`);
      return false;
    }
    seen.set(key, item.path);
    return true;
  });
  return { items: unique, errors };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Is `<outBase>.json` a result of this very input and pipeline version? */
async function alreadyDone(outBase: string, sha256: string, version: string, name: string): Promise<boolean> {
  try {
    const doc = JSON.parse(await readFile(`${outBase}.json`, 'utf8'));
    // A document written with failed pages is tried again.
    const pageFailed = (doc?.quality?.warnings ?? []).some((w: { source?: string }) => w.source === 'load:page-failed');
    return doc?.source?.sha256 === sha256 && doc?.pipeline?.version === version && doc?.pipeline?.name === name && !pageFailed;
  } catch {
    return false;
  }
}

export async function ingestOne(
  item: IngestItem,
  formats: readonly ExportFormat[],
  options: PipelineOptions & { force?: boolean },
): Promise<IngestOutcome> {
  const started = Date.now();
  const outcome: IngestOutcome = { file: item.path, status: 'failed', outputs: [], pages: 0, ms: 0, failures: [] };
  try {
    const pipeline = pipelineFor(item.path)!;
    const input = await readInput(item.path);
    if (!options.force && (await alreadyDone(item.outBase, input.sha256, pipeline.version, pipeline.name))) {
      return { ...outcome, status: 'skipped', outputs: [`${item.outBase}.json`], ms: Date.now() - started };
    }
    const { document, failures } = await runPipeline(pipeline, input, options);
    outcome.outputs = await writeExports(document, dirname(item.outBase), basename(item.outBase), formats);
    outcome.pages = document.source.pageCount;
    outcome.failures = failures;
    outcome.status = failures.length ? 'failed' : 'done';
  } catch (err) {
    outcome.failures.push({ page: null, reason: err instanceof Error ? err.message : String(err) });
  }
  outcome.ms = Date.now() - started;
  return outcome;
}

/** Runs items with at most `concurrency` documents in flight; reports each as it ends. */
export async function ingestAll(
  items: IngestItem[],
  formats: readonly ExportFormat[],
  options: PipelineOptions & { force?: boolean; concurrency?: number },
  onOutcome: (o: IngestOutcome) => void,
): Promise<IngestOutcome[]> {
  const results: IngestOutcome[] = [];
  let next = 0;
  const lanes = Math.max(1, Math.min(options.concurrency ?? 1, items.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const outcome = await ingestOne(item, formats, options);
        results.push(outcome);
        onOutcome(outcome);
      }
    }),
  );
  return results;
}
