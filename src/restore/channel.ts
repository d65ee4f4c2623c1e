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
  /** How much diacritic disagreement costs, 0..1: low when the text has lost its marks wholesale. */
  diacriticWeight = 1;

  constructor(data: ChannelData) {
    this.data = data;
    for (const [key, cost] of Object.entries(data.multi)) {
      const [intended, observed] = key.split('\t');
      const list = this.multiByIntended.get(intended) ?? [];
      list.push({ observed, cost });
      this.multiByIntended.set(intended, list);
    }
  }

  /** Cost of one observed character for one intended character. */
  subCost(intended: string, observed: string): number {
    if (intended === observed) return 0;
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
    return cost * (this.isDiacriticOnly(intended, observed) ? this.diacriticWeight : 1);
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
   * Weighted edit distance: the cheapest way OCR could have turned `intended` into `observed`.
   * Both are arrays of characters (NFC code points) in the same case pattern.
   */
  cost(intended: string, observed: string): number {
    const I = [...intended];
    const O = [...observed];
    const n = I.length;
    const m = O.length;
    const row = (this.rows ??= []);
    for (let i = 0; i <= n; i++) {
      row[i] ??= new Float64Array(32);
      if (row[i].length <= m) row[i] = new Float64Array(m + 16);
    }
    const d = row;
    d[0][0] = 0;
    for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + this.insCost(O[j - 1]);
    for (let i = 1; i <= n; i++) {
      d[i][0] = d[i - 1][0] + this.delCost(I[i - 1]);
      // Segment confusions ending at i: intended I[i-k..i) printed as some observed segment.
      const segOptions: { k: number; obs: string[]; cost: number }[] = [];
      for (let k = 1; k <= 2 && k <= i; k++) {
        const seg = I.slice(i - k, i).join('');
        const options = this.multiByIntended.get(seg) ?? this.multiByIntended.get(seg.toLowerCase());
        if (options) for (const o of options) segOptions.push({ k, obs: [...o.observed.toLowerCase()], cost: o.cost });
      }
      for (let j = 1; j <= m; j++) {
        let best = d[i - 1][j - 1] + this.subCost(I[i - 1], O[j - 1]);
        const del = d[i - 1][j] + this.delCost(I[i - 1]);
        if (del < best) best = del;
        const ins = d[i][j - 1] + this.insCost(O[j - 1]);
        if (ins < best) best = ins;
        for (const { k, obs, cost } of segOptions) {
          const L = obs.length;
          if (L > j) continue;
          let match = true;
          for (let x = 0; x < L && match; x++) match = O[j - L + x].toLowerCase() === obs[x];
          if (match && d[i - k][j - L] + cost < best) best = d[i - k][j - L] + cost;
        }
        d[i][j] = best;
      }
    }
    return d[n][m];
  }
  private rows?: Float64Array[];
}
