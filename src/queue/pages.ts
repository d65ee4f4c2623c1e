/**
 * Page fan-out plumbing: how many pages a file has, and the pages `from..to` of it read by the
 * OCR stage (src/ocr `readScannedFile`, the function the in-process runner calls).
 *
 * src/ocr reads whole files only, so a PDF page is handed to it as a one-page PDF copied out
 * with pdf-lib once, when the document is planned (the page's objects are copied, not
 * re-encoded: text layers and images stay as they are). Files pdf-lib cannot split, and
 * TIFF/PNG/JPEG, are read whole by one page job. When src/ocr exports a per-page reader,
 * `readPageRange` should call it instead.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { PageNode } from '../tree/types.ts';
import type { OcrPool } from '../ocr/index.ts';
import type { PageFailure } from './payloads.ts';

/** Page count of a scanned or born-digital file; throws "<name>: cannot open: <reason>" for broken or encrypted files. */
export async function countPages(absPath: string, fileName: string): Promise<number> {
  const { PageReader } = await import('../pdf/index.ts');
  const bytes = new Uint8Array(await readFile(absPath));
  const reader = await PageReader.open(bytes, fileName, { dpi: 72, maxPixels: 1_000_000 });
  const total = reader.total;
  await reader.close();
  return total;
}

/**
 * Copies every page of a PDF into a one-page PDF of its own, `<stem>.p<n>.pdf` in `outDir`
 * (one parse of the whole file, however many pages). Null when pdf-lib cannot read the file:
 * its pages are then read from the whole file by one page job.
 */
export async function splitPdf(absPath: string, fileName: string, outDir: string): Promise<string[] | null> {
  const bytes = await readFile(absPath);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
  await mkdir(outDir, { recursive: true });
  const stem = basename(fileName, extname(fileName)).slice(0, 80) || 'document';
  const names: string[] = [];
  for (const index of source.getPageIndices()) {
    const part = await PDFDocument.create({ updateMetadata: false });
    part.addPage((await part.copyPages(source, [index]))[0]);
    const name = `${stem}.p${index + 1}.pdf`;
    // Written under a temporary name and renamed: a page job never reads half a page.
    await writeFile(join(outDir, `${name}.tmp`), await part.save({ useObjectStreams: false }));
    await rename(join(outDir, `${name}.tmp`), join(outDir, name));
    names.push(name);
  }
  return names;
}

export interface PageRange {
  pages: PageNode[];
  failures: PageFailure[];
}

/**
 * Reads pages `from..to` of a file: from the one-page PDF `pageFile` made by splitPdf when there
 * is one (renumbered to page `from` of the whole file), otherwise the whole file.
 */
export async function readPageRange(
  absPath: string,
  fileName: string,
  range: { from: number; to: number; pageFile?: string },
  opts: { pool: OcrPool; dpi?: number },
): Promise<PageRange> {
  const { readScannedFile } = await import('../ocr/index.ts');
  if (!range.pageFile) {
    const { pages, failures } = await readScannedFile(absPath, { pool: opts.pool, dpi: opts.dpi });
    return { pages, failures: failures.map((f) => ({ page: f.page, reason: f.reason })) };
  }
  const partName = basename(range.pageFile);
  const { pages, failures } = await readScannedFile(range.pageFile, { pool: opts.pool, dpi: opts.dpi });
  // Back to the numbering and the name of the whole file.
  const offset = range.from - 1;
  const rename = (reason: string) => reason.split(partName).join(`${fileName} page ${range.from}`);
  for (const p of pages) {
    p.data.number += offset;
    if (p.data.error) p.data.error = rename(p.data.error);
  }
  return { pages, failures: failures.map((f) => ({ page: f.page + offset, reason: rename(f.reason) })) };
}
