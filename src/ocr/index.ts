/**
 * src/ocr — reads a scanned (or born-digital) file into page nodes.
 *
 *   in:  a PDF (born-digital pages → text layer; scanned pages → render + OCR), PNG, JPEG or
 *        TIFF (multi-page) on disk
 *   out: one PageNode per page: headings, paragraphs and tables of lines (src/layout), each line
 *        with its words (text, confidence 0..1, box in page pixels) — plus the pages that failed
 *
 * Loading, rendering and image cleaning run in a child process (src/pdf: a native crash there
 * fails one page, not the host), OCR in a pool of child processes, each running a tesseract.js
 * worker (pool.ts): the hosting process's event loop stays free.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PageNode } from '../tree/types.ts';
import { PageReader, type SourcePage } from '../pdf/index.ts';
import { layoutPage, type RawLine, type RawWord } from '../layout/index.ts';
import { MOSAIC_PAD, type MosaicSlot } from '../pdf/pages.ts';
import { OcrPool } from './pool.ts';

export { OcrPool, vieLangPath, type OcrPoolOptions, type OcrPageResult } from './pool.ts';

export interface ReadScanOptions {
  /**
   * Resolution for scanned pages; default 300, capped by `maxPixels`. A PDF page that is one
   * scanned JPEG is read at that image's own resolution when it is lower (never upsampled).
   */
  dpi?: number;
  /** Largest page image in pixels (default 14 M: A4 at 300 dpi is 8.7 M). */
  maxPixels?: number;
  /** OCR worker pool size, default os.availableParallelism() (ignored when `pool` is given). */
  workers?: number;
  /** Reuse a pool across files (the CLI makes one per run). */
  pool?: OcrPool;
  /**
   * Loading or rendering one page (in the page process) taking longer than this fails that page;
   * default 120 s.
   */
  renderTimeoutMs?: number;
  onPage?: (p: { page: number; total: number }) => void;
}

export interface PageFailure {
  page: number;
  reason: string;
}

/**
 * Reads every page of a file. A page that fails comes out with `data.error` and no children, and
 * is listed in `failures`; a file that cannot be opened at all throws an Error naming it.
 */
export async function readScannedFile(filePath: string, opts: ReadScanOptions = {}): Promise<{ pages: PageNode[]; failures: PageFailure[] }> {
  const name = basename(filePath);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    throw new Error(`${name}: cannot open: ${(error as Error).message}`);
  }
  const reader = await PageReader.open(bytes, name, { dpi: opts.dpi ?? 300, maxPixels: opts.maxPixels ?? 14_000_000, pageTimeoutMs: opts.renderTimeoutMs });
  const ownPool = opts.pool ? null : new OcrPool({ size: opts.workers });
  const pool = opts.pool ?? ownPool!;
  const total = reader.total;
  const pages: PageNode[] = new Array(total);
  const failures: PageFailure[] = [];
  let done = 0;
  try {
    // Pages are loaded one after another in the page process and OCR'd in parallel; at most a
    // few loaded pages wait for OCR, so memory stays bounded on long scans.
    const ahead = pool.size + 1;
    const inFlight = new Set<Promise<void>>();
    for (let n = 1; n <= total; n++) {
      const task = readPage(reader, pool, n).then(
        (page) => {
          pages[n - 1] = page;
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          failures.push({ page: n, reason });
          pages[n - 1] = { type: 'page', children: [], data: { number: n, kind: 'scanned', confidence: null, error: reason } };
        },
      );
      const tracked: Promise<void> = task.finally(() => {
        inFlight.delete(tracked);
        done++;
        opts.onPage?.({ page: done, total });
      });
      inFlight.add(tracked);
      if (inFlight.size >= ahead) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await reader.close();
    await ownPool?.close();
  }
  markContinuedTables(pages);
  failures.sort((a, b) => a.page - b.page);
  return { pages, failures };
}

async function readPage(reader: PageReader, pool: OcrPool, n: number): Promise<PageNode> {
  const source: SourcePage = await reader.page(n);
  if (source.kind === 'born-digital') {
    const children = layoutPage({ width: source.width, height: source.height, dpi: source.dpi, lines: source.lines, tables: source.tables });
    return { type: 'page', children, data: { number: n, kind: 'born-digital', confidence: null, width: source.width, height: source.height } };
  }
  const [ocr, ...tables] = await Promise.all([
    pool.recognize(source.image, source.dpi),
    ...source.tableImages.map((t) => pool.recognize(t.image, source.dpi * t.scale, { block: true })),
  ]);
  // Table words come back in mosaic coordinates: move them to their cell on the page.
  const tableLines: RawLine[] = tables.flatMap((r, i) => r.lines.map((l) => ({ words: l.words.flatMap((w) => fromMosaic(w, source.tableImages[i].slots, source.tableImages[i].scale)) })));
  const children = layoutPage({ width: source.width, height: source.height, dpi: source.dpi, lines: [...ocr.lines, ...tableLines], tables: source.tables });
  const all = [ocr, ...tables].flatMap((r) => r.lines.flatMap((l) => l.words));
  const confidence = all.length ? all.reduce((s, w) => s + w.confidence, 0) / all.length : null;
  const data: PageNode['data'] & { dpi?: number; skewDegrees?: number; rotation?: number } = {
    number: n,
    kind: 'scanned',
    confidence: confidence === null ? null : Math.round(confidence * 1000) / 1000,
    width: source.width,
    height: source.height,
    dpi: source.dpi,
    skewDegrees: source.skewDegrees,
    rotation: source.quarterTurns * 90,
  };
  return { type: 'page', children, data };
}

function fromMosaic(w: RawWord, slots: MosaicSlot[], scale: number): RawWord[] {
  const cy = (w.bbox.y0 + w.bbox.y1) / 2;
  const s = slots.find((slot) => cy >= slot.top - 4 && cy < slot.top + slot.height * scale + 4);
  if (!s) return [];
  const move = (b: RawWord['bbox']) => ({
    x0: s.x + (b.x0 - MOSAIC_PAD) / scale,
    y0: s.y + (b.y0 - s.top) / scale,
    x1: s.x + (b.x1 - MOSAIC_PAD) / scale,
    y1: s.y + (b.y1 - s.top) / scale,
  });
  return [{ ...w, bbox: move(w.bbox), symbols: w.symbols?.map((sym) => ({ ...sym, bbox: move(sym.bbox) })) }];
}

/**
 * A table that opens a page (nothing above it) with as many columns as the table closing the
 * previous page is that table's continuation (appendix matrices run across pages).
 */
function markContinuedTables(pages: PageNode[]): void {
  for (let i = 1; i < pages.length; i++) {
    const first = pages[i].children[0];
    const prev = pages[i - 1].children[pages[i - 1].children.length - 1];
    if (first?.type !== 'table' || prev?.type !== 'table') continue;
    const cols = (t: typeof first) => Math.max(...t.children.map((r) => r.children.reduce((s, c) => s + (c.data?.colSpan ?? 1), 0)));
    if (cols(first) === cols(prev as typeof first)) first.data = { ...first.data, continuesFromPreviousPage: true };
  }
}
