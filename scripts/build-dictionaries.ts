/**
 * Builds the restoration models in `dictionaries/` from the public corpora in `../shared/corpus`
 * and the project's own administrative corpus and domain dictionary:
 *
 *   dictionaries/lm/syllable-3gram.bin.gz   trigram LM (modified Kneser-Ney)
 *   dictionaries/lm/forms.tsv               written forms of abbreviations and names
 *   dictionaries/lm/code-parts.tsv          letter parts of document codes the admin text cites
 *   dictionaries/lm/syllables.tsv           the generated syllable inventory, attested or not
 *   dictionaries/channel/channel.json       channel model (learned pairs + unicharambigs prior)
 *   dictionaries/corpus/split.json          which admin documents are held out
 *
 * The shipped model learns from the training and the development documents (the development
 * split chose the model's settings; once they are fixed, its text is more evidence). Tuning needs
 * a model that has not seen them: `--tuning <dir>` builds one from the training documents only
 * and writes the model files (lm/, channel/channel.json, domain/code-parts.txt) under <dir>,
 * leaving `dictionaries/` as it is; `scripts/tune-restore.ts` reads it from there.
 *
 * Usage: npm run build:dict [-- --corpus ../shared/corpus] [-- --tuning .cache/tuning-models]
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildKneserNey, codePartsCited, lmToken, textToSentences, wordTokens } from '../src/restore/lm-build.ts';
import { NgramModel, NUM } from '../src/restore/lm.ts';
import { generateInventory, isValidSyllable } from '../src/restore/syllables.ts';
import { buildChannel } from './channel-data.ts';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const corpusDir = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : join(root, '../shared/corpus');
const dict = join(root, 'dictionaries');
const tuning = args.includes('--tuning') ? args[args.indexOf('--tuning') + 1] : undefined;
/** Where the model files go: `dictionaries/`, or the tuning build's own folder. */
const out = tuning ?? dict;
for (const sub of ['lm', 'channel', 'domain']) mkdirSync(join(out, sub), { recursive: true });
if (tuning) copyFileSync(join(dict, 'domain/code-parts.txt'), join(out, 'domain/code-parts.txt'));

const read = (p: string) => readFileSync(p, 'utf8').normalize('NFC');

/** Admin documents whose number is divisible by 5 are held out from all training and tuning. */
export function isHeldOut(fileName: string): boolean {
  const n = parseInt(fileName, 10);
  return Number.isFinite(n) && n % 5 === 0;
}

/** Documents numbered 3, 13, 23 … are the development split: not trained on, used for tuning. */
export function isDev(fileName: string): boolean {
  const n = parseInt(fileName, 10);
  return Number.isFinite(n) && n % 10 === 3;
}

const adminDir = join(dict, 'corpus/admin');
const adminFiles = readdirSync(adminDir).filter((f) => f.endsWith('.txt')).sort();
const heldOut = adminFiles.filter(isHeldOut);
const dev = adminFiles.filter(isDev);
const train = adminFiles.filter((f) => !isHeldOut(f) && !isDev(f));
writeFileSync(
  join(dict, 'corpus/split.json'),
  JSON.stringify({ rule: 'number divisible by 5: held out (never trained on or tuned on); number ending in 3: development (tuning only)', train, dev, heldOut }, null, 2) + '\n',
);

const sentences: string[][] = [];
const cased = new Map<string, Map<string, number>>();
/** Per syllable, inside sentences of running text: how often it was written with a capital. */
const caseCounts = new Map<string, [number, number]>();
function addCaseCounts(text: string) {
  for (const line of text.split('\n')) {
    const letters = line.replace(/[^\p{L}]/gu, '');
    if (letters.length > 3 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6) continue; // a heading in capitals
    let start = true;
    for (const m of line.matchAll(/([\p{L}\p{N}'’]+)([^\p{L}\p{N}'’]*)/gu)) {
      const [, word, after] = m;
      const lower = lmToken(word);
      if (!start && isValidSyllable(lower) && /^\p{L}+$/u.test(word)) {
        const c = caseCounts.get(lower) ?? [0, 0];
        if (/^\p{Lu}\p{Ll}*$/u.test(word)) c[0]++;
        if (word === word.toLowerCase() || /^\p{Lu}\p{Ll}*$/u.test(word)) c[1]++;
        caseCounts.set(lower, c);
      }
      start = /[.;:!?)]|^\s*[-–+•]\s*$/.test(after) || /^\d+$/.test(word);
    }
  }
}
let adminSyllables = 0;
function addText(text: string, countForms: boolean) {
  for (const s of textToSentences(text)) sentences.push(s);
  addCaseCounts(text);
  if (!countForms) return;
  for (const raw of wordTokens(text)) {
    if (/^\d/.test(raw)) continue;
    adminSyllables++;
    const lower = lmToken(raw);
    if (isValidSyllable(lower)) continue;
    const m = cased.get(lower) ?? new Map<string, number>();
    m.set(raw, (m.get(raw) ?? 0) + 1);
    cased.set(lower, m);
  }
}
/** The admin documents the model learns from: the development ones too, except in a tuning build. */
const learnFrom = tuning ? train : [...train, ...dev];
/** Letter parts of the document codes the admin text cites ("PGDĐT" of 34/BC-PGDĐT), by count. */
const codeParts = new Map<string, number>();
for (const f of learnFrom) {
  const text = read(join(adminDir, f));
  addText(text, true);
  for (const part of codePartsCited(text)) codeParts.set(part, (codeParts.get(part) ?? 0) + 1);
}
const adminTrainSyllables = adminSyllables;

// Domain dictionary: multi-word terms (bodies, procedures, places…) as short sentences.
const domainDir = join(dict, 'domain');
for (const f of readdirSync(domainDir).filter((f) => f.endsWith('.txt') && f !== 'code-parts.txt')) {
  const terms = read(join(domainDir, f))
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  for (const t of terms) addText(t + '\n\n', true);
}
for (const p of read(join(domainDir, 'code-parts.txt')).split('\n')) {
  const t = p.replace(/#.*/, '').trim();
  if (!t) continue;
  const m = cased.get(t.toLowerCase()) ?? new Map<string, number>();
  m.set(t, (m.get(t) ?? 0) + 5);
  cased.set(t.toLowerCase(), m);
}

// UD Vietnamese-VTB train: general news sentences (the dev file is never read here).
for (const line of read(join(corpusDir, 'ud-vietnamese-vtb/vi_vtb-ud-train.txt')).split('\n')) {
  if (line.trim()) for (const s of textToSentences(line)) sentences.push(s);
  if (line.trim()) addCaseCounts(line);
}

// Broad unigram frequencies: subtitles, Tesseract's word list (rank → pseudo count).
const unigramCounts = new Map<string, number>();
for (const line of read(join(corpusDir, 'opensubtitles2018-vi/vi_full.txt')).split('\n')) {
  const [w, c] = line.split(' ');
  if (!w || !c) continue;
  const t = lmToken(w);
  if (isValidSyllable(t)) unigramCounts.set(t, (unigramCounts.get(t) ?? 0) + Number(c));
}
const wordlist = read(join(corpusDir, 'tesseract-langdata-vie/vie.wordlist')).split('\n');
wordlist.forEach((w, rank) => {
  for (const part of w.split(' ')) {
    const t = lmToken(part);
    if (isValidSyllable(t)) unigramCounts.set(t, (unigramCounts.get(t) ?? 0) + Math.max(1, Math.round(20000 / (rank + 1))));
  }
});
const pairs: [string, string][] = [];
for (const line of read(join(corpusDir, 'tesseract-langdata-vie/vie.word.bigrams')).split('\n')) {
  const parts = line.trim().split(/\s+/).map(lmToken);
  if (parts.length === 2 && isValidSyllable(parts[0]) && isValidSyllable(parts[1])) pairs.push([parts[0], parts[1]]);
}

/** p1 = KN continuation · broad unigram (subtitles, word list) · uniform; chosen on the dev split. */
const UNIGRAM_MIX: [number, number, number] = [0.9, 0.05, 0.05];
const started = Date.now();
const mix = process.env.SOHOA_UNIGRAM_MIX?.split(',').map(Number) as [number, number, number] | undefined;
const tables = buildKneserNey({
  sentences,
  pairs,
  unigramCounts,
  acceptExtra: (t) => isValidSyllable(t) || t === NUM,
  unigramMix: mix ?? UNIGRAM_MIX,
});
const bin = NgramModel.serialise(tables);
writeFileSync(join(out, 'lm/syllable-3gram.bin.gz'), bin);
const model = NgramModel.deserialise(bin);
console.log(
  `LM: ${model.size.unigrams} unigrams, ${model.size.bigrams} bigrams, ${model.size.trigrams} trigrams, ` +
    `${(bin.length / 1e6).toFixed(1)} MB, built in ${Date.now() - started} ms; admin syllables ${adminTrainSyllables} in ${learnFrom.length} documents (${tuning ? 'training only: a tuning build' : 'training and development'})`,
);

// Written forms of non-syllable tokens (abbreviations, names): the most frequent spelling.
const forms: string[] = [];
for (const [lower, m] of [...cased].sort((a, b) => a[0].localeCompare(b[0]))) {
  const best = [...m].sort((a, b) => b[1] - a[1])[0][0];
  if (best !== lower) forms.push(`${lower}\t${best}`);
  else forms.push(`${lower}\t${lower}`);
}
writeFileSync(join(out, 'lm/forms.tsv'), forms.join('\n') + '\n');

// Code parts the admin text cites at least twice, beside the hand-written list (domain/code-parts.txt).
const learnedParts = [...codeParts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
writeFileSync(
  join(out, 'lm/code-parts.tsv'),
  `# letter parts of document codes in the admin text the model learns from, cited at least twice: part <TAB> times\n` +
    learnedParts.map(([p, n]) => `${p}\t${n}`).join('\n') + '\n',
);
console.log(`code parts: ${learnedParts.length} learned from the admin text`);

// Case: syllables written with a capital inside sentences (names of places and people), with the
// counts the decoder smooths into P(capital | syllable).
const caseLines = [...caseCounts]
  .filter(([, [cap]]) => cap > 0)
  .sort((a, b) => a[0].localeCompare(b[0]))
  .map(([w, [cap, all]]) => `${w}\t${cap}\t${all}`);
const totals = [...caseCounts.values()].reduce((a, [cap, all]) => [a[0] + cap, a[1] + all], [0, 0]);
writeFileSync(
  join(out, 'lm/case.tsv'),
  `# syllable\ttimes capitalised inside a sentence\ttimes seen inside a sentence (all: ${totals[0]}\t${totals[1]})\n` + caseLines.join('\n') + '\n',
);
console.log(`case: ${caseLines.length} syllables seen capitalised inside sentences (${totals[0]} of ${totals[1]} tokens)`);

// The syllable inventory, with whether any corpus attests each syllable.
const attested = new Set([...unigramCounts.keys(), ...sentences.flat()]);
const inventory = generateInventory('classic');
writeFileSync(
  join(out, 'lm/syllables.tsv'),
  '# syllable\tattested (1) or only allowed by the spelling rules (0)\n' + inventory.map((s) => `${s}\t${attested.has(s) ? 1 : 0}`).join('\n') + '\n',
);
console.log(`inventory: ${inventory.length} syllables, ${inventory.filter((s) => attested.has(s)).length} attested`);

// Channel model.
const pairsDir = join(dict, 'channel/pairs');
const channel = buildChannel({
  unicharambigs: read(join(corpusDir, 'tesseract-langdata-vie/vie.unicharambigs')),
  pairFiles: existsSync(pairsDir) ? readdirSync(pairsDir).filter((f) => f.endsWith('.tsv')).map((f) => read(join(pairsDir, f))) : [],
});
writeFileSync(join(out, 'channel/channel.json'), JSON.stringify(channel, null, 1) + '\n');
console.log(`channel: ${Object.keys(channel.sub).length} substitutions, ${Object.keys(channel.multi).length} segment confusions, learned from ${channel.learnedFrom} aligned token pairs`);
