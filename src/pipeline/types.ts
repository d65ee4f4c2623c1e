/**
 * What a pipeline is: a named, versioned, readable list of stages over one document context.
 * Stages are plain functions over the tree; they never know how they are scheduled (in process
 * or through BullMQ). See `pipelines/` for the named pipelines.
 */
import type { VFile } from 'vfile';
import type { DocumentRoot } from '../tree/types.ts';
import type { PlanDocument } from '../schema/plan-document.ts';
import type { OcrPool } from '../ocr/index.ts';

export interface PipelineInput {
  /** Path on disk (used for reading and in messages). */
  path: string;
  /** File name shown to the user and written into `source.fileName`. */
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface PipelineOptions {
  /** OCR pool shared across documents of one run (scanned inputs only). */
  ocrPool?: OcrPool;
  dpi?: number;
  /** Tone-mark placement written out: "classic" (hòa, thủy) or "modern" (hoà, thuỷ). */
  toneStyle?: 'classic' | 'modern';
  /** Extra language-model overlay learned from the user's documents (`sohoa dict learn`). */
  overlayPath?: string;
  onPage?: (p: { page: number; total: number }) => void;
}

export interface PageFailure {
  page: number;
  reason: string;
}

export interface PipelineContext {
  input: PipelineInput;
  options: PipelineOptions;
  tree: DocumentRoot;
  /** vfile: stages report warnings here as messages with positions. */
  file: VFile;
  failures: PageFailure[];
  /** Filled by the extract stage. */
  extracted?: Omit<PlanDocument, 'schemaVersion' | 'pipeline' | 'source' | 'text' | 'quality'>;
}

export interface Stage {
  name: string;
  run(ctx: PipelineContext): void | Promise<void>;
}

export interface Pipeline {
  name: string;
  /** Bumped whenever its output can change: part of the job id and of the skip check. */
  version: string;
  /** Does this pipeline take a file with this (lower-case, dotted) extension? */
  accepts(extension: string): boolean;
  stages: Stage[];
}
