/**
 * Syllable trigram language model with interpolated modified Kneser-Ney smoothing, stored in
 * backoff form (like ARPA): p(w|u v) = p3(uvw) if seen, else bow(uv) · [p2(vw) if seen, else
 * bow(v) · p1(w)]. Log probabilities are natural logs. Stored compactly (typed arrays, gzip) in
 * `dictionaries/lm/`; loading builds sorted index arrays (typed arrays, no per-entry objects), so
 * a model of a million n-grams loads in a fraction of a second.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const BOS = '<s>';
/** End of sentence: scored where a sentence ends (. ; : ! ?), so words that end sentences are preferred there. */
export const EOS = '</s>';
export const NUM = '<num>';
export const UNK = '<unk>';

/** Index of `w` in the sorted slice `ws[lo..hi)`, or −1. */
function find(ws: Int32Array, lo: number, hi: number, w: number): number {
  hi -= 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = ws[mid];
    if (x < w) lo = mid + 1;
    else if (x > w) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Long rows get a directory of blocks of 2^BLOCK_BITS word ids. */
const BLOCK_BITS = 6;
const LONG_ROW = 32;

/**
 * Rows of sorted word ids in one array: the second words of the bigrams, a row per first word;
 * the third words of the trigrams, a row per history bigram. A word is found by binary search in
 * a short row; a long row (a frequent word's) has a directory of where each block of 64 ids
 * begins, so a lookup is one read and a scan of a few entries — about three times faster than
 * the binary search on the rows where the decoder looks most.
 */
class SortedRows {
  /** Per row: where its directory begins in `dir`, or −1 (a short row). */
  private readonly dirAt: Int32Array;
  /** Per long row: the start of each block relative to the row's start, and the row's end. */
  private readonly dir: Uint16Array;

  constructor(
    private readonly words: Int32Array,
    private readonly start: Int32Array,
    V: number,
  ) {
    const rows = start.length - 1;
    const blocks = (V >> BLOCK_BITS) + 2;
    this.dirAt = new Int32Array(rows).fill(-1);
    let long = 0;
    for (let r = 0; r < rows; r++) {
      const n = start[r + 1] - start[r];
      if (n > LONG_ROW && n < 65536) this.dirAt[r] = long++ * blocks;
    }
    this.dir = new Uint16Array(long * blocks);
    for (let r = 0; r < rows; r++) {
      const at = this.dirAt[r];
      if (at < 0) continue;
      let i = start[r];
      for (let b = 0; b < blocks; b++) {
        while (i < start[r + 1] && words[i] >> BLOCK_BITS < b) i++;
        this.dir[at + b] = i - start[r];
      }
    }
  }

  /** Index of word `w` (0 ≤ w < V) in row `r`, or −1. */
  find(r: number, w: number): number {
    const lo = this.start[r];
    const at = this.dirAt[r];
    if (at < 0) return find(this.words, lo, this.start[r + 1], w);
    const b = at + (w >> BLOCK_BITS);
    for (let i = lo + this.dir[b], end = lo + this.dir[b + 1]; i < end; i++) {
      const x = this.words[i];
      if (x >= w) return x === w ? i : -1;
    }
    return -1;
  }
}

/**
 * A history (u, v) looked up once, for scoring many next words: the row of its trigrams and its
 * back-off weight. The decoder scores every candidate of a slot
 * against each hypothesis's context, so the history's lookups are paid once, not per candidate.
 */
export interface LmContext {
  u: number;
  v: number;
  /** The history bigram (u, v)'s index when trigrams continue it (their row), else −1. */
  hist: number;
  /** Back-off weight of (u, v) (0 when the history was never seen). */
  bow2: number;
}

/** What the decoder needs of a language model (a trained model, or one mixed with an overlay). */
export interface LanguageModel {
  readonly vocab: string[];
  readonly V: number;
  readonly bos: number;
  id(token: string): number;
  has(token: string): boolean;
  unigram(w: number): number;
  /** The highest ln p(w | context) w reaches in any context it was seen in. */
  peak(w: number): number;
  /** An upper bound of ln p(w | u v) over every history (for exact pruning). */
  bound(w: number): number;
  logp(u: number, v: number, w: number): number;
  /** The history (u, v) prepared for `score` (same conventions as `logp`). */
  context(u: number, v: number, into?: LmContext): LmContext;
  /** ln p(w | context): equal to `logp(ctx.u, ctx.v, w)`. */
  score(ctx: LmContext, w: number): number;
  /**
   * `score(ctx, w)` when that is at least `floor`; otherwise any value below `floor`. Lets the
   * search skip lookups for readings it would drop anyway.
   */
  scoreAbove(ctx: LmContext, w: number, floor: number): number;
  /**
   * `s + score(ctx, w) + logp(ctx.v, w, x) + logp(w, x, y)`, added term by term in that order; x < 0
   * leaves out the last two terms, y < 0 the last. A reading weighed with the two words after it.
   */
  scoreWindow(s: number, ctx: LmContext, w: number, x: number, y: number): number;
}

export interface NgramTables {
  vocab: string[];
  uniLogp: Float32Array;
  uniBow: Float32Array;
  biKeys: Float64Array;
  biLogp: Float32Array;
  biBow: Float32Array;
  triKeys: Float64Array;
  triLogp: Float32Array;
}

/**
 * The tables held in typed arrays: bigrams grouped by their first word and trigrams by their
 * history bigram (compressed sparse rows), each found by a short binary search in its contiguous
 * range (the candidates of one slot are all looked up in the same range, which stays in cache);
 * no per-entry objects.
 */
export class NgramModel implements LanguageModel {
  readonly vocab: string[];
  readonly V: number;
  private readonly ids: Map<string, number>;
  private readonly uniLogp: Float32Array;
  private readonly uniBow: Float32Array;
  /** Second word of each bigram, sorted within its first word's range biStart[v]..biStart[v+1]. */
  private readonly biW: Int32Array;
  private readonly biStart: Int32Array;
  private readonly biLogp: Float32Array;
  private readonly biBow: Float32Array;
  /** Third word of each trigram, sorted within its history bigram's range triStart[b]..triStart[b+1]. */
  private readonly triW: Int32Array;
  private readonly triStart: Int32Array;
  private readonly triLogp: Float32Array;
  /** Bigrams by first word, trigrams by history bigram: `find(row, w)` gives the index. */
  private readonly bi: SortedRows;
  private readonly tri: SortedRows;
  readonly unk: number;
  readonly bos: number;
  /** Per word: the highest log-probability it reaches in any bigram or trigram it was seen in. */
  private readonly peaks: Float32Array;
  /** Per word: an upper bound of ln p(w | any history), back-off paths included. */
  private readonly bounds: Float32Array;
  /** Per word: the highest ln p2(w | v) of a bigram (v, w) it ends (−Infinity: none). */
  private readonly biMaxOf: Float32Array;
  /** Per word: the highest ln p2(w | v) of a bigram (v, w) it starts (−Infinity: none). */
  private readonly biMaxAfter: Float32Array;

  constructor(tables: NgramTables) {
    this.vocab = tables.vocab;
    this.V = tables.vocab.length;
    this.ids = new Map(tables.vocab.map((w, i) => [w, i]));
    const V = this.V;
    if (V * V >= 2 ** 31) throw new Error(`vocabulary of ${V} words is too large for the n-gram index`);
    this.uniLogp = tables.uniLogp;
    this.uniBow = tables.uniBow;
    this.biLogp = tables.biLogp;
    this.biBow = tables.biBow;
    this.triLogp = tables.triLogp;
    // Keys are exact integers below 2^53: bigram v·V+w, trigram u·V²+v·V+w, sorted ascending.
    const nb = tables.biKeys.length;
    const biV = new Int32Array(nb);
    const biW = new Int32Array(nb);
    let prev = -1;
    for (let i = 0; i < nb; i++) {
      const k = tables.biKeys[i];
      if (k <= prev) throw new Error('bigram keys are not sorted');
      prev = k;
      biV[i] = Math.floor(k / V);
      biW[i] = k - biV[i] * V;
    }
    this.biW = biW;
    this.biStart = new Int32Array(V + 1);
    for (let i = 0, v = 0; i <= nb; i++) {
      const first = i < nb ? biV[i] : V;
      while (v < first) this.biStart[++v] = i;
    }
    const nt = tables.triKeys.length;
    this.triW = new Int32Array(nt);
    this.triStart = new Int32Array(nb + 1);
    // Trigrams sorted by (u, v, w) are grouped by history in the order of the sorted bigrams.
    let b = 0;
    prev = -1;
    for (let i = 0; i < nt; i++) {
      const k = tables.triKeys[i];
      if (k <= prev) throw new Error('trigram keys are not sorted');
      prev = k;
      const hist = Math.floor(k / V);
      const w = k - hist * V;
      while (b < nb && tables.biKeys[b] < hist) this.triStart[++b] = i;
      if (b >= nb || tables.biKeys[b] !== hist) throw new Error(`trigram ${Math.floor(hist / V)} ${hist % V} ${w} has no history bigram`);
      this.triW[i] = w;
    }
    while (b < nb) this.triStart[++b] = nt;
    this.bi = new SortedRows(biW, this.biStart, V);
    this.tri = new SortedRows(this.triW, this.triStart, V);
    this.peaks = Float32Array.from(this.uniLogp);
    for (let i = 0; i < nb; i++) if (this.biLogp[i] > this.peaks[biW[i]]) this.peaks[biW[i]] = this.biLogp[i];
    // Bounds: a trigram's own value, or back-off weights (at most their maxima) on a bigram or unigram.
    let maxBow2 = 0;
    for (let i = 0; i < nb; i++) if (this.biBow[i] > maxBow2) maxBow2 = this.biBow[i];
    let maxUniBow = 0;
    for (let v = 0; v < V; v++) if (this.uniBow[v] > maxUniBow) maxUniBow = this.uniBow[v];
    this.bounds = new Float32Array(V);
    for (let w = 0; w < V; w++) this.bounds[w] = this.uniLogp[w] + maxBow2 + maxUniBow;
    for (let i = 0; i < nb; i++) {
      const w = biW[i];
      if (this.biLogp[i] + maxBow2 > this.bounds[w]) this.bounds[w] = this.biLogp[i] + maxBow2;
    }
    for (let i = 0; i < nt; i++) {
      const w = this.triW[i];
      if (this.triLogp[i] > this.peaks[w]) this.peaks[w] = this.triLogp[i];
      if (this.triLogp[i] > this.bounds[w]) this.bounds[w] = this.triLogp[i];
    }
    this.biMaxOf = new Float32Array(V).fill(-Infinity);
    this.biMaxAfter = new Float32Array(V).fill(-Infinity);
    for (let i = 0; i < nb; i++) {
      if (this.biLogp[i] > this.biMaxOf[biW[i]]) this.biMaxOf[biW[i]] = this.biLogp[i];
      if (this.biLogp[i] > this.biMaxAfter[biV[i]]) this.biMaxAfter[biV[i]] = this.biLogp[i];
    }
    // Float32 rounding must never make a bound too low.
    for (let w = 0; w < V; w++) this.bounds[w] += 1e-3;
    this.unk = this.ids.get(UNK) ?? -1;
    this.bos = this.ids.get(BOS) ?? -1;
  }

  id(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  has(token: string): boolean {
    return this.ids.has(token);
  }

  /** ln p(w) for a vocabulary id. */
  unigram(w: number): number {
    return w < 0 ? this.uniLogp[this.unk] : this.uniLogp[w];
  }

  /** The highest ln p(w | context) over the contexts w was seen in (at least its unigram). */
  peak(w: number): number {
    return w < 0 ? this.uniLogp[this.unk] : this.peaks[w];
  }

  /** An upper bound of ln p(w | u v) over every history. */
  bound(w: number): number {
    return this.bounds[w < 0 ? this.unk : w];
  }

  /**
   * ln p(w | u v). Use -1 for a missing history word (start of a line: no context), and
   * `bos` for the start of a sentence.
   */
  logp(u: number, v: number, w: number): number {
    if (w < 0) w = this.unk;
    if (v < 0) return this.uniLogp[w];
    let bow2 = 0;
    if (u >= 0) {
      const b = this.bi.find(u, v);
      if (b >= 0) {
        const i3 = this.tri.find(b, w);
        if (i3 >= 0) return this.triLogp[i3];
        bow2 = this.biBow[b];
      }
    }
    const i2 = this.bi.find(v, w);
    if (i2 >= 0) return bow2 + this.biLogp[i2];
    return bow2 + this.uniBow[v] + this.uniLogp[w];
  }

  context(u: number, v: number, into?: LmContext): LmContext {
    let hist = -1;
    let bow2 = 0;
    if (u >= 0 && v >= 0) {
      const b = this.bi.find(u, v);
      if (b >= 0) {
        if (this.triStart[b + 1] > this.triStart[b]) hist = b;
        bow2 = this.biBow[b];
      }
    }
    if (!into) return { u, v, hist, bow2 };
    into.u = u;
    into.v = v;
    into.hist = hist;
    into.bow2 = bow2;
    return into;
  }

  score(ctx: LmContext, w: number): number {
    if (w < 0) w = this.unk;
    if (ctx.v < 0) return this.uniLogp[w];
    if (ctx.hist >= 0) {
      const i3 = this.tri.find(ctx.hist, w);
      if (i3 >= 0) return this.triLogp[i3];
    }
    const i2 = this.bi.find(ctx.v, w);
    if (i2 >= 0) return ctx.bow2 + this.biLogp[i2];
    return ctx.bow2 + this.uniBow[ctx.v] + this.uniLogp[w];
  }

  scoreAbove(ctx: LmContext, w: number, floor: number): number {
    if (w < 0) w = this.unk;
    if (ctx.v < 0) return this.uniLogp[w];
    if (ctx.hist >= 0) {
      const i3 = this.tri.find(ctx.hist, w);
      if (i3 >= 0) return this.triLogp[i3];
    }
    // Backing off: the bigram (v, w) is no likelier than the likeliest bigram after v or before w.
    // When neither it nor the unigram path can reach the floor, its lookup (the dear one: v's
    // range may hold a thousand words) is skipped. Exact: both sides are the same float32 values.
    const unigramPath = ctx.bow2 + this.uniBow[ctx.v] + this.uniLogp[w];
    if (unigramPath < floor && ctx.bow2 + Math.min(this.biMaxAfter[ctx.v], this.biMaxOf[w]) < floor) return -Infinity;
    const i2 = this.bi.find(ctx.v, w);
    if (i2 >= 0) return ctx.bow2 + this.biLogp[i2];
    return unigramPath;
  }

  scoreWindow(s: number, ctx: LmContext, w: number, x: number, y: number): number {
    s += this.score(ctx, w);
    if (x < 0) return s;
    // ln p(x | v w) as `logp` gives it; the bigram (w, x) it may back off to is the history of
    // the next term, so it is looked up once.
    let wx = -1;
    if (w < 0) s += this.uniLogp[x];
    else {
      const v = ctx.v;
      let bow2 = 0;
      let i3 = -1;
      if (v >= 0) {
        const b = this.bi.find(v, w);
        if (b >= 0) {
          i3 = this.tri.find(b, x);
          bow2 = this.biBow[b];
        }
      }
      if (i3 < 0 || y >= 0) wx = this.bi.find(w, x);
      if (i3 >= 0) s += this.triLogp[i3];
      else s += wx >= 0 ? bow2 + this.biLogp[wx] : bow2 + this.uniBow[w] + this.uniLogp[x];
    }
    if (y < 0) return s;
    // ln p(y | w x) as `logp` gives it; the bigram (x, y) is the same for every reading of a slot.
    let bow2 = 0;
    if (wx >= 0) {
      const i3 = this.tri.find(wx, y);
      if (i3 >= 0) return s + this.triLogp[i3];
      bow2 = this.biBow[wx];
    }
    if (x !== this.lastX || y !== this.lastY) {
      this.lastX = x;
      this.lastY = y;
      this.lastXY = this.bi.find(x, y);
    }
    const xy = this.lastXY;
    return s + (xy >= 0 ? bow2 + this.biLogp[xy] : bow2 + this.uniBow[x] + this.uniLogp[y]);
  }
  /** The last bigram (x, y) `scoreWindow` looked up, and its index. */
  private lastX = -1;
  private lastY = -1;
  private lastXY = -1;

  get size(): { unigrams: number; bigrams: number; trigrams: number } {
    return { unigrams: this.V, bigrams: this.biLogp.length, trigrams: this.triW.length };
  }

  /** Serialise: a small JSON header then the typed arrays, gzipped. */
  static serialise(t: NgramTables, meta: Record<string, unknown> = {}): Buffer {
    const vocab = Buffer.from(t.vocab.join('\n'), 'utf8');
    const arrays = [t.uniLogp, t.uniBow, t.biKeys, t.biLogp, t.biBow, t.triKeys, t.triLogp];
    const header = Buffer.from(
      JSON.stringify({ format: 'sohoa-ngram-1', vocabBytes: vocab.length, lengths: arrays.map((a) => a.length), meta }),
      'utf8',
    );
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const parts: Buffer[] = [len, header, vocab];
    let offset = 4 + header.length + vocab.length;
    for (const a of arrays) {
      const pad = (8 - (offset % 8)) % 8; // keep typed arrays aligned
      parts.push(Buffer.alloc(pad));
      offset += pad;
      parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
      offset += a.byteLength;
    }
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialise(gz: Uint8Array): NgramModel {
    const buf = gunzipSync(gz);
    const headerLen = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLen).toString('utf8'));
    if (header.format !== 'sohoa-ngram-1') throw new Error(`not a sohoa n-gram model (format ${header.format})`);
    let offset = 4 + headerLen;
    const vocab = buf.subarray(offset, offset + header.vocabBytes).toString('utf8').split('\n');
    offset += header.vocabBytes;
    const kinds = [Float32Array, Float32Array, Float64Array, Float32Array, Float32Array, Float64Array, Float32Array];
    const arrays = kinds.map((Kind, i) => {
      offset += (8 - (offset % 8)) % 8;
      const n = header.lengths[i] as number;
      const bytes = n * Kind.BYTES_PER_ELEMENT;
      // Copy into a fresh aligned buffer (the gunzipped buffer may be unaligned).
      const copy = new Uint8Array(bytes);
      copy.set(buf.subarray(offset, offset + bytes));
      offset += bytes;
      return new Kind(copy.buffer);
    });
    const [uniLogp, uniBow, biKeys, biLogp, biBow, triKeys, triLogp] = arrays as [
      Float32Array, Float32Array, Float64Array, Float32Array, Float32Array, Float64Array, Float32Array,
    ];
    const model = new NgramModel({ vocab, uniLogp, uniBow, biKeys, biLogp, biBow, triKeys, triLogp });
    model.meta = header.meta ?? {};
    return model;
  }

  /** Free-form metadata stored with the model (e.g. an overlay's written forms). */
  meta: Record<string, unknown> = {};
}

/**
 * A base model mixed with a user's overlay model by linear interpolation: p = λ·p_base +
 * (1−λ)·p_overlay. Words only the overlay knows (local names, phrases) join the vocabulary.
 */
export class InterpolatedModel implements LanguageModel {
  readonly vocab: string[];
  readonly V: number;
  readonly bos: number;
  private readonly ids: Map<string, number>;
  private readonly toBase: Int32Array;
  private readonly toOverlay: Int32Array;
  private readonly logL: number;
  private readonly logR: number;

  constructor(
    private readonly base: NgramModel,
    private readonly overlay: NgramModel,
    lambda = 0.7,
  ) {
    this.vocab = [...base.vocab, ...overlay.vocab.filter((w) => !base.has(w))];
    this.V = this.vocab.length;
    this.ids = new Map(this.vocab.map((w, i) => [w, i]));
    this.toBase = Int32Array.from(this.vocab, (w) => base.id(w));
    this.toOverlay = Int32Array.from(this.vocab, (w) => overlay.id(w));
    this.bos = this.ids.get(BOS) ?? -1;
    this.logL = Math.log(lambda);
    this.logR = Math.log(1 - lambda);
  }

  id(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  has(token: string): boolean {
    return this.ids.has(token);
  }

  private mix(a: number, b: number): number {
    const x = this.logL + a;
    const y = this.logR + b;
    return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
  }

  private map(ids: Int32Array, w: number): number {
    return w < 0 ? -1 : ids[w];
  }

  unigram(w: number): number {
    return this.mix(this.base.unigram(this.map(this.toBase, w)), this.overlay.unigram(this.map(this.toOverlay, w)));
  }

  context(u: number, v: number, into?: LmContext): LmContext {
    if (!into) return { u, v, hist: -1, bow2: 0 };
    into.u = u;
    into.v = v;
    into.hist = -1;
    into.bow2 = 0;
    return into;
  }

  score(ctx: LmContext, w: number): number {
    return this.logp(ctx.u, ctx.v, w);
  }

  scoreAbove(ctx: LmContext, w: number): number {
    return this.logp(ctx.u, ctx.v, w);
  }

  scoreWindow(s: number, ctx: LmContext, w: number, x: number, y: number): number {
    s += this.logp(ctx.u, ctx.v, w);
    if (x < 0) return s;
    s += this.logp(ctx.v, w, x);
    return y < 0 ? s : s + this.logp(w, x, y);
  }

  bound(_w: number): number {
    return 0; // a probability is at most 1
  }

  peak(w: number): number {
    return this.mix(this.base.peak(this.map(this.toBase, w)), this.overlay.peak(this.map(this.toOverlay, w)));
  }

  logp(u: number, v: number, w: number): number {
    const b = this.base.logp(this.map(this.toBase, u), this.map(this.toBase, v), this.map(this.toBase, w));
    const o = this.overlay.logp(this.map(this.toOverlay, u), this.map(this.toOverlay, v), this.map(this.toOverlay, w));
    return this.mix(b, o);
  }
}
