/** Stages every named pipeline ends with, and the version that marks their output. */
import type { Stage } from '../src/pipeline/types.ts';
import { restoreTree } from '../src/restore/stage.ts';
import { loadRestorer } from '../src/restore/restorer.ts';
import { extractPlan } from '../src/extract/index.ts';

/** Bump when any stage's output can change: part of job ids and of `ingest`'s skip check. */
export const PIPELINE_VERSION = '0.1.0';

export const restoreStage: Stage = {
  name: 'restore',
  run(ctx) {
    restoreTree(ctx.tree, ctx.file, loadRestorer({ toneStyle: ctx.options.toneStyle, overlayPath: ctx.options.overlayPath }));
  },
};

export const extractStage: Stage = {
  name: 'extract',
  run(ctx) {
    ctx.extracted = extractPlan(ctx.tree, ctx.file);
  },
};
