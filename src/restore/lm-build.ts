/**
 * Training the syllable trigram model: interpolated modified Kneser-Ney (Chen & Goodman 1998),
 * written out in backoff form for `NgramModel`. Pure: sentences in, tables out. Used by
 * `scripts/build-dictionaries.ts` and by `sohoa dict learn` (user overlays).
 */
import { BOS, EOS, NUM, UNK, type NgramTables } from './lm.ts';
import { canonicalTone } from './syllables.ts';

/** The LM's view of a token: NFC, lower case, classic tone placement; numbers are one token. */
export function lmToken(raw: string): string {
  const t = raw.normalize('NFC').toLowerCase();
  if (/^\d[\d.,]*$/.test(t)) return NUM;
  return canonicalTone(t, 'classic');
}

/**
 * The words of a text: runs of letters and digits; a Central Highlands name written with an
 * apostrophe after its initial (H'leo, M'gar, H'Mông) is one word, other apostrophes separate.
 */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}'’]+/u)) {
    if (!raw) continue;
    const t = raw.replace(/’/g, "'");
    if (/^[HMKYNĐD]'\p{L}{2,}$/u.test(t)) out.push(t);
    else out.push(...t.split("'").filter(Boolean));
  }
  return out;
}

/**
 * Clean text → sentences of LM tokens. Paragraphs are joined across line breaks (corpus lines
 * are wrapped at arbitrary places); sentences end at . ; : ! ? and at blank lines; every other
 * non-letter, non-digit character separates tokens.
 */
export function textToSentences(text: string): string[][] {
  const out: string[][] = [];
  for (const para of text.normalize('NFC').split(/\n\s*\n/)) {
    const joined = para.replace(/\s*\n\s*/g, ' ');
    for (const sentence of joined.split(/[.;:!?…]+(?=\s|$)|\s[-–•]\s/)) {
      const tokens = wordTokens(sentence).map(lmToken);
      if (tokens.length) out.push(tokens);
    }
  }
  return out;
}

export interface BuildInput {
  /** Running text: trigram evidence. */
  sentences: string[][];
  /** Word pairs seen somewhere without counts (e.g. Tesseract's bigram list): bigram evidence. */
  pairs?: [string, string][];
  /** Unigram frequencies from a broad source (e.g. subtitles), mixed into p1. */
  unigramCounts?: Map<string, number>;
  /** Only tokens this accepts enter the vocabulary from `pairs` and `unigramCounts`. */
  acceptExtra?: (token: string) => boolean;
  /** Mixture weights of p1: Kneser-Ney continuation, broad unigram, uniform. */
  unigramMix?: [number, number, number];
}

interface Discounts {
  d1: number;
  d2: number;
  d3: number;
}

function discounts(counts: Iterable<number>): Discounts {
  const n = [0, 0, 0, 0, 0];
  for (const c of counts) if (c <= 4) n[c]++;
  const Y = n[1] / (n[1] + 2 * n[2] || 1);
  const d = (k: number, fallback: number) => {
    const v = k - (k + 1) * Y * (n[k + 1] / (n[k] || 1));
    return Number.isFinite(v) && v > 0 ? Math.min(v, k) : fallback;
  };
  return { d1: d(1, 0.5), d2: d(2, 1), d3: d(3, 1.5) };
}

const disc = (D: Discounts, c: number) => (c === 0 ? 0 : c === 1 ? D.d1 : c === 2 ? D.d2 : D.d3);

export function buildKneserNey(input: BuildInput): NgramTables {
  const accept = input.acceptExtra ?? (() => true);
  const vocab: string[] = [UNK, BOS, NUM];
  const ids = new Map<string, number>(vocab.map((w, i) => [w, i]));
  const idOf = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) {
      i = vocab.length;
      vocab.push(w);
      ids.set(w, i);
    }
    return i;
  };
  // Every sentence ends in </s>: the decoder scores it where a sentence or a paragraph ends.
  const eos = idOf(EOS);
  const seqs = input.sentences.map((s) => [ids.get(BOS)!, ...s.map(idOf), eos]);
  const pairs = (input.pairs ?? []).filter(([a, b]) => accept(a) && accept(b)).map(([a, b]) => [idOf(a), idOf(b)]);
  for (const w of input.unigramCounts?.keys() ?? []) if (accept(w)) idOf(w);
  const V = vocab.length;
  const bos = ids.get(BOS)!;

  // Raw trigram counts; bigram counts: continuation (distinct left words) except after <s>.
  const tri = new Map<number, number>();
  const biRaw = new Map<number, number>();
  for (const s of seqs) {
    for (let i = 1; i < s.length; i++) {
      const k2 = s[i - 1] * V + s[i];
      biRaw.set(k2, (biRaw.get(k2) ?? 0) + 1);
      if (i >= 2) {
        const k3 = (s[i - 2] * V + s[i - 1]) * V + s[i];
        tri.set(k3, (tri.get(k3) ?? 0) + 1);
      }
    }
  }
  const bi = new Map<number, number>();
  for (const k3 of tri.keys()) {
    const k2 = k3 % (V * V);
    bi.set(k2, (bi.get(k2) ?? 0) + 1);
  }
  for (const [k2, c] of biRaw) if (Math.floor(k2 / V) === bos) bi.set(k2, c);
  for (const [a, b] of pairs) {
    const k2 = a * V + b;
    bi.set(k2, (bi.get(k2) ?? 0) + 1);
  }
  // Unigram continuation counts: distinct left words.
  const uniCont = new Float64Array(V);
  for (const k2 of bi.keys()) uniCont[k2 % V]++;

  // p1: mixture of KN continuation, broad unigram counts, uniform.
  const [wKn, wBroad, wUni] = input.unigramMix ?? [0.6, 0.35, 0.05];
  const contTotal = uniCont.reduce((a, b) => a + b, 0) || 1;
  let broadTotal = 0;
  for (const [w, c] of input.unigramCounts ?? []) if (ids.has(w)) broadTotal += c;
  const p1 = new Float64Array(V);
  for (let w = 0; w < V; w++) {
    const broad = broadTotal ? (input.unigramCounts?.get(vocab[w]) ?? 0) / broadTotal : 0;
    p1[w] = wKn * (uniCont[w] / contTotal) + (broadTotal ? wBroad : 0) * broad + (wUni + (broadTotal ? 0 : wBroad)) / V;
  }
  p1[bos] = 1e-12;

  // p2(w|v) = max(c'(vw) - D, 0)/c'(v•) + γ(v) p1(w)
  const D2 = discounts(bi.values());
  const ctx2 = new Map<number, { total: number; n1: number; n2: number; n3: number }>();
  for (const [k2, c] of bi) {
    const v = Math.floor(k2 / V);
    const e = ctx2.get(v) ?? { total: 0, n1: 0, n2: 0, n3: 0 };
    e.total += c;
    if (c === 1) e.n1++;
    else if (c === 2) e.n2++;
    else e.n3++;
    ctx2.set(v, e);
  }
  const gamma2 = (v: number) => {
    const e = ctx2.get(v);
    if (!e) return 1;
    return (D2.d1 * e.n1 + D2.d2 * e.n2 + D2.d3 * e.n3) / e.total;
  };
  const biKeys = Float64Array.from([...bi.keys()].sort((a, b) => a - b));
  const biLogp = new Float32Array(biKeys.length);
  const p2 = new Map<number, number>();
  biKeys.forEach((k2, i) => {
    const v = Math.floor(k2 / V);
    const w = k2 % V;
    const c = bi.get(k2)!;
    const p = Math.max(c - disc(D2, c), 0) / ctx2.get(v)!.total + gamma2(v) * p1[w];
    p2.set(k2, p);
    biLogp[i] = Math.log(p);
  });
  const uniLogp = Float32Array.from(p1, (p) => Math.log(p));
  const uniBow = new Float32Array(V);
  for (let v = 0; v < V; v++) uniBow[v] = Math.log(gamma2(v));

  // p3(w|uv) = max(c(uvw) - D, 0)/c(uv•) + γ(uv) p2(w|v)
  const D3 = discounts(tri.values());
  const ctx3 = new Map<number, { total: number; n1: number; n2: number; n3: number }>();
  for (const [k3, c] of tri) {
    const h = Math.floor(k3 / V);
    const e = ctx3.get(h) ?? { total: 0, n1: 0, n2: 0, n3: 0 };
    e.total += c;
    if (c === 1) e.n1++;
    else if (c === 2) e.n2++;
    else e.n3++;
    ctx3.set(h, e);
  }
  const gamma3 = (h: number) => {
    const e = ctx3.get(h)!;
    return (D3.d1 * e.n1 + D3.d2 * e.n2 + D3.d3 * e.n3) / e.total;
  };
  const p2of = (v: number, w: number) => p2.get(v * V + w) ?? gamma2(v) * p1[w];
  const triKeys = Float64Array.from([...tri.keys()].sort((a, b) => a - b));
  const triLogp = new Float32Array(triKeys.length);
  triKeys.forEach((k3, i) => {
    const h = Math.floor(k3 / V);
    const w = k3 % V;
    const v = h % V;
    const c = tri.get(k3)!;
    triLogp[i] = Math.log(Math.max(c - disc(D3, c), 0) / ctx3.get(h)!.total + gamma3(h) * p2of(v, w));
  });
  const biBow = new Float32Array(biKeys.length);
  biKeys.forEach((k2, i) => {
    biBow[i] = ctx3.has(k2) ? Math.log(gamma3(k2)) : 0;
  });

  return { vocab, uniLogp, uniBow, biKeys, biLogp, biBow, triKeys, triLogp };
}

/**
 * The letter parts of the document codes a text cites ("34/BC-PGDĐT" → BC, PGDĐT; "12/2024/NĐ-CP"
 * → NĐ, CP): abbreviations of two letters at least, in capitals but for a few (TTg, CTrPH).
 */
export function codePartsCited(text: string): string[] {
  const parts: string[] = [];
  for (const m of text.matchAll(/\b\d+(?:\/\d{4})?\/[\p{L}\d&./-]*\p{Lu}[\p{L}\d&./-]*/gu)) {
    for (const part of m[0].match(/\p{L}+/gu) ?? []) {
      if (part.length >= 2 && /^\p{Lu}/u.test(part) && part.replace(/\p{Ll}/gu, '').length >= part.length - 2) parts.push(part);
    }
  }
  return parts;
}
