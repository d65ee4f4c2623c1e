/**
 * OCR benchmark: sohoa's readScannedFile (tesseract.js, vie best_int, with our preprocessing
 * and layout) against native `tesseract -l vie --psm 3` (Debian's model, OMP_THREAD_LIMIT=1, one
 * process per core) on the same page images rendered from samples/scans at 300 dpi.
 *
 * Accuracy (DESIGN.md, whole-page): tokens split on every character that is not a letter or
 * digit, NFC, lower case, tone position ignored; aligned by edit distance over the whole text;
 * matched gold tokens / gold tokens. Table cells: a gold cell counts when the cell at the same
 * row and column has exactly its tokens. Native tesseract is only a reference: it is used here
 * and nowhere in src/.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OcrPool, readScannedFile } from '../src/ocr/index.ts';
import { openPdf } from '../src/pdf/pdfjs.ts';
import type { BlockNode, LineNode, PageNode } from '../src/tree/types.ts';
import { alignMatches, tokensOf } from './accuracy.ts';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const SCANS = join(ROOT, 'samples/scans');
const DPI = 300;

interface Entry {
  file: string;
  id: string;
  kind: 'scanned' | 'born-digital';
  pages: number;
  dpi: number | null;
  heldOut: boolean;
  goldJson: string;
}

interface Gold {
  pages: Array<{ lines: string[]; tables: string[][][] }>;
}

const pct = (m: number, t: number) => (t ? `${((100 * m) / t).toFixed(1)}%` : '—');

function accuracy(hyp: string, gold: string): { matched: number; total: number } {
  const g = tokensOf(gold);
  const { matched } = alignMatches(g, tokensOf(hyp));
  return { matched: matched.filter(Boolean).length, total: g.length };
}

/** Order-free: gold tokens found in the output, counted as multisets (OCR alone, no layout). */
function bagAccuracy(hyp: string, gold: string): string {
  const counts = new Map<string, number>();
  for (const t of tokensOf(hyp)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const g = tokensOf(gold);
  let matched = 0;
  for (const t of g) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      matched++;
      counts.set(t, c - 1);
    }
  }
  return pct(matched, g.length);
}

function lines(b: BlockNode): LineNode[] {
  return b.type === 'table' ? b.children.flatMap((r) => r.children.flatMap((c) => c.children)) : b.children;
}

function pagesText(pages: PageNode[]): string {
  return pages.map((p) => p.children.flatMap(lines).map((l) => l.value).join('\n')).join('\n');
}

function cellScore(pages: PageNode[], gold: Gold): { right: number; total: number } {
  let right = 0;
  let total = 0;
  gold.pages.forEach((gp, i) => {
    const tables = (pages[i]?.children ?? []).filter((b) => b.type === 'table');
    gp.tables.forEach((gt, k) => {
      const t = tables[k];
      gt.forEach((row, r) =>
        row.forEach((cell, c) => {
          total++;
          const got = t?.children[r]?.children[c]?.children.map((l) => l.value).join(' ') ?? '';
          if (tokensOf(got).join(' ') === tokensOf(cell).join(' ')) right++;
        }),
      );
    });
  });
  return { right, total };
}

async function nativeVersion(): Promise<string | null> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--version']);
    const langs = await run('tesseract', ['--list-langs']);
    if (!/\bvie\b/.test(langs.stdout + langs.stderr)) return null;
    return (stdout || stderr).split('\n')[0].trim();
  } catch {
    return null;
  }
}

/** Renders every page of a PDF to PNG files at `dpi` (the images native tesseract reads). */
async function renderPages(pdfPath: string, dir: string, dpi: number): Promise<string[]> {
  const doc = await openPdf(new Uint8Array(readFileSync(pdfPath)), pdfPath);
  const out: string[] = [];
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { encode(f: 'png'): Promise<Buffer> }; context: unknown }; destroy(c: unknown): void } }).canvasFactory;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const cc = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: cc.context, viewport, canvas: cc.canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    const file = join(dir, `${n}.png`);
    writeFileSync(file, await cc.canvas.encode('png'));
    factory.destroy(cc);
    out.push(file);
  }
  await doc.destroy();
  return out;
}

/** Runs `jobs` with at most `limit` at a time. */
async function limited<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}


export async function benchOcr(): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as { documents: Entry[] };
  const cores = availableParallelism();
  const native = await nativeVersion();
  const pool = new OcrPool({ size: cores });
  const tmp = mkdtempSync(join(tmpdir(), 'sohoa-bench-ocr-'));
  const rows: string[] = [];
  const totals = { dev: { s: [0, 0], n: [0, 0] }, held: { s: [0, 0], n: [0, 0] } };
  let sohoaSeconds = 0;
  let nativeSeconds = 0;
  let scannedPages = 0;
  let cellsRight = 0;
  let cellsTotal = 0;
  try {
    // Warm up the pool (worker start and model load are paid once per run, not per page).
    await readScannedFile(join(SCANS, manifest.documents.find((d) => d.kind === 'born-digital')?.file ?? manifest.documents[0].file), { pool }).catch(() => {});
    for (const doc of manifest.documents) {
      const gold = JSON.parse(readFileSync(join(SCANS, doc.goldJson), 'utf8')) as Gold;
      const goldText = gold.pages.map((p) => p.lines.join('\n')).join('\n');
      const t0 = performance.now();
      const { pages } = await readScannedFile(join(SCANS, doc.file), { pool, dpi: DPI });
      const seconds = (performance.now() - t0) / 1000;
      const ours = accuracy(pagesText(pages), goldText);
      const oursBag = bagAccuracy(pagesText(pages), goldText);
      let nativeBag = '—';
      const cells = cellScore(pages, gold);
      let nativeCell = 'not available';
      let nativeTime = '—';
      if (doc.kind === 'scanned') {
        scannedPages += pages.length;
        sohoaSeconds += seconds;
        cellsRight += cells.right;
        cellsTotal += cells.total;
        const bucket = doc.heldOut ? totals.held : totals.dev;
        bucket.s[0] += ours.matched;
        bucket.s[1] += ours.total;
        if (native) {
          const dir = mkdtempSync(join(tmp, `${doc.id}-`));
          const images = await renderPages(join(SCANS, doc.file), dir, DPI);
          const t1 = performance.now();
          const texts = await limited(
            images.map((img) => async () => (await run('tesseract', [img, 'stdout', '-l', 'vie', '--psm', '3', '--dpi', String(DPI)], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 })).stdout),
            cores,
          );
          const nSeconds = (performance.now() - t1) / 1000;
          nativeSeconds += nSeconds;
          const theirs = accuracy(texts.join('\n'), goldText);
          bucket.n[0] += theirs.matched;
          bucket.n[1] += theirs.total;
          nativeCell = pct(theirs.matched, theirs.total);
          nativeBag = bagAccuracy(texts.join('\n'), goldText);
          nativeTime = (nSeconds / images.length).toFixed(2);
        }
      } else {
        nativeCell = '— (text layer)';
      }
      rows.push(
        `| ${doc.file}${doc.heldOut ? ' (held out)' : ''} | ${doc.kind === 'scanned' ? `${doc.dpi} dpi scan` : 'born-digital'} | ${pages.length} | ${pct(ours.matched, ours.total)} | ${nativeCell} | ${oursBag} / ${nativeBag} | ${(seconds / pages.length).toFixed(2)} | ${nativeTime} | ${cells.total ? `${cells.right}/${cells.total}` : '—'} |`,
      );
    }
  } finally {
    await pool.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const lines = [
    '## ocr',
    '',
    `Whole-page syllable accuracy of \`readScannedFile\` (tesseract.js 7, \`vie\` 4.0.0_best_int, PSM 3, with sohoa's preprocessing, table cells read one by one) against native ${native ? `\`${native}\`` : 'tesseract'} \`-l vie --psm 3\` (Debian's model, \`OMP_THREAD_LIMIT=1\`) on the same pages rendered at ${DPI} dpi from \`samples/scans\`. Seconds per page are wall time with ${cores} worker(s) / process(es) at a time on this machine (sohoa's includes loading, rendering, preprocessing and layout). Table cells: gold cells whose tokens the output cell at the same row and column has exactly. The order-free column counts gold syllables found anywhere in the output (multiset): the gap between it and the aligned figure is reading order (native tesseract reads across the header columns and table cells line by line), the rest is recognition.`,
    '',
    '| file | input | pages | sohoa | native tesseract | order-free sohoa / native | sohoa s/page | native s/page | table cells (sohoa) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Scanned samples: sohoa ${pct(totals.dev.s[0], totals.dev.s[1])} (dev), ${pct(totals.held.s[0], totals.held.s[1])} (held out); native ${native ? `${pct(totals.dev.n[0], totals.dev.n[1])} (dev), ${pct(totals.held.n[0], totals.held.n[1])} (held out)` : 'not available (install tesseract-ocr tesseract-ocr-vie)'}. Time: sohoa ${scannedPages ? (sohoaSeconds / scannedPages).toFixed(2) : '—'} s/page, native ${native && scannedPages ? (nativeSeconds / scannedPages).toFixed(2) : '—'} s/page. Table cells exact: ${cellsRight}/${cellsTotal} (${pct(cellsRight, cellsTotal)}).`,
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchOcr());
