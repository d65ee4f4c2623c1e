/**
 * Legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII): detection and conversion.
 *
 * Text in these 8-bit encodings reaches us in two forms:
 * - raw bytes (a file that is not valid UTF-8): `bytes` is given and decoded with the tables;
 * - already shown through a Latin code page (windows-1252/1258, latin-1) and saved as Unicode,
 *   typically text copied out of an old Word file ("Uû ban nh©n d©n", "UÛy ban nhaân daân"):
 *   every character is mapped back to its byte first.
 *
 * Detection is statistical and conservative. For each encoding the text is converted and every
 * word (run between spaces) that changes is judged before and after with a Vietnamese syllable
 * check (onset + rime + tone rules, `isVietnameseSyllable`). The encoding is accepted only if
 * the conversion repairs several words (invalid → valid), spoils few, leaves ≥ 80 % of the
 * converted words valid, touches a good share of all words, and accounts for ≥ 80 % of the
 * non-ASCII characters. A line holding Unicode-only Vietnamese letters (ạ ế ữ …, NFD marks) is
 * never converted, nor a line the conversion makes worse; a line where it is a tie follows its
 * neighbours. Output is NFC.
 */
import type { TextEncoding } from './encodings.ts';
import {
  TCVN3_TO_UNICODE,
  TCVN3_VN1_EXTRA,
  VISCII_TO_UNICODE,
  VNI_LETTERS,
  VNI_MARKS,
  WINDOWS_1252_80_9F,
} from './legacy-tables.ts';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viscii';
const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni', 'viscii'];

// ---------------------------------------------------------------------------------------------
// Characters back to bytes: the union of latin-1, windows-1252 and windows-1258 (no character
// has two different bytes in them).

const CHAR_TO_BYTE = new Map<string, number>();
/** Windows-1252 view of each byte (see WINDOWS_1252_80_9F for why not TextDecoder). */
const CP1252_CHARS: string[] = [];
{
  const cp1258 = new TextDecoder('windows-1258');
  for (let b = 0; b < 256; b++) {
    const latin1 = String.fromCharCode(b);
    const w1252 = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_80_9F[b - 0x80] : latin1;
    CP1252_CHARS.push(w1252);
    for (const ch of [latin1, w1252, cp1258.decode(new Uint8Array([b]))]) {
      if (!CHAR_TO_BYTE.has(ch)) CHAR_TO_BYTE.set(ch, b);
    }
  }
}

/** Bytes shown through Windows-1252, as a Word document or a Western editor would show them. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += CP1252_CHARS[b];
  return s;
}

/** Non-ASCII, or a C0 control that VISCII or TCVN 5712 VN1 uses for a capital letter. */
// eslint-disable-next-line no-control-regex
const LEGACY_CANDIDATE = /[^\x00-\x7F]|[\x01\x02\x04-\x06\x11-\x17\x19\x1E]/;

/** A line whose non-ASCII characters are all Vietnamese letters or common punctuation. */
const PLAUSIBLE_UNICODE_LINE =
  /^[\x00-\x7F\u00A0\u00AB\u00B0\u00BB\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026àáâãèéêìíòóôõùúýăđơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐƠƯ]*$/;

/**
 * Letters only Unicode text has: â ă ê ô ơ ư with a tone (ấ ề ợ ự …) and the NFD marks of
 * â ă ơ. A line holding one is left as it is. (Letters such as ỷ or ạ are not in the list: a
 * windows-1258 view of TCVN3 that was NFC-normalised makes them from "y" + U+0309.)
 */
const UNICODE_ONLY_VIETNAMESE = new RegExp(
  '[\u0302\u0306\u031B' +
    Array.from({ length: 0x1efa - 0x1ea0 }, (_, k) => String.fromCharCode(0x1ea0 + k))
      .filter((ch) => /[\u0302\u0306\u031B]/.test(ch.normalize('NFD')))
      .join('') +
    ']',
);

/**
 * A unit is one byte (b ≥ 0) with the character it came from, or a character with no byte
 * (b = -1). `fallback` is what a byte the legacy table does not map stands for.
 */
interface Units {
  bytes: number[];
  chars: string[];
  fallback: string[];
}

function unitsFromText(line: string): Units {
  const bytes: number[] = [];
  const chars: string[] = [];
  for (const ch of line) {
    const b = CHAR_TO_BYTE.get(ch);
    if (b !== undefined) {
      bytes.push(b);
      chars.push(ch);
      continue;
    }
    // windows-1258 text that was NFC-normalised: "n" + U+0301 became "ń". Split it again.
    const parts = [...ch.normalize('NFD')];
    if (parts.length > 1 && parts.every((p) => CHAR_TO_BYTE.has(p))) {
      for (const p of parts) {
        bytes.push(CHAR_TO_BYTE.get(p)!);
        chars.push(p);
      }
      continue;
    }
    bytes.push(-1);
    chars.push(ch);
  }
  return { bytes, chars, fallback: chars };
}

/** `line` is the windows-1258 decoding of `bytes` (one UTF-16 unit per byte). */
function unitsFromBytes(bytes: Uint8Array, line: string): Units {
  const out: number[] = [];
  const chars: string[] = [];
  const fallback: string[] = [];
  bytes.forEach((b, k) => {
    out.push(b);
    chars.push(line[k]);
    fallback.push(CP1252_CHARS[b]);
  });
  return { bytes: out, chars, fallback };
}

// ---------------------------------------------------------------------------------------------
// Decoders (units → Unicode, not yet NFC).

function decodeTcvn3(u: Units, start: number, end: number, vn1: ReadonlySet<number> | null): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = u.bytes[i];
    const t = b >= 0 ? TCVN3_TO_UNICODE[b] : undefined;
    if (t !== undefined) s += t;
    else if (vn1 && vn1.has(i)) s += TCVN3_VN1_EXTRA[b];
    else s += u.fallback[i];
  }
  return s;
}

function decodeViscii(u: Units, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = u.bytes[i];
    const t = b >= 0 ? VISCII_TO_UNICODE[b] : undefined;
    s += t ?? u.fallback[i];
  }
  return s;
}

const VNI_TONE_BASES = new Set(['a', 'e', 'o', 'u', 'y', 'ơ', 'ư']);
const VNI_CIRCUMFLEX_BASES = new Set(['a', 'e', 'o']);

/** The combining marks of a VNI mark byte if they fit on `prev` (the last decoded character). */
function vniMarksFor(prev: string, b: number): string | undefined {
  const marks = VNI_MARKS[b];
  if (marks === undefined || prev === '') return undefined;
  const base = prev.toLowerCase();
  if (base.length !== 1) return undefined;
  if (marks.startsWith('\u0302')) return VNI_CIRCUMFLEX_BASES.has(base) ? marks : undefined;
  if (marks.startsWith('\u0306')) return base === 'a' ? marks : undefined;
  return VNI_TONE_BASES.has(base) ? marks : undefined;
}

/** `explained`, if given, receives the positions of bytes read as VNI letters or marks. */
function decodeVni(u: Units, start: number, end: number, explained?: Set<number>): string {
  let s = '';
  let prev = ''; // last character that may still take a mark byte
  for (let i = start; i < end; i++) {
    const b = u.bytes[i];
    const marks = b >= 0 ? vniMarksFor(prev, b) : undefined;
    if (marks !== undefined) {
      s += marks;
      prev = '';
      explained?.add(i);
      continue;
    }
    const letter = b >= 0 ? VNI_LETTERS[b] : undefined;
    if (letter !== undefined) explained?.add(i);
    const ch = letter ?? u.fallback[i];
    s += ch;
    prev = ch;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable check.

const TONE_OF: Readonly<Record<string, number>> = { '\u0301': 1, '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };
// Longest first, so that "ngh" is tried before "ng" (every parse is tried anyway).
const ONSETS = [
  'ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'ch',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];
const OPEN_RIMES = [
  'a', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'e', 'eo', 'ê', 'êu', 'i', 'ia', 'iu', 'iêu', 'o', 'oa', 'oai', 'oao', 'oay',
  'oe', 'oeo', 'oi', 'ô', 'ôi', 'ơ', 'ơi', 'u', 'ua', 'uây', 'uê', 'ui', 'uôi', 'uơ', 'ươi', 'ươu', 'ưa', 'ưi', 'ưu', 'ư',
  'uy', 'uya', 'uyu', 'y', 'yêu',
];
const CLOSED_RIMES: Readonly<Record<string, string>> = {
  a: 'c ch m n ng nh p t', ă: 'c m n ng p t', â: 'c m n ng p t', e: 'c m n ng p t', ê: 'ch m n nh p t',
  i: 'ch m n nh p t', o: 'c m n ng p t', ô: 'c m n ng p t', ơ: 'm n p t', u: 'c m n ng p t', ư: 'c m n ng t',
  iê: 'c m n ng p t', yê: 'c m n ng p t', uô: 'c m n ng t', ươ: 'c m n ng p t', oa: 'c ch m n ng nh p t',
  oă: 'c m n ng t', oe: 'n t', uâ: 'n ng t', uê: 'ch n nh', uy: 'ch n nh p t', uyê: 'n t', oo: 'c ng',
};
/** rime → true if it ends in a stop (c ch p t), which only takes the sắc or nặng tone. */
const RIMES = new Map<string, boolean>();
for (const r of OPEN_RIMES) RIMES.set(r, false);
for (const [nucleus, codas] of Object.entries(CLOSED_RIMES)) {
  for (const coda of codas.split(' ')) RIMES.set(nucleus + coda, ['c', 'ch', 'p', 't'].includes(coda));
}

function onsetFits(onset: string, rime: string): boolean {
  const first = rime[0];
  const front = first === 'i' || first === 'e' || first === 'ê' || first === 'y';
  switch (onset) {
    case 'k': return front;
    case 'c': return !front;
    case 'gh': case 'ngh': return first === 'i' || first === 'e' || first === 'ê';
    case 'g': return first !== 'e' && first !== 'ê' && first !== 'y';
    case 'ng': return !front;
    case 'qu': return first !== 'u' && first !== 'o' && first !== 'ô' && first !== 'ơ';
    case 'gi': return first !== 'i';
    default: return true;
  }
}

const syllableCache = new Map<string, boolean>();

/**
 * Whether `word` (letters only, any case pattern but no capital after a small letter) is a
 * possible Vietnamese syllable: onset + rime from the orthography, at most one tone mark, and
 * only sắc/nặng on a rime closed by c, ch, p or t.
 */
export function isVietnameseSyllable(word: string): boolean {
  const cached = syllableCache.get(word);
  if (cached !== undefined) return cached;
  const ok = checkSyllable(word);
  if (syllableCache.size > 50_000) syllableCache.clear();
  syllableCache.set(word, ok);
  return ok;
}

function checkSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 8) return false;
  // Case: all small, all capital, or one capital then small letters.
  const rest = word.slice(1);
  const lower = word.toLowerCase();
  const title = word[0] === word[0].toUpperCase() && rest === rest.toLowerCase();
  if (word !== lower && word !== word.toUpperCase() && !title) return false;
  const nfd = lower.normalize('NFD');
  let tone = 0;
  let base = '';
  let prev = '';
  for (const ch of nfd) {
    const t = TONE_OF[ch];
    if (t !== undefined) {
      // One tone, on a vowel: "ǹi" (n + grave) is not a syllable.
      if (tone !== 0 || !/[aeiouy\u0302\u0306\u031B]/.test(prev)) return false;
      tone = t;
    } else base += ch;
    prev = ch;
  }
  if (/\p{M}/u.test(word.normalize('NFC'))) return false; // a mark on no vowel: "c̀ua"
  base = base.normalize('NFC');
  if (!/^[abcdeghiklmnopqrstuvxyđăâêôơư]+$/.test(base)) return false;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rime = base.slice(onset.length);
    const stop = RIMES.get(rime);
    if (stop === undefined || !onsetFits(onset, rime)) continue;
    if (stop && tone !== 0 && tone !== 1 && tone !== 5) continue;
    if (stop && tone === 0) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Scoring.

/** Non-ASCII characters that are ordinary punctuation in any text (not evidence either way). */
const NEUTRAL = /[\u00A0\u00AB\u00BB\u00B0\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC\u2122]/u;
const WORD_RE = /[\p{L}\p{M}]+/gu;
const LETTER = /[\p{L}\p{M}]/u;
const ASCII_UPPER = /[A-Z]/;
const DIGIT = /\p{N}/u;
const ASCII_LOWER = /[a-z]/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;

interface Score {
  good: number; // words with a non-ASCII letter that are valid syllables
  bad: number; // words with a non-ASCII letter that are not, and stray non-ASCII symbols
}

const scoreCache = new Map<string, Score>();

/** `lone`: also count a one-letter word at the start ("ở", "Ý"); too weak for detection. */
function scoreChunk(chunk: string, lone = false): Score {
  const key = (lone ? '1' : '0') + chunk;
  const hit = scoreCache.get(key);
  if (hit) return { ...hit };
  const score = computeScore(chunk, lone);
  if (scoreCache.size > 50_000) scoreCache.clear();
  scoreCache.set(key, score);
  return { ...score };
}

function computeScore(chunk: string, lone: boolean): Score {
  let good = 0;
  let bad = 0;
  for (const m of chunk.matchAll(WORD_RE)) {
    const w = m[0].normalize('NFC');
    if (!NON_ASCII.test(w)) continue;
    const end = m.index + m[0].length;
    // A Vietnamese word never touches a digit: "2Ừ", "ị.150" are symbols read as letters.
    if (DIGIT.test(chunk[m.index - 1] ?? '') || DIGIT.test(chunk[end] ?? '')) {
      bad++;
      continue;
    }
    if (isVietnameseSyllable(w)) {
      if ([...w].length > 1 || (lone && m.index === 0)) good++;
    } else if (!(w.length >= 2 && w === w.toUpperCase() && ASCII_UPPER.test(w) && !/\p{M}/u.test(w))) {
      bad++; // (capital abbreviations such as QĐ, HĐND are neither)
    }
  }
  const chars = [...chunk];
  chars.forEach((ch, k) => {
    if (LETTER.test(ch)) return;
    const code = ch.charCodeAt(0);
    // A symbol between two letters ("THƯ™NG") is a letter that failed to convert.
    const inside = k > 0 && k < chars.length - 1 && LETTER.test(chars[k - 1]) && LETTER.test(chars[k + 1]);
    if ((code > 0x7f && (inside || !NEUTRAL.test(ch))) || (code < 0x20 && code !== 0x09)) bad++;
  });
  return { good, bad };
}

/**
 * TCVN3 upper case: the .VnTimeH fonts draw the lower-case bytes as capitals, so "HO¹CH" is
 * "HOẠCH". A word with a small Vietnamese letter, no ASCII small letter and either two ASCII
 * capitals or an ASCII capital after the small letter ("ñY") is put in capitals (`evidence`).
 */
function tcvn3CapitalWords(chunk: string): { text: string; evidence: boolean } {
  let evidence = false;
  const text = chunk.replace(WORD_RE, (w) => {
    let upper = 0;
    let lowerAscii = false;
    let lowerOther = false;
    let capitalAfterSmall = false;
    for (const ch of w) {
      if (ASCII_UPPER.test(ch)) {
        upper++;
        if (lowerOther) capitalAfterSmall = true;
      } else if (ASCII_LOWER.test(ch)) lowerAscii = true;
      else if (ch !== ch.toUpperCase()) lowerOther = true;
    }
    if (!lowerAscii && lowerOther && (upper >= 2 || capitalAfterSmall)) {
      evidence = true;
      return w.toUpperCase();
    }
    return w;
  });
  return { text, evidence };
}

/** How the changed chunks (words between spaces) of a line fared in the conversion. */
interface Moves {
  fixed: number; // invalid (or symbols) before, all valid syllables after
  kept: number; // valid before and after
  broken: number; // valid before, not after
  junk: number; // invalid before and after
}

interface LineResult {
  text: string; // converted line (NFC)
  moves: Moves;
  orig: Score;
  conv: Score;
  changed: boolean;
  legacyChars: number; // non-ASCII input characters the encoding reads as letters or marks
  nonAscii: number;
  words: number; // chunks with a letter or a non-ASCII character
  changedWords: number;
}

const NO_UNITS: ReadonlySet<number> = new Set();
const isSpaceByte = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);

function convertLine(u: Units, origLine: string, enc: LegacyEncoding): LineResult {
  const n = u.bytes.length;
  const conv: Score = { good: 0, bad: 0 };
  const orig: Score = { good: 0, bad: 0 };
  let out = '';
  let changed = false;
  const moves: Moves = { fixed: 0, kept: 0, broken: 0, junk: 0 };
  let words = 0;
  let changedWords = 0;
  let legacyChars = 0;
  let capitalEvidence = false;
  let i = 0;
  while (i < n) {
    // Whitespace is ASCII in all three encodings, so chunks of the input and output match.
    if (isSpaceByte(u.bytes[i])) {
      out += u.chars[i];
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isSpaceByte(u.bytes[j])) j++;
    const before = u.chars.slice(i, j).join('').normalize('NFC');
    let after: string;
    let vn1: ReadonlySet<number> = NO_UNITS;
    const vniBytes = new Set<number>();
    if (enc === 'tcvn3') {
      ({ text: after, vn1 } = bestTcvn3Chunk(u, i, j));
      const caps = tcvn3CapitalWords(after);
      after = caps.text;
      capitalEvidence ||= caps.evidence;
    }
    else if (enc === 'vni') after = decodeVni(u, i, j, vniBytes).normalize('NFC');
    else after = decodeViscii(u, i, j).normalize('NFC');
    // Non-ASCII input the encoding accounts for (as a letter or mark, changed or not).
    for (let k = i; k < j; k++) {
      const b = u.bytes[k];
      if (b < 0x80) continue;
      const read =
        enc === 'tcvn3'
          ? TCVN3_TO_UNICODE[b] !== undefined || vn1.has(k)
          : enc === 'viscii'
            ? VISCII_TO_UNICODE[b] !== undefined
            : vniBytes.has(k);
      if (read) legacyChars++;
    }
    if (/[\p{L}]|[^\x00-\x7F]/u.test(before)) words++;
    if (after !== before) {
      changed = true;
      changedWords++;
      const o = scoreChunk(before);
      const c = scoreChunk(after);
      add(orig, o);
      add(conv, c);
      const origOk = o.bad === 0 && o.good > 0;
      const convOk = c.bad === 0 && c.good > 0;
      if (convOk && !origOk) moves.fixed++;
      else if (convOk) moves.kept++;
      else if (origOk) moves.broken++;
      else moves.junk++;
    }
    out += after;
    i = j;
  }
  let nonAscii = 0;
  for (const ch of origLine) if (ch.charCodeAt(0) > 0x7f) nonAscii++;
  // A TCVN3 line with capital words and no ASCII small letter is a .VnTimeH line: "X· EA KAR".
  if (capitalEvidence && !ASCII_LOWER.test(out) && out !== out.toUpperCase()) {
    out = out.toUpperCase();
    const recount = scoreLineChanged(out, origLine);
    conv.good = recount.good;
    conv.bad = recount.bad;
  }
  return { text: out.normalize('NFC'), moves, orig, conv, changed, legacyChars, nonAscii, words, changedWords };
}

/** Score of the chunks of `line` that differ from the same chunks of `origLine`. */
function scoreLineChanged(line: string, origLine: string): Score {
  const a = line.split(/[\t\n\v\f\r ]/);
  const b = origLine.normalize('NFC').split(/[\t\n\v\f\r ]/);
  const s: Score = { good: 0, bad: 0 };
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) add(s, scoreChunk(a[k]));
  return s;
}

/** TCVN3 chunk: VN1-only bytes (C0, 0x80–0x9F, 0xB0–0xB4) are used only where they help. */
function bestTcvn3Chunk(u: Units, start: number, end: number): { text: string; vn1: ReadonlySet<number> } {
  const positions: number[] = [];
  for (let k = start; k < end; k++) {
    const b = u.bytes[k];
    if (b >= 0 && TCVN3_TO_UNICODE[b] === undefined && TCVN3_VN1_EXTRA[b] !== undefined) positions.push(k);
  }
  let best = decodeTcvn3(u, start, end, null).normalize('NFC');
  let bestSet: ReadonlySet<number> = NO_UNITS;
  // Nothing to try, or a chunk of punctuation only (a lone "–" stays a dash, not VN1 "Ọ").
  const punctuation = (ch: string): boolean => (ch < '\x80' ? ch >= ' ' && !LETTER.test(ch) : NEUTRAL.test(ch));
  if (positions.length === 0 || [...best].every(punctuation)) {
    return { text: best, vn1: bestSet };
  }
  let bestScore = scoreChunk(best, true);
  const subsets = positions.length <= 4 ? 1 << positions.length : 2;
  for (let mask = 1; mask < subsets; mask++) {
    const chosen = new Set<number>();
    positions.forEach((p, k) => {
      if (positions.length > 4 || mask & (1 << k)) chosen.add(p);
    });
    const cand = decodeTcvn3(u, start, end, chosen).normalize('NFC');
    const score = scoreChunk(cand, true);
    // Only for a better word: "25°C" keeps its degree sign, "žy" becomes "Ủy".
    if (score.good - score.bad > bestScore.good - bestScore.bad && score.good >= bestScore.good) {
      best = cand;
      bestScore = score;
      bestSet = chosen;
    }
  }
  return { text: best, vn1: bestSet };
}

function add(a: Score, b: Score): void {
  a.good += b.good;
  a.bad += b.bad;
}

interface Tally extends Moves {
  cg: number;
  cb: number;
  legacy: number;
  nonAscii: number;
  words: number;
  changed: number;
}

function tally(results: (LineResult | null)[], keep: (r: LineResult) => boolean): Tally {
  const t: Tally = { cg: 0, cb: 0, legacy: 0, nonAscii: 0, words: 0, changed: 0, fixed: 0, kept: 0, broken: 0, junk: 0 };
  for (const r of results) {
    if (!r || (r.changed && !keep(r))) continue;
    t.nonAscii += r.nonAscii;
    t.legacy += r.legacyChars;
    t.words += r.words;
    t.changed += r.changedWords;
    t.cg += r.conv.good;
    t.cb += r.conv.bad;
    t.fixed += r.moves.fixed;
    t.kept += r.moves.kept;
    t.broken += r.moves.broken;
    t.junk += r.moves.junk;
  }
  return t;
}

/** The evidence rule; `minFixed` repaired words at least (3 on the whole text). */
function accepted(t: Tally, minFixed: number): boolean {
  const noise = t.broken + t.junk;
  return (
    t.cb * 4 <= t.cg && // ≥ 80 % of the converted words are valid syllables
    t.legacy * 5 >= t.nonAscii * 4 && // the encoding accounts for ≥ 80 % of non-ASCII
    // Most Vietnamese words carry marks; OCR text that lost them changes in few places.
    t.changed * 4 >= t.words &&
    // Several words repaired and few spoiled; or two repaired words and nothing else.
    ((t.fixed >= minFixed && t.fixed >= 2 * noise && t.fixed >= t.kept) ||
      (minFixed <= 3 &&
        t.fixed === 2 &&
        noise === 0 &&
        t.kept === 0 &&
        t.cb === 0 &&
        t.legacy >= t.nonAscii &&
        t.changed * 2 >= t.words))
  );
}

// ---------------------------------------------------------------------------------------------
// Entry point.

/**
 * Detect text in TCVN3, VNI or VISCII and convert it to Unicode NFC. `text` is the input as
 * decoded so far (UTF-8, or windows-1258 when UTF-8 failed); `bytes` the raw bytes in the
 * latter case. Null when the text is not (confidently) in a legacy encoding.
 */
export function convertLegacyVietnamese(
  text: string,
  bytes?: Uint8Array,
): { text: string; encoding: TextEncoding } | null {
  if (!LEGACY_CANDIDATE.test(text) && !(bytes && bytes.some((b) => b >= 0x80))) return null;
  const lines = text.split('\n');
  const useBytes = bytes !== undefined && bytes.length === text.length;
  const units: (Units | null)[] = [];
  let offset = 0;
  for (const line of lines) {
    if (UNICODE_ONLY_VIETNAMESE.test(line) || !LEGACY_CANDIDATE.test(line)) units.push(null);
    else if (useBytes) units.push(unitsFromBytes(bytes.subarray(offset, offset + line.length), line));
    else units.push(unitsFromText(line));
    offset += line.length + 1;
  }

  let best: { enc: LegacyEncoding; results: (LineResult | null)[]; value: number } | null = null;
  for (const enc of LEGACY_ENCODINGS) {
    const results = units.map((u, k) => (u ? convertLine(u, lines[k], enc) : null));
    // All lines, and only the lines the conversion does not make worse (a legacy paragraph
    // pasted into a Unicode document).
    const all = tally(results, () => true);
    const leaning = tally(results, (r) => r.conv.good - r.conv.bad >= r.orig.good - r.orig.bad);
    const score = (t: Tally, minFixed: number): number => (accepted(t, minFixed) ? t.fixed - t.broken - t.junk : -1);
    const value = Math.max(score(all, 3), score(leaning, 6));
    if (value < 0) continue;
    if (!best || value > best.value) best = { enc, results, value };
  }
  if (!best) return null;

  // Each line: convert (better), keep (worse, or Unicode-only letters), tie, or nothing to do.
  const state = lines.map((_, k): 'convert' | 'keep' | 'tie' | 'none' => {
    const r = best.results[k];
    if (!r) return units[k] === null && LEGACY_CANDIDATE.test(lines[k]) ? 'keep' : 'none';
    if (!r.changed) return 'none';
    const before = r.orig.good - r.orig.bad;
    const after = r.conv.good - r.conv.bad;
    return after > before ? 'convert' : after < before ? 'keep' : 'tie';
  });
  // A tie follows the nearest decided lines: legacy text comes in whole paragraphs. Between a
  // converted and a kept line, a line that reads as Unicode Vietnamese stays as it is.
  const nearest = (k: number, step: number): string => {
    for (let i = k + step; i >= 0 && i < lines.length; i += step) {
      if (state[i] === 'convert' || state[i] === 'keep') return state[i];
    }
    return 'none';
  };
  const out = lines.map((line, k) => {
    const r = best.results[k];
    if (!r || state[k] === 'none' || state[k] === 'keep') return line;
    if (state[k] === 'convert') return r.text;
    const around = [nearest(k, -1), nearest(k, 1)];
    if (!around.includes('keep')) return r.text;
    if (!around.includes('convert')) return line;
    return PLAUSIBLE_UNICODE_LINE.test(line) ? line : r.text;
  });
  const result = out.join('\n').normalize('NFC');
  if (result === text.normalize('NFC')) return null;
  return { text: result, encoding: best.enc };
}

/**
 * Decode bytes known to be in `encoding`, without detection (NFC). TCVN3 is read as the full
 * TCVN 5712 VN1 (as iconv does), so bytes 0x80–0x9F are capitals, not Windows punctuation.
 */
export function decodeLegacyBytes(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const u = unitsFromBytes(bytes, decodeWindows1252(bytes));
  const all = new Set<number>();
  for (let k = 0; k < u.bytes.length; k++) if (TCVN3_VN1_EXTRA[u.bytes[k]] !== undefined) all.add(k);
  const n = u.bytes.length;
  const text =
    encoding === 'tcvn3' ? decodeTcvn3(u, 0, n, all) : encoding === 'vni' ? decodeVni(u, 0, n) : decodeViscii(u, 0, n);
  return text.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Encoders (the inverse tables), used by the tests and to make fixtures.

let tcvn3Inverse: Map<string, number> | null = null;
let tcvn3AbcInverse: Map<string, number> | null = null;
let visciiInverse: Map<string, number> | null = null;
let vniInverse: Map<string, number[]> | null = null;

function invert(...tables: Readonly<Record<number, string>>[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tables) {
    for (const [k, v] of Object.entries(t)) if (!m.has(v)) m.set(v, Number(k));
  }
  return m;
}

function vniTable(): Map<string, number[]> {
  if (vniInverse) return vniInverse;
  const m = new Map<string, number[]>();
  for (const [k, v] of Object.entries(VNI_LETTERS)) m.set(v, [Number(k)]);
  const bases: [string, number][] = [
    ['a', 0x61], ['e', 0x65], ['o', 0x6f], ['u', 0x75], ['y', 0x79], ['ơ', 0xf4], ['ư', 0xf6],
    ['A', 0x41], ['E', 0x45], ['O', 0x4f], ['U', 0x55], ['Y', 0x59], ['Ơ', 0xd4], ['Ư', 0xd6],
  ];
  for (const [base, bb] of bases) {
    const upper = base !== base.toLowerCase();
    for (const [k, marks] of Object.entries(VNI_MARKS)) {
      const mb = Number(k);
      if ((mb < 0xe0) !== upper) continue; // upper-case mark bytes after capitals
      if (vniMarksFor(base, mb) === undefined) continue;
      const ch = (base + marks).normalize('NFC');
      if ([...ch].length === 1 && !m.has(ch)) m.set(ch, [bb, mb]);
    }
  }
  vniInverse = m;
  return m;
}

/**
 * Encode NFC Vietnamese text in a legacy encoding. `tcvn3Style`: 'vn1' writes every capital
 * with its TCVN 5712 VN1 byte; 'abc' writes toned capitals with the small letter's byte, as
 * ABC does for the .VnTimeH fonts. Throws on a character the encoding cannot hold.
 */
export function encodeLegacyVietnamese(
  text: string,
  encoding: LegacyEncoding,
  tcvn3Style: 'vn1' | 'abc' = 'vn1',
): Uint8Array {
  const out: number[] = [];
  const nfc = text.normalize('NFC');
  for (const ch of nfc) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    let bytes: number[] | undefined;
    if (encoding === 'tcvn3') {
      if (tcvn3Style === 'vn1') {
        tcvn3Inverse ??= invert(TCVN3_TO_UNICODE, TCVN3_VN1_EXTRA);
        const b = tcvn3Inverse.get(ch);
        if (b !== undefined) bytes = [b];
      } else {
        // ABC: Ă Â Ê Ô Ơ Ư Đ have their own bytes; other capitals use the small letter's byte.
        tcvn3AbcInverse ??= invert(TCVN3_TO_UNICODE);
        const own = 'ĂÂÊÔƠƯĐ'.includes(ch) || ch === ch.toLowerCase();
        const b = tcvn3AbcInverse.get(own ? ch : ch.toLowerCase());
        if (b !== undefined) bytes = [b];
      }
      // Windows punctuation (“ ” – …) keeps its byte where VN3 has no letter.
      const p = CHAR_TO_BYTE.get(ch);
      if (!bytes && p !== undefined && TCVN3_TO_UNICODE[p] === undefined) bytes = [p];
    } else if (encoding === 'viscii') {
      visciiInverse ??= invert(VISCII_TO_UNICODE);
      const b = visciiInverse.get(ch);
      if (b !== undefined) bytes = [b];
    } else {
      bytes = vniTable().get(ch);
      if (!bytes && CHAR_TO_BYTE.has(ch)) {
        const b = CHAR_TO_BYTE.get(ch)!;
        if (VNI_LETTERS[b] === undefined && VNI_MARKS[b] === undefined) bytes = [b];
      }
    }
    if (!bytes) throw new Error(`cannot encode ${JSON.stringify(ch)} in ${encoding}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
