/**
 * Pipeline "scanned-plan": PDFs (scanned or born-digital) and page images.
 *
 *   load + ocr + layout (pdfjs-dist render / text layer → tesseract.js pool → lines, blocks,
 *   tables) → restore (diacritics + OCR errors) → extract (PlanDocument fields)
 */
import type { Pipeline } from '../src/pipeline/types.ts';
import { restoreStage, extractStage, PIPELINE_VERSION } from './common.ts';

export const SCAN_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];

export const scannedPlanPipeline: Pipeline = {
  name: 'scanned-plan',
  version: PIPELINE_VERSION,
  accepts: (ext) => SCAN_EXTENSIONS.includes(ext),
  stages: [
    {
      name: 'load-ocr-layout',
      async run(ctx) {
        // Loaded on first use: tesseract.js and pdfjs-dist are heavy and text-only runs skip them.
        const { readScannedFile } = await import('../src/ocr/index.ts');
        const { pages, failures } = await readScannedFile(ctx.input.path, {
          dpi: ctx.options.dpi,
          pool: ctx.options.ocrPool,
          onPage: ctx.options.onPage,
        });
        ctx.tree = { type: 'root', children: pages };
        ctx.failures.push(...failures);
      },
    },
    restoreStage,
    extractStage,
  ],
};
