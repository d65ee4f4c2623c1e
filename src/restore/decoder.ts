/**
 * The decoder: beam search (a pruned Viterbi over trigram states) through each line's candidate
 * lattice, scoring LM log-probability plus channel log-probability. It keeps what it cannot
 * improve (numbers, dates, codes, unknown names), repairs document codes (`1337/QD-UBND` →
 * `1337/QĐ-UBND`), preserves case, punctuation and spacing, and gives every changed token its
 * original, a confidence and alternatives.
 */
import type { TokenChange } from '../tree/types.ts';
import type { LanguageModel, LmContext } from './lm.ts';
import { EOS, NUM } from './lm.ts';
import { lmToken } from './lm-build.ts';
import { candidate, type Candidate, type CandidateGenerator } from './candidates.ts';
import type { ChannelModel } from './channel.ts';
import { applyCase, canonicalTone, casePattern, isValidSyllable, type ToneStyle } from './syllables.ts';
import { splitPieces, type Piece } from '../text/vietnamese.ts';

export interface DecoderOptions {
  beamWidth: number;
  /** Hypotheses scoring this far (nats) below the best are dropped. */
  beamThreshold: number;
  /** Weight of the channel cost against the LM log-probability. */
  channelWeight: number;
  toneStyle: ToneStyle;
}

export interface DecodedLine {
  text: string;
  changes: TokenChange[];
}

/** Punctuation that can wrap a word; OCR symbols that stand for letters (& ¢ § $ @) are not here. */
const EDGE = /[.,;:!?()[\]{}"“”'‘’«»…\-–—_*/\\|~^`´·•<>=+]/u;
const SENTENCE_END = /[.;:!?]/;
/**
 * The shapes of a code of letters and digits that OCR rarely makes of a word: a capital and at most
 * two more letters before two digits or more (H50, B40, PC06, ĐT610, QL14), or capital consonants
 * with no vowel before a digit (CD4, BT2, PM10). A misread word has one digit or keeps its vowel
 * (s6, T6, CU4 for CỦA).
 */
const CODE_SHAPE = /^(?:\p{Lu}\p{L}{0,2}\d{2,}|[BCDĐFGHJKLMNPQRSTVWXZ]{2,}\d+)$/u;
/** Symbols that Vietnamese administrative text does not use on their own: a speck read as a glyph. */
const NOISE = /[$£¥§¢€©®™¬¤¦¨¯¶¸¹º¼½¾¿×÷~^`´]/;

/** Weight of the case evidence (chosen on the development split). */
const CASE_WEIGHT = 0.5;

/** Weight of the document cache (chosen on the development split). */
const CACHE_WEIGHT = 0.3;

/**
 * A slot whose chosen reading led every other by this much on its left context is taken as sure
 * without weighing its right context (DocumentWords; its confidence: `leftConfidence`).
 */
const SURE_MARGIN = 4;

/** Readings weighed against each other for a change's confidence. */
const CONFIDENCE_POOL = 8;

interface WordSlot {
  piece: number;
  prefix: string;
  core: string;
  suffix: string;
  cands: Candidate[];
  /** Sentence ends after this slot: the LM context starts again. */
  reset: boolean;
  /** Per candidate: the cost of the token's case given the reading (inside a sentence only). */
  caseCost?: Float64Array;
  /** Filled by the search: the choice, the LM state before it, the next two chosen words. */
  chosen?: Candidate;
  /** Filled by the search: the candidate best on the left context alone. */
  stepBest: number;
  /** Filled by the search when the slot is sure (see SURE_MARGIN): the confidence of its step-best reading and the next ones. */
  sure?: Confidence;
  before?: { u: number; v: number };
  after1: number;
  after2: number;
}

/** A slot with every field present from the start (one shape for all: see `candidate`). */
function makeSlot(piece: number, prefix: string, core: string, suffix: string, cands: Candidate[], reset: boolean): WordSlot {
  return { piece, prefix, core, suffix, cands, reset, caseCost: undefined, chosen: undefined, stepBest: -1, sure: undefined, before: undefined, after1: -1, after2: -1 };
}

const NO_STATE = { u: -1, v: -1 };

type SequenceItem = { kind: 'slot'; slot: WordSlot } | { kind: 'fixed'; id: number; reset: boolean };

interface Prepared {
  pieces: Piece[];
  outPieces: string[];
  slots: WordSlot[];
  changes: TokenChange[];
  sequence: SequenceItem[];
}

/**
 * Words joined by / or - that are not codes ("đồng/người/năm", "kinh tế-xã hội") are restored
 * part by part: each part becomes its own piece, the separators stay between them.
 */
function splitCompounds(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    // Most pieces hold none of the separators: nothing to cut (one test instead of one per character).
    if (!p.word || !/[/:;,-]/.test(p.text)) {
      out.push(p);
      continue;
    }
    // Internal : ; , after a word (OCR lost the space: "S6:34", "huyện,xã") always split, but not
    // inside numbers ("81,5", "10:30"); / and - split only between lower-case words, not codes.
    const compound = /^[^/-]*\p{Ll}[^/-]*([/-][^/-]+)+$/u.test(p.text) && !/\d/.test(p.text);
    const cuts: number[] = [];
    if (p.word) {
      let runStart = 0;
      for (let k = 0; k < p.text.length; k++) {
        const ch = p.text[k];
        const sep = compound ? /[/:;,-]/.test(ch) : /[:;,]/.test(ch);
        if (!sep) continue;
        const run = p.text.slice(runStart, k);
        if (k > 0 && k < p.text.length - 1 && (compound || /\p{L}/u.test(run)) && /[\p{L}\d]/u.test(p.text[k + 1])) cuts.push(k);
        runStart = k + 1;
      }
    }
    if (!cuts.length) {
      out.push(p);
      continue;
    }
    let last = 0;
    for (const k of cuts) {
      if (k > last) out.push({ text: p.text.slice(last, k), start: p.start + last, word: true });
      out.push({ text: p.text[k], start: p.start + k, word: false });
      last = k + 1;
    }
    if (last < p.text.length) out.push({ text: p.text.slice(last), start: p.start + last, word: true });
  }
  return out;
}

/** Two letters or more (of the Basic Multilingual Plane) and nothing else. */
function isPlainWord(text: string): boolean {
  if (text.length < 2) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) continue;
    if (c < 128) return false;
    let letter = letterCodes.get(c);
    if (letter === undefined) letterCodes.set(c, (letter = /^\p{L}$/u.test(String.fromCharCode(c))));
    if (!letter) return false;
  }
  return true;
}
const letterCodes = new Map<number, boolean>();

/**
 * UTF-16 units of the line's letters and of its capital letters (as the lengths of the line with
 * every non-letter, then every non-capital removed), counted without building those strings.
 */
function letterCounts(line: string): { letters: number; capitals: number } {
  let letters = 0;
  let capitals = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0)!;
    let kind: number | undefined = c < 128 ? (c >= 65 && c <= 90 ? 2 : c >= 97 && c <= 122 ? 1 : 0) : letterKinds.get(c);
    if (kind === undefined) letterKinds.set(c, (kind = /\p{Lu}/u.test(ch) ? 2 : /\p{L}/u.test(ch) ? 1 : 0));
    if (kind) letters += ch.length;
    if (kind === 2) capitals += ch.length;
  }
  return { letters, capitals };
}
/** Code point → 0 (not a letter), 1 (a letter), 2 (a capital letter). */
const letterKinds = new Map<number, number>();

interface Confidence {
  confidence: number;
  alternatives: Candidate[];
}

interface Hyp {
  score: number;
  u: number;
  v: number;
  prev: Hyp | null;
  cand: Candidate | null;
}

/**
 * A Roman numeral section label as OCR prints it: I and 1, l, L, | look alike ("IL" → II,
 * "111" → III). Plain numbers other than 111 stay numbers (item 11 is item 11).
 */
export function romanLabel(core: string): string | null {
  if (!/^[IVXLl1|]{1,4}$/.test(core) || (/^\d+$/.test(core) && core !== '111')) return null;
  const roman = core.replace(/[lL1|]/g, 'I');
  return /^X?(IX|IV|V?I{0,3})$/.test(roman) && roman.length > 0 ? roman : null;
}

export interface Lexicon {
  /** Canonical written form of a non-syllable vocabulary token ("ubnd" → "UBND", "kuin" → "Kuin"). */
  forms: Map<string, string>;
  /** Abbreviations that may appear inside document codes (QĐ, UBND, NĐ, CP, TTg …), upper case. */
  codeParts: string[];
  /** Code parts seen cited in text: repair only a lost stroke (PGDDT → PGDĐT), never other letters. */
  citedCodeParts?: string[];
  /** Per LM id: ln P(capital | word), ln P(lower case | word) inside a sentence (names are capitalised). */
  caseLogp?: { cap: Float32Array; lower: Float32Array } | null;
}

export class Decoder {
  // Scratch arrays for the beam expansion, reused across slots.
  private xScore = new Float64Array(256);
  private xU = new Int32Array(256);
  private xV = new Int32Array(256);
  private xHyp = new Int32Array(256);
  private xCand = new Int32Array(256);
  private xOrder = new Int32Array(256);
  // Per candidate of the slot being expanded: W · channel cost, document bonus, LM bound.
  private cWeighted = new Float64Array(32);
  private cBonus = new Float64Array(32);
  private cBound = new Float64Array(32);
  /** Per candidate: its best score on the left context (over the hypotheses), −∞ when pruned. */
  private cBest = new Float64Array(32);
  /** The LM history of the hypothesis being expanded (one object, refilled). */
  private readonly scratchContext: LmContext = { u: -1, v: -1, hist: -1, bow2: 0 };
  private growCandidateArrays(n: number): void {
    this.cWeighted = new Float64Array(n * 2);
    this.cBonus = new Float64Array(n * 2);
    this.cBound = new Float64Array(n * 2);
    this.cBest = new Float64Array(n * 2);
  }
  private grow(): void {
    const size = this.xScore.length * 2;
    const copy = <T extends Float64Array | Int32Array>(a: T, Kind: new (n: number) => T): T => {
      const b = new Kind(size);
      b.set(a);
      return b;
    };
    this.xScore = copy(this.xScore, Float64Array);
    this.xU = copy(this.xU, Int32Array);
    this.xV = copy(this.xV, Int32Array);
    this.xHyp = copy(this.xHyp, Int32Array);
    this.xCand = copy(this.xCand, Int32Array);
  }

  constructor(
    private readonly lm: LanguageModel,
    private readonly gen: CandidateGenerator,
    private readonly channel: ChannelModel,
    private readonly lexicon: Lexicon,
    private readonly opts: DecoderOptions,
  ) {
    this.eos = lm.id(EOS);
  }
  /** The end-of-sentence token, or −1 for a model without one. */
  private readonly eos: number;

  /**
   * The document's own evidence: words it prints intact elsewhere (valid syllables with their
   * marks) are likelier readings of its damaged tokens. Set per document, cleared after it.
   */
  setDocumentCache(counts: Map<number, number> | null): void {
    for (const id of this.cacheIds) this.cacheBonus[id] = 0;
    this.cacheIds = [];
    this.decidedBonus.clear();
    this.cacheSize = 0;
    if (!counts) return;
    if (this.cacheBonus.length < this.lm.V) this.cacheBonus = new Float64Array(this.lm.V);
    for (const [id, n] of counts) {
      if (id < 0 || id >= this.cacheBonus.length) continue;
      this.cacheBonus[id] = CACHE_WEIGHT * Math.min(2, Math.log1p(n));
      this.cacheIds.push(id);
    }
    this.cacheSize = this.cacheIds.length;
  }
  /**
   * Sets one word's bonus from the document's own decisions (see DocumentWords), on top of the
   * cache's; it replaces the word's earlier one. Cleared with the cache.
   */
  setDecidedBonus(id: number, bonus: number): void {
    if (this.cacheBonus.length < this.lm.V) this.cacheBonus = new Float64Array(this.lm.V);
    const old = this.decidedBonus.get(id) ?? 0;
    if (old === bonus) return;
    if (!this.cacheBonus[id] && !old) this.cacheIds.push(id);
    this.cacheBonus[id] += bonus - old;
    this.decidedBonus.set(id, bonus);
    this.cacheSize = this.cacheIds.length;
  }
  private decidedBonus = new Map<number, number>();
  /** When set, told each one-word reading the decoder chose and how sure it was (0–1). */
  onDecided: ((id: number, confidence: number) => void) | null = null;
  private cacheBonus = new Float64Array(0);
  private cacheIds: number[] = [];
  private cacheSize = 0;

  /** Decode one line given the LM state left by the previous line. */
  decodeLine(line: string, state: { u: number; v: number }): DecodedLine & { state: { u: number; v: number } } {
    const r = this.decodeBlock([line], state);
    return { ...r.lines[0], state: r.state };
  }

  /**
   * Decode consecutive lines of one paragraph as one sequence, so a word at the end of a line
   * sees the words that open the next one; results come back line by line.
   */
  decodeBlock(lines: string[], state: { u: number; v: number }, endsParagraph = false): { lines: DecodedLine[]; state: { u: number; v: number } } {
    const prepared = lines.map((l) => this.prepare(l));
    const sequence = prepared.flatMap((p) => p.sequence);
    const chosen = this.search(sequence, state, endsParagraph);
    prepared.flatMap((p) => p.slots).forEach((slot, i) => {
      slot.chosen = chosen.path[i];
      slot.before = chosen.before[i];
      slot.after1 = chosen.path[i + 1]?.ids[0] ?? -1;
      slot.after2 = chosen.path[i + 1]?.ids[1] ?? chosen.path[i + 2]?.ids[0] ?? -1;
    });
    const out = prepared.map((p) => this.finish(p));
    return { lines: out, state: chosen.state };
  }

  private prepare(line: string): Prepared {
    const pieces = splitCompounds(splitPieces(line));
    const outPieces = pieces.map((p) => p.text);
    const slots: WordSlot[] = [];
    const changes: TokenChange[] = [];

    // Classify pieces. Numbers and codes are fixed: they feed the LM as <num> but never change
    // except for code repair.
    const sequence: SequenceItem[] = [];
    const lm = this.lm;
    const { letters, capitals } = letterCounts(line);
    const capsLine = letters > 3 && capitals / letters > 0.6;
    let firstWord = true;
    // Digits that may be a number as printed or a misread syllable: a slot where keeping the print
    // costs `keepCost` and each reading `extra` on top of its channel cost (false: no reading).
    const printedOrRead = (at: { piece: number; prefix: string; core: string; suffix: string; reset: boolean }, keepCost: number, extra: number): boolean => {
      // Numbers recur: their candidate lists are kept, like a word's.
      let byCore = this.printedCands.get(keepCost * 1000 + extra);
      if (!byCore) this.printedCands.set(keepCost * 1000 + extra, (byCore = new Map()));
      let cands = byCore.get(at.core);
      if (cands === undefined) {
        const readings = this.gen.candidates(at.core).filter((c) => !c.keep).map((c) => (extra ? candidate(c.text, c.ids, c.cost + extra, c) : c));
        cands = readings.length ? [candidate(at.core, [lm.id(NUM)], keepCost, { keep: true, verbatim: true }), ...readings] : null;
        if (byCore.size >= 100_000) byCore.clear();
        byCore.set(at.core, cands);
      }
      if (!cands) return false;
      const slot = makeSlot(at.piece, at.prefix, at.core, at.suffix, cands, at.reset);
      slots.push(slot);
      sequence.push({ kind: 'slot', slot });
      return true;
    };
    // A word's candidates, filtered for capitals, become a slot of the search.
    const addWord = (i: number, prefix: string, core: string, suffix: string, reset: boolean, lineStart: boolean): void => {
      let cands = this.gen.candidates(core);
      // An all-capital token in running text is an abbreviation: keep a known one, repair an unknown
      // one only into another abbreviation (HDND → HĐND), never into a common word (DVC ↛ ĐỌC).
      // Two letters at least: "K&" is one capital and a misread mark (Kế), not an abbreviation.
      // (A token opening with a lower-case ASCII letter is not in capitals: no upper-case copy made.)
      const first = core.charCodeAt(0);
      const caps = core.length >= 2 && !(first >= 97 && first <= 122) && core === core.toUpperCase() && core !== core.toLowerCase() && /\p{L}.*\p{L}/u.test(core);
      // In a line of capitals too, a known abbreviation that is no syllable (TM., KT., UBND) stays.
      const keepAbbr = caps && capsLine ? cands.find((c) => c.keep && this.isAbbreviation(c.text) && !isValidSyllable(c.text)) : undefined;
      if (keepAbbr) cands = this.withStroke(keepAbbr, cands);
      else if (caps && !capsLine) {
        const isAbbr = (c: Candidate) => c.ids.length === 1 && this.isAbbreviation(c.text);
        const keep = cands.find((c) => c.keep && this.isAbbreviation(c.text));
        if (keep) cands = this.withStroke(keep, cands);
        else if (!cands.some((c) => !c.keep && c.ids.length === 1 && c.cost < 1.5 && !isAbbr(c))) {
          // Not a word in capitals (a heading word like KẾ HOẠCH would read as one cheaply).
          const abbr = cands.filter((c) => isAbbr(c) || c.keep);
          if (abbr.length) cands = abbr;
        }
      }
      const slot = makeSlot(i, prefix, core, suffix, cands, reset);
      const previous = sequence[sequence.length - 1];
      const midSentence = !lineStart && !capsLine && !(previous?.kind === 'fixed' ? previous.reset : previous?.slot.reset);
      if (midSentence) slot.caseCost = this.caseCosts(core, cands);
      slots.push(slot);
      sequence.push({ kind: 'slot', slot });
    };
    /** A lone "×" between two words with digits is a product ("B40 × H50", "2 × 3 m"), not a speck. */
    const isTimesSign = (i: number): boolean => {
      if (pieces[i].text !== '×') return false;
      let a = i - 1;
      while (a >= 0 && !pieces[a].word) a--;
      let b = i + 1;
      while (b < pieces.length && !pieces[b].word) b++;
      return a >= 0 && b < pieces.length && /\d/.test(pieces[a].text) && /\d/.test(pieces[b].text);
    };
    pieces.forEach((p, i) => {
      if (!p.word) return;
      // Most pieces are a word of two letters or more and nothing else: no edge to trim, and none
      // of the rules below (specks, labels, numbers, codes, names with an apostrophe) applies.
      if (isPlainWord(p.text)) {
        const lineStart = firstWord;
        firstWord = false;
        addWord(i, '', p.text, '', false, lineStart);
        return;
      }
      let a = 0;
      let b = p.text.length;
      while (a < b && EDGE.test(p.text[a])) a++;
      while (b > a && EDGE.test(p.text[b - 1])) b--;
      const prefix = p.text.slice(0, a);
      const core = p.text.slice(a, b);
      const suffix = p.text.slice(b);
      const reset = SENTENCE_END.test(suffix);
      const lineStart = firstWord;
      firstWord = false;
      // Scanner specks read as symbols (")$)", "£", "¥ ~"): dropped, with the space after them.
      if (!/[\p{L}\d]/u.test(p.text) && NOISE.test(p.text) && /^[^\p{L}\d\s]+$/u.test(p.text) && !/^.\)$/u.test(p.text) && !isTimesSign(i)) {
        outPieces[i] = '';
        if (i + 1 < pieces.length && !pieces[i + 1].word) outPieces[i + 1] = '';
        changes.push({ column: p.start + 1, original: p.text, restored: '', confidence: 0.9, alternatives: [] });
        return;
      }
      if (!core) return;
      // List and section labels: "a)", "đ)", and Roman numerals opening a line ("II.", OCR'd "IL.", "111.").
      if (/^\)/.test(suffix) && [...core].length === 1) {
        sequence.push({ kind: 'fixed', id: lm.bos, reset: true });
        return;
      }
      if (lineStart && /^\./.test(suffix)) {
        const roman = romanLabel(core);
        if (roman) {
          if (roman !== core) {
            outPieces[i] = prefix + roman + suffix;
            changes.push({ column: p.start + a + 1, original: core, restored: roman, confidence: 0.7, alternatives: [] });
          }
          sequence.push({ kind: 'fixed', id: lm.bos, reset: true });
          return;
        }
      }
      if (/^[\d.,%]+$/.test(core) && /\d/.test(core)) {
        // One or two digits alone may be a misread syllable ("16" for lệ, "13" for là): the LM decides,
        // with keeping the number as the cheap default.
        if (/^\d{1,2}$/.test(core) && !/^[/.,:-]/.test(suffix) && !/[/.-]$/.test(prefix) && printedOrRead({ piece: i, prefix, core, suffix, reset }, 0, 1.5)) return;
        sequence.push({ kind: 'fixed', id: lm.id(NUM), reset });
        return;
      }
      if (/\d/.test(core) && /[/-]/.test(core) || /^[\p{Lu}\d]+([/-][\p{L}\d]+)+$/u.test(core)) {
        const repaired = this.repairCode(core);
        if (repaired !== core) {
          outPieces[i] = prefix + repaired + suffix;
          changes.push({ column: p.start + a + 1, original: core, restored: repaired, confidence: 0.8, alternatives: [] });
        }
        // A number and symbol closes its field ("Số: 112/BC-UBND  Tân Mỹ, ngày …" when the header's
        // two columns share a line): what follows is read afresh, not as "112 tấn".
        sequence.push({ kind: 'fixed', id: lm.id(NUM), reset: reset || /\p{L}/u.test(core) });
        return;
      }
      // A digit with a symbol and no letter ("1&", "1€", "6¢") is a syllable OCR printed with
      // glyphs for its letters and marks: read like a word, keeping it costs a little.
      if (!/\p{L}/u.test(core) && /^(?=.*\d)(?=.*[^\d.,%])[^\s\p{L}]{2,3}$/u.test(core) && printedOrRead({ piece: i, prefix, core, suffix, reset }, 2, 0)) return;
      if (!/\p{L}/u.test(core)) return;
      if (CODE_SHAPE.test(core)) {
        sequence.push({ kind: 'fixed', id: lm.id(NUM), reset });
        return;
      }
      // Central Highlands names written with an apostrophe after an initial (H'leo, M'gar, H'Mông,
      // Ksor H'Bliêng) stay as written; an apostrophe inside a word is otherwise OCR's ("THU'C").
      if (/^[HMKYNĐD]['’]\p{L}{2,}$/u.test(core)) {
        sequence.push({ kind: 'fixed', id: lm.id(lmToken(core.replace('’', "'"))), reset });
        return;
      }
      // A lone capital letter in running text is a label or an initial ("Mục V", "điểm A").
      if (/^\p{Lu}$/u.test(core) && !capsLine && !lineStart) {
        sequence.push({ kind: 'fixed', id: lm.id(lmToken(core)), reset });
        return;
      }
      addWord(i, prefix, core, suffix, reset, lineStart);
    });

    return { pieces, outPieces, slots, changes, sequence };
  }

  /** Beam search (pruned Viterbi over trigram states) through the sequence's candidates. */
  private search(sequence: SequenceItem[], state: { u: number; v: number }, endsParagraph: boolean): { path: Candidate[]; before: { u: number; v: number }[]; state: { u: number; v: number } } {
    let beam: Hyp[] = [{ score: 0, u: state.u, v: state.v, prev: null, cand: null }];
    const lm = this.lm;
    const W = this.opts.channelWeight;
    const eos = this.eos;
    for (const item of sequence) {
      if (item.kind === 'fixed') {
        for (const h of beam) {
          if (item.id === lm.bos) {
            // A label opens a sentence: the one before it ends here (unless it already has).
            if (eos >= 0 && h.v !== lm.bos) h.score += lm.logp(h.u, h.v, eos);
            else if (eos < 0) h.score += lm.logp(h.u, h.v, item.id);
          } else {
            h.score += lm.logp(h.u, h.v, item.id);
            h.u = h.v;
            h.v = item.id;
            if (item.reset && eos >= 0) h.score += lm.logp(h.u, h.v, eos);
          }
          if (item.reset || item.id === lm.bos) {
            h.u = -1;
            h.v = lm.bos;
          }
        }
        continue;
      }
      // Expand every hypothesis by every candidate into flat arrays; only survivors become objects.
      // An expansion whose upper bound (the LM's best case for its word) already falls below the
      // best so far minus the threshold could never be kept: it is not scored (exact pruning).
      const threshold = this.opts.beamThreshold;
      const cands = item.slot.cands;
      const caseCost = item.slot.caseCost;
      let n = 0;
      let best = -Infinity;
      // The best candidate on the left context, its score and the best other candidate's.
      let stepCi = -1;
      let stepBest = -Infinity;
      let stepSecond = -Infinity;
      // What each candidate adds whatever the hypothesis, read once per slot into flat arrays.
      if (this.cWeighted.length < cands.length) this.growCandidateArrays(cands.length);
      const { cWeighted, cBonus, cBound, cBest } = this;
      for (let ci = 0; ci < cands.length; ci++) {
        const c = cands[ci];
        cBest[ci] = -Infinity;
        cWeighted[ci] = W * c.cost;
        cBonus[ci] = this.cacheSize ? this.cacheBonus[c.ids[0]] || 0 : 0;
        cBound[ci] = lm.bound(c.ids[0]);
      }
      for (let hi = 0; hi < beam.length; hi++) {
        const h = beam[hi];
        let ctx: LmContext | null = null;
        for (let ci = 0; ci < cands.length; ci++) {
          const base = h.score - cWeighted[ci] - (caseCost ? caseCost[ci] : 0) + cBonus[ci];
          if (base + cBound[ci] < best - threshold) continue;
          const ids = cands[ci].ids;
          // The hypothesis's history is looked up once for all the slot's candidates.
          ctx ??= lm.context(h.u, h.v, this.scratchContext);
          // A one-word reading scoring below the threshold is dropped below, whatever its exact
          // score: the LM may skip its lookup (the margin covers rounding).
          let score = base + (ids.length === 1 ? lm.scoreAbove(ctx, ids[0], best - threshold - base - 1e-6) : lm.score(ctx, ids[0]));
          let u = h.v;
          let v = ids[0];
          for (let k = 1; k < ids.length; k++) {
            score += lm.logp(u, v, ids[k]);
            u = v;
            v = ids[k];
          }
          if (item.slot.reset) {
            if (eos >= 0) score += lm.logp(u, v, eos);
            u = -1;
            v = lm.bos;
          }
          if (score > cBest[ci]) cBest[ci] = score;
          if (score < best - threshold) continue;
          if (score > best) best = score;
          if (ci === stepCi) {
            if (score > stepBest) stepBest = score;
          } else if (score > stepBest) {
            stepSecond = stepBest;
            stepBest = score;
            stepCi = ci;
          } else if (score > stepSecond) stepSecond = score;
          if (n >= this.xScore.length) this.grow();
          this.xScore[n] = score;
          this.xU[n] = u;
          this.xV[n] = v;
          this.xHyp[n] = hi;
          this.xCand[n] = ci;
          n++;
        }
      }
      // Keep the best expansions within the threshold, one per LM state (u, v), at most beamWidth:
      // picked best first from those left (a partial selection; the beam is far smaller than n).
      const order = this.xOrder.length >= n ? this.xOrder : (this.xOrder = new Int32Array(n * 2));
      let k = 0;
      for (let x = 0; x < n; x++) if (this.xScore[x] >= best - threshold) order[k++] = x;
      const xs = this.xScore;
      const next: Hyp[] = [];
      while (k > 0 && next.length < this.opts.beamWidth) {
        let top = 0;
        for (let j = 1; j < k; j++) if (xs[order[j]] > xs[order[top]] || (xs[order[j]] === xs[order[top]] && order[j] < order[top])) top = j;
        const bi = order[top];
        order[top] = order[--k];
        const u = this.xU[bi];
        const v = this.xV[bi];
        let dup = false;
        for (const h of next) if (h.u === u && h.v === v) dup = true;
        if (dup) continue;
        next.push({ score: xs[bi], u, v, prev: beam[this.xHyp[bi]], cand: cands[this.xCand[bi]] });
      }
      beam = next;
      item.slot.stepBest = stepCi;
      if (stepBest - stepSecond >= SURE_MARGIN) item.slot.sure = this.leftConfidence(cands, stepCi, cBest);
    }
    // A paragraph ends its last sentence, with or without a full stop (a heading, a table row).
    if (endsParagraph && eos >= 0) for (const h of beam) if (h.v !== lm.bos) h.score += lm.logp(h.u, h.v, eos);
    const best = beam.reduce((a, b) => (b.score > a.score ? b : a));
    const path: Candidate[] = [];
    const before: { u: number; v: number }[] = [];
    for (let h: Hyp | null = best; h && h.cand; h = h.prev) {
      path.push(h.cand);
      // The hypothesis it extended holds the LM state before it (the first one always exists).
      before.push(h.prev ?? NO_STATE);
    }
    path.reverse();
    before.reverse();
    return { path, before, state: { u: best.u, v: best.v } };
  }

  /** Writes the chosen candidates back into the line and lists the changes. */
  private finish(p: Prepared): DecodedLine {
    const { pieces, outPieces, slots, changes } = p;
    for (const slot of slots) {
      const cand = slot.chosen!;
      // Weighed at most once per slot (it is the dearest step here); a sure slot's reading was
      // weighed by the search.
      const sure = slot.sure && slot.cands[slot.stepBest] === cand ? slot.sure : undefined;
      let weighed: Confidence | undefined = sure;
      if (this.onDecided && cand.ids.length === 1 && slot.cands.length > 1 && !cand.keep) {
        this.onDecided(cand.ids[0], sure ? 1 : (weighed = this.confidence(slot, cand)).confidence);
      }
      const restoredCore = this.render(slot.core, cand);
      if (restoredCore === slot.core) continue;
      outPieces[slot.piece] = slot.prefix + restoredCore + slot.suffix;
      const { confidence, alternatives } = weighed ?? this.confidence(slot, cand);
      const written: string[] = [];
      for (const a of alternatives) {
        const text = this.render(slot.core, a);
        if (text !== restoredCore) written.push(text);
      }
      changes.push({ column: pieces[slot.piece].start + slot.prefix.length + 1, original: slot.core, restored: restoredCore, confidence, alternatives: written });
    }
    changes.sort((a, b) => a.column - b.column);
    return { text: outPieces.join(''), changes };
  }

  /**
   * Inside a sentence a capital says "name": a token written Title-case costs −ln P(capital |
   * reading), one in lower case −ln P(lower case | reading) (Quất Lâm is a place, quạt làm is
   * not). Other shapes (capitals, digits) and readings that keep the token cost nothing.
   */
  private caseCosts(core: string, cands: Candidate[]): Float64Array | undefined {
    const table = this.lexicon.caseLogp;
    if (!table) return undefined;
    const pattern = casePattern(core);
    if (pattern !== 'title' && pattern !== 'lower') return undefined;
    // A token's candidate list is cached with it: so are its case costs.
    const cache = pattern === 'title' ? this.titleCosts : this.lowerCosts;
    const known = cache.get(cands);
    if (known) return known;
    const out = new Float64Array(cands.length);
    cache.set(cands, out);
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k];
      const id = c.ids[0];
      if (c.keep || id < 0) continue;
      out[k] = -CASE_WEIGHT * (pattern === 'title' && !c.lower ? table.cap[id] : table.lower[id]);
    }
    return out;
  }

  private readonly titleCosts = new WeakMap<Candidate[], Float64Array>();
  /** Candidate lists of digits read as printed or as a syllable, by keeping and reading costs, then token. */
  private readonly printedCands = new Map<number, Map<string, Candidate[] | null>>();
  private readonly lowerCosts = new WeakMap<Candidate[], Float64Array>();

  /**
   * A known abbreviation kept as printed, and the known abbreviations it differs from by the stroke
   * of Đ alone, to compete on the context (PGD, a bank's branch, is rare; PGĐ, a deputy director,
   * is common): text without marks loses the stroke.
   */
  private withStroke(keep: Candidate, cands: Candidate[]): Candidate[] {
    const key = keep.text.replace(/đ/g, 'd');
    const same = cands.filter((c) => c !== keep && !c.keep && c.ids.length === 1 && this.isAbbreviation(c.text) && c.text.replace(/đ/g, 'd') === key);
    return same.length ? [keep, ...same] : [keep];
  }

  /** Is this vocabulary entry an abbreviation (written in capitals, like UBND, HĐND, TTHC)? */
  private isAbbreviation(lower: string): boolean {
    const form = this.lexicon.forms.get(lower);
    return !!form && form.length >= 2 && form === form.toUpperCase() && form !== form.toLowerCase();
  }

  /**
   * Confidence of a sure slot's step-best reading (it led every other by SURE_MARGIN on its left
   * context, and the search kept it): a softmax over the slot's readings of their best scores on
   * the left context, as the search found them (readings it pruned weigh nothing). Alternatives
   * are the next best readings. Three quarters of the changes in text without marks are sure:
   * weighing them here instead of with the window below halves the time spent on confidence.
   */
  private leftConfidence(cands: Candidate[], chosen: number, best: Float64Array): Confidence {
    let z = 0;
    for (let k = 0; k < cands.length; k++) if (best[k] > -Infinity) z += Math.exp(best[k] - best[chosen]);
    const alternatives: Candidate[] = [];
    for (let r = 0; r < 3; r++) {
      let bi = -1;
      for (let k = 0; k < cands.length; k++) {
        if (k === chosen || best[k] === -Infinity || alternatives.includes(cands[k])) continue;
        if (bi < 0 || best[k] > best[bi]) bi = k;
      }
      if (bi < 0) break;
      alternatives.push(cands[bi]);
    }
    return { confidence: Math.round(1000 / z) / 1000, alternatives };
  }

  /**
   * Confidence of the chosen reading: a softmax over the slot's candidates of channel score plus
   * the LM score of the window around it (two words before, the candidate, two words after),
   * the rest of the best path held fixed. Alternatives are the next best readings.
   */
  private confidence(slot: WordSlot, chosen: Candidate): Confidence {
    const W = this.opts.channelWeight;
    const lm = this.lm;
    const { u: u0, v: v0 } = slot.before ?? { u: -1, v: -1 };
    const n1 = slot.after1;
    const n2 = slot.after2;
    const ctx = lm.context(u0, v0);
    // The chosen reading against the likeliest others (the slot's candidates come ranked by
    // channel cost and prior; those further down carry next to no probability mass).
    const cands = slot.cands;
    const count = Math.min(cands.length, CONFIDENCE_POOL);
    const scores = this.confScores;
    let chosenScore = NaN;
    let max = -Infinity;
    // Scores of the first `count` candidates (index k) and of the chosen one when it is further down.
    const caseCost = slot.caseCost;
    const scoreOf = (c: Candidate, k: number): number => {
      if (c.ids.length === 1) return lm.scoreWindow(-W * c.cost - (caseCost && k >= 0 ? caseCost[k] : 0), ctx, c.ids[0], n1, n1 >= 0 ? n2 : -1);
      let s = -W * c.cost - (caseCost && k >= 0 ? caseCost[k] : 0) + lm.score(ctx, c.ids[0]);
      let u = v0;
      let v = c.ids[0];
      for (let k = 1; k < c.ids.length; k++) {
        s += lm.logp(u, v, c.ids[k]);
        u = v;
        v = c.ids[k];
      }
      if (n1 >= 0) {
        s += lm.logp(u, v, n1);
        if (n2 >= 0) s += lm.logp(v, n1, n2);
      }
      return s;
    };
    for (let k = 0; k < count; k++) {
      scores[k] = scoreOf(cands[k], k);
      if (cands[k] === chosen) chosenScore = scores[k];
      if (scores[k] > max) max = scores[k];
    }
    let z = 0;
    for (let k = 0; k < count; k++) z += Math.exp(scores[k] - max);
    if (chosenScore !== chosenScore) {
      chosenScore = scoreOf(chosen, cands.indexOf(chosen));
      if (chosenScore > max) {
        z = z * Math.exp(max - chosenScore) + 1;
        max = chosenScore;
      } else z += Math.exp(chosenScore - max);
    }
    const confidence = Math.exp(chosenScore - max) / z;
    // The next best readings, at most three.
    const alternatives: Candidate[] = [];
    const taken = this.confTaken.fill(0, 0, count);
    for (let r = 0; r < 3; r++) {
      let bi = -1;
      for (let k = 0; k < count; k++) if (!taken[k] && cands[k] !== chosen && (bi < 0 || scores[k] > scores[bi])) bi = k;
      if (bi < 0) break;
      taken[bi] = 1;
      alternatives.push(cands[bi]);
    }
    return { confidence: Math.round(confidence * 1000) / 1000, alternatives };
  }
  private readonly confScores = new Float64Array(CONFIDENCE_POOL);
  private readonly confTaken = new Uint8Array(CONFIDENCE_POOL);

  /** The candidate written in the observed token's case and the chosen tone style. */
  private render(observed: string, cand: Candidate): string {
    if (cand.verbatim) return observed;
    // Tokens repeat, and a token's candidates are cached with it: a candidate remembers how it was
    // last written, for which observed token.
    if (cand.renderedFor === observed) return cand.rendered!;
    const out = this.renderUncached(observed, cand);
    cand.renderedFor = observed;
    cand.rendered = out;
    return out;
  }

  private renderUncached(observed: string, cand: Candidate): string {
    if (cand.keep) {
      const canonical = isValidSyllable(cand.text) ? undefined : this.lexicon.forms.get(cand.text);
      if (canonical && canonical !== observed) {
        return casePattern(observed) === 'upper' ? canonical.toUpperCase() : canonical;
      }
      return canonicalTone(observed, this.opts.toneStyle);
    }
    const words = cand.text.split(' ');
    const upper = casePattern(observed) === 'upper';
    return words
      .map((w, i) => {
        // Abbreviations and names have a written form; a syllable that is also an abbreviation
        // (CA, KH, TT) follows the observed case instead.
        const form = isValidSyllable(w) ? undefined : this.lexicon.forms.get(w);
        if (form) return upper ? form.toUpperCase() : form;
        const styled = canonicalTone(w, this.opts.toneStyle);
        if (upper) return styled.toUpperCase();
        return i === 0 && !cand.lower ? applyCase(observed, styled) : styled;
      })
      .join(' ');
  }

  /** Repair the letter parts of a document code: "3478/QP-UBND" → "3478/QĐ-UBND". */
  repairCode(code: string): string {
    const parts = this.lexicon.codeParts;
    return code.replace(/\p{L}+/gu, (part) => {
      if (parts.includes(part)) return part;
      const sameLetters = parts.find((k) => k.toUpperCase() === part.toUpperCase());
      if (sameLetters) return sameLetters; // "Ttg" → "TTg"
      const cited = this.lexicon.citedCodeParts;
      if (cited?.length) {
        if (cited.includes(part)) return part;
        const bare = part.toUpperCase().replace(/Đ/g, 'D');
        const stroked = cited.find((k) => k.toUpperCase().replace(/Đ/g, 'D') === bare);
        if (stroked) return stroked;
      }
      if (part !== part.toUpperCase() && part.length > 3) return part; // a word, not an abbreviation
      let best = part;
      let bestCost = 2.6;
      for (const known of parts) {
        if (Math.abs(known.length - part.length) > 1) continue;
        const c = this.channel.cost(known, part);
        if (c < bestCost) {
          bestCost = c;
          best = known;
        }
      }
      return best;
    });
  }
}
