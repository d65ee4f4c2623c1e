/**
 * The channel model: how unlikely it is that OCR printed `observed` when the page said
 * `intended`. A weighted edit distance whose operation costs are −ln probabilities learned from
 * aligned OCR output (see `scripts/build-channel.ts`), with Tesseract's `vie.unicharambigs` as a
 * prior and a structured back-off for diacritics: a letter decomposes into base letter, vowel mark
 * (ă â ê ô ơ ư đ) and tone, and a confusion that only loses or swaps marks costs less than one
 * that changes the letter.
 */

export interface ChannelData {
  /** −ln P(observed | intended) for single characters, key `${intended}\t${observed}`. */
  sub: Record<string, number>;
  /** Segment confusions of up to 3 characters each side, same key form (e.g. "ủ\tti", "m\trn"). */
  multi: Record<string, number>;
  /** Cost of OCR dropping an intended character, by character; `*` is the default. */
  del: Record<string, number>;
  /** Cost of OCR inserting an observed character, by character; `*` is the default. */
  ins: Record<string, number>;
  /** Back-off costs for letters that agree in base letter. */
  diacritic: { toneLost: number; toneWrong: number; toneAdded: number; markLost: number; markWrong: number; markAdded: number };
  /** Back-off cost for a substitution nobody has seen. */
  unseenSub: number;
  /**
   * Whole prints OCR made of words in the channel pairs, when the print is no word itself:
   * observed token → [intended word (lower case), −ln P(observed | intended)].
   */
  words?: Record<string, [string, number][]>;
}

type Segment = { observed: string; cost: number };
/** Segment confusions keyed by the last character of what OCR printed (the DP cell's character). */
/** Segment confusions keyed by the table index of the last character OCR printed. */
type SegmentsByEnd = Map<number, Segment[]>;

/** What the edit distance needs of an intended string (see `prepare`). */
export interface IntendedPrep {
  text: string;
  /** The diacritic weight it was made with (its segment costs depend on it). */
  weight: number;
  // Plain arrays (small integers, doubles), not typed ones: tens of thousands of these are kept,
  // and a typed array costs some 200 bytes of its own however short it is.
  idx: number[];
  del: number[];
  /** Per character, or null when no character has segment confusions. */
  seg1: (SegmentsByEnd | undefined)[] | null;
  seg2: (SegmentsByEnd | undefined)[] | null;
}

interface Decomposed {
  base: string;
  mark: string; // '' | '\u0306' (breve) | '\u0302' (circumflex) | '\u031b' (horn) | 'đ'
  tone: string; // '' or a combining tone mark
}

/** Extra cost of a marked form a symbol was not seen standing for, beside one it was. */
const SYMBOL_SIBLING = 0.7;

const TONES = /[\u0301\u0300\u0309\u0303\u0323]/;
const MARKS = /[\u0306\u0302\u031b]/;
const decompCache = new Map<string, Decomposed>();

export function decompose(ch: string): Decomposed {
  let d = decompCache.get(ch);
  if (d) return d;
  const lower = ch.toLowerCase();
  if (lower === 'đ') d = { base: 'd', mark: 'đ', tone: '' };
  else {
    const nfd = lower.normalize('NFD');
    d = { base: nfd[0], mark: nfd.match(MARKS)?.[0] ?? '', tone: nfd.match(TONES)?.[0] ?? '' };
  }
  decompCache.set(ch, d);
  return d;
}

export class ChannelModel {
  private readonly data: ChannelData;
  private readonly multiByIntended = new Map<string, { observed: string; cost: number }[]>();
  private readonly subCache = new Map<string, number>();

  /** How much diacritic disagreement costs, 0..1 (`diacriticWeight`): low when the text lost its marks wholesale. */
  /**
   * A digit or symbol printed for a vowel shows none of its marks ("&" for ế, "6" for ố): per
   * printed non-letter and base letter, the cheapest learned substitution from any marked form
   * of that letter.
   */
  private readonly symbolFor = new Map<string, number>();

  constructor(data: ChannelData) {
    this.data = data;
    for (const [key, cost] of Object.entries(data.sub)) {
      const [intended, observed] = key.split('\t');
      if ([...observed].length !== 1 || /\p{L}/u.test(observed) || [...intended].length !== 1) continue;
      const k = decompose(intended).base + '\t' + observed;
      if (cost < (this.symbolFor.get(k) ?? Infinity)) this.symbolFor.set(k, cost);
    }
    for (const [key, cost] of Object.entries(data.multi)) {
      const [intended, observed] = key.split('\t');
      const list = this.multiByIntended.get(intended) ?? [];
      list.push({ observed: observed.toLowerCase(), cost });
      this.multiByIntended.set(intended, list);
    }
  }

  /** Words OCR was seen printing as this token, with the cost of that print. */
  readingsOf(observed: string): [string, number][] | undefined {
    return this.data.words?.[observed];
  }

  /** Cost of one observed character for one intended character. */
  subCost(intended: string, observed: string): number {
    if (intended === observed) return 0;
    const fast = (intended.charCodeAt(0) << 16) | observed.charCodeAt(0);
    const hit = intended.length === 1 && observed.length === 1 ? this.fastSub.get(fast) : undefined;
    if (hit !== undefined) return hit;
    const key = intended + '\t' + observed;
    let cost = this.subCache.get(key);
    if (cost === undefined) {
      cost = this.rawSubCost(intended, observed, key);
      this.subCache.set(key, cost);
    }
    const weighted = cost * (this.isDiacriticOnly(intended, observed) ? this.diacriticWeight : 1);
    if (intended.length === 1 && observed.length === 1) this.fastSub.set(fast, weighted);
    return weighted;
  }

  /** The unweighted substitution cost: learned, else by case, base letter and diacritics. */
  private rawSubCost(intended: string, observed: string, key: string): number {
    let cost = this.data.sub[key];
    if (cost === undefined) {
      const li = intended.toLowerCase();
      const lo = observed.toLowerCase();
      if (li === lo) cost = 0.3; // case only
      else if (this.data.sub[li + '\t' + lo] !== undefined) cost = this.data.sub[li + '\t' + lo] + 0.2;
      else {
        const a = decompose(intended);
        const b = decompose(observed);
        const symbol = this.symbolFor.get(a.base + '\t' + lo);
        if (symbol !== undefined) {
          // Another marked form of a letter this symbol was seen standing for: the marks were
          // never visible, so only a small cost for the unattested form.
          cost = symbol + SYMBOL_SIBLING;
        } else if (a.base === b.base) {
          const D = this.data.diacritic;
          let c = 0;
          if (a.tone !== b.tone) c += !b.tone ? D.toneLost : !a.tone ? D.toneAdded : D.toneWrong;
          if (a.mark !== b.mark) c += !b.mark ? D.markLost : !a.mark ? D.markAdded : D.markWrong;
          if (li !== intended || lo !== observed) c += li !== intended && lo !== observed ? 0 : 0.3;
          cost = c;
        } else {
          // A different base letter: a learned base confusion plus the diacritic change.
          const baseKey = a.base + '\t' + b.base;
          const baseCost = this.data.sub[baseKey] ?? this.data.unseenSub;
          cost = baseCost + (a.tone !== b.tone || a.mark !== b.mark ? 0.5 : 0);
        }
      }
    }
    return cost;
  }

  /** Weighted costs by code-unit pair; cleared when the diacritic weight changes. */
  private fastSub = new Map<number, number>();
  private weight = 1;
  get diacriticWeight(): number {
    return this.weight;
  }
  set diacriticWeight(w: number) {
    this.weight = w;
    this.fastSub.clear();
    this.segCache.clear();
    this.prepCache.clear();
    this.table.fill(NaN);
    this.rowsObserved = '\u0000';
  }

  private isDiacriticOnly(intended: string, observed: string): boolean {
    const a = decompose(intended);
    const b = decompose(observed);
    return a.base === b.base && (a.tone !== b.tone || a.mark !== b.mark);
  }

  delCost(intended: string): number {
    return this.data.del[intended] ?? this.data.del[intended.toLowerCase()] ?? this.data.del['*'];
  }

  insCost(observed: string): number {
    return this.data.ins[observed] ?? this.data.ins[observed.toLowerCase()] ?? this.data.ins['*'];
  }

  /**
   * Cost of a same-length reading, character by character: exact when the two differ only in
   * marks or in letters read one for one (the common case), and far cheaper than the full DP.
   */
  positionalCost(intended: string, observed: string): number {
    let c = 0;
    for (let k = 0; k < intended.length; k++) {
      const a = intended[k];
      const b = observed[k];
      if (a !== b) c += this.subCost(a, b);
    }
    return c;
  }

  /**
   * Weighted edit distance: the cheapest way OCR could have turned `intended` into `observed`
   * (NFC strings in the same case pattern). Gives up early, returning Infinity, once every path
   * costs more than `limit`. Character costs come from a dense table over the characters seen so
   * far (filled lazily from `subCost`), so the inner loop does array reads only.
   */
  cost(intended: string, observed: string, limit = Infinity): number {
    return this.run(this.intendedPrep(intended), observed, limit);
  }

  /** An intended string prepared for `costPrepared`, for callers that keep it (by their own key). */
  prepare(intended: string): IntendedPrep {
    return this.intendedPrep(intended);
  }

  /** `cost` of a prepared intended string. */
  costPrepared(prep: IntendedPrep, observed: string, limit = Infinity): number {
    if (prep.weight !== this.weight) prep = this.intendedPrep(prep.text);
    return this.run(prep, observed, limit);
  }

  private run(prep: IntendedPrep, observed: string, limit: number): number {
    const n = prep.idx.length;
    const m = observed.length;
    const stride = m + 1;
    if (this.dp.length < (n + 1) * stride) {
      this.dp = new Float64Array((n + 1) * stride * 2);
      this.rowsObserved = '\u0000';
    }
    if (this.rowMin.length < n + 1) this.rowMin = new Float64Array((n + 1) * 2);
    const d = this.dp;
    const obs = this.observedIndices(observed);
    const C = this.charCount;
    const table = this.table;
    const insC = this.insRow;
    // Row i depends only on the observed token and the first i intended characters: rows left by
    // the previous run, for the same token and an intended string with the same beginning, are
    // still right (callers score entries in alphabetical order). Its early exit is repeated.
    let start = 1;
    if (observed === this.rowsObserved) {
      const text = prep.text;
      const previous = this.rowsText;
      const most = Math.min(n, this.rowsValid);
      while (start <= most && text.charCodeAt(start - 1) === previous.charCodeAt(start - 1)) {
        if (this.rowMin[start] > limit) {
          this.exitRow = start;
          return Infinity;
        }
        start++;
      }
      if (start > n) {
        this.exitRow = 0;
        return d[n * stride + m];
      }
    } else {
      d[0] = 0;
      for (let j = 1; j <= m; j++) d[j] = d[j - 1] + insC[j - 1];
      this.rowsObserved = observed;
    }
    this.rowsText = prep.text;
    this.rowsValid = start - 1;
    const lowerObserved = this.lastLowerObserved;
    const lowerObs = this.lastLowerIndices;
    for (let i = start; i <= n; i++) {
      const del = prep.del[i - 1];
      const row = i * stride;
      const up = row - stride;
      d[row] = d[up] + del;
      // Segment confusions ending at i: intended one or two characters printed as another segment.
      const seg1 = prep.seg1 ? prep.seg1[i - 1] : undefined;
      const seg2 = prep.seg2 ? prep.seg2[i - 1] : undefined;
      const a = prep.idx[i - 1];
      const base = a * C;
      let rowMin = d[row];
      for (let j = 1; j <= m; j++) {
        const b = obs[j - 1];
        let sc = table[base + b];
        if (sc !== sc) sc = this.fill(a, b, observed[j - 1]);
        let best = d[up + j - 1] + sc;
        const dl = d[up + j] + del;
        if (dl < best) best = dl;
        const ins = d[row + j - 1] + insC[j - 1];
        if (ins < best) best = ins;
        if (seg1 || seg2) {
          const last = lowerObs[j - 1];
          const s1 = seg1?.get(last);
          if (s1) best = this.segment(d, up, j, s1, lowerObserved, best);
          const s2 = seg2?.get(last);
          if (s2) best = this.segment(d, up - stride, j, s2, lowerObserved, best);
        }
        d[row + j] = best;
        if (best < rowMin) rowMin = best;
      }
      this.rowMin[i] = rowMin;
      this.rowsValid = i;
      if (rowMin > limit) {
        this.exitRow = i;
        return Infinity;
      }
    }
    this.exitRow = 0;
    return d[n * stride + m];
  }

  /** The row at which the last edit distance gave up (its minimum passed the limit), or 0. */
  exitRow = 0;
  /** The rows of `dp` still right for `rowsObserved` and the first `rowsValid` characters of `rowsText`. */
  private rowsObserved = '\u0000';
  private rowsText = '';
  private rowsValid = 0;
  private rowMin = new Float64Array(64);

  /**
   * What the DP needs of an intended string, per character: its table index, its deletion cost,
   * and the segment confusions ending there (of the character alone, and of it with the one
   * before). Intended strings are vocabulary entries, so they repeat: cached.
   */
  private intendedPrep(intended: string): IntendedPrep {
    let p = this.prepCache.get(intended);
    if (p) return p;
    const n = intended.length;
    const idx: number[] = [];
    const del: number[] = [];
    const seg1: (SegmentsByEnd | undefined)[] = [];
    const seg2: (SegmentsByEnd | undefined)[] = [];
    for (let i = 0; i < n; i++) {
      const ch = intended[i];
      const pair = i >= 1 ? intended.slice(i - 1, i + 1) : null;
      idx.push(this.charIndex(ch));
      del.push(this.delCost(ch));
      seg1.push(this.byEnd(this.segmentsOf(ch)));
      seg2.push(pair ? this.byEnd(this.multiByIntended.get(pair) ?? this.multiByIntended.get(pair.toLowerCase())) : undefined);
    }
    // Copies of exact length: an array grown by push keeps room for 17 elements.
    const any = (l: (SegmentsByEnd | undefined)[]) => (l.some(Boolean) ? l.slice() : null);
    p = { text: intended, weight: this.weight, idx: idx.slice(), del: del.slice(), seg1: any(seg1), seg2: any(seg2) };
    if (this.prepCache.size > 200_000) this.prepCache.clear();
    this.prepCache.set(intended, p);
    return p;
  }
  private prepCache = new Map<string, IntendedPrep>();

  /** Index of a character in the dense table, growing the table for a new one. */
  private charIndex(ch: string): number {
    let k = this.chars.get(ch);
    if (k !== undefined) return k;
    k = this.chars.size;
    this.chars.set(ch, k);
    this.charList.push(ch);
    if (k >= this.charCount) {
      const C = this.charCount * 2;
      const table = new Float64Array(C * C).fill(NaN);
      for (let x = 0; x < this.charCount; x++) table.set(this.table.subarray(x * this.charCount, (x + 1) * this.charCount), x * C);
      this.table = table;
      this.charCount = C;
    }
    return k;
  }

  private fill(a: number, b: number, observed: string): number {
    const c = this.subCost(this.charList[a], observed);
    this.table[a * this.charCount + b] = c;
    return c;
  }

  /** Character indices and insertion costs of the observed token (the last one is kept: tokens repeat in runs). */
  private observedIndices(observed: string): Int32Array {
    if (observed === this.lastObserved) return this.lastIndices;
    const m = observed.length;
    const idx = new Int32Array(m);
    if (this.insRow.length < m) this.insRow = new Float64Array(m * 2);
    for (let j = 0; j < m; j++) {
      idx[j] = this.charIndex(observed[j]);
      this.insRow[j] = this.insCost(observed[j]);
    }
    this.lastObserved = observed;
    this.lastIndices = idx;
    this.lastLowerObserved = observed.toLowerCase();
    this.lastLowerIndices = Int32Array.from(this.lastLowerObserved, (ch) => this.charIndex(ch));
    return idx;
  }

  private chars = new Map<string, number>();
  private charList: string[] = [];
  private charCount = 256;
  /** Weighted substitution cost by (intended index, observed index); NaN: not computed yet. */
  private table = new Float64Array(256 * 256).fill(NaN);
  private lastObserved = '\u0000';
  private lastIndices = new Int32Array(0);
  private lastLowerObserved = '';
  private lastLowerIndices = new Int32Array(0);

  /** A segment list keyed by the last printed character's index (cached per list). */
  private byEnd(list: Segment[] | undefined): SegmentsByEnd | undefined {
    if (!list?.length) return undefined;
    let m = this.byEndCache.get(list);
    if (m) return m;
    m = new Map();
    for (const seg of list) {
      const last = this.charIndex(seg.observed[seg.observed.length - 1]);
      const l = m.get(last);
      if (l) l.push(seg);
      else m.set(last, [seg]);
    }
    this.byEndCache.set(list, m);
    return m;
  }
  private byEndCache = new WeakMap<Segment[], SegmentsByEnd>();
  private dp = new Float64Array(1024);

  /**
   * Segment confusions for one intended character: its own, else those of the same letter
   * without its tone (ứ → those of ư) plus the cost of losing the tone.
   */
  private segmentsOf(ch: string): { observed: string; cost: number }[] | undefined {
    const cached = this.segCache.get(ch);
    if (cached !== undefined) return cached ?? undefined;
    const lower = ch.toLowerCase();
    let list = this.multiByIntended.get(ch) ?? this.multiByIntended.get(lower);
    const toneless = lower.normalize('NFD').replace(/[\u0301\u0300\u0309\u0303\u0323]/g, '').normalize('NFC');
    if (toneless !== lower) {
      const extra = this.data.diacritic.toneLost * this.weight;
      const backoff = (this.multiByIntended.get(toneless) ?? []).map((o) => ({ observed: o.observed, cost: o.cost + extra }));
      if (backoff.length) list = [...(list ?? []), ...backoff.filter((b) => !list?.some((o) => o.observed === b.observed))];
    }
    this.segCache.set(ch, list ?? null);
    return list;
  }
  private segCache = new Map<string, { observed: string; cost: number }[] | null>();

  private segment(d: Float64Array, fromRow: number, j: number, options: { observed: string; cost: number }[], lowerObserved: string, best: number): number {
    for (const { observed: obs, cost } of options) {
      const L = obs.length;
      if (L > j) continue;
      const c = d[fromRow + j - L] + cost;
      if (c < best && lowerObserved.startsWith(obs, j - L)) best = c;
    }
    return best;
  }

  private insRow = new Float64Array(64);
}
