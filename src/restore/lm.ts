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

/** Open-addressing table from an integer key (< 2^53) to an index. */
class KeyIndex {
  private readonly mask: number;
  private readonly keys: Float64Array;
  private readonly slots: Int32Array;
  constructor(keys: Float64Array) {
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Float64Array(size);
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      let h = KeyIndex.hash(keys[i]) & this.mask;
      while (this.slots[h] !== -1) h = (h + 1) & this.mask;
      this.keys[h] = keys[i];
      this.slots[h] = i;
    }
  }
  static hash(key: number): number {
    const lo = key % 4294967296;
    const hi = (key - lo) / 4294967296;
    let h = Math.imul(lo ^ (hi * 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
  get(key: number): number {
    let h = KeyIndex.hash(key) & this.mask;
    for (;;) {
      const s = this.slots[h];
      if (s === -1) return -1;
      if (this.keys[h] === key) return s;
      h = (h + 1) & this.mask;
    }
  }
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

export class NgramModel {
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
    this.bi = new KeyIndex(tables.biKeys);
    this.tri = new KeyIndex(tables.triKeys);
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
      const i3 = this.tri.get((u * V + v) * V + w);
      if (i3 >= 0) return this.t.triLogp[i3];
      const i2h = this.bi.get(u * V + v);
      const bow2 = i2h >= 0 ? this.t.biBow[i2h] : 0;
      return bow2 + this.bigram(v, w);
    }
    return this.bigram(v, w);
  }

  private bigram(v: number, w: number): number {
    const i2 = this.bi.get(v * this.V + w);
    if (i2 >= 0) return this.t.biLogp[i2];
    return this.t.uniBow[v] + this.t.uniLogp[w];
  }

  get size(): { unigrams: number; bigrams: number; trigrams: number } {
    return { unigrams: this.V, bigrams: this.t.biKeys.length, trigrams: this.t.triKeys.length };
  }

  /** Serialise: a small JSON header then the typed arrays, gzipped. */
  static serialise(t: NgramTables): Buffer {
    const vocab = Buffer.from(t.vocab.join('\n'), 'utf8');
    const arrays = [t.uniLogp, t.uniBow, t.biKeys, t.biLogp, t.biBow, t.triKeys, t.triLogp];
    const header = Buffer.from(
      JSON.stringify({ format: 'sohoa-ngram-1', vocabBytes: vocab.length, lengths: arrays.map((a) => a.length) }),
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
    return new NgramModel({ vocab, uniLogp, uniBow, biKeys, biLogp, biBow, triKeys, triLogp });
  }
}
