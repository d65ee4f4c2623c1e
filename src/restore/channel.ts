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
}

interface Decomposed {
  base: string;
  mark: string; // '' | '\u0306' (breve) | '\u0302' (circumflex) | '\u031b' (horn) | 'đ'
  tone: string; // '' or a combining tone mark
}

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
  constructor(data: ChannelData) {
    this.data = data;
    for (const [key, cost] of Object.entries(data.multi)) {
      const [intended, observed] = key.split('\t');
      const list = this.multiByIntended.get(intended) ?? [];
      list.push({ observed: observed.toLowerCase(), cost });
      this.multiByIntended.set(intended, list);
    }
  }

  /** Cost of one observed character for one intended character. */
  subCost(intended: string, observed: string): number {
    if (intended === observed) return 0;
    const fast = (intended.charCodeAt(0) << 16) | observed.charCodeAt(0);
    const hit = intended.length === 1 && observed.length === 1 ? this.fastSub.get(fast) : undefined;
    if (hit !== undefined) return hit;
    const key = intended + '\t' + observed;
    let cost = this.subCache.get(key);
    if (cost !== undefined) return cost * (this.isDiacriticOnly(intended, observed) ? this.diacriticWeight : 1);
    cost = this.data.sub[key];
    if (cost === undefined) {
      const li = intended.toLowerCase();
      const lo = observed.toLowerCase();
      if (li === lo) cost = 0.3; // case only
      else if (this.data.sub[li + '\t' + lo] !== undefined) cost = this.data.sub[li + '\t' + lo] + 0.2;
      else {
        const a = decompose(intended);
        const b = decompose(observed);
        if (a.base === b.base) {
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
    this.subCache.set(key, cost);
    const weighted = cost * (this.isDiacriticOnly(intended, observed) ? this.diacriticWeight : 1);
    if (intended.length === 1 && observed.length === 1) this.fastSub.set(fast, weighted);
    return weighted;
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
   * costs more than `limit`.
   */
  cost(intended: string, observed: string, limit = Infinity): number {
    const n = intended.length;
    const m = observed.length;
    const rows = (this.rows ??= []);
    for (let i = 0; i <= n; i++) if (!rows[i] || rows[i].length <= m) rows[i] = new Float64Array(m + 16);
    const d = rows;
    if (this.insRow.length < m) this.insRow = new Float64Array(m * 2);
    const insC = this.insRow;
    for (let j = 0; j < m; j++) insC[j] = this.insCost(observed[j]);
    d[0][0] = 0;
    for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + insC[j - 1];
    const lowerObserved = observed.toLowerCase();
    for (let i = 1; i <= n; i++) {
      const ci = intended[i - 1];
      const del = this.delCost(ci);
      d[i][0] = d[i - 1][0] + del;
      // Segment confusions ending at i: intended one or two characters printed as another segment.
      const seg1 = this.segmentsOf(ci);
      const seg2 = i >= 2 ? (this.multiByIntended.get(intended.slice(i - 2, i)) ?? this.multiByIntended.get(intended.slice(i - 2, i).toLowerCase())) : undefined;
      let rowMin = d[i][0];
      for (let j = 1; j <= m; j++) {
        let best = d[i - 1][j - 1] + this.subCost(ci, observed[j - 1]);
        const dl = d[i - 1][j] + del;
        if (dl < best) best = dl;
        const ins = d[i][j - 1] + insC[j - 1];
        if (ins < best) best = ins;
        if (seg1) best = this.segment(d, i - 1, j, seg1, lowerObserved, best);
        if (seg2) best = this.segment(d, i - 2, j, seg2, lowerObserved, best);
        d[i][j] = best;
        if (best < rowMin) rowMin = best;
      }
      if (rowMin > limit) return Infinity;
    }
    return d[n][m];
  }

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

  private segment(d: Float64Array[], from: number, j: number, options: { observed: string; cost: number }[], lowerObserved: string, best: number): number {
    for (const { observed: obs, cost } of options) {
      const L = obs.length;
      if (L > j) continue;
      const c = d[from][j - L] + cost;
      if (c < best && lowerObserved.startsWith(obs, j - L)) best = c;
    }
    return best;
  }

  private insRow = new Float64Array(64);
  private rows?: Float64Array[];
}
