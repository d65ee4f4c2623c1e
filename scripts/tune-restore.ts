/**
 * Tuning on the development split only (documents numbered 3, 13, 23 …, never trained on):
 * syllable accuracy of restoring (1) their diacritic-stripped text and (2) a simulated OCR of them:
 * every word replaced by a reading drawn from what tesseract printed for that word in the channel
 * pairs (`dictionaries/channel/pairs`), or stripped of its marks when the pairs never saw it.
 * Also the time taken (one core). It reads a model that never saw the development documents
 * (the shipped one learns from them), from a tuning build. Usage:
 *   npm run build:dict -- --tuning .cache/tuning-models             # once, and after corpus changes
 *   node --import tsx scripts/tune-restore.ts                       # the default widths
 *   node --import tsx scripts/tune-restore.ts --models=<dir>         # a tuning build elsewhere
 *   node --import tsx scripts/tune-restore.ts beamWidth=6 maxCandidates=10 …
 *   node --import tsx scripts/tune-restore.ts --errors=40           # also the 40 commonest mistakes
 *   node --import tsx scripts/tune-restore.ts --upto=160            # only documents numbered ≤ 160
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRestorer, loadModels, DEFAULT_WIDTHS, type SearchWidths } from '../src/restore/restorer.ts';
import { stripDiacritics } from '../src/text/vietnamese.ts';
import { emptyReport, pct, scoreLines, type AccuracyReport } from '../bench/accuracy.ts';

const root = new URL('..', import.meta.url).pathname;
const split = JSON.parse(readFileSync(join(root, 'dictionaries/corpus/split.json'), 'utf8')) as { dev: string[] };

const widths: Partial<SearchWidths> = {};
let showErrors = 0;
let upto = Infinity;
let modelsDir = join(root, '.cache/tuning-models');
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--models=')) {
    modelsDir = arg.slice('--models='.length);
    continue;
  }
  if (arg.startsWith('--upto=')) {
    upto = Number(arg.split('=')[1]);
    continue;
  }
  if (arg.startsWith('--errors')) {
    showErrors = Number(arg.split('=')[1] ?? 30);
    continue;
  }
  const [k, v] = arg.split('=');
  if (!(k in DEFAULT_WIDTHS)) throw new Error(`unknown width ${k} (one of ${Object.keys(DEFAULT_WIDTHS).join(', ')})`);
  widths[k as keyof SearchWidths] = Number(v);
}

// What OCR printed for each intended word, from the channel pairs.
const readings = new Map<string, string[]>();
const pairsDir = join(root, 'dictionaries/channel/pairs');
for (const f of readdirSync(pairsDir).filter((f) => f.endsWith('.tsv'))) {
  for (const line of readFileSync(join(pairsDir, f), 'utf8').normalize('NFC').split('\n')) {
    const [intended, observed] = line.split('\t');
    if (!intended || observed === undefined) continue;
    const list = readings.get(intended) ?? [];
    list.push(observed);
    readings.set(intended, list);
  }
}

/** A small deterministic generator, so every run sees the same simulated OCR. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function simulateOcr(line: string, random: () => number): string {
  return line.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const list = readings.get(word);
    if (list?.length) return list[Math.floor(random() * list.length)] || word;
    return random() < 0.5 ? stripDiacritics(word) : word;
  });
}

if (!existsSync(join(modelsDir, 'lm/syllable-3gram.bin.gz'))) {
  throw new Error(`no tuning model in ${modelsDir}: run \`npm run build:dict -- --tuning ${modelsDir}\` first (the shipped model has learned from the development documents)`);
}
const restorer = createRestorer(loadModels(modelsDir), { search: widths });
const stripped = emptyReport();
const ocr = emptyReport();
const random = rng(7);
let seconds = 0;
const run = (input: string[], gold: string[], report: AccuracyReport) => {
  const t = performance.now();
  const out = restorer.restoreLines(input).map((r) => r.text);
  seconds += (performance.now() - t) / 1000;
  scoreLines(input, out, gold, report);
};
// --upto=N: only documents numbered up to N (to compare models on the same documents after the
// corpus grew).
const devDocs = split.dev.filter((f) => parseInt(f, 10) <= upto);
for (const f of devDocs) {
  const gold = readFileSync(join(root, 'dictionaries/corpus/admin', f), 'utf8').normalize('NFC').split('\n');
  run(gold.map(stripDiacritics), gold, stripped);
  // A simulated OCR line whose token count changed cannot be scored line-aligned: keep it clean.
  run(gold.map((l) => simulateOcr(l, random)), gold, ocr);
}
const line = (name: string, r: AccuracyReport) =>
  `${name}: ${pct(r.matched, r.goldTokens)} (raw ${pct(r.rawMatched, r.goldTokens)}), broken ${r.broken} (${pct(r.broken, r.rawMatched)} of correct)`;
console.log(`widths ${JSON.stringify({ ...DEFAULT_WIDTHS, ...widths })}`);
console.log(line(`dev stripped (${devDocs.length} docs, ${stripped.goldTokens} syllables)`, stripped));
console.log(line('dev simulated OCR', ocr));
console.log(`time ${seconds.toFixed(2)} s for ${stripped.goldTokens + ocr.goldTokens} syllables`);

if (showErrors) {
  for (const [name, r] of [['stripped', stripped], ['simulated OCR', ocr]] as const) {
    const top = [...r.confusions].sort((a, b) => b[1] - a[1]).slice(0, showErrors);
    console.log(`\n${name}: ${JSON.stringify(r.errors)}`);
    for (const [k, n] of top) console.log(`  ${n}\t${k}`);
    console.log(`${name}, broken (right in the input, wrong in the output):`);
    for (const [k, n] of [...r.brokenConfusions].sort((a, b) => b[1] - a[1]).slice(0, showErrors)) console.log(`  ${n}\t${k}`);
  }
}
