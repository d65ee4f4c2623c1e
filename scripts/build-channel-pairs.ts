/**
 * Generates training pairs for the channel model: clean Vietnamese text (the training split of
 * the administrative corpus and UD-VTB train — never held-out documents, never the seeds) is
 * rendered to page images in several fonts, sizes and resolutions with degradations (blur, noise,
 * JPEG), OCR'd with tesseract.js using the `eng` and `vie` models read from node_modules, and each
 * OCR line is aligned back to its source line, token by token. Output, one aligned pair a line:
 *
 *   dictionaries/channel/pairs/<model>.tsv     intended \t observed
 *
 * Usage: node --import tsx scripts/build-channel-pairs.ts [--pages N] [--batch K]
 * (scripts/build-channel-pairs.sh runs the batches that built the committed files)
 */
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import { distance } from 'fastest-levenshtein';
import { stripDiacritics } from '../src/text/vietnamese.ts';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const pagesPerModel = args.includes('--pages') ? Number(args[args.indexOf('--pages') + 1]) : 40;
// Batches run as separate processes (the canvas binding has crashed on long runs): each batch
// has its own seed and output file.
const batch = args.includes('--batch') ? Number(args[args.indexOf('--batch') + 1]) : 0;

const FONTS = [
  ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', 'Liberation Serif'],
  ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf', 'Liberation Serif Bold'],
  ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', 'Liberation Sans'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', 'DejaVu Serif'],
] as const;
for (const [path, family] of FONTS) GlobalFonts.registerFromPath(path, family);

/** Deterministic pseudo-random numbers, so a rebuild gives the same pairs. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function sourceLines(): string[] {
  const split = JSON.parse(readFileSync(join(root, 'dictionaries/corpus/split.json'), 'utf8')) as { train: string[] };
  const lines: string[] = [];
  for (const f of split.train) {
    for (const l of readFileSync(join(root, 'dictionaries/corpus/admin', f), 'utf8').normalize('NFC').split('\n')) {
      if (l.trim().length > 20) lines.push(l.trim());
    }
  }
  const ud = readFileSync(join(root, '../shared/corpus/ud-vietnamese-vtb/vi_vtb-ud-train.txt'), 'utf8').normalize('NFC');
  for (const l of ud.split('\n')) {
    // UD sentences are tokenised with spaces before punctuation: undo that, wrap at ~80 chars.
    const text = l.replace(/\s+([.,;:!?)])/g, '$1').replace(/([(])\s+/g, '$1').trim();
    for (let rest = text; rest.length; ) {
      const cut = rest.length <= 85 ? rest.length : rest.lastIndexOf(' ', 85);
      const piece = rest.slice(0, cut > 20 ? cut : rest.length).trim();
      if (piece.length > 20) lines.push(piece);
      rest = rest.slice(piece.length).trim();
      if (cut <= 20) break;
    }
  }
  return lines;
}

interface PageSpec {
  lines: string[];
  font: string;
  px: number; // font size in pixels
  blur: number;
  noise: number;
  jpeg: number | null;
  upper: boolean;
}

async function renderPage(spec: PageSpec, random: () => number): Promise<Buffer> {
  const width = Math.round(spec.px * 48);
  const lineH = Math.round(spec.px * 1.5);
  const height = lineH * (spec.lines.length + 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  ctx.font = `${spec.px}px "${spec.font}"`;
  if (spec.blur) ctx.filter = `blur(${spec.blur}px)`;
  spec.lines.forEach((l, i) => ctx.fillText(spec.upper ? l.toUpperCase() : l, spec.px * 1.5, lineH * (i + 1.5)));
  ctx.filter = 'none';
  if (spec.noise) {
    const img = ctx.getImageData(0, 0, width, height);
    for (let p = 0; p < img.data.length; p += 4) {
      const n = (random() - 0.5) * spec.noise;
      for (let c = 0; c < 3; c++) img.data[p + c] = Math.max(0, Math.min(255, img.data[p + c] + n));
    }
    ctx.putImageData(img, 0, 0);
  }
  if (spec.jpeg) {
    const jpg = await canvas.encode('jpeg', spec.jpeg);
    const back = await loadImage(jpg);
    ctx.drawImage(back, 0, 0);
  }
  return canvas.encode('png');
}

const core = (t: string) => t.replace(/^[.,;:!?()"“”'‘’«»…\-–—]+|[.,;:!?()"“”'‘’«»…\-–—]+$/gu, '');

/** Token alignment of a source line and its OCR: 1-1 pairs whose folded forms are close. */
export function alignTokens(source: string, ocr: string): [string, string][] {
  const S = source.split(/\s+/).map(core).filter(Boolean);
  const O = ocr.split(/\s+/).map(core).filter(Boolean);
  const n = S.length;
  const m = O.length;
  const fold = (t: string) => stripDiacritics(t.toLowerCase());
  const sub = (a: string, b: string) => Math.min(1, distance(fold(a), fold(b)) / Math.max(a.length, b.length, 1));
  const d = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = 1; i <= n; i++) d[i][0] = i * 0.8;
  for (let j = 1; j <= m; j++) d[0][j] = j * 0.8;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) d[i][j] = Math.min(d[i - 1][j - 1] + sub(S[i - 1], O[j - 1]), d[i - 1][j] + 0.8, d[i][j - 1] + 0.8);
  const pairs: [string, string][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const s = sub(S[i - 1], O[j - 1]);
    if (d[i][j] === d[i - 1][j - 1] + s) {
      if (s <= 0.6) pairs.push([S[i - 1], O[j - 1]]);
      i--;
      j--;
    } else if (d[i][j] === d[i - 1][j] + 0.8) i--;
    else j--;
  }
  return pairs.reverse();
}

/** OCR line ↔ source line, by order with a similarity check (lines rarely merge or vanish). */
function alignLines(source: string[], ocrText: string): [string, string][] {
  const ocr = ocrText.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: [string, string][] = [];
  let j = 0;
  for (const s of source) {
    for (let k = j; k < Math.min(ocr.length, j + 3); k++) {
      const fs = stripDiacritics(s.toLowerCase());
      const fo = stripDiacritics(ocr[k].toLowerCase());
      if (distance(fs, fo) / Math.max(fs.length, 1) < 0.5) {
        out.push([s, ocr[k]]);
        j = k + 1;
        break;
      }
    }
  }
  return out;
}

async function main() {
  const lines = sourceLines();
  const outDir = join(root, 'dictionaries/channel/pairs');
  mkdirSync(outDir, { recursive: true });
  for (const model of ['eng', 'vie'] as const) {
    const random = rng((model === 'eng' ? 7 : 11) + 1000 * batch);
    const langPath = join(dirname(require.resolve(`@tesseract.js-data/${model}/package.json`)), '4.0.0_best_int');
    const workers = await Promise.all(
      [0, 1].map(() => Tesseract.createWorker(model, Tesseract.OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true })),
    );
    for (const w of workers) await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' });
    const pairs: string[] = [];
    let linesAligned = 0;
    let next = 0;
    const started = Date.now();
    await Promise.all(
      workers.map(async (worker) => {
        while (next < pagesPerModel) {
          const p = next++;
          const start = Math.floor(random() * (lines.length - 20));
          const spec: PageSpec = {
            lines: lines.slice(start, start + 14),
            font: FONTS[p % FONTS.length][1],
            px: [14, 16, 18, 22, 26, 30, 36][Math.floor(random() * 7)], // 13-14 pt at ~75-200 dpi
            blur: random() < 0.4 ? 0.6 + random() * 0.8 : 0,
            noise: random() < 0.5 ? 40 + random() * 80 : 0,
            jpeg: random() < 0.4 ? 30 + Math.floor(random() * 40) : null,
            upper: random() < 0.08,
          };
          const png = await renderPage(spec, random);
          const { data } = await worker.recognize(png);
          const aligned = alignLines(spec.upper ? spec.lines.map((l) => l.toUpperCase()) : spec.lines, data.text.normalize('NFC'));
          linesAligned += aligned.length;
          for (const [s, o] of aligned) for (const [a, b] of alignTokens(s, o)) pairs.push(`${a}\t${b}`);
        }
      }),
    );
    await Promise.all(workers.map((w) => w.terminate()));
    writeFileSync(join(outDir, `${model}-${String(batch).padStart(2, '0')}.tsv`), pairs.join('\n') + '\n');
    const wrong = pairs.filter((p) => p.split('\t')[0] !== p.split('\t')[1]).length;
    console.log(
      `${model}: ${pagesPerModel} pages, ${linesAligned} lines aligned, ${pairs.length} token pairs (${((100 * wrong) / pairs.length).toFixed(1)}% misread), ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
}

await main();
