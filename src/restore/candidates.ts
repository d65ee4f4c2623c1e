/**
 * Candidate generation: for an OCR token, the vocabulary entries it may stand for, each with its
 * channel cost. Lookup goes through skeletons (letters without diacritics, lower case): the
 * token is folded to skeleton variants (digits and symbols read as the letters OCR confuses them
 * with), and entries whose skeleton is within one edit are scored with the full channel model.
 * Long tokens that match nothing are also tried as two syllables run together ("NHANDAN").
 */
import type { ChannelModel } from './channel.ts';
import type { LanguageModel } from './lm.ts';
import { lmToken } from './lm-build.ts';
import { stripDiacritics } from '../text/vietnamese.ts';
import { casePattern, inCase, type CasePattern } from './syllables.ts';
import type { IntendedPrep } from './channel.ts';

/** Longest token looked up (longer ones are kept), and longest tried as two syllables run together. */
const MAX_WORD = 16;
const MAX_MERGED = 14;

/** Weight of the unigram log-probability when ranking a token's candidates before the search. */
const PRIOR_WEIGHT = 1;
/** Share of a word's peak contextual probability in its prior (chosen on the development split). */
const PEAK_SHARE = 0.4;

export interface Candidate {
  /** Lower-case text of the candidate; two syllables are joined by a space. */
  text: string;
  /** LM ids of its syllables. */
  ids: number[];
  /** Channel cost: −ln P(observed | candidate), scaled. */
  cost: number;
  /** The observed token kept as it is. */
  keep?: boolean;
  /** Written back exactly as observed (a number kept as a number). */
  verbatim?: boolean;
  /** Written in lower case whatever the observed case (its capital was the misreading). */
  lower?: boolean;
  /** The decoder's memo: the observed token it last wrote this candidate for, and how. */
  renderedFor?: string;
  rendered?: string;
}

/**
 * A candidate with every field present from the start: the search reads thousands of them per
 * document, and objects that all share one shape keep its property reads fast (a field added
 * later, such as the decoder's memo, would give the same kind of object several shapes).
 */
export function candidate(text: string, ids: number[], cost: number, flags: { keep?: boolean; verbatim?: boolean; lower?: boolean } = {}): Candidate {
  return { text, ids, cost, keep: flags.keep ?? false, verbatim: flags.verbatim ?? false, lower: flags.lower ?? false, renderedFor: undefined, rendered: undefined };
}

export interface LexiconEntry {
  id: number;
  text: string; // lower case, classic tone style
}

/** Observed character → skeleton letters it may stand for (besides itself). */
export type FoldTable = Record<string, string[]>;

export class CandidateIndex {
  private readonly bySkeleton = new Map<string, LexiconEntry[]>();
  /** Skeleton with one character deleted → skeletons. */
  private readonly deletes = new Map<string, string[]>();
  /** Upper-casing keeps every entry's length (letter for letter). */
  readonly casingKeepsLength: boolean;
  /** Per entry id: its place in alphabetical order. */
  private readonly ranks: Int32Array;
  constructor(
    entries: LexiconEntry[],
    private readonly fold: FoldTable,
    /** Observed segments of 2–3 characters → the letters they may stand for ("ir" → u). */
    private readonly foldMulti: FoldTable = {},
  ) {
    this.casingKeepsLength = entries.every((e) => e.text.toUpperCase().length === e.text.length);
    this.ranks = new Int32Array(entries.reduce((m, e) => Math.max(m, e.id + 1), 0));
    [...entries].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).forEach((e, k) => (this.ranks[e.id] = k));
    for (const e of entries) {
      const sk = skeleton(e.text);
      const list = this.bySkeleton.get(sk);
      if (list) list.push(e);
      else {
        this.bySkeleton.set(sk, [e]);
        for (const d of deletions(sk)) {
          const l = this.deletes.get(d);
          if (l) {
            if (!l.includes(sk)) l.push(sk);
          } else this.deletes.set(d, [sk]);
        }
      }
    }
  }

  /** An entry's place in alphabetical order (entries that begin alike are neighbours). */
  rank(e: LexiconEntry): number {
    return this.ranks[e.id];
  }

  /** Lexicon ids written with this skeleton. */
  idsWithSkeleton(sk: string): readonly number[] {
    // Kept: every document asks again for the same words.
    let ids = this.idsBySkeleton.get(sk);
    if (!ids) this.idsBySkeleton.set(sk, (ids = (this.bySkeleton.get(sk) ?? []).map((e) => e.id)));
    return ids;
  }
  private readonly idsBySkeleton = new Map<string, number[]>();

  /** The skeleton of vocabulary word `id`, written `text` (kept by id). */
  skeletonOf(id: number, text: string): string {
    let sk = this.skeletons.get(id);
    if (sk === undefined) this.skeletons.set(id, (sk = skeleton(text)));
    return sk;
  }
  private readonly skeletons = new Map<number, string>();

  /**
   * Skeleton variants of an observed token (lower case): digits and symbols folded to the letters
   * they stand for, two-character segments to one letter; a character that stands for no letter
   * is dropped (the one-edit lookup then finds what it replaced).
   */
  foldVariants(observed: string, limit = 12, lettersStand = false): string[] {
    const chars = [...stripDiacritics(observed.toLowerCase())];
    // variants[k]: skeletons for the first k characters
    const variants: string[][] = [[''], ...chars.map(() => [] as string[])];
    const push = (k: number, list: string[]) => {
      for (const v of list) if (variants[k].length < limit && !variants[k].includes(v)) variants[k].push(v);
    };
    // Skeletons of the first j characters: one character read for one letter first (its own letter
    // first of all, so the token's own spelling is never crowded out by the cap), then segments of
    // two or three characters read as one letter ("tr" for ư, "ie" for u).
    for (let j = 1; j <= chars.length; j++) {
      const ch = chars[j - 1];
      const options = /[a-zđ]/.test(ch) ? (lettersStand ? [ch] : [ch, ...(this.fold[ch] ?? [])]) : (this.fold[ch] ?? ['']);
      push(j, variants[j - 1].flatMap((v) => options.map((o) => v + o)));
      for (const len of [2, 3]) {
        if (j < len || lettersStand) continue;
        const multi = this.foldMulti[chars.slice(j - len, j).join('')];
        if (multi) push(j, variants[j - len].flatMap((v) => multi.map((o) => v + o)));
      }
    }
    return variants[chars.length].filter(Boolean).map((v) => v.replace(/đ/g, 'd'));
  }

  /** Skeletons within one edit of any variant. */
  private nearSkeletons(variants: string[], maxEdits: 0 | 1): Set<string> {
    const skeletons = new Set<string>();
    for (const v of variants) {
      if (this.bySkeleton.has(v)) skeletons.add(v);
      if (maxEdits === 0) continue;
      // v with one deletion matches an entry (insertion in OCR)
      for (const d of deletions(v)) {
        if (this.bySkeleton.has(d)) skeletons.add(d);
        // one substitution: both lose one character at the same place
        for (const s of this.deletes.get(d) ?? []) if (s.length === v.length) skeletons.add(s);
      }
      // an entry with one deletion matches v (OCR dropped a character)
      for (const s of this.deletes.get(v) ?? []) skeletons.add(s);
    }
    return skeletons;
  }

  /** Entries whose skeleton is within one edit of any variant, grouped by skeleton. */
  nearGroups(variants: string[], maxEdits: 0 | 1 = 1): [string, LexiconEntry[]][] {
    const out: [string, LexiconEntry[]][] = [];
    for (const s of this.nearSkeletons(variants, maxEdits)) out.push([s, this.bySkeleton.get(s)!]);
    return out;
  }
}

export function skeleton(text: string): string {
  return stripDiacritics(text.toLowerCase());
}

/** Do `a` and `b` both have at least `n` characters, the first `n` the same? */
function startsAlike(a: string, b: string, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function deletions(s: string): string[] {
  const out: string[] = [];
  if (s.length < 2) return out;
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

export interface CandidateOptions {
  maxCandidates: number;
  /** Candidates costing more than the best plus this are dropped. */
  beamCost: number;
  /** Hard ceiling on a candidate's cost. */
  maxCost: number;
  /** Candidates whose channel cost minus half their unigram log-probability exceeds the best's by more are dropped. */
  priorMargin: number;
  /** The text lost its diacritics wholesale but not its letters: try a token's own letters first. */
  lettersStand?: boolean;
}

const CASE_INDEX: Record<CasePattern, number> = { lower: 0, title: 1, upper: 2 };
/** Sort keys rank·ORDER_SCALE + position: more positions than any token's neighbourhood holds. */
const ORDER_SCALE = 2 ** 20;

export class CandidateGenerator {
  private readonly cache = new Map<string, Candidate[]>();
  constructor(
    private readonly index: CandidateIndex,
    private readonly channel: ChannelModel,
    private readonly lm: LanguageModel,
    private readonly options: CandidateOptions,
    /** Is the token known as it stands (a vocabulary word or abbreviation worth keeping)? */
    private readonly isKnown: (lower: string) => boolean,
  ) {
    // Filled up front: an array grown by scattered indices would turn into a slow dictionary.
    this.prepared = Array.from({ length: lm.V * 3 }, () => null);
  }

  clearCache(): void {
    this.cache.clear();
  }

  candidates(observed: string): Candidate[] {
    let c = this.cache.get(observed);
    if (!c) {
      c = this.generate(observed);
      // Bounded: a long batch of noisy scans meets ever new garbage tokens (about 0.7 kB each;
      // 100,000 of them hold the words of thousands of pages).
      if (this.cache.size >= 100_000) this.cache.clear();
      this.cache.set(observed, c);
    }
    return c;
  }

  private single(observed: string, maxEdits: 0 | 1): Candidate[] {
    const variants = this.index.foldVariants(observed, 12, maxEdits === 0 && !!this.options.lettersStand);
    const shapes = new Set(variants);
    const pattern = casePattern(observed);
    const entries: LexiconEntry[] = [];
    const sameShape: boolean[] = [];
    for (const [sk, group] of this.index.nearGroups(variants, maxEdits)) {
      const same = sk.length === observed.length && shapes.has(sk);
      for (const e of group) {
        entries.push(e);
        sameShape.push(same);
      }
    }
    // Scored in alphabetical order, so that the edit distance reuses the rows of the entry before
    // (same beginning, same rows). Readings dearer than the cheapest so far plus `beamCost` are
    // dropped, so the edit distance gives up on them early. Neither changes what is kept, nor
    // its cost: the readings come back in the order of their groups.
    const order = new Float64Array(entries.length);
    for (let k = 0; k < entries.length; k++) order[k] = this.index.rank(entries[k]) * ORDER_SCALE + k;
    order.sort(); // numeric, native: rank first, then position (below ORDER_SCALE)
    const costs = new Float64Array(entries.length);
    let limit = this.options.maxCost;
    // The entry is shaped in the observed token's case so the channel compares like with like.
    this.chainExit = 0;
    for (const key of order) {
      const k = key % ORDER_SCALE;
      costs[k] = this.costIn(entries[k], pattern, observed, sameShape[k], limit);
      if (costs[k] + this.options.beamCost < limit) limit = costs[k] + this.options.beamCost;
    }
    // A capital at the start may itself be the misreading ("Ié" for lệ, "Tỷ Ié"): compare in
    // lower case too, and if that reads better the word is written in lower case.
    const lower = new Uint8Array(entries.length);
    if (pattern === 'title') {
      this.chainExit = 0;
      for (const key of order) {
        const k = key % ORDER_SCALE;
        const c = this.costIn(entries[k], 'lower', observed, sameShape[k], limit) + 0.5;
        if (c < costs[k]) {
          costs[k] = c;
          lower[k] = 1;
          if (c + this.options.beamCost < limit) limit = c + this.options.beamCost;
        }
      }
    }
    const out: Candidate[] = [];
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      if (costs[k] <= limit) out.push(candidate(e.text, [e.id], costs[k], { lower: lower[k] === 1 }));
    }
    return out;
  }

  private costIn(e: LexiconEntry, pattern: CasePattern, observed: string, sameShape: boolean, limit: number): number {
    if (sameShape) return this.channel.positionalCost(inCase(pattern, e.text), observed);
    // The entry scored before it (alphabetically, in this pass) gave up at row r of the edit
    // distance, and this one begins with the same r letters: its first r rows are the same and
    // the limit has not risen, so it gives up too — known without fetching its preparation.
    // (Casing maps letter to letter, so the cased strings begin alike too.)
    const r = this.chainExit;
    if (r > 0 && this.index.casingKeepsLength && startsAlike(e.text, this.chainText, r)) return Infinity;
    // Entries recur in the neighbourhoods of many tokens: their channel preparation is kept by
    // id and case, found without building the cased string or hashing it.
    const key = e.id * 3 + CASE_INDEX[pattern];
    let prep = this.prepared[key];
    if (!prep) this.prepared[key] = prep = this.channel.prepare(inCase(pattern, e.text));
    const cost = this.channel.costPrepared(prep, observed, limit);
    this.chainText = e.text;
    this.chainExit = this.channel.exitRow;
    return cost;
  }
  /** The last entry whose edit distance ran in this pass, and the row it gave up at (0: none). */
  private chainText = '';
  private chainExit = 0;
  private readonly prepared: (IntendedPrep | null)[];

  private generate(observed: string): Candidate[] {
    const lower = lmToken(observed);
    const known = this.isKnown(lower);
    // No Vietnamese word or two-syllable run is this long (a table rule read as letters, a URL):
    // keep it as it is rather than search.
    if ([...observed].length > MAX_WORD) {
      return [candidate(lower, [this.lm.id(lower)], known ? 0 : this.keepCost(observed), { keep: true })];
    }
    // Text that lost its marks wholesale was typed or converted, not read: its digits are digits,
    // so a token of letters and digits is a code or a unit (3HP, CD4, N95, 4G, m3) as written.
    if (this.options.lettersStand && /\d/.test(observed) && /\p{L}/u.test(observed)) {
      return [candidate(lower, [this.lm.id(lower)], 0, { keep: true })];
    }
    // In text that lost its marks wholesale (typed or converted without them) the letters stand:
    // a token that reads as a word with its own letters is looked up without letter edits. (The
    // one-edit neighbourhood of a short syllable holds hundreds of entries; in such text their
    // letter changes are rarely right, and scoring them is most of the cost.)
    let out = this.options.lettersStand && /^\p{L}+$/u.test(observed) ? this.single(observed, 0) : [];
    if (!out.some((c) => c.cost <= 1)) out = this.single(observed, 1);
    // Prints OCR was seen making of whole words ("phuimg" for phường): a learned reading may be
    // cheaper than the character-by-character edit distance finds.
    for (const [text, cost] of this.channel.readingsOf(observed) ?? []) {
      const id = this.lm.id(text);
      if (id < 0) continue;
      const at = out.findIndex((c) => c.text === text);
      if (at < 0) out.push(candidate(text, [id], cost));
      else if (cost < out[at].cost) out[at] = candidate(out[at].text, out[at].ids, cost, out[at]);
    }
    const best0 = out.reduce((m, c) => Math.min(m, c.cost), Infinity);
    // Two syllables run together: try every split when nothing single fits well.
    const letters = [...observed];
    if (!known && letters.length >= 4 && letters.length <= MAX_MERGED && best0 > 1.5) {
      for (let k = 2; k <= letters.length - 2; k++) {
        const left = this.single(letters.slice(0, k).join(''), 0);
        const right = this.single(letters.slice(k).join(''), 0);
        if (!left.length || !right.length) continue;
        // The two or three likeliest readings of each half (channel and unigram prior together);
        // the search's LM picks among their combinations.
        const top = (list: Candidate[]) =>
          list
            .map((c) => ({ c, p: c.cost - this.lm.unigram(c.ids[0]) }))
            .sort((a, b) => a.p - b.p)
            .slice(0, 3)
            .map((x) => x.c);
        for (const l of top(left)) for (const r of top(right)) {
          out.push(candidate(`${l.text} ${r.text}`, [...l.ids, ...r.ids], l.cost + r.cost + 1.0));
        }
      }
    }
    if (known || !out.length || /^[\p{L}']+$/u.test(observed)) {
      const id = this.lm.id(lower);
      out = out.filter((c) => c.text !== lower);
      out.push(candidate(lower, [id], known ? 0 : this.keepCost(observed), { keep: true }));
    }
    // Prune by channel cost, then rank by channel cost and unigram prior together.
    const best = out.reduce((m, c) => Math.min(m, c.cost), Infinity);
    const prior = (c: Candidate) => c.cost - PRIOR_WEIGHT * c.ids.reduce((a, id) => a + this.priorOf(id), 0);
    const ranked = out
      .filter((c) => c.cost <= best + this.options.beamCost)
      .map((c) => ({ c, p: prior(c) }))
      .sort((a, b) => a.p - b.p);
    const limit = ranked[0].p + this.options.priorMargin;
    return ranked
      .filter((x, i) => i === 0 || x.p <= limit || x.c.keep)
      .slice(0, this.options.maxCandidates)
      .map((x) => x.c);
  }

  /**
   * How likely a word may be before its context is known: its unigram probability mixed with the
   * highest probability it reaches in any context, so that a word bound to a collocation
   * ("dõi" in "theo dõi": rare alone, near certain after "theo") is not ranked out early.
   */
  private priorOf(id: number): number {
    return PEAK_SHARE * this.lm.peak(id) + (1 - PEAK_SHARE) * this.lm.unigram(id);
  }

  /** Keeping an unknown token: cheap for a capitalised word (a name), dear for digit-letter mixes. */
  private keepCost(observed: string): number {
    if (/^\p{Lu}[\p{Ll}']+$/u.test(observed)) return 2.5;
    if (/^[\p{L}']+$/u.test(observed)) return 3.5;
    return 6;
  }
}
