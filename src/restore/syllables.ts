/**
 * The Vietnamese syllable: spelling rules, tone placement and the inventory of valid syllables.
 *
 * A written syllable is onset + rhyme + tone. The inventory is generated from the rules
 * (c/k/q, g/gh, ng/ngh, gi, qu; stop finals c/ch/p/t take only sắc or nặng) and is later checked
 * against attested word lists by the dictionary build. Tone placement is canonicalised: both
 * styles are read, one is written — "classic" (hòa, thủy, khỏe; what most administrative
 * documents use) or "modern" (hoà, thuỷ, khoẻ).
 */

export type ToneStyle = 'classic' | 'modern';

/** Combining tone marks, tone 1..5: sắc, huyền, hỏi, ngã, nặng. */
const TONE_CHARS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const TONE_RE = /[\u0301\u0300\u0309\u0303\u0323]/;

export const ONSETS = [
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x',
];

/**
 * Rhymes (untoned), including the medial glide o/u. Written as after an ordinary onset:
 * "iê…" becomes "yê…" without onset, and "uyê…" keeps its y.
 */
export const RHYMES = (
  'a ai ao au ay am an ang anh ac ach ap at ' +
  'ăm ăn ăng ăc ăp ăt ' +
  'âu ây âm ân âng âc âp ât ' +
  'e eo em en eng ec ep et ' +
  'ê êu êm ên ênh êch êp êt ' +
  'i ia iu im in inh ich ip it ' +
  'iêu iêm iên iêng iêc iêp iêt ' +
  'o oi om on ong oc op ot oong ooc ' +
  'oa oai oao oay oam oan oang oanh oac oach oap oat ' +
  'oăm oăn oăng oăc oăt ' +
  'oe oeo oen oet oem ' +
  'ô ôi ôm ôn ông ôc ôp ôt ' +
  'ơ ơi ơm ơn ơp ơt ' +
  'u ua ui um un ung uc up ut ' +
  'uân uâng uât uây ' +
  'uê uêch uênh uơ ' +
  'uy uya uych uyn uynh uyp uyt uyu uyên uyêt ' +
  'uôi uôm uôn uông uôc uôt ' +
  'ư ưa ưi ưu ưm ưn ưng ưc ưt ' +
  'ươi ươu ươm ươn ương ươc ươp ươt ' +
  'y'
).split(' ');
const RHYME_SET = new Set(RHYMES);

const STOP_FINALS = /(c|ch|p|t)$/;
const FRONT = /^[eêiy]/; // rhymes after which c→k, g→gh, ng→ngh

/** Is onset + rhyme a legal spelling (before the tone)? */
function legalPair(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme) || rhyme.startsWith('iê');
  const glide = /^(o[aăe]|u[âêyơ])/.test(rhyme); // medial o/u
  switch (onset) {
    case 'c':
      return !front && !glide;
    case 'k':
      return front;
    case 'g':
    case 'ng':
      return !front;
    case 'gh':
    case 'ngh':
      return front && !rhyme.startsWith('y');
    case 'qu':
      // qu + a, ă, â, e, ê, i, y, ơ (qua, quân, que, quê, quy, quyên, quơ), and quốc.
      return /^(a|ă|â|e|ê|i|y|ơ)/.test(rhyme) && !rhyme.startsWith('ia') || rhyme === 'ôc';
    case 'gi':
      return !rhyme.startsWith('y') && !glide;
    case '':
      return true;
    default:
      if (rhyme === 'y') return /^(h|k|l|m|n|s|t|v|qu)$/.test(onset);
      return true;
  }
}

/** The written forms of onset + rhyme (untoned): applies the gi, qu and yê spelling changes. */
function spell(onset: string, rhyme: string): string[] {
  if (!legalPair(onset, rhyme)) return [];
  if (onset === 'qu') {
    // qu + iê… and qu + i… are written with y (quyết, quyền, quỳnh, quý); quí, quít keep i too.
    if (rhyme.startsWith('iê')) return ['quy' + rhyme.slice(1)];
    if (rhyme.startsWith('i')) return ['quy' + rhyme.slice(1), 'qu' + rhyme];
    return ['qu' + rhyme];
  }
  if (onset === 'gi') {
    if (rhyme === 'i') return ['gi'];
    if (rhyme.startsWith('iê')) return ['gi' + rhyme.slice(1)]; // giêng
    if (rhyme.startsWith('i')) return ['g' + rhyme]; // gìn, gịt
    return ['gi' + rhyme];
  }
  if (onset === '' && rhyme.startsWith('iê')) return ['y' + rhyme.slice(1)]; // yên, yêu
  return [onset + rhyme];
}

const VOWELS = 'aăâeêioôơuưy';
const MARKED = 'ăâêôơư';

/** Index (in `s`, untoned, lower case) of the vowel that carries the tone mark. */
function toneIndex(s: string, style: ToneStyle): number {
  let start = 0;
  if (s.startsWith('qu')) start = 2;
  else if (s.startsWith('gi') && s.length > 2 && VOWELS.includes(s[2])) start = 2;
  let end = start;
  while (end < s.length && !VOWELS.includes(s[end])) end++;
  const vStart = end;
  while (end < s.length && VOWELS.includes(s[end])) end++;
  const vEnd = end;
  if (vStart === vEnd) {
    // "gi" alone (gì), or a vowel-less string: mark the i of gi.
    return s.startsWith('gi') ? 1 : -1;
  }
  const cluster = s.slice(vStart, vEnd);
  const hasFinal = vEnd < s.length;
  // A vowel with its own mark takes the tone (ơ of ươ, ê of iê/yê/uyê, ô of uô, â of uâ).
  for (let i = cluster.length - 1; i >= 0; i--) if (MARKED.includes(cluster[i])) return vStart + i;
  if (cluster.length === 1) return vStart;
  if (hasFinal) return vEnd - 1;
  if (cluster.length === 3) return vStart + 1;
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return style === 'modern' ? vStart + 1 : vStart;
  return vStart;
}

/** Put tone 0..5 on an untoned lower-case syllable. */
export function placeTone(untoned: string, tone: number, style: ToneStyle = 'classic'): string {
  if (tone === 0) return untoned;
  const i = toneIndex(untoned, style);
  if (i < 0) return untoned;
  return (untoned.slice(0, i + 1) + TONE_CHARS[tone] + untoned.slice(i + 1)).normalize('NFC');
}

const splitCache = new Map<string, { untoned: string; tone: number }>();

/** Split a syllable (any case, any tone style) into its untoned lower-case form and tone. */
export function splitTone(syllable: string): { untoned: string; tone: number } {
  let hit = splitCache.get(syllable);
  if (!hit) {
    hit = splitToneUncached(syllable);
    if (splitCache.size > 200_000) splitCache.clear();
    splitCache.set(syllable, hit);
  }
  return hit;
}

function splitToneUncached(syllable: string): { untoned: string; tone: number } {
  const d = syllable.toLowerCase().normalize('NFD');
  const m = d.match(TONE_RE);
  const tone = m ? TONE_CHARS.indexOf(m[0]) : 0;
  return { untoned: d.replace(new RegExp(TONE_RE.source, 'g'), '').normalize('NFC'), tone };
}

export interface ParsedSyllable {
  onset: string;
  rhyme: string;
  tone: number;
}

/** Untoned written form → its onset and rhyme, for every legal spelling. */
const SPELLINGS = new Map<string, { onset: string; rhyme: string }>();
for (const onset of ONSETS) {
  for (const rhyme of RHYMES) {
    for (const written of spell(onset, rhyme)) if (!SPELLINGS.has(written)) SPELLINGS.set(written, { onset, rhyme });
  }
}

/** Parse a written syllable; null when it breaks the spelling rules. */
export function parseSyllable(syllable: string): ParsedSyllable | null {
  const { untoned, tone } = splitTone(syllable);
  const parts = SPELLINGS.get(untoned);
  if (!parts) return null;
  if (STOP_FINALS.test(parts.rhyme) && tone !== 1 && tone !== 5) return null;
  // A tone mark must sit where one of the two styles puts it (hòa, hoà), not anywhere.
  if (tone && syllable.toLowerCase().normalize('NFC') !== placeTone(untoned, tone, 'classic') &&
      syllable.toLowerCase().normalize('NFC') !== placeTone(untoned, tone, 'modern')) return null;
  return { ...parts, tone };
}

const validCache = new Map<string, boolean>();

export function isValidSyllable(syllable: string): boolean {
  let ok = validCache.get(syllable);
  if (ok === undefined) {
    ok = parseSyllable(syllable) !== null;
    if (validCache.size > 200_000) validCache.clear();
    validCache.set(syllable, ok);
  }
  return ok;
}

const canonicalCache = { classic: new Map<string, string>(), modern: new Map<string, string>() };

/** Rewrite a syllable's tone mark in the chosen style, keeping its case pattern. */
export function canonicalTone(syllable: string, style: ToneStyle): string {
  const cache = canonicalCache[style];
  let out = cache.get(syllable);
  if (out === undefined) {
    out = canonicalToneUncached(syllable, style);
    if (cache.size > 200_000) cache.clear();
    cache.set(syllable, out);
  }
  return out;
}

function canonicalToneUncached(syllable: string, style: ToneStyle): string {
  const { untoned, tone } = splitTone(syllable);
  if (tone === 0) return syllable.normalize('NFC');
  const lower = placeTone(untoned, tone, style);
  return applyCase(syllable, lower);
}

export type CasePattern = 'upper' | 'title' | 'lower';
const caseCache = new Map<string, CasePattern>();

/** The case pattern of a token's letters: UPPER (two or more letters, all capitals), Title, lower. */
export function casePattern(token: string): CasePattern {
  // A token of ASCII letters (most of text without marks) is read off its character codes.
  let upper = 0;
  let k = 0;
  for (; k < token.length; k++) {
    const ch = token.charCodeAt(k);
    if (ch >= 65 && ch <= 90) upper++;
    else if (ch < 97 || ch > 122) break;
  }
  if (k === token.length && k > 0) {
    if (upper === k && k > 1) return 'upper';
    const first = token.charCodeAt(0);
    return first >= 65 && first <= 90 ? 'title' : 'lower';
  }
  let c = caseCache.get(token);
  if (c === undefined) {
    const letters = token.replace(/[^\p{L}]/gu, '');
    const first = letters[0];
    c =
      letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
        ? 'upper'
        : first && first === first.toUpperCase() && first !== first.toLowerCase()
          ? 'title'
          : 'lower';
    if (caseCache.size > 200_000) caseCache.clear();
    caseCache.set(token, c);
  }
  return c;
}

/** Give `lower` the case pattern of `model` (UPPER, Title or lower). */
export function applyCase(model: string, lower: string): string {
  return inCase(casePattern(model), lower);
}

/** Write `lower` in a case pattern. */
export function inCase(pattern: CasePattern, lower: string): string {
  if (pattern === 'upper') return lower.toUpperCase();
  if (pattern === 'title') return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}

/** Every syllable the spelling rules allow, in the classic tone style (about 18k). */
export function generateInventory(style: ToneStyle = 'classic'): string[] {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rhyme of RHYMES) {
      const tones = STOP_FINALS.test(rhyme) ? [1, 5] : [0, 1, 2, 3, 4, 5];
      for (const untoned of spell(onset, rhyme)) for (const t of tones) out.add(placeTone(untoned, t, style));
    }
  }
  return [...out].sort();
}
