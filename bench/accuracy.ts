/**
 * Syllable accuracy as DESIGN.md defines it: tokens split on every character that is not a letter
 * or digit, compared in NFC lower case with the tone mark's position ignored (hóa = hoá), the
 * restored tokens aligned to the gold tokens of the same line by edit distance; accuracy = gold
 * tokens matched / gold tokens. Lines whose gold is `[NOISE]` are skipped.
 */
import { canonicalTone, isValidSyllable } from '../src/restore/syllables.ts';
import { stripDiacritics } from '../src/text/vietnamese.ts';

export function tokensOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => canonicalTone(t, 'classic'));
}

/** For each gold token, the index of the equal hypothesis token aligned to it, or -1. */
export function alignMatches(gold: string[], hyp: string[]): { matched: boolean[]; alignedTo: number[] } {
  const n = gold.length;
  const m = hyp.length;
  const d = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = 0; i <= n; i++) d[i][0] = i;
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      d[i][j] = Math.min(d[i - 1][j - 1] + (gold[i - 1] === hyp[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
  const matched = new Array<boolean>(n).fill(false);
  const alignedTo = new Array<number>(n).fill(-1);
  for (let i = n, j = m; i > 0 || j > 0; ) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + (gold[i - 1] === hyp[j - 1] ? 0 : 1)) {
      matched[i - 1] = gold[i - 1] === hyp[j - 1];
      alignedTo[i - 1] = j - 1;
      i--;
      j--;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) i--;
    else j--;
  }
  return { matched, alignedTo };
}

export type ErrorKind = 'diacritics' | 'letters' | 'abbreviation' | 'number' | 'split/merge/missing';

export interface AccuracyReport {
  goldTokens: number;
  matched: number;
  rawMatched: number;
  fixed: number;
  broken: number;
  errors: Record<ErrorKind, number>;
  /** The most frequent (gold → output) mistakes, for reading. */
  confusions: Map<string, number>;
  /** The same, for the syllables the input had right and the output got wrong. */
  brokenConfusions: Map<string, number>;
}

export function emptyReport(): AccuracyReport {
  return {
    goldTokens: 0,
    matched: 0,
    rawMatched: 0,
    fixed: 0,
    broken: 0,
    errors: { diacritics: 0, letters: 0, abbreviation: 0, number: 0, 'split/merge/missing': 0 },
    confusions: new Map(),
    brokenConfusions: new Map(),
  };
}

/** Line-aligned comparison of input (raw OCR), output (restored) and gold. */
export function scoreLines(input: string[], output: string[], gold: string[], report = emptyReport()): AccuracyReport {
  for (let k = 0; k < gold.length; k++) {
    if (gold[k].trim() === '[NOISE]') continue;
    const g = tokensOf(gold[k]);
    if (!g.length) continue;
    const raw = alignMatches(g, tokensOf(input[k] ?? ''));
    const outTokens = tokensOf(output[k] ?? '');
    const out = alignMatches(g, outTokens);
    report.goldTokens += g.length;
    g.forEach((tok, i) => {
      if (out.matched[i]) report.matched++;
      if (raw.matched[i]) report.rawMatched++;
      if (out.matched[i] && !raw.matched[i]) report.fixed++;
      if (!out.matched[i] && raw.matched[i]) report.broken++;
      if (out.matched[i]) return;
      const o = out.alignedTo[i] >= 0 ? outTokens[out.alignedTo[i]] : null;
      let kind: ErrorKind;
      if (o === null) kind = 'split/merge/missing';
      else if (/\d/.test(tok)) kind = 'number';
      else if (stripDiacritics(o) === stripDiacritics(tok)) kind = 'diacritics';
      else if (!isValidSyllable(tok)) kind = 'abbreviation';
      else kind = 'letters';
      report.errors[kind]++;
      const key = `${tok} → ${o ?? '∅'}`;
      report.confusions.set(key, (report.confusions.get(key) ?? 0) + 1);
      if (raw.matched[i]) report.brokenConfusions.set(key, (report.brokenConfusions.get(key) ?? 0) + 1);
    });
  }
  return report;
}

export const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) + '%' : 'n/a');
