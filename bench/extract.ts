/**
 * Extraction benchmark: run `extractPlan` on the restored (gold) text of every document that has a
 * hand-checked gold PlanDocument in `bench/gold/plans/`, match the extracted items one-to-one
 * against gold, and report precision / recall / F1 per field and per split (tuning vs held-out),
 * metadata as the share of fields exactly right, and the time to extract a 20-page document.
 *
 * Matching (DESIGN.md, "How quality is measured"):
 *  - legal bases by number + symbol (laws, which have neither, by type + date);
 *  - deadlines by date (and end date), or, when undated, by the words of their text;
 *  - targets by value (parsed number) and indicator (shared words);
 *  - tasks by the words of the task (most of the shorter text's words found in the other).
 * Run alone: `node --import tsx bench/extract.ts`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPlan, type Extraction } from '../src/extract/index.ts';
import { ocrTextToTree } from '../src/text/ocr-text-document.ts';
import { VFile } from 'vfile';
import { loadRestorer } from '../src/restore/restorer.ts';
import { restoreTree } from '../src/restore/stage.ts';
import type { DocumentRoot } from '../src/tree/types.ts';
import { commonCount, fold, wordSimilarity, words } from '../src/extract/text.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD_DIR = join(ROOT, 'bench', 'gold', 'plans');

interface GoldFile extends Partial<Extraction> {
  /** The restored text the gold describes (scored on that text)… */
  source?: string;
  /** …or a scan (PDF or image) that sohoa reads, restores and extracts from: scored end to end. */
  scan?: string;
  /** With `source`: also scored end to end on a scan of that text rendered at bench time. */
  renderScan?: boolean;
  split: 'tuning' | 'held-out';
}

type Field = 'legalBases' | 'deadlines' | 'targets' | 'tasks';
const FIELDS: Field[] = ['legalBases', 'deadlines', 'targets', 'tasks'];

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const key = (s: string | null | undefined) => fold(norm(s)).replace(/\s+/g, '');

/** Share of the shorter text's words found in the other (multiset). */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length || !wb.length) return 0;
  return commonCount(wa, wb) / Math.min(wa.length, wb.length);
}

/** Score of a (gold, predicted) pair, or 0 when they are not the same item. */
// biome-ignore lint: items are loosely typed JSON
type Item = any;
const SCORERS: Record<Field, (g: Item, p: Item) => number> = {
  legalBases(g, p) {
    if (g.symbol || p.symbol) {
      return key(g.number) === key(p.number) && key(g.symbol) === key(p.symbol) ? 1 : 0;
    }
    if (key(g.docType) !== key(p.docType)) return 0;
    if (g.date && g.date === p.date) return 1;
    return wordSimilarity(g.text ?? '', p.text ?? '') >= 0.6 ? 0.8 : 0;
  },
  deadlines(g, p) {
    const ctx = wordSimilarity(g.context ?? '', p.context ?? '');
    if (g.date || p.date) {
      return g.date === p.date && (g.endDate ?? null) === (p.endDate ?? null) ? 1 + ctx : 0;
    }
    const same = key(g.text) === key(p.text) || wordSimilarity(g.text, p.text) >= 0.6;
    return same ? 1 + ctx : 0;
  },
  targets(g, p) {
    const gn = g.value?.number;
    const pn = p.value?.number;
    const sameValue = gn !== null && gn !== undefined ? pn !== null && pn !== undefined && Math.abs(gn - pn) < 1e-9 : key(g.value?.text) === key(p.value?.text);
    if (!sameValue) return 0;
    const sim = Math.max(wordSimilarity(g.indicator, p.indicator), overlap(g.indicator, p.indicator) * 0.8);
    return sim >= 0.25 ? sim : 0;
  },
  tasks(g, p) {
    const o = overlap(g.task, p.task);
    return o >= 0.6 ? o : 0;
  },
};

/** Greedy one-to-one matching by descending score. */
export function matchItems(field: Field, gold: Item[], pred: Item[]): Counts {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const s = SCORERS[field](g, p);
      if (s > 0) pairs.push([s, i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
  }
  return { tp: usedG.size, fp: pred.length - usedP.size, fn: gold.length - usedG.size };
}

const META_FIELDS = ['docType', 'number', 'symbol', 'issuedDate', 'place', 'issuer', 'parentIssuer', 'title', 'signer.name', 'signer.title', 'signer.authority', 'recipients'] as const;

function metaValue(m: Item, f: (typeof META_FIELDS)[number]): string {
  if (f === 'recipients') return (m.recipients ?? []).map((r: Item) => `${norm(r.name)}(${norm(r.purpose)})`).join(';');
  if (f.startsWith('signer.')) return norm(m.signer?.[f.slice(7)]);
  return norm(m[f]);
}

export function scoreMetadata(gold: Item, pred: Item): { right: number; total: number; wrong: string[] } {
  let right = 0;
  const wrong: string[] = [];
  for (const f of META_FIELDS) {
    if (metaValue(gold, f) === metaValue(pred, f)) right++;
    else wrong.push(f);
  }
  return { right, total: META_FIELDS.length, wrong };
}

function prf(c: Counts): [string, string, string] {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [p.toFixed(2), r.toFixed(2), f.toFixed(2)];
}

function loadGold(): { name: string; gold: GoldFile }[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), gold: JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as GoldFile }));
}

/** A 20-page document: restored texts of the gold documents, cut into pages of 46 lines. */
function twentyPages(texts: string[]): string {
  const lines = texts.join('\n').split('\n');
  const pages: string[] = [];
  for (let i = 0; pages.length < 20; i += 46) pages.push(lines.slice(i % lines.length, (i % lines.length) + 46).join('\n'));
  return pages.join('\f');
}

type Totals = Record<string, { fields: Record<Field, Counts>; meta: { right: number; total: number } }>;

/** Scores one document's extraction against its gold into `totals[split]`; returns its table cells. */
function scoreDocument(gold: GoldFile, pred: Extraction, totals: Totals): string[] {
  const t = (totals[gold.split] ??= {
    fields: { legalBases: { tp: 0, fp: 0, fn: 0 }, deadlines: { tp: 0, fp: 0, fn: 0 }, targets: { tp: 0, fp: 0, fn: 0 }, tasks: { tp: 0, fp: 0, fn: 0 } },
    meta: { right: 0, total: 0 },
  });
  const cells: string[] = [];
  if (gold.metadata) {
    const m = scoreMetadata(gold.metadata, pred.metadata);
    t.meta.right += m.right;
    t.meta.total += m.total;
    cells.push(`${m.right}/${m.total}${m.wrong.length ? ` (${m.wrong.join(', ')})` : ''}`);
  } else cells.push('–');
  for (const f of FIELDS) {
    // Partial gold (only some fields checked by hand): fields it leaves out are not scored.
    if (!gold[f]) {
      cells.push('–');
      continue;
    }
    const g = gold[f] as Item[];
    const c = matchItems(f, g, pred[f] as Item[]);
    t.fields[f].tp += c.tp;
    t.fields[f].fp += c.fp;
    t.fields[f].fn += c.fn;
    cells.push(`${c.tp}/${g.length} (+${c.fp})`);
  }
  return cells;
}

/** The table of figures per split and field. */
function totalsTable(totals: Totals): string[] {
  const out = ['| split | field | precision | recall | F1 | matched | extracted | gold |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const split of ['tuning', 'held-out']) {
    const t = totals[split];
    if (!t) continue;
    if (t.meta.total) out.push(`| ${split} | metadata (fields exactly right) | ${(t.meta.right / t.meta.total).toFixed(2)} | | | ${t.meta.right} | | ${t.meta.total} |`);
    for (const f of FIELDS) {
      const c = t.fields[f];
      if (c.tp + c.fp + c.fn === 0) continue;
      const [p, r, f1] = prf(c);
      out.push(`| ${split} | ${f} | ${p} | ${r} | ${f1} | ${c.tp} | ${c.tp + c.fp} | ${c.tp + c.fn} |`);
    }
  }
  return out;
}

/**
 * End to end on scans: each gold file with a `scan` is read by sohoa (OCR pool, one process per
 * core), restored as the pipeline restores (pipelines/common.ts) and extracted from; what OCR and
 * restoration lose shows here, on top of what extraction from clean text misses. Gold files with
 * `renderScan` have their source text typeset and degraded into a scanned PDF first
 * (scripts/render-samples/from-text.ts), in a temporary folder removed afterwards.
 */
async function endToEnd(docs: { name: string; gold: GoldFile }[]): Promise<string[]> {
  const scans = docs.filter((d) => d.gold.scan || (d.gold.source && d.gold.renderScan));
  if (scans.length === 0) return [];
  const { OcrPool, readScannedFile } = await import('../src/ocr/index.ts');
  const { renderTextAsScan } = await import('../scripts/render-samples/from-text.ts');
  const tmp = mkdtempSync(join(tmpdir(), 'sohoa-bench-'));
  const pool = new OcrPool({ size: availableParallelism() });
  const restorer = loadRestorer();
  const totals: Totals = {};
  const rows: string[] = [];
  let pages = 0;
  let failed = 0;
  try {
    for (const { name, gold } of scans) {
      const path = gold.scan ? join(ROOT, gold.scan) : join(tmp, `${name}.pdf`);
      if (!gold.scan) writeFileSync(path, await renderTextAsScan(readFileSync(join(ROOT, gold.source!), 'utf8')));
      const read = await readScannedFile(path, { pool });
      pages += read.pages.length;
      failed += read.failures.length;
      const tree = { type: 'root', children: read.pages } as unknown as DocumentRoot;
      const file = new VFile({ path });
      restoreTree(tree, file, restorer);
      const cells = scoreDocument(gold, extractPlan(tree, file), totals);
      if (gold.split !== 'held-out') rows.push(`| ${name}${gold.scan ? '' : ' (rendered)'} | ${cells.join(' | ')} |`);
    }
  } finally {
    await pool.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const samples = scans.filter((d) => d.gold.scan);
  const held = samples.filter((d) => d.gold.split === 'held-out').length;
  const rendered = scans.filter((d) => !d.gold.scan).map((d) => d.name.split('-')[0]);
  return [
    '### End to end on the scanned samples',
    '',
    `The ${samples.length} documents of \`samples/scans\` (${held} held out, as its manifest says) with gold written from their true text${rendered.length ? `, and ${rendered.length} tuning documents of the text gold rendered at bench time as scans of their source text (${rendered.join(', ')}: typeset with ruled tables, a seal, 200 or 300 dpi, slight skew, noise and JPEG artefacts, by \`scripts/render-samples/from-text.ts\`; marked \`renderScan\` in their gold)` : ''}` +
      `: each scan read by sohoa (OCR, layout and ruled tables; ${pages} pages${failed ? `, ${failed} failed` : ''}), restored and extracted as \`sohoa ingest\` does, then matched against the gold as above.`,
    '',
    ...totalsTable(totals),
    '',
    'Per tuning document (held-out ones counted in the totals only): metadata fields right; per field matched/gold (+extra extracted).',
    '',
    '| document | metadata | legal bases | deadlines | targets | tasks |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

export async function benchExtract(): Promise<string> {
  const all = loadGold();
  const docs = all.filter((d) => d.gold.source);
  const totals: Totals = {};
  const rows: string[] = [];
  const texts: string[] = [];
  for (const { name, gold } of docs) {
    const text = readFileSync(join(ROOT, gold.source!), 'utf8');
    texts.push(text);
    const cells = scoreDocument(gold, extractPlan(ocrTextToTree(text)), totals);
    // Held-out documents count in the totals only: per-document rows would show where they fail.
    if (gold.split !== 'held-out') rows.push(`| ${name} | ${cells.join(' | ')} |`);
  }

  // Speed: 20 pages of restored text, median of several runs after warm-up.
  const big = ocrTextToTree(twentyPages(texts));
  for (let i = 0; i < 5; i++) extractPlan(big);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    extractPlan(big);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const chars = big.children.reduce((n, p) => n + p.children.reduce((m, b) => m + JSON.stringify(b).length, 0), 0);

  const out: string[] = [];
  out.push('## Extraction (metadata, legal bases, deadlines, targets, tasks)', '');
  out.push(`Gold PlanDocuments: ${docs.length} on restored text in \`bench/gold/plans/\` (${docs.filter((d) => d.gold.split === 'held-out').length} held out of all tuning). Items matched one-to-one against gold.`, '');
  out.push(...totalsTable(totals));
  out.push('', 'Per tuning document (held-out documents are counted in the totals above only, so that nobody tuning sees where they fail): metadata fields right; per field matched/gold (+extra extracted).', '');
  out.push('| document | metadata | legal bases | deadlines | targets | tasks |', '| --- | --- | --- | --- | --- | --- |', ...rows);
  out.push('', `Speed: extracting a 20-page restored document (${big.children.length} pages, ~${Math.round(chars / 1000)} kB of tree) takes ${median.toFixed(1)} ms (median of 15 runs; limit 100 ms).`, '');
  // BENCH_EXTRACT_TEXT_ONLY=1 leaves out the end-to-end part (OCR of 42 pages, minutes) while tuning rules.
  if (!process.env.BENCH_EXTRACT_TEXT_ONLY) out.push(...(await endToEnd(all)));
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchExtract().then((md) => console.log(md));
}
