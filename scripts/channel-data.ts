/**
 * Estimating the channel model from aligned (intended, observed) token pairs: character
 * alignments by edit distance, counted, turned into −ln P(observed | intended) with add-k
 * smoothing; Tesseract's `vie.unicharambigs` rules enter as a prior (pseudo-counts).
 */
import type { ChannelData } from '../src/restore/channel.ts';
import { decompose } from '../src/restore/channel.ts';
import type { FoldTable } from '../src/restore/candidates.ts';
import { isValidSyllable } from '../src/restore/syllables.ts';

export interface ChannelBuildInput {
  unicharambigs: string;
  /** TSV files: intended token \t observed token, one aligned pair per line. */
  pairFiles: string[];
}

type Op = { i: string; o: string }; // i or o may be '' (deletion / insertion); up to 2 chars each

/** Character alignment of intended → observed, diacritic-aware unit costs. */
export function alignChars(intended: string, observed: string): Op[] {
  const I = [...intended];
  const O = [...observed];
  const n = I.length;
  const m = O.length;
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  const sub = (a: string, b: string) => {
    if (a === b) return 0;
    if (a.toLowerCase() === b.toLowerCase()) return 0.2;
    return decompose(a).base === decompose(b).base ? 0.5 : 1;
  };
  for (let i = 1; i <= n; i++) d[i][0] = i;
  for (let j = 1; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      d[i][j] = Math.min(d[i - 1][j - 1] + sub(I[i - 1], O[j - 1]), d[i - 1][j] + 1, d[i][j - 1] + 1);
  const ops: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + sub(I[i - 1], O[j - 1])) {
      ops.push({ i: I[i - 1], o: O[j - 1] });
      i--;
      j--;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
      ops.push({ i: I[i - 1], o: '' });
      i--;
    } else {
      ops.push({ i: '', o: O[j - 1] });
      j--;
    }
  }
  return ops.reverse();
}

export function buildChannel(input: ChannelBuildInput): ChannelData & { fold: FoldTable; foldMulti: FoldTable; learnedFrom: number } {
  const subCount = new Map<string, number>();
  const multiCount = new Map<string, number>();
  const charTotal = new Map<string, number>();
  const segTotal = new Map<string, number>();
  let delTotal = 0;
  let insTotal = 0;
  let opsTotal = 0;
  const add = (m: Map<string, number>, k: string, c = 1) => m.set(k, (m.get(k) ?? 0) + c);

  let learnedFrom = 0;
  // Whole-token readings: what OCR printed for each intended word, when the print is no word.
  const wordCount = new Map<string, number>();
  const readingCount = new Map<string, number>();
  for (const file of input.pairFiles) {
    for (const line of file.split('\n')) {
      const [intended, observed] = line.split('\t');
      if (!intended || observed === undefined || intended.length > 12 || observed.length > 14) continue;
      learnedFrom++;
      const lowerIntended = intended.toLowerCase();
      add(wordCount, lowerIntended);
      if (observed && observed.toLowerCase() !== lowerIntended && isValidSyllable(lowerIntended) && !isValidSyllable(observed.toLowerCase())) add(readingCount, `${lowerIntended}\t${observed}`);
      const ops = alignChars(intended, observed);
      for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        opsTotal++;
        if (op.i) add(charTotal, op.i);
        if (op.i && op.o) add(subCount, `${op.i}\t${op.o}`);
        else if (op.i) delTotal++;
        else insTotal++;
        // Segment confusions: one intended char printed as two (a substitution with an inserted
        // character beside it), or two printed as one. An insertion joins the neighbour that is
        // itself wrong ("của" → "ctia": ủ → ti, not c → ct).
        const nx = ops[k + 1];
        const pv = ops[k - 1];
        const wrong = (o?: Op) => !!o && !!o.i && !!o.o && o.i !== o.o;
        if (!op.i && op.o) {
          if (wrong(nx) && !wrong(pv)) add(multiCount, `${nx!.i}\t${op.o}${nx!.o}`);
          else if (pv && pv.i && pv.o) add(multiCount, `${pv.i}\t${pv.o}${op.o}`);
        }
        if (nx && op.i && op.o && nx.i && !nx.o) add(multiCount, `${op.i}${nx.i}\t${op.o}`);
        if (nx && op.i && nx.i) add(segTotal, op.i + nx.i);
      }
    }
  }

  // Prior: Tesseract's ambiguity rules (observed → intended), worth a few pseudo-observations each.
  const PRIOR = 3;
  for (const line of input.unicharambigs.split('\n')) {
    const f = line.split('\t');
    if (f.length < 5) continue;
    const observed = f[1].split(' ').join('');
    const intended = f[3].split(' ').join('');
    if (!observed || !intended) continue;
    if ([...observed].length === 1 && [...intended].length === 1) add(subCount, `${intended}\t${observed}`, PRIOR);
    else if ([...observed].length <= 3 && [...intended].length <= 2) add(multiCount, `${intended}\t${observed}`, PRIOR);
    add(charTotal, intended, PRIOR);
  }

  const cost = (count: number, total: number) => Math.min(8, -Math.log((count + 0.1) / (total + 2)));
  const sub: Record<string, number> = {};
  for (const [k, c] of subCount) {
    const [i, o] = k.split('\t');
    if (i === o) continue;
    sub[k] = round(cost(c, charTotal.get(i) ?? c));
  }
  const multi: Record<string, number> = {};
  for (const [k, c] of multiCount) {
    if (c < 2) continue;
    const [i] = k.split('\t');
    const total = [...i].length === 1 ? (charTotal.get(i) ?? c) : (segTotal.get(i) ?? c) + PRIOR;
    multi[k] = round(cost(c, total) + 0.3);
  }
  const learned = opsTotal > 1000;
  const del: Record<string, number> = { '*': learned ? round(Math.max(2, cost(delTotal, opsTotal))) : 3 };
  const ins: Record<string, number> = { '*': learned ? round(Math.max(2, cost(insTotal, opsTotal))) : 3 };
  // Marks that OCR commonly emits alone around letters are cheap to insert.
  for (const ch of ["'", '`', '´', '’', '‘', ',', '.', '^', '~', '"']) ins[ch] = Math.min(ins['*'], 1.5);

  // Observed character → skeleton letters it may stand for (for candidate lookup).
  const fold: FoldTable = {};
  for (const [k, c] of Object.entries(sub)) {
    const [i, o] = k.split('\t');
    const bi = decompose(i).base;
    const bo = decompose(o).base;
    if (!/[a-z]/.test(bi) || bi === bo) continue;
    const isLetter = /^[a-zđ]$/.test(o.toLowerCase());
    // Letters rarely stand for other letters; digits and symbols in a word stand for something.
    if (c > (isLetter ? 3 : 7.5)) continue;
    const key = o.toLowerCase();
    fold[key] ??= [];
    const letter = i.toLowerCase() === 'đ' ? 'd' : bi;
    if (!fold[key].includes(letter)) fold[key].push(letter);
  }

  // Observed segments of two or three characters that stand for one letter ("ir" for ứ, "rn" for m).
  const foldMulti: Record<string, string[]> = {};
  for (const [k, c] of Object.entries(multi)) {
    const [i, o] = k.split('\t');
    if ([...i].length !== 1 || [...o].length < 2 || c > 6) continue;
    const base = i.toLowerCase() === 'đ' ? 'd' : decompose(i).base;
    if (!/[a-z]/.test(base)) continue;
    const key = o.toLowerCase();
    foldMulti[key] ??= [];
    if (!foldMulti[key].includes(base)) foldMulti[key].push(base);
  }

  // −ln P(observed | intended) for prints seen at least twice (once may be a one-off speck).
  const words: Record<string, [string, number][]> = {};
  for (const [k, c] of [...readingCount].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (c < 2) continue;
    const [intended, observed] = k.split('\t');
    (words[observed] ??= []).push([intended, round(-Math.log(c / (wordCount.get(intended)! + 1)))]);
  }

  return {
    sub,
    multi,
    foldMulti,
    words,
    del,
    ins,
    diacritic: { toneLost: 1.2, toneWrong: 1.8, toneAdded: 2.2, markLost: 1.2, markWrong: 1.8, markAdded: 2.2 },
    unseenSub: 4.5,
    fold,
    learnedFrom,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
