/**
 * OCR benchmark: sohoa's readScannedFile (tesseract.js, vie best_int, with our loading,
 * preprocessing and layout) against native `tesseract -l vie --psm 3` (Debian's model,
 * OMP_THREAD_LIMIT=1, one process per core) on the scanned samples of samples/scans, in one run:
 *
 * 1. Accuracy per sample (DESIGN.md, whole-page): tokens split on every character that is not a
 *    letter or digit, NFC, lower case, tone position ignored; aligned by edit distance over the
 *    whole text; matched gold tokens / gold tokens. Native tesseract reads the same pages rendered
 *    at 300 dpi. Table cells: a gold cell counts when the output cell at the same row and column
 *    has exactly its tokens; dev and held-out scans apart.
 * 2. Speed: a multi-page scan made on the fly from every scanned sample page (each page its own
 *    image, as in a real scan), read start to finish: sohoa with 2 OCR workers, with 1, and with 1
 *    pinned to one core (taskset); native with one single-thread process per core on the same
 *    pages rendered at 300 dpi. Wall time and CPU time (sohoa: host and page process).
 * 3. Memory: a 300-page scan made the same way, read with one OCR worker per core; resident
 *    memory (host + page process) sampled as pages complete, from page 20 to page 300.
 *
 * Speed and memory runs each start a fresh process (`bench/ocr-run.ts '<json>'`), so that one
 * run's memory or warm caches do not carry into the next, and so that it loads only what a host
 * reading scans loads (not this file's pdfjs, pdf-lib and restore modules). Native tesseract is
 * only a reference: it is used here and nowhere in src/.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { OcrPool, readScannedFile } from '../src/ocr/index.ts';
import { DEFAULT_RECYCLE_AFTER } from '../src/ocr/pool.ts';
import type { RunResult, RunSpec } from './ocr-run.ts';
import { openPdf } from '../src/pdf/pdfjs.ts';
import { loadRestorer, type Restorer } from '../src/restore/restorer.ts';
import type { BlockNode, DocumentRoot, LineNode, PageNode } from '../src/tree/types.ts';
import { restoreTree } from '../src/restore/stage.ts';
import { commonCount } from '../src/extract/text.ts';
import { VFile } from 'vfile';
import { alignMatches, tokensOf } from './accuracy.ts';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const SCANS = join(ROOT, 'samples/scans');
const NATIVE_DPI = 300;
const LONG_PAGES = Number(process.env.SOHOA_BENCH_LONG_PAGES ?? 300);
const SPEED_ROUNDS = 2;

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
  const g = tokensOf(gold);
  return pct(commonCount(tokensOf(hyp), g), g.length);
}

function lines(b: BlockNode): LineNode[] {
  return b.type === 'table' ? b.children.flatMap((r) => r.children.flatMap((c) => c.children)) : b.children;
}

function pagesText(pages: PageNode[]): string {
  return pages.map((p) => p.children.flatMap(lines).map((l) => l.value).join('\n')).join('\n');
}

/** The text after restoration by the restore stage itself (the whole document at once, as pipelines/common.ts runs it). */
function restoredText(pages: PageNode[], restorer: Restorer): string {
  const tree = structuredClone({ type: 'root', children: pages }) as unknown as DocumentRoot;
  restoreTree(tree, new VFile(), restorer);
  return pagesText(tree.children);
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
async function renderPages(pdfPath: string, dir: string, dpi: number): Promise<NativeImage[]> {
  const doc = await openPdf(new Uint8Array(readFileSync(pdfPath)), pdfPath);
  const out: NativeImage[] = [];
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { encode(f: 'png'): Promise<Buffer> }; context: unknown }; destroy(c: unknown): void } }).canvasFactory;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const cc = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: cc.context, viewport, canvas: cc.canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    const file = join(dir, `${n}.png`);
    writeFileSync(file, await cc.canvas.encode('png'));
    factory.destroy(cc);
    page.cleanup();
    out.push({ file, dpi });
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

/** CPU seconds of this process's finished (waited-for) children: user + system. */
function childrenCpu(): number {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

/** An image file for native tesseract and its resolution. */
interface NativeImage {
  file: string;
  dpi: number;
}

/** Native tesseract on `images`, `parallel` single-thread processes at a time. */
async function nativeRun(images: NativeImage[], parallel: number): Promise<{ texts: string[]; pages: number; seconds: number; cpu: number }> {
  const c0 = childrenCpu();
  const t0 = performance.now();
  const texts = await limited(
    images.map((img) => async () => (await run('tesseract', [img.file, 'stdout', '-l', 'vie', '--psm', '3', '--dpi', String(img.dpi)], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 })).stdout),
    parallel,
  );
  return { texts, pages: images.length, seconds: (performance.now() - t0) / 1000, cpu: childrenCpu() - c0 };
}

/** The JPEG of every page of the scanned samples (each sample page is one full-page JPEG). */
async function samplePageJpegs(entries: Entry[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const e of entries) {
    const doc = await PDFDocument.load(readFileSync(join(SCANS, e.file)), { updateMetadata: false });
    for (const page of doc.getPages()) {
      const xo = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
      const stream = doc.context.lookup(xo.entries()[0][1]) as PDFRawStream;
      out.push(Uint8Array.from(stream.contents));
    }
  }
  return out;
}

/** Each sample page's own JPEG written to `dir`, at the scan's resolution (what the scanner made). */
function scanImages(jpegs: Uint8Array[], dpis: number[], dir: string): NativeImage[] {
  return jpegs.map((jpeg, i) => {
    const file = join(dir, `scan-${i + 1}.jpg`);
    writeFileSync(file, jpeg);
    return { file, dpi: dpis[i] };
  });
}

/** A scanned PDF of `n` A4 pages cycling through `jpegs`, each page with its own image object. */
async function multiPageScan(jpegs: Uint8Array[], n: number, path: string): Promise<void> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < n; i++) {
    const img = await doc.embedJpg(jpegs[i % jpegs.length]);
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  writeFileSync(path, await doc.save());
}

// ---------------------------------------------------------------------------------------------
// One speed or memory run, in a process of its own (bench/ocr-run.ts).

/** Runs one spec in a fresh process (optionally pinned to CPUs with taskset). */
function runInProcess(spec: RunSpec, cpus?: string): Promise<RunResult> {
  const args = ['--import', 'tsx', new URL('./ocr-run.ts', import.meta.url).pathname, JSON.stringify(spec)];
  const [cmd, argv] = cpus ? ['taskset', ['-c', cpus, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as RunResult);
      else reject(new Error(`bench run failed (exit ${code}): ${out.slice(-500)}`));
    });
  });
}

async function hasTaskset(): Promise<boolean> {
  try {
    await run('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

export async function benchOcr(): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as { documents: Entry[] };
  const cores = availableParallelism();
  const native = await nativeVersion();
  const tmp = mkdtempSync(join(tmpdir(), 'sohoa-bench-ocr-'));
  const out: string[] = [];
  try {
    // 1. Accuracy.
    const rows: string[] = [];
    const bucket = () => ({ s: [0, 0], r: [0, 0], n: [0, 0], o: [0, 0], c: [0, 0] });
    const totals = { dev: bucket(), held: bucket() };
    const rendered = new Map<string, NativeImage[]>();
    const ownRes = new Map<string, NativeImage[]>();
    const restorer = loadRestorer();
    const pool = new OcrPool({ size: cores });
    try {
      for (const doc of manifest.documents) {
        const gold = JSON.parse(readFileSync(join(SCANS, doc.goldJson), 'utf8')) as Gold;
        const goldText = gold.pages.map((p) => p.lines.join('\n')).join('\n');
        const { pages, failures } = await readScannedFile(join(SCANS, doc.file), { pool });
        const ours = accuracy(pagesText(pages), goldText);
        const restored = accuracy(restoredText(pages, restorer), goldText);
        const cells = cellScore(pages, gold);
        let theirs: { matched: number; total: number } | null = null;
        let theirsOwn: { matched: number; total: number } | null = null;
        let theirsBag = '—';
        if (doc.kind === 'scanned') {
          const t = doc.heldOut ? totals.held : totals.dev;
          const add = (to: number[], r: { matched: number; total: number }) => {
            to[0] += r.matched;
            to[1] += r.total;
          };
          add(t.s, ours);
          add(t.r, restored);
          t.c[0] += cells.right;
          t.c[1] += cells.total;
          if (native) {
            const dir = mkdtempSync(join(tmp, `${doc.id}-`));
            const imgs = await renderPages(join(SCANS, doc.file), dir, NATIVE_DPI);
            rendered.set(doc.id, imgs);
            const { texts } = await nativeRun(imgs, cores);
            theirs = accuracy(texts.join('\n'), goldText);
            theirsBag = bagAccuracy(texts.join('\n'), goldText);
            add(t.n, theirs);
            const own = scanImages(await samplePageJpegs([doc]), Array(doc.pages).fill(doc.dpi), dir);
            ownRes.set(doc.id, own);
            theirsOwn = accuracy((await nativeRun(own, cores)).texts.join('\n'), goldText);
            add(t.o, theirsOwn);
          }
        }
        const scanned = doc.kind === 'scanned';
        rows.push(
          `| ${doc.file}${doc.heldOut ? ' (held out)' : ''} | ${scanned ? `${doc.dpi} dpi scan` : 'born-digital'} | ${pages.length}${failures.length ? ` (${failures.length} failed)` : ''} | ${pct(ours.matched, ours.total)} | ${pct(restored.matched, restored.total)} | ${scanned ? (theirs ? pct(theirs.matched, theirs.total) : 'not available') : '— (text layer)'} | ${scanned && theirsOwn ? pct(theirsOwn.matched, theirsOwn.total) : '—'} | ${bagAccuracy(pagesText(pages), goldText)} / ${theirsBag} | ${cells.total ? `${cells.right}/${cells.total}` : '—'} |`,
        );
      }
    } finally {
      await pool.close();
    }
    const { dev, held } = totals;
    const p2 = (x: number[]) => pct(x[0], x[1]);
    out.push(
      '## ocr',
      '',
      `sohoa's \`readScannedFile\` (tesseract.js 7, \`vie\` 4.0.0_best_int, PSM 3, with sohoa's loading, preprocessing and layout; table cells read cell by cell) against native ${native ? `\`${native}\`` : 'tesseract'} \`-l vie --psm 3\` (Debian's model, \`OMP_THREAD_LIMIT=1\`, one process per core) on the scans of \`samples/scans\`. Native tesseract reads each page rendered at ${NATIVE_DPI} dpi (the issue's reference), and also each page's JPEG as the scanner made it, at the scan's own resolution; sohoa reads each page's scan at its own resolution (${NATIVE_DPI} dpi at most). Machine: ${cores} cores; other jobs on it can slow any one run, so the speed runs give CPU time beside wall time.`,
      '',
      '### Accuracy',
      '',
      'Whole-page syllable accuracy (DESIGN.md). "Restored": sohoa\'s OCR text after the restore stage (the restore stage over the whole document, as `pipelines/common.ts` runs it). The order-free column counts gold syllables found anywhere in the output (multiset): the gap between it and the aligned figure is reading order (native tesseract reads across the header columns and table cells line by line), the rest is recognition. Table cells: gold cells whose tokens the output cell at the same row and column has exactly.',
      '',
      `| file | input | pages | sohoa | sohoa restored | native, ${NATIVE_DPI} dpi render | native, scan's own JPEG | order-free sohoa / native ${NATIVE_DPI} dpi | table cells (sohoa) |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Scanned samples, held out: sohoa **${p2(held.s)}** before restoration, **${p2(held.r)}** after; native ${native ? `**${p2(held.n)}** (${NATIVE_DPI} dpi render), ${p2(held.o)} (scan's own JPEG)` : 'not available (install tesseract-ocr tesseract-ocr-vie)'}. Dev: sohoa ${p2(dev.s)} / ${p2(dev.r)} restored; native ${native ? `${p2(dev.n)} / ${p2(dev.o)}` : '—'}. Table cells exactly right: **${held.c[0]}/${held.c[1]} (${p2(held.c)}) on the held-out scans**, ${dev.c[0]}/${dev.c[1]} (${p2(dev.c)}) on the dev scans.`,
      '',
    );

    // 2. Speed, 3. memory.
    const scanned = manifest.documents.filter((d) => d.kind === 'scanned');
    const jpegs = await samplePageJpegs(scanned);
    const speedPages = jpegs.length * SPEED_ROUNDS;
    const speedFile = join(tmp, 'speed.pdf');
    const longFile = join(tmp, 'long.pdf');
    await multiPageScan(jpegs, speedPages, speedFile);
    await multiPageScan(jpegs, LONG_PAGES, longFile);
    const nativeRendered = scanned.flatMap((d) => rendered.get(d.id) ?? []);
    const nativeOwn = scanned.flatMap((d) => ownRes.get(d.id) ?? []);
    const rounds = <T,>(images: T[]) => Array.from({ length: SPEED_ROUNDS }, () => images).flat();
    const pinned = (await hasTaskset()) && cores >= 2;
    const haveNative = native !== null && nativeRendered.length * SPEED_ROUNDS === speedPages;
    // Native first and last, sohoa's runs in between, twice: a burst of load from other jobs
    // shows as a gap between two runs of the same kind; each kind is reported by its faster run.
    const loadStart = loadavg()[0];
    const natR: Array<Awaited<ReturnType<typeof nativeRun>>> = [];
    const natO: Array<Awaited<ReturnType<typeof nativeRun>>> = [];
    const runNative = async () => {
      if (!haveNative) return;
      natR.push(await nativeRun(rounds(nativeRendered), cores));
      natO.push(await nativeRun(rounds(nativeOwn), cores));
    };
    const twos: RunResult[] = [];
    const ones: RunResult[] = [];
    await runNative();
    twos.push(await runInProcess({ file: speedFile, workers: Math.min(2, cores) }));
    ones.push(await runInProcess({ file: speedFile, workers: 1 }));
    const onePinned = pinned ? await runInProcess({ file: speedFile, workers: 1 }, '0') : null;
    twos.push(await runInProcess({ file: speedFile, workers: Math.min(2, cores) }));
    ones.push(await runInProcess({ file: speedFile, workers: 1 }));
    await runNative();
    const loadEnd = loadavg()[0];
    const long = await runInProcess({ file: longFile, workers: cores, every: true });

    const fastest = <T extends { seconds: number }>(runs: T[]): T | null => (runs.length ? runs.reduce((x, y) => (y.seconds < x.seconds ? y : x)) : null);
    const two = fastest(twos)!;
    const one = fastest(ones)!;
    const nat = fastest(natR);
    const natOwn = fastest(natO);
    const sPage = (r: { seconds: number; pages: number }) => r.seconds / r.pages;
    const ppm = (r: { seconds: number; pages: number }) => (60 * r.pages) / r.seconds;
    const cpuPage = (r: RunResult) => (r.hostCpu + r.ocrCpu + r.pageProcessCpu) / r.pages;
    // Steady throughput: pages per minute from the k-th to the (n−k+1)-th page done (k workers),
    // leaving out the start (the first page loaded and cleaned before any OCR; the first k pages
    // read side by side) and the end (fewer pages left than workers: one idles).
    const steadyPpm = (r: RunResult, k: number) => {
      const n = r.done.length;
      return n > 2 * k ? (60 * (n - 2 * k + 1)) / (r.done[n - k] - r.done[k - 1]) : Number.NaN;
    };
    const twoK = Math.min(2, cores);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const runsOf = (rs: Array<{ seconds: number; pages: number }>) => (rs.length > 1 ? ` (runs: ${rs.map((r) => sPage(r).toFixed(2)).join(', ')})` : '');
    const speedRow = (name: string, r: RunResult, all: RunResult[] = [r]) =>
      `| ${name} | ${sPage(r).toFixed(2)}${runsOf(all)} | ${ppm(r).toFixed(1)} | ${cpuPage(r).toFixed(2)} (OCR processes ${(r.ocrCpu / r.pages).toFixed(2)} + page process ${(r.pageProcessCpu / r.pages).toFixed(2)} + host ${(r.hostCpu / r.pages).toFixed(2)}) | ${nat ? (sPage(r) / sPage(nat)).toFixed(2) : '—'} |`;
    const nativeRow = (name: string, r: Awaited<ReturnType<typeof nativeRun>>, all: Array<Awaited<ReturnType<typeof nativeRun>>>) =>
      `| ${name} | ${sPage(r).toFixed(2)}${runsOf(all)} | ${ppm(r).toFixed(1)} | ${(r.cpu / r.pages).toFixed(2)} | ${(sPage(r) / sPage(nat!)).toFixed(2)} |`;
    out.push(
      '### Speed',
      '',
      `A ${speedPages}-page scan made from the ${jpegs.length} scanned sample pages (${SPEED_ROUNDS} rounds; 150–300 dpi), read start to finish (load, render, clean, OCR, layout), after a warm-up. Native: the same pages, ${cores} single-thread processes at a time (making its input images not counted), as ${NATIVE_DPI} dpi renders and as the scans' own JPEGs. Native runs before and after sohoa's, sohoa's runs twice (the 1-core run once); each kind is reported by its fastest run, all runs in brackets.`,
      '',
      '| run | s/page (wall) | pages/min | CPU s/page | × native (wall) |',
      '| --- | --- | --- | --- | --- |',
      speedRow(`sohoa, ${Math.min(2, cores)} OCR workers`, two, twos),
      speedRow('sohoa, 1 OCR worker', one, ones),
      ...(onePinned ? [speedRow('sohoa, 1 OCR worker, pinned to 1 core', onePinned)] : []),
      ...(nat && natOwn
        ? [nativeRow(`native tesseract, ${cores} processes, ${NATIVE_DPI} dpi renders`, nat, natR), nativeRow(`native tesseract, ${cores} processes, scans' own JPEGs`, natOwn, natO)]
        : ['| native tesseract | not available | | | |']),
      '',
      'Pages per minute measured three ways (each from the runs above, nothing re-run):',
      '',
      `| measure | ${twoK} OCR workers | 1 OCR worker | ${twoK} vs 1 |`,
      '| --- | --- | --- | --- |',
      `| whole run: first page asked for → last page done (the table above) | ${ppm(two).toFixed(1)} | ${ppm(one).toFixed(1)} | **${ratio(ppm(two), ppm(one))}** |`,
      `| steady: from the k-th to the (n−k+1)-th page done, k = workers (same runs) | ${steadyPpm(two, twoK).toFixed(1)} | ${steadyPpm(one, 1).toFixed(1)} | ${ratio(steadyPpm(two, twoK), steadyPpm(one, 1))} |`,
      `| long: ${cores} workers over the ${long.pages}-page memory run below, against the whole 1-worker run | ${ppm(long).toFixed(1)} | ${ppm(one).toFixed(1)} | ${ratio(ppm(long), ppm(one))} |`,
      '',
      `The whole run counts the start (the first page loaded and cleaned before any OCR can begin) and the end (fewer pages left than workers, so one worker idles while the other finishes), fixed costs that weigh on the ${twoK}-worker run, twice as fast, twice as much; the steady figure leaves both out, and is what a batch of many documents gets. Both short runs also differ the other way: OCR processes are replaced every ${DEFAULT_RECYCLE_AFTER} images (pages and table mosaics; a new process starts, and its first page is slow), and within a scan this short a replacement falls in one run and not in another, depending on how many images the warm-up left; over a long run both replace processes at the same rate per image, which the long row has for ${cores} workers (its 1-worker side is still the short run).`,
      '',
      `sohoa / native (${NATIVE_DPI} dpi renders): **${nat ? (sPage(two) / sPage(nat)).toFixed(2) : '—'}×** in wall time, ${nat ? (cpuPage(two) / (nat.cpu / nat.pages)).toFixed(2) : '—'}× in CPU time; against native on the scans' own JPEGs: ${natOwn ? (sPage(two) / sPage(natOwn)).toFixed(2) : '—'}× in wall time, ${natOwn ? (cpuPage(two) / (natOwn.cpu / natOwn.pages)).toFixed(2) : '—'}× in CPU time. 2 OCR workers against 1: **${(ppm(two) / ppm(one)).toFixed(2)}×** the pages per minute${onePinned ? `, **${(ppm(two) / ppm(onePinned)).toFixed(2)}×** against 1 worker on 1 core` : ''}. With one OCR worker the page process (loading, rendering, cleaning the next pages) and V8's compiler and collector threads still run beside it on the other core, so that run is already faster than one core alone: it kept ${(cpuPage(one) / sPage(one)).toFixed(2)} cores busy (CPU time / wall time), so 2 cores can give it at most ${(2 / (cpuPage(one) / sPage(one))).toFixed(2)}× in pages per minute. Load average (1 min) at the start of the speed runs ${loadStart.toFixed(1)}, after them ${loadEnd.toFixed(1)} (sohoa's own runs keep it near 2; above that, other jobs shared the cores).`,
      '',
    );
    const at = (n: number) => long.rss.find((r) => r[0] === n) ?? long.rss[long.rss.length - 1];
    const total = (r: [number, number, number, number]) => r[1] + r[2] + r[3];
    const window = long.rss.filter((r) => r[0] >= 20);
    const base = total(at(20));
    const lo = Math.min(...window.map(total));
    const hi = Math.max(...window.map(total));
    const mb = (v: number) => `${Math.round(v)}`;
    out.push(
      '### Memory',
      '',
      `A ${long.pages}-page scan made the same way (${long.failures} pages failed), read with ${cores} OCR processes (each replaced after ${DEFAULT_RECYCLE_AFTER} images) in ${(long.seconds / 60).toFixed(1)} min (${sPage(long).toFixed(2)} s/page). Resident memory (MB) of the host process (holding the document tree as it grows), of the OCR processes together and of the page process, as pages complete:`,
      '',
      '| page | host | OCR processes | page process | total |',
      '| --- | --- | --- | --- | --- |',
      ...[20, 100, 200, LONG_PAGES].filter((n, i, a) => n <= long.pages && a.indexOf(n) === i).map((n) => {
        const r = at(n);
        return `| ${n} | ${mb(r[1])} | ${mb(r[3])} | ${mb(r[2])} | ${mb(total(r))} |`;
      }),
      '',
      `From page 20 to page ${long.pages}, the total stayed between ${mb(lo)} and ${mb(hi)} MB: **${(((lo - base) / base) * 100).toFixed(0)}% / +${(((hi - base) / base) * 100).toFixed(0)}%** of its value at page 20.`,
      '',
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out.join('\n');
}

const self = `file://${process.argv[1]}`;
if (import.meta.url === self) console.log(await benchOcr());
