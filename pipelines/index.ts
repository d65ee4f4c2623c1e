/** The named pipelines, and which one takes a given file. */
import { extname } from 'node:path';
import type { Pipeline } from '../src/pipeline/types.ts';
import { ocrTextPipeline } from './ocr-text.ts';
import { scannedPlanPipeline } from './scanned-plan.ts';

export const PIPELINES: Pipeline[] = [scannedPlanPipeline, ocrTextPipeline];

export function pipelineFor(path: string): Pipeline | undefined {
  const ext = extname(path).toLowerCase();
  return PIPELINES.find((p) => p.accepts(ext));
}

export function pipelineByName(name: string): Pipeline | undefined {
  return PIPELINES.find((p) => p.name === name);
}
