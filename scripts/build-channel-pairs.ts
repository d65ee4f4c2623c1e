/**
 * Generates training pairs for the channel model: clean Vietnamese text (the training split of
 * the administrative corpus and UD-VTB train — never held-out documents, never the seeds) is
 * rendered to page images in several fonts, sizes and resolutions with degradations (blur, noise,
 * JPEG), OCR'd with tesseract.js using the `eng` and `vie` models read from node_modules, and each
 * OCR line is aligned back to its source line, token by token. Output, one aligned pair a line:
 *
 *   dictionaries/channel/pairs/<model>.tsv     intended \t observed
 *
 * Usage: node --import tsx scripts/build-channel-pairs.ts [--pages N] [--batch K] [--harsh] [--workers N]
 *   [--model eng|vie] [--out DIR]
 * (scripts/build-channel-pairs.sh runs the batches that built the committed files)
 *
 * `--harsh` renders pages like a photocopied 150–200 dpi office scan instead (small Times-like
 * serif text, resolution loss, strong blur, faint or heavy ink, speckles, low JPEG quality, a
 * slight skew): the real scans show errors (lệ → 16, số → $6, có → 6) that the clean pages
 * never produce. Batches 1–12 were built without it, batches from 13 with it.
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
const harsh = args.includes('--harsh');
const models = args.includes('--model') ? [args[args.indexOf('--model') + 1] as 'eng' | 'vie'] : (['eng', 'vie'] as const);
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(root, 'dictionaries/channel/pairs');
const workerCount = args.includes('--workers') ? Number(args[args.indexOf('--workers') + 1]) : 2;

const FONTS = [
  ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', 'Liberation Serif'],
  ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf', 'Liberation Serif Bold'],
  ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', 'Liberation Sans'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', 'DejaVu Serif'],
] as const;
for (const [path, family] of FONTS) GlobalFonts.registerFromPath(path, family);
// The harsh pages' Times-like fonts, under names of their own: a system may also hold Liberation
// 1.x under the family name "Liberation Serif", which has no Vietnamese glyphs (ệ falls back to
// another font).
const HARSH_FONTS = [
  ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf', 'Harsh Liberation Serif'],
  ['/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf', 'Harsh Liberation Serif Bold'],
] as const;
if (harsh) {
  const probe = createCanvas(10, 10).getContext('2d');
  for (const [path, family] of HARSH_FONTS) {
    if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`font missing: ${path} (Debian package fonts-liberation2)`);
    // In a Times-like font ệ and Đ are as wide as e and D; a fallback glyph is not.
    probe.font = `20px "${family}"`;
    if (probe.measureText('ệĐắ').width !== probe.measureText('eDa').width) throw new Error(`${family} lacks Vietnamese glyphs`);
  }
}

/** Deterministic pseudo-random numbers, so a rebuild gives the same pairs. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** A page like a low-resolution photocopy; every draw is made before OCR, so a batch is reproducible. */
interface HarshSpec {
  lines: string[];
  font: string;
  px: number; // font size in pixels before the resolution loss
  angle: number; // skew in degrees
  ink: number; // grey level of the ink, 0 = black
  paper: number; // grey level of the paper
  uneven: number; // amplitude of a slow change of ink darkness across the page, in grey levels
  scale: number; // the page is shrunk to this factor, then enlarged back (resolution loss)
  blur: number; // Gaussian sigma in pixels
  threshold: number | null; // photocopier binarisation level: high thickens strokes, low thins them
  saltPepper: number; // fraction of pixels flipped to black or white
  speckles: number; // dark dots per page
  jpeg: number; // JPEG quality, 30-60
  upper: boolean;
  seed: number; // for the pixel noise
}

function harshSpec(lines: string[], random: () => number): HarshSpec {
  const start = Math.floor(random() * (lines.length - 20));
  const sign = random() < 0.5 ? -1 : 1;
  // Resolution loss already blurs: a lighter blur on top keeps the page readable.
  const scale = random() < 0.7 ? 0.6 + random() * 0.3 : 1;
  const blur = scale < 1 ? 0.3 + random() * 0.5 : 0.5 + random() * 0.6;
  const ink = Math.floor(random() * 90);
  const uneven = random() < 0.5 ? random() * (150 - ink) : 0; // the faintest ink stays at 150
  const paper = 215 + Math.floor(random() * 41);
  return {
    lines: lines.slice(start, start + 14),
    font: HARSH_FONTS[random() < 0.65 ? 0 : 1][1],
    px: 16 + Math.floor(random() * 11), // 13-14 pt at 150-200 dpi
    angle: random() < 0.7 ? sign * (0.5 + random()) : 0,
    ink,
    paper,
    uneven,
    scale,
    blur,
    // Around the middle of the faintest ink and the paper, so no stroke vanishes altogether.
    threshold: random() < 0.5 ? Math.round((ink + uneven + paper) / 2 + (random() - 0.5) * 60) : null,
    saltPepper: random() < 0.5 ? random() * 0.0015 : 0,
    speckles: random() < 0.5 ? Math.floor(random() * 120) : 0,
    jpeg: 30 + Math.floor(random() * 31),
    upper: random() < 0.05,
    seed: Math.floor(random() * 0x7fffffff),
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

/** Separable Gaussian blur of a grey image in place. */
function gaussianBlur(g: Float32Array, w: number, h: number, sigma: number) {
  const r = Math.ceil(sigma * 2.5);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const tmp = new Float32Array(g.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += k[i + r] * g[y * w + Math.min(w - 1, Math.max(0, x + i))];
      tmp[y * w + x] = v / sum;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
      g[y * w + x] = v / sum;
    }
}

/** Shrinks a grey image by box averaging and enlarges it back bilinearly: the detail is lost. */
function resolutionLoss(g: Float32Array, w: number, h: number, scale: number) {
  const sw = Math.max(1, Math.round(w * scale));
  const sh = Math.max(1, Math.round(h * scale));
  const small = new Float32Array(sw * sh);
  const count = new Float32Array(sw * sh);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = Math.min(sh - 1, Math.floor(y * scale)) * sw + Math.min(sw - 1, Math.floor(x * scale));
      small[i] += g[y * w + x];
      count[i]++;
    }
  for (let i = 0; i < small.length; i++) small[i] /= count[i] || 1;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) * scale - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    for (let x = 0; x < w; x++) {
      const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * scale - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const tx = fx - x0;
      const top = small[y0 * sw + x0] * (1 - tx) + small[y0 * sw + x1] * tx;
      const bottom = small[y1 * sw + x0] * (1 - tx) + small[y1 * sw + x1] * tx;
      g[y * w + x] = top * (1 - (fy - y0)) + bottom * (fy - y0);
    }
  }
}

/**
 * A harsh page: black text drawn skewed, then all degradations done on a grey array in plain
 * code (no canvas filters, which the binding has crashed on), returned as the JPEG a scanner
 * would store.
 */
async function renderHarshPage(spec: HarshSpec): Promise<Buffer> {
  const random = rng(spec.seed);
  const width = Math.round(spec.px * 48);
  const lineH = Math.round(spec.px * 1.45);
  const height = lineH * (spec.lines.length + 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${spec.px}px "${spec.font}"`;
  ctx.translate(width / 2, height / 2);
  ctx.rotate((spec.angle * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  spec.lines.forEach((l, i) => ctx.fillText(spec.upper ? l.toUpperCase() : l, spec.px * 1.5, lineH * (i + 1.5)));
  const img = ctx.getImageData(0, 0, width, height);
  // Ink darkness 0..1, then grey with faint or uneven ink on greyish paper.
  const g = new Float32Array(width * height);
  const phase = random() * Math.PI * 2;
  for (let p = 0; p < g.length; p++) {
    const darkness = 1 - img.data[p * 4] / 255;
    const x = p % width;
    const y = Math.floor(p / width);
    const ink = Math.min(spec.paper - 20, spec.ink + spec.uneven * (0.5 + 0.5 * Math.sin(phase + (x / width) * 3 + (y / height) * 2)));
    g[p] = spec.paper - darkness * (spec.paper - ink);
  }
  if (spec.scale < 1) resolutionLoss(g, width, height, spec.scale);
  gaussianBlur(g, width, height, spec.blur);
  if (spec.threshold !== null) {
    // A photocopier's soft binarisation: strokes grow or shrink with the level.
    for (let p = 0; p < g.length; p++) g[p] = 255 / (1 + Math.exp((spec.threshold - g[p]) / 12));
  }
  for (let s = 0; s < spec.speckles; s++) {
    const cx = random() * width;
    const cy = random() * height;
    const r = 0.4 + random() * 0.7;
    const grey = 40 + random() * 120;
    for (let y = Math.floor(cy - r); y <= cy + r; y++)
      for (let x = Math.floor(cx - r); x <= cx + r; x++)
        if (x >= 0 && y >= 0 && x < width && y < height && (x - cx) ** 2 + (y - cy) ** 2 <= r * r) g[y * width + x] = Math.min(g[y * width + x], grey);
  }
  if (spec.saltPepper)
    for (let p = 0; p < g.length; p++) if (random() < spec.saltPepper) g[p] = random() < 0.5 ? 0 : 255;
  for (let p = 0; p < g.length; p++) {
    const v = Math.max(0, Math.min(255, Math.round(g[p] + (random() - 0.5) * 30)));
    img.data[p * 4] = img.data[p * 4 + 1] = img.data[p * 4 + 2] = v;
    img.data[p * 4 + 3] = 255;
  }
  const out = createCanvas(width, height);
  out.getContext('2d').putImageData(img, 0, 0);
  // encodeSync: the asynchronous encode has crashed the binding (segmentation fault) now and then.
  return out.encodeSync('jpeg', spec.jpeg);
}

const core = (t: string) => t.replace(/^[.,;:!?()"“”'‘’«»…\-–—]+|[.,;:!?()"“”'‘’«»…\-–—]+$/gu, '');

/**
 * Token alignment of a source line and its OCR: 1-1 pairs whose folded forms are close. With
 * `anchored`, a short word (up to 3 letters) whose print is not close (lệ → 16, có → 6, ở → &)
 * is paired too when both its neighbours are close pairs: the only token between two anchors on
 * each side is that word's print. A short word has no room for two errors under the closeness bar.
 */
export function alignTokens(source: string, ocr: string, { anchored = false } = {}): [string, string][] {
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
  // Backtrace into steps: a diagonal step carries its pair and cost, a gap step null.
  const steps: ({ pair: [string, string]; s: number } | null)[] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const s = sub(S[i - 1], O[j - 1]);
    if (d[i][j] === d[i - 1][j - 1] + s) {
      steps.push({ pair: [S[i - 1], O[j - 1]], s });
      i--;
      j--;
    } else {
      steps.push(null);
      if (d[i][j] === d[i - 1][j] + 0.8) i--;
      else j--;
    }
  }
  steps.reverse();
  const close = (k: number) => (steps[k]?.s ?? 1) <= 0.34;
  const pairs: [string, string][] = [];
  steps.forEach((step, k) => {
    if (!step) return;
    const [a, b] = step.pair;
    if (step.s <= 0.6) pairs.push(step.pair);
    else if (anchored && a.length <= 3 && b.length <= 4 && close(k - 1) && close(k + 1)) pairs.push(step.pair);
  });
  return pairs;
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
  mkdirSync(outDir, { recursive: true });
  for (const model of models) {
    const random = rng((model === 'eng' ? 7 : 11) + 1000 * batch);
    // Harsh pages are all drawn before any OCR, so worker timing cannot change them.
    const harshSpecs = harsh ? Array.from({ length: pagesPerModel }, () => harshSpec(lines, random)) : [];
    const pagePairs: string[][] = Array.from({ length: pagesPerModel }, () => []);
    const langPath = join(dirname(require.resolve(`@tesseract.js-data/${model}/package.json`)), '4.0.0_best_int');
    const workers = await Promise.all(
      Array.from({ length: workerCount }, () => Tesseract.createWorker(model, Tesseract.OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true })),
    );
    for (const w of workers) await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' });
    let linesAligned = 0;
    let next = 0;
    const started = Date.now();
    await Promise.all(
      workers.map(async (worker) => {
        while (next < pagesPerModel) {
          const p = next++;
          if (harsh) {
            const spec = harshSpecs[p];
            const { data } = await worker.recognize(await renderHarshPage(spec));
            const aligned = alignLines(spec.upper ? spec.lines.map((l) => l.toUpperCase()) : spec.lines, data.text.normalize('NFC'));
            linesAligned += aligned.length;
            for (const [s, o] of aligned) for (const [a, b] of alignTokens(s, o, { anchored: true })) pagePairs[p].push(`${a}\t${b}`);
            continue;
          }
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
          for (const [s, o] of aligned) for (const [a, b] of alignTokens(s, o)) pagePairs[p].push(`${a}\t${b}`);
        }
      }),
    );
    await Promise.all(workers.map((w) => w.terminate()));
    const pairs = pagePairs.flat();
    writeFileSync(join(outDir, `${model}-${String(batch).padStart(2, '0')}.tsv`), pairs.join('\n') + '\n');
    const wrong = pairs.filter((p) => p.split('\t')[0] !== p.split('\t')[1]).length;
    console.log(
      `${model}: ${pagesPerModel} pages, ${linesAligned} lines aligned, ${pairs.length} token pairs (${((100 * wrong) / pairs.length).toFixed(1)}% misread), ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
}

await main();
