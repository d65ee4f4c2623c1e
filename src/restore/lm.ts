/**
 * Syllable trigram language model with interpolated modified Kneser-Ney smoothing, stored in
 * backoff form (like ARPA): p(w|u v) = p3(uvw) if seen, else bow(uv) · [p2(vw) if seen, else
 * bow(v) · p1(w)]. Log probabilities are natural logs. Stored compactly (typed arrays, gzip) in
 * `dictionaries/lm/`; loading builds open-addressing hash tables in typed arrays, no per-entry
 * objects, so a model of a million n-grams loads in a fraction of a second.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const BOS = '<s>';
export const NUM = '<num>';
export const UNK = '<unk>';

/**
 * Open-addressing table from an n-gram (two int32 parts: the history's first word, and the rest
 * packed as v·V+w) to its index in the value arrays. Integer hashing only: no strings, no floats.
 */
class KeyIndex {
  private readonly mask: number;
  private readonly k1: Int32Array;
  private readonly k2: Int32Array;
  private readonly slots: Int32Array;
  constructor(first: Int32Array, rest: Int32Array) {
    let size = 1024;
    while (size < first.length * 2) size *= 2;
    this.mask = size - 1;
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < first.length; i++) {
      let h = KeyIndex.hash(first[i], rest[i]) & this.mask;
      while (this.slots[h] !== -1) h = (h + 1) & this.mask;
      this.k1[h] = first[i];
      this.k2[h] = rest[i];
      this.slots[h] = i;
    }
  }
  static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 13)) >>> 0;
  }
  get(a: number, b: number): number {
    let h = KeyIndex.hash(a, b) & this.mask;
    for (;;) {
      const s = this.slots[h];
      if (s === -1) return -1;
      if (this.k1[h] === a && this.k2[h] === b) return s;
      h = (h + 1) & this.mask;
    }
  }
}

/** What the decoder needs of a language model (a trained model, or one mixed with an overlay). */
export interface LanguageModel {
  readonly vocab: string[];
  readonly V: number;
  readonly bos: number;
  id(token: string): number;
  has(token: string): boolean;
  unigram(w: number): number;
  logp(u: number, v: number, w: number): number;
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

export class NgramModel implements LanguageModel {
  readonly vocab: string[];
  readonly V: number;
  private readonly ids: Map<string, number>;
  private readonly t: NgramTables;
  private readonly bi: KeyIndex;
  private readonly tri: KeyIndex;
  readonly unk: number;
  readonly bos: number;

  constructor(tables: NgramTables) {
    this.t = tables;
    this.vocab = tables.vocab;
    this.V = tables.vocab.length;
    this.ids = new Map(tables.vocab.map((w, i) => [w, i]));
    const V = this.V;
    if (V * V >= 2 ** 31) throw new Error(`vocabulary of ${V} words is too large for the n-gram index`);
    // Bigram (v,w) → (v, w); trigram (u,v,w) → (u, v·V+w). Keys are exact integers below 2^53.
    this.bi = new KeyIndex(
      Int32Array.from(tables.biKeys, (k) => Math.floor(k / V)),
      Int32Array.from(tables.biKeys, (k) => k % V),
    );
    this.tri = new KeyIndex(
      Int32Array.from(tables.triKeys, (k) => Math.floor(k / (V * V))),
      Int32Array.from(tables.triKeys, (k) => k % (V * V)),
    );
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
    return w < 0 ? this.t.uniLogp[this.unk] : this.t.uniLogp[w];
  }

  /**
   * ln p(w | u v). Use -1 for a missing history word (start of a line: no context), and
   * `bos` for the start of a sentence.
   */
  logp(u: number, v: number, w: number): number {
    if (w < 0) w = this.unk;
    const V = this.V;
    if (v < 0) return this.t.uniLogp[w];
    if (u >= 0) {
      const i3 = this.tri.get(u, v * V + w);
      if (i3 >= 0) return this.t.triLogp[i3];
      const i2h = this.bi.get(u, v);
      const bow2 = i2h >= 0 ? this.t.biBow[i2h] : 0;
      return bow2 + this.bigram(v, w);
    }
    return this.bigram(v, w);
  }

  private bigram(v: number, w: number): number {
    const i2 = this.bi.get(v, w);
    if (i2 >= 0) return this.t.biLogp[i2];
    return this.t.uniBow[v] + this.t.uniLogp[w];
  }

  get size(): { unigrams: number; bigrams: number; trigrams: number } {
    return { unigrams: this.V, bigrams: this.t.biKeys.length, trigrams: this.t.triKeys.length };
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

  logp(u: number, v: number, w: number): number {
    const b = this.base.logp(this.map(this.toBase, u), this.map(this.toBase, v), this.map(this.toBase, w));
    const o = this.overlay.logp(this.map(this.toOverlay, u), this.map(this.toOverlay, v), this.map(this.toOverlay, w));
    return this.mix(b, o);
  }
}
