/**
 * Runs one pipeline over one input and assembles the PlanDocument. Used by the in-process
 * runner (`sohoa ingest`) and by the queue workers alike: scheduling lives elsewhere.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { VFile } from 'vfile';
import { PlanDocument, SCHEMA_VERSION, type Warning } from '../schema/plan-document.ts';
import type { Pipeline, PipelineContext, PipelineInput, PipelineOptions, PageFailure } from './types.ts';
import type { PageMessage } from './messages.ts';
import { emptyExtraction } from '../extract/index.ts';
import { collectCorrections, documentText } from '../tree/text.ts';

export interface PipelineResult {
  document: PlanDocument;
  failures: PageFailure[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readInput(path: string, fileName = basename(path)): Promise<PipelineInput> {
  const bytes = new Uint8Array(await readFile(path));
  return { path, fileName, bytes, sha256: sha256Hex(bytes) };
}

export async function runPipeline(
  pipeline: Pipeline,
  input: PipelineInput,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const ctx: PipelineContext = {
    input,
    options,
    tree: { type: 'root', children: [] },
    file: new VFile({ path: input.path }),
    failures: [],
  };
  for (const stage of pipeline.stages) {
    await stage.run(ctx);
  }
  const document = PlanDocument.parse(assemble(pipeline, ctx));
  return { document, failures: ctx.failures };
}

function assemble(pipeline: Pipeline, ctx: PipelineContext): PlanDocument {
  const pages = ctx.tree.children;
  const ocrConfidences = pages.map((p) => p.data.confidence).filter((c): c is number => c !== null);
  const corrections = collectCorrections(ctx.tree);
  const warnings: Warning[] = ctx.file.messages.map((m) => ({
    message: m.reason,
    source: [m.source, m.ruleId].filter(Boolean).join(':') || 'pipeline',
    page: (m as PageMessage).page ?? null,
    line: m.line ?? null,
    column: m.column ?? null,
  }));
  for (const f of ctx.failures) {
    warnings.push({ message: `page ${f.page} failed: ${f.reason}`, source: 'load:page-failed', page: f.page, line: null, column: null });
  }
  const restoreConfidence = corrections.length
    ? corrections.reduce((s, c) => s + c.confidence, 0) / corrections.length
    : null;
  return {
    schemaVersion: SCHEMA_VERSION,
    pipeline: { name: pipeline.name, version: pipeline.version },
    source: {
      fileName: ctx.input.fileName,
      sha256: ctx.input.sha256,
      pageCount: pages.length,
      pages: pages.map((p) => ({ number: p.data.number, kind: p.data.kind, confidence: p.data.confidence })),
    },
    ...(ctx.extracted ?? emptyExtraction()),
    text: { restored: documentText(ctx.tree, 'restored'), original: documentText(ctx.tree, 'original') },
    quality: {
      ocrConfidence: ocrConfidences.length ? ocrConfidences.reduce((a, b) => a + b, 0) / ocrConfidences.length : null,
      worstPageConfidence: ocrConfidences.length ? Math.min(...ocrConfidences) : null,
      restoreConfidence,
      corrections,
      warnings,
    },
  };
}
