/**
 * Pipeline "ocr-text": archives of old OCR output (.txt). No layout on disk, so the text's own
 * lines and blank lines make the tree; then restore and extract.
 *
 *   load (text → tree) → restore (diacritics + OCR errors) → extract (PlanDocument fields)
 */
import type { Pipeline } from '../src/pipeline/types.ts';
import { ocrTextToTree } from '../src/text/ocr-text-document.ts';
import { decodeTextBytes } from '../src/restore/encodings.ts';
import { restoreStage, extractStage, PIPELINE_VERSION } from './common.ts';

export const ocrTextPipeline: Pipeline = {
  name: 'ocr-text',
  version: PIPELINE_VERSION,
  accepts: (ext) => ext === '.txt',
  stages: [
    {
      name: 'load',
      run(ctx) {
        const { text, encoding } = decodeTextBytes(ctx.input.bytes);
        if (encoding !== 'utf-8') ctx.file.message(`input decoded from legacy encoding ${encoding}`, undefined, 'load:encoding');
        ctx.tree = ocrTextToTree(text);
      },
    },
    restoreStage,
    extractStage,
  ],
};
