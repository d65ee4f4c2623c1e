/**
 * The restorer: loads the models from `dictionaries/` once per process and restores lines of
 * OCR text — Vietnamese diacritics and OCR confusions — keeping every line's structure.
 *
 *   line → pieces → candidates (channel model) → beam search (trigram LM) → restored line
 *
 * Inputs and outputs are NFC. Pure apart from the one-time model load.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TokenChange } from '../tree/types.ts';
import { normalizeInputText } from '../text/normalize.ts';
import { NgramModel, InterpolatedModel, BOS, EOS, NUM, UNK, type LanguageModel } from './lm.ts';
import { ChannelModel, type ChannelData } from './channel.ts';
import { CandidateGenerator, CandidateIndex, type FoldTable, type LexiconEntry } from './candidates.ts';
import { Decoder, type Lexicon } from './decoder.ts';
import { isValidSyllable, type ToneStyle } from './syllables.ts';

export interface RestoredLine {
  text: string;
  changes: TokenChange[];
}

export interface Restorer {
  restoreLine(line: string): RestoredLine;
  /** Lines of one document: the LM context runs across lines; diacritic loss is judged on all. */
  restoreLines(lines: string[]): RestoredLine[];
}

export interface RestorerOptions {
  /** "classic" (hòa, thủy: the default, as most administrative documents) or "modern" (hoà, thuỷ). */
  toneStyle?: ToneStyle;
  overlayPath?: string;
  dictionariesDir?: string;
  /** Search widths, for tuning on the development split (defaults below). */
  search?: Partial<SearchWidths>;
}

export interface SearchWidths {
  maxCandidates: number;
  beamCost: number;
  maxCost: number;
  priorMargin: number;
  beamWidth: number;
  beamThreshold: number;
  /** Weight of the channel cost against the LM log-probability. */
  channelWeight: number;
}

export const DICTIONARIES_DIR = fileURLToPath(new URL('../../dictionaries/', import.meta.url));

export interface RestoreModels {
  lm: NgramModel;
  channel: ChannelData;
  fold: FoldTable;
  foldMulti: FoldTable;
  forms: Map<string, string>;
  codeParts: string[];
  /** Letter parts of the codes the admin text cites, commonest first (PGDĐT, QLĐT). */
  citedCodeParts: string[];
  /** Per LM id: ln P(capital | word) and ln P(lower case | word) inside a sentence. */
  caseLogp: { cap: Float32Array; lower: Float32Array } | null;
}

const modelCache = new Map<string, RestoreModels>();

export function loadModels(dir = DICTIONARIES_DIR): RestoreModels {
  const cached = modelCache.get(dir);
  if (cached) return cached;
  const path = (p: string) => `${dir.replace(/\/$/, '')}/${p}`;
  const need = (p: string) => {
    if (!existsSync(path(p))) throw new Error(`restoration model file missing: ${path(p)} (run \`npm run build:dict\`)`);
    return path(p);
  };
  const lm = NgramModel.deserialise(readFileSync(need('lm/syllable-3gram.bin.gz')));
  const channelFile = JSON.parse(readFileSync(need('channel/channel.json'), 'utf8')) as ChannelData & { fold: FoldTable; foldMulti?: FoldTable };
  const forms = new Map<string, string>();
  for (const line of readFileSync(need('lm/forms.tsv'), 'utf8').split('\n')) {
    const [lower, form] = line.split('\t');
    if (lower && form) forms.set(lower, form);
  }
  const codeParts = readFileSync(need('domain/code-parts.txt'), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  // The parts the admin text cites (lm/code-parts.tsv, optional), commonest first.
  const citedCodeParts: string[] = [];
  if (existsSync(path('lm/code-parts.tsv'))) {
    for (const line of readFileSync(path('lm/code-parts.tsv'), 'utf8').split('\n')) {
      const part = line.startsWith('#') ? '' : line.split('\t')[0];
      if (part) citedCodeParts.push(part);
    }
  }
  const models: RestoreModels = { lm, channel: channelFile, fold: channelFile.fold, foldMulti: channelFile.foldMulti ?? {}, forms, codeParts, citedCodeParts, caseLogp: loadCase(path('lm/case.tsv'), lm) };
  modelCache.set(dir, models);
  return models;
}

/**
 * Case statistics (`lm/case.tsv`) smoothed towards the overall rate: P(capital | w) =
 * (capitalised + α·rate) / (seen + α). Words never seen capitalised get the floor.
 */
function loadCase(file: string, lm: NgramModel): RestoreModels['caseLogp'] {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const totals = /all: (\d+)\t(\d+)/.exec(lines[0] ?? '');
  const rate = totals ? Number(totals[1]) / Math.max(1, Number(totals[2])) : 0.1;
  const ALPHA = 3;
  const cap = new Float32Array(lm.V).fill(Math.log((ALPHA * rate) / ALPHA));
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [w, c, all] = line.split('\t');
    const id = lm.id(w);
    if (id < 0) continue;
    cap[id] = Math.log((Number(c) + ALPHA * rate) / (Number(all) + ALPHA));
  }
  const lower = Float32Array.from(cap, (x) => Math.log(Math.max(1e-6, 1 - Math.exp(x))));
  return { cap, lower };
}

function styleOf(opt: RestorerOptions['toneStyle']): ToneStyle {
  return opt === 'modern' ? 'modern' : 'classic';
}

/**
 * List labels run a) b) c) d) đ) e) g) …: a "d)" that follows a "d)" in the same document is the
 * "đ)" that lost its stroke (stripped or misread). Labels are matched at the start of a line.
 */
function relabel(lines: RestoredLine[]): RestoredLine[] {
  let previous = '';
  return lines.map((line) => {
    const m = /^(\s*)([a-zđA-ZĐ])\)/u.exec(line.text);
    if (!m) return line;
    const label = m[2];
    const fixed = label.toLowerCase() === 'd' && previous === 'd' ? (label === 'd' ? 'đ' : 'Đ') : null;
    previous = (fixed ?? label).toLowerCase();
    if (!fixed) return line;
    const change = { column: m[1].length + 1, original: label, restored: fixed, confidence: 0.9, alternatives: [label] };
    return {
      text: m[1] + fixed + line.text.slice(m[1].length + 1),
      changes: [...line.changes, change].sort((a, b) => a.column - b.column),
    };
  });
}

/**
 * Per line: word tokens of two letters or more, and how many of them carry any Vietnamese mark
 * (near none when diacritics were stripped).
 */
function markCounts(lines: string[]): { words: Int32Array; marked: Int32Array } {
  const words = new Int32Array(lines.length);
  const marked = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    let run = 0;
    let mark = false;
    for (let k = 0; k <= line.length; k++) {
      const ch = k < line.length ? line.charCodeAt(k) : 32;
      // Letters (\p{L}): anything else ends a word.
      const letter = (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch > 127 && isLetter(line[k]));
      if (letter) {
        run++;
        if (ch > 127) mark = true;
        continue;
      }
      if (run >= 2) {
        words[i]++;
        if (mark) marked[i]++;
      }
      run = 0;
      mark = false;
    }
  });
  return { words, marked };
}
const letterCache = new Map<string, boolean>();
function isLetter(ch: string): boolean {
  let v = letterCache.get(ch);
  if (v === undefined) letterCache.set(ch, (v = /\p{L}/u.test(ch)));
  return v;
}

/**
 * Words a document prints intact: tokens of letters only that carry Vietnamese marks and are
 * valid syllables the LM knows, counted (lower case).
 */
export function documentCache(lines: string[], lm: LanguageModel): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const w of line.split(/[^\p{L}\p{N}]+/u)) {
      if (!w || !/[^\u0000-\u007f]/.test(w) || !/^\p{L}+$/u.test(w)) continue;
      const lower = w.toLowerCase();
      if (!isValidSyllable(lower)) continue;
      const id = lm.id(lower);
      if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * One sense per document: among words written with the same letters (thuốc, thuộc), the one this
 * document has already chosen with confidence is likelier again where the context cannot tell.
 * A word gets λ · ln((n + 1) / (m + 1)), clipped to [0, CLIP], where n counts its confident
 * choices so far and m those of its rivals. Only earlier paragraphs count, so one pass suffices.
 * Chosen on the development split: +0.1 point on stripped text and on simulated OCR.
 */
class DocumentWords {
  static readonly LAMBDA = 0.5;
  static readonly MIN_CONFIDENCE = 0.9;
  static readonly CLIP = 2;
  private readonly bySkeleton = new Map<string, Map<number, number>>();
  private readonly touched = new Set<string>();
  /** Bonuses now in force (none of 0), for a decoder first used later in the document. */
  readonly bonus = new Map<number, number>();
  constructor(
    private readonly lm: LanguageModel,
    private readonly index: CandidateIndex,
  ) {}
  decided = (id: number, confidence: number): void => {
    if (confidence < DocumentWords.MIN_CONFIDENCE) return;
    const key = this.index.skeletonOf(id, this.lm.vocab[id]);
    let m = this.bySkeleton.get(key);
    if (!m) this.bySkeleton.set(key, (m = new Map()));
    m.set(id, (m.get(id) ?? 0) + 1);
    this.touched.add(key);
  };
  /** Brings the bonuses of the words decided since the last call up to date in these decoders. */
  update(decoders: Iterable<Decoder>): void {
    for (const key of this.touched) {
      const m = this.bySkeleton.get(key)!;
      let total = 0;
      let top = -1;
      let topN = 0;
      for (const [id, n] of m) {
        total += n;
        if (n > topN) {
          top = id;
          topN = n;
        }
      }
      if (total < 2) continue;
      // Only a word chosen more often than all its rivals together gets a bonus above 0.
      const b = topN > total - topN && this.index.idsWithSkeleton(key).includes(top) ? DocumentWords.LAMBDA * Math.min(DocumentWords.CLIP, Math.log((topN + 1) / (total - topN + 1))) : 0;
      const was = this.leader.get(key);
      if (was !== undefined && (was !== top || !b)) this.set(was, 0, decoders);
      if (b) {
        this.leader.set(key, top);
        this.set(top, b, decoders);
      } else this.leader.delete(key);
    }
    this.touched.clear();
  }
  /** Per skeleton, the word that holds a bonus. */
  private readonly leader = new Map<string, number>();
  private set(id: number, b: number, decoders: Iterable<Decoder>): void {
    if (b === (this.bonus.get(id) ?? 0)) return;
    if (b) this.bonus.set(id, b);
    else this.bonus.delete(id);
    for (const d of decoders) d.setDecidedBonus(id, b);
  }
}

const restorerCache = new Map<string, Restorer>();
/**
 * Search widths: at most `maxCandidates` readings per token, within `beamCost` of the cheapest
 * and `priorMargin` (channel cost minus unigram log-probability) of the likeliest; at most
 * `beamWidth` hypotheses, within `beamThreshold` nats of the best. Chosen on the development split.
 */
/** Caps on the widths for text without marks (see `decoderFor`). */
const STRIPPED_WIDTHS = { maxCandidates: 16, beamCost: 7, beamWidth: 8, beamThreshold: 8 };
export const DEFAULT_WIDTHS: SearchWidths = { maxCandidates: 32, beamCost: 9, maxCost: 9, priorMargin: 8, beamWidth: 16, beamThreshold: 10, channelWeight: 1.5 };

export function loadRestorer(opts: RestorerOptions = {}): Restorer {
  const style = styleOf(opts.toneStyle);
  const key = `${style}|${opts.overlayPath ?? ''}|${opts.dictionariesDir ?? ''}|${JSON.stringify(opts.search ?? {})}`;
  const cached = restorerCache.get(key);
  if (cached) return cached;
  const restorer = createRestorer(loadModels(opts.dictionariesDir), opts);
  restorerCache.set(key, restorer);
  return restorer;
}

/** A restorer over given models (e.g. a language model trained for a benchmark). */
export function createRestorer(models: RestoreModels, opts: RestorerOptions = {}): Restorer {
  const style = styleOf(opts.toneStyle);
  let lm: LanguageModel = models.lm;
  let forms = models.forms;
  let citedCodeParts = models.citedCodeParts;
  if (opts.overlayPath) {
    if (!existsSync(opts.overlayPath)) throw new Error(`${opts.overlayPath}: overlay file not found (make one with \`sohoa dict learn\`)`);
    const overlay = NgramModel.deserialise(readFileSync(opts.overlayPath));
    if (overlay.meta.kind !== 'sohoa-overlay') throw new Error(`${opts.overlayPath}: not a sohoa overlay file`);
    lm = new InterpolatedModel(models.lm, overlay);
    forms = new Map([...forms, ...Object.entries((overlay.meta.forms ?? {}) as Record<string, string>)]);
    // The codes of the user's own documents first (their office's own unit abbreviations).
    citedCodeParts = [...new Set([...((overlay.meta.codeParts ?? []) as string[]), ...citedCodeParts])];
  }
  const entries: LexiconEntry[] = [];
  const special = new Set([BOS, EOS, NUM, UNK]);
  lm.vocab.forEach((w, id) => {
    if (special.has(w)) return;
    if (isValidSyllable(w) || forms.has(w)) entries.push({ id, text: w });
  });
  const isKnown = (lower: string) => lm.has(lower) && (isValidSyllable(lower) || forms.has(lower));
  const index = new CandidateIndex(entries, models.fold, models.foldMulti);
  const widths = { ...DEFAULT_WIDTHS, ...opts.search };
  const lexicon: Lexicon = { forms, codeParts: models.codeParts, citedCodeParts, caseLogp: models.caseLogp };
  // One channel (and candidate cache) per level of diacritic evidence, in steps of 0.05, so that
  // a document's restoration never depends on the documents restored before it and the caches
  // survive a batch of documents of mixed quality.
  const decoders = new Map<number, Decoder>();
  const decoderFor = (weight: number): Decoder => {
    const step = Math.round(weight * 20);
    let decoder = decoders.get(step);
    if (!decoder) {
      const channel = new ChannelModel(models.channel);
      channel.diacriticWeight = step / 20;
      // Text with (next to) no marks at all: typed or converted without them, letters intact. Its
      // readings differ in marks only, so narrower widths lose next to nothing (the same accuracy
      // on the development split with 16 readings against 32; 0.03 points with a beam of 8
      // against 16) at half the time; OCR text gains from the wider ones (beam 16: +0.2 points).
      const lettersStand = step <= 2;
      const genWidths = lettersStand ? { ...widths, maxCandidates: Math.min(widths.maxCandidates, STRIPPED_WIDTHS.maxCandidates), beamCost: Math.min(widths.beamCost, STRIPPED_WIDTHS.beamCost) } : widths;
      const gen = new CandidateGenerator(index, channel, lm, { ...genWidths, lettersStand }, isKnown);
      const beam = lettersStand ? { beamWidth: Math.min(widths.beamWidth, STRIPPED_WIDTHS.beamWidth), beamThreshold: Math.min(widths.beamThreshold, STRIPPED_WIDTHS.beamThreshold) } : widths;
      decoder = new Decoder(lm, gen, channel, lexicon, { beamWidth: beam.beamWidth, beamThreshold: beam.beamThreshold, channelWeight: widths.channelWeight, toneStyle: style });
      decoders.set(step, decoder);
    }
    return decoder;
  };

  const restoreLines = (lines: string[]): RestoredLine[] => {
    const clean = lines.map((l) => normalizeInputText(l));
    // Diacritics are evidence only as far as the text kept them.
    // Diacritics are evidence only as far as the text kept them: judged on the whole document,
    // unless a paragraph with words enough clearly differs (a table or a stamp area may have lost
    // its marks while the rest kept them).
    const counts = markCounts(clean);
    const weightOf = (from: number, to: number) => {
      let w = 0;
      let m = 0;
      for (let k = from; k < to; k++) {
        w += counts.words[k];
        m += counts.marked[k];
      }
      return { words: w, weight: Math.min(1, Math.max(0.05, (w ? m / w : 0) / 0.7)) };
    };
    const docWeight = weightOf(0, clean.length).weight;
    const cache = documentCache(clean, lm);
    const decided = new DocumentWords(lm, index);
    // Decoders this document used: each gets its cache once, and loses it when the document ends.
    const used = new Set<Decoder>();
    // Paragraphs (runs of non-empty lines) are decoded as one sequence each; each starts a
    // sentence ("Nơi nhận:" is likelier there than "Nói nhân:").
    const out: RestoredLine[] = new Array(clean.length);
    let state = { u: -1, v: lm.bos };
    for (let i = 0; i < clean.length; ) {
      if (!clean[i].trim()) {
        out[i] = { text: clean[i], changes: [] };
        state = { u: -1, v: lm.bos };
        i++;
        continue;
      }
      let j = i;
      while (j < clean.length && clean[j].trim() && j - i < 40) j++;
      const lines = clean.slice(i, j);
      const block = weightOf(i, j);
      const blockWeight = block.words >= 8 ? block.weight : docWeight;
      const decoder = decoderFor(Math.abs(blockWeight - docWeight) > 0.3 ? blockWeight : docWeight);
      if (!used.has(decoder)) {
        decoder.setDocumentCache(cache);
        for (const [id, b] of decided.bonus) decoder.setDecidedBonus(id, b);
        decoder.onDecided = decided.decided;
        used.add(decoder);
      }
      const decoded = decoder.decodeBlock(lines, state, j === clean.length || !clean[j].trim());
      decoded.lines.forEach((l, k) => (out[i + k] = l));
      state = decoded.state;
      decided.update(used);
      i = j;
    }
    for (const decoder of used) {
      decoder.setDocumentCache(null);
      decoder.onDecided = null;
    }
    return relabel(out);
  };
  return { restoreLines, restoreLine: (line) => restoreLines([line])[0] };
}
