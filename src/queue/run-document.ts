/**
 * The assemble step of a document job, run in a stage thread (see threads.ts): the named
 * pipeline's own stages over the document — for a scanned file, with its load stage replaced by
 * the pages its page jobs already read — then every export format into the run's result folder.
 * The same functions `sohoa ingest` calls (runPipeline, writeExports); no logic of its own.
 */
import { readFile } from 'node:fs/promises';
import { pipelineByName } from '../../pipelines/index.ts';
import { readInput, runPipeline, sha256Hex } from '../pipeline/run.ts';
import type { Pipeline } from '../pipeline/types.ts';
import { EXPORT_FORMATS, writeExports } from '../export/index.ts';
import type { PageNode } from '../tree/types.ts';
import { Storage } from './storage.ts';
import type { PageFailure, RunOptions } from './payloads.ts';

export interface DocumentTask {
  storageRoot: string;
  storedPath: string;
  fileName: string;
  pipeline: string;
  options: RunOptions;
  /** User overlay model of this worker (`sohoa worker --overlay`). */
  overlayPath?: string;
  /** Page parts written by page jobs (relative storage paths), in page order; absent for text files. */
  parts?: string[];
  resultDir: string;
}

export interface DocumentOutcome {
  pageCount: number;
  failures: PageFailure[];
  files: string[];
  warnings: number;
}

/** Thrown for problems that another attempt cannot fix (the file itself is bad). */
export class PermanentError extends Error {
  readonly permanent = true;
}

export async function runDocument(task: DocumentTask): Promise<DocumentOutcome> {
  const storage = new Storage(task.storageRoot);
  const named = pipelineByName(task.pipeline);
  if (!named) throw new PermanentError(`${task.fileName}: unknown pipeline "${task.pipeline}"`);
  const pipeline = task.parts ? withPagesRead(named, await loadParts(storage, task.parts)) : named;
  const input = await readInput(storage.path(task.storedPath), task.fileName);
  const { document, failures } = await runPipeline(pipeline, input, {
    toneStyle: task.options.toneStyle,
    dpi: task.options.dpi,
    overlayPath: task.overlayPath,
  });
  const written = await writeExports(document, storage.path(task.resultDir), 'document', EXPORT_FORMATS);
  return {
    pageCount: document.source.pageCount,
    failures: failures.map((f) => ({ page: f.page, reason: f.reason })),
    files: written.map((p) => p.slice(p.lastIndexOf('/') + 1)),
    warnings: document.quality.warnings.length,
  };
}

/**
 * Readies a stage thread for its first document: loads the pipelines, the language model and
 * dictionaries (the restorer this worker's documents use), and runs restore and extract once
 * over a few lines, so that the first document a worker assembles does not pay for loading
 * them (on the bench scan: about 0.8 s of a cold thread against 0.4 s warm).
 */
export async function warmDocumentStages(overlayPath?: string): Promise<void> {
  const pipeline = pipelineByName('ocr-text');
  if (!pipeline) return;
  // Kế hoạch (plan) heading, a task with its lead (chủ trì, in charge) and a deadline.
  const bytes = new TextEncoder().encode('KE HOACH\nTrien khai thuc hien nam 2025\n1. UBND xa chu tri, hoan thanh truoc ngay 30/6/2025.\n');
  await runPipeline(pipeline, { path: 'warm-up.txt', fileName: 'warm-up.txt', bytes, sha256: sha256Hex(bytes) }, { overlayPath });
  await import('../export/index.ts');
}

interface Part {
  pages: PageNode[];
  failures: PageFailure[];
}

async function loadParts(storage: Storage, parts: string[]): Promise<Part> {
  const pages: PageNode[] = [];
  const failures: PageFailure[] = [];
  for (const rel of parts) {
    const part = JSON.parse(await readFile(storage.path(rel), 'utf8')) as Part;
    pages.push(...part.pages);
    failures.push(...part.failures);
  }
  pages.sort((a, b) => a.data.number - b.data.number);
  // Tables running across pages are joined by src/ocr when it reads a whole file; pages read
  // apart get the same treatment here once src/ocr exports it.
  const ocr = (await import('../ocr/index.ts')) as Record<string, unknown>;
  const join = ocr.markContinuedTables;
  if (typeof join === 'function') (join as (p: PageNode[]) => void)(pages);
  return { pages, failures };
}

/** The pipeline with its load stage (the first: reading pages) replaced by pages already read. */
function withPagesRead(pipeline: Pipeline, part: Part): Pipeline {
  const [load, ...rest] = pipeline.stages;
  if (!load?.name.startsWith('load')) throw new Error(`pipeline ${pipeline.name} does not start with a load stage`);
  return {
    ...pipeline,
    stages: [
      {
        name: load.name,
        run(ctx) {
          ctx.tree = { type: 'root', children: part.pages };
          ctx.failures.push(...part.failures.map((f) => ({ page: f.page ?? 0, reason: f.reason })));
        },
      },
      ...rest,
    ],
  };
}
