/**
 * Vietnamese letters, tone marks and tokenisation. Every function takes and returns NFC text.
 */

/** The five tone marks as combining characters (NFD), in tone order sắc, huyền, hỏi, ngã, nặng. */
export const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const TONE_RE = /[\u0301\u0300\u0309\u0303\u0323]/g;

export function nfc(text: string): string {
  return text.normalize('NFC');
}

const BASE = new Map<string, string>();

/** Remove every diacritic (tones and vowel marks) and map đ→d: "Đắk Lắk" → "Dak Lak". */
export function stripDiacritics(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch < '\u00c0') {
      out += ch;
      continue;
    }
    let base = BASE.get(ch);
    if (base === undefined) {
      base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
      BASE.set(ch, base);
    }
    out += base;
  }
  return out.normalize('NFC');
}

/** Remove only the tone mark: "hoạch" → "hoach", "được" → "đươc". */
export function stripTone(text: string): string {
  return text.normalize('NFD').replace(TONE_RE, '').normalize('NFC');
}

/** Tone index 0 (ngang) … 5 (nặng) of a syllable. */
export function toneOf(syllable: string): number {
  const m = syllable.normalize('NFD').match(TONE_RE);
  if (!m) return 0;
  return TONE_MARKS.indexOf(m[0] as (typeof TONE_MARKS)[number]) + 1;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
export function isLetterOrDigit(ch: string): boolean {
  return LETTER_OR_DIGIT.test(ch);
}

/**
 * Tokens for measuring accuracy (DESIGN.md): split on every character that is not a letter or
 * digit; NFC, lower case, tone position ignored (hóa = hoá) by normalising to one style.
 */
export function measureTokens(text: string, normaliseTone: (s: string) => string = (s) => s): string[] {
  return nfc(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map(normaliseTone);
}

/** A piece of a line: a word-like token (letters, digits, and joined codes) or the text between. */
export interface Piece {
  text: string;
  start: number; // 0-based offset in the line
  word: boolean;
}

/** Split a line into alternating word and separator pieces; concatenating them gives the line back. */
export function splitPieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  const re = /\S+/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) pieces.push({ text: line.slice(last, m.index), start: last, word: false });
    pieces.push({ text: m[0], start: m.index, word: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) pieces.push({ text: line.slice(last), start: last, word: false });
  return pieces;
}
