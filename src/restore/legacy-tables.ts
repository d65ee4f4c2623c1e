/**
 * Byte tables for the legacy Vietnamese 8-bit encodings handled by `legacy.ts`: TCVN3 (ABC,
 * TCVN 5712:1993, fonts .VnTime/.VnTimeH), VNI (VNI-Windows, fonts VNI-Times) and VISCII
 * (RFC 1456). Values are Unicode NFC; data only, no logic.
 *
 * Sources, each table checked entry by entry against at least two of them:
 * - TCVN3 / TCVN 5712 VN1:
 *   - GNU libiconv `lib/tcvn.h` (tables tcvn_2uni_1, tcvn_2uni_2), as mirrored at
 *     github.com/koron/libiconv; XFree86 `xc/lib/X11/lcUniConv/tcvn.h` has the same tables;
 *   - glibc iconv charset `TCVN5712-1` (iconvdata/tcvn5712-1.c), dumped byte by byte;
 *   - the VN3 (ABC) lists of two Vietnamese converters, github.com/duydev/vietnamese-conversion
 *     (`src/charsets.ts`) and github.com/khiemdoan/VBKey (`Modules/mdlCodeTable.bas`,
 *     TCVN3_TABLE): they agree with libiconv/glibc on every small letter and on Ă Â Ê Ô Ơ Ư Đ,
 *     and write toned capitals with the small letter's byte (the .VnTimeH fonts draw capitals).
 * - VISCII: GNU libiconv `lib/viscii.h` and glibc iconv `VISCII` (identical); VBKey's
 *   VISCII_TABLE agrees except that it writes the capitals VISCII keeps in C0 (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ)
 *   and Õ with small-letter bytes.
 * - VNI-Windows: duydev/vietnamese-conversion (`src/charsets.ts`, VNI list),
 *   github.com/lamdao/xvnkb (`vni.h`) and VBKey (VNI_WINDOWS_TABLE): all three agree.
 * - Windows-1252: the Unicode Consortium mapping CP1252.TXT (as in Python's cp1252 codec).
 * test/fixtures/legacy/ holds a sample encoded by glibc iconv (TCVN5712-1, VISCII), which the
 * tests decode with these tables.
 */

/**
 * TCVN3 (VN3, what ABC and the .VnTime fonts use) for bytes 0xA1–0xFF. The slots VN3 leaves
 * empty (0xAF, 0xBA, 0xBF, 0xC0–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF) carry the VN1
 * upper-case letters of TCVN 5712 (as in libiconv/glibc). 0xA0 stays a no-break space.
 */
export const TCVN3_TO_UNICODE: Readonly<Record<number, string>> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ', 0xa8: 'ă',
  0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ', 0xaf: 'Ằ', 0xb5: 'à',
  0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ', 0xba: 'Ẳ', 0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ',
  0xbe: 'ắ', 0xbf: 'Ẵ', 0xc0: 'Ắ', 0xc1: 'Ầ', 0xc2: 'Ẩ', 0xc3: 'Ẫ', 0xc4: 'Ấ', 0xc5: 'Ề',
  0xc6: 'ặ', 0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ', 0xcc: 'è', 0xcd: 'Ể',
  0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ', 0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế',
  0xd6: 'ệ', 0xd7: 'ì', 0xd8: 'ỉ', 0xd9: 'Ễ', 0xda: 'Ế', 0xdb: 'Ồ', 0xdc: 'ĩ', 0xdd: 'í',
  0xde: 'ị', 0xdf: 'ò', 0xe0: 'Ổ', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ', 0xe5: 'ồ',
  0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ', 0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ',
  0xee: 'ợ', 0xef: 'ù', 0xf0: 'Ỗ', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ', 0xf5: 'ừ',
  0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự', 0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý',
  0xfe: 'ỵ', 0xff: 'Ố',
};

/**
 * The rest of TCVN 5712 VN1 (libiconv/glibc): upper-case toned letters in C0 and 0x80–0x9F and
 * the five combining tone marks at 0xB0–0xB4. ABC documents (VN3) normally keep Windows
 * punctuation (“ ” – …) and ° ± ² ³ ´ in these slots, so `legacy.ts` uses this table only
 * for a word that becomes a valid Vietnamese syllable with it and not without it.
 */
export const TCVN3_VN1_EXTRA: Readonly<Record<number, string>> = {
  0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ', 0x11: 'Ứ', 0x12: 'Ự', 0x13: 'Ỳ',
  0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ', 0x80: 'À', 0x81: 'Ả', 0x82: 'Ã', 0x83: 'Á',
  0x84: 'Ạ', 0x85: 'Ặ', 0x86: 'Ậ', 0x87: 'È', 0x88: 'Ẻ', 0x89: 'Ẽ', 0x8a: 'É', 0x8b: 'Ẹ',
  0x8c: 'Ệ', 0x8d: 'Ì', 0x8e: 'Ỉ', 0x8f: 'Ĩ', 0x90: 'Í', 0x91: 'Ị', 0x92: 'Ò', 0x93: 'Ỏ',
  0x94: 'Õ', 0x95: 'Ó', 0x96: 'Ọ', 0x97: 'Ộ', 0x98: 'Ờ', 0x99: 'Ở', 0x9a: 'Ỡ', 0x9b: 'Ớ',
  0x9c: 'Ợ', 0x9d: 'Ù', 0x9e: 'Ủ', 0x9f: 'Ũ', 0xb0: '\u0300', 0xb1: '\u0309', 0xb2: '\u0303', 0xb3: '\u0301',
  0xb4: '\u0323',
};

/** VISCII 1.1 (RFC 1456): the six C0 slots it uses and every byte 0x80–0xFF. */
export const VISCII_TO_UNICODE: Readonly<Record<number, string>> = {
  0x02: 'Ẳ', 0x05: 'Ẵ', 0x06: 'Ẫ', 0x14: 'Ỷ', 0x19: 'Ỹ', 0x1e: 'Ỵ', 0x80: 'Ạ', 0x81: 'Ắ',
  0x82: 'Ằ', 0x83: 'Ặ', 0x84: 'Ấ', 0x85: 'Ầ', 0x86: 'Ẩ', 0x87: 'Ậ', 0x88: 'Ẽ', 0x89: 'Ẹ',
  0x8a: 'Ế', 0x8b: 'Ề', 0x8c: 'Ể', 0x8d: 'Ễ', 0x8e: 'Ệ', 0x8f: 'Ố', 0x90: 'Ồ', 0x91: 'Ổ',
  0x92: 'Ỗ', 0x93: 'Ộ', 0x94: 'Ợ', 0x95: 'Ớ', 0x96: 'Ờ', 0x97: 'Ở', 0x98: 'Ị', 0x99: 'Ỏ',
  0x9a: 'Ọ', 0x9b: 'Ỉ', 0x9c: 'Ủ', 0x9d: 'Ũ', 0x9e: 'Ụ', 0x9f: 'Ỳ', 0xa0: 'Õ', 0xa1: 'ắ',
  0xa2: 'ằ', 0xa3: 'ặ', 0xa4: 'ấ', 0xa5: 'ầ', 0xa6: 'ẩ', 0xa7: 'ậ', 0xa8: 'ẽ', 0xa9: 'ẹ',
  0xaa: 'ế', 0xab: 'ề', 0xac: 'ể', 0xad: 'ễ', 0xae: 'ệ', 0xaf: 'ố', 0xb0: 'ồ', 0xb1: 'ổ',
  0xb2: 'ỗ', 0xb3: 'Ỡ', 0xb4: 'Ơ', 0xb5: 'ộ', 0xb6: 'ờ', 0xb7: 'ở', 0xb8: 'ị', 0xb9: 'Ự',
  0xba: 'Ứ', 0xbb: 'Ừ', 0xbc: 'Ử', 0xbd: 'ơ', 0xbe: 'ớ', 0xbf: 'Ư', 0xc0: 'À', 0xc1: 'Á',
  0xc2: 'Â', 0xc3: 'Ã', 0xc4: 'Ả', 0xc5: 'Ă', 0xc6: 'ẳ', 0xc7: 'ẵ', 0xc8: 'È', 0xc9: 'É',
  0xca: 'Ê', 0xcb: 'Ẻ', 0xcc: 'Ì', 0xcd: 'Í', 0xce: 'Ĩ', 0xcf: 'ỳ', 0xd0: 'Đ', 0xd1: 'ứ',
  0xd2: 'Ò', 0xd3: 'Ó', 0xd4: 'Ô', 0xd5: 'ạ', 0xd6: 'ỷ', 0xd7: 'ừ', 0xd8: 'ử', 0xd9: 'Ù',
  0xda: 'Ú', 0xdb: 'ỹ', 0xdc: 'ỵ', 0xdd: 'Ý', 0xde: 'ỡ', 0xdf: 'ư', 0xe0: 'à', 0xe1: 'á',
  0xe2: 'â', 0xe3: 'ã', 0xe4: 'ả', 0xe5: 'ă', 0xe6: 'ữ', 0xe7: 'ẫ', 0xe8: 'è', 0xe9: 'é',
  0xea: 'ê', 0xeb: 'ẻ', 0xec: 'ì', 0xed: 'í', 0xee: 'ĩ', 0xef: 'ỉ', 0xf0: 'đ', 0xf1: 'ự',
  0xf2: 'ò', 0xf3: 'ó', 0xf4: 'ô', 0xf5: 'õ', 0xf6: 'ỏ', 0xf7: 'ọ', 0xf8: 'ụ', 0xf9: 'ù',
  0xfa: 'ú', 0xfb: 'ũ', 0xfc: 'ủ', 0xfd: 'ý', 0xfe: 'ợ', 0xff: 'Ữ',
};

/**
 * VNI-Windows letters that stand alone (one byte, no mark byte): ơ ư đ and the i/ỵ forms.
 * (í ì Í Ì are the same bytes as in Windows-1252 and need no entry.)
 */
export const VNI_LETTERS: Readonly<Record<number, string>> = {
  0xf4: 'ơ', 0xd4: 'Ơ', 0xf6: 'ư', 0xd6: 'Ư', 0xf1: 'đ', 0xd1: 'Đ',
  0xe6: 'ỉ', 0xc6: 'Ỉ', 0xf3: 'ĩ', 0xd3: 'Ĩ', 0xf2: 'ị', 0xd2: 'Ị', 0xee: 'ỵ', 0xce: 'Ỵ',
  0xed: 'í', 0xcd: 'Í', 0xec: 'ì', 0xcc: 'Ì',
};

/** Combining marks (NFD order) carried by a VNI mark byte. */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';

/**
 * VNI-Windows mark bytes: written after the base vowel (a e o u y, ơ ư), lower-case and
 * upper-case forms (the upper-case form follows an upper-case vowel). "aù" = á, "aâ" = â,
 * "aá" = ấ, "aê" = ă, "aé" = ắ, "ôù" = ớ.
 */
export const VNI_MARKS: Readonly<Record<number, string>> = {
  // tone marks
  0xf9: ACUTE, 0xd9: ACUTE, 0xf8: GRAVE, 0xd8: GRAVE, 0xfb: HOOK, 0xdb: HOOK,
  0xf5: TILDE, 0xd5: TILDE, 0xef: DOT, 0xcf: DOT,
  // circumflex, alone or with a tone
  0xe2: CIRC, 0xc2: CIRC, 0xe1: CIRC + ACUTE, 0xc1: CIRC + ACUTE, 0xe0: CIRC + GRAVE, 0xc0: CIRC + GRAVE,
  0xe5: CIRC + HOOK, 0xc5: CIRC + HOOK, 0xe3: CIRC + TILDE, 0xc3: CIRC + TILDE, 0xe4: CIRC + DOT, 0xc4: CIRC + DOT,
  // breve, alone or with a tone
  0xea: BREVE, 0xca: BREVE, 0xe9: BREVE + ACUTE, 0xc9: BREVE + ACUTE, 0xe8: BREVE + GRAVE, 0xc8: BREVE + GRAVE,
  0xfa: BREVE + HOOK, 0xda: BREVE + HOOK, 0xfc: BREVE + TILDE, 0xdc: BREVE + TILDE, 0xeb: BREVE + DOT, 0xcb: BREVE + DOT,
};

/**
 * Windows-1252 bytes 0x80–0x9F (0xA0–0xFF are latin-1). Node's TextDecoder('windows-1252')
 * decodes these as latin-1 C1 controls, so the table is given here. The five bytes the code
 * page leaves undefined stay C1 controls, as in the WHATWG encoding standard.
 */
export const WINDOWS_1252_80_9F: readonly string[] = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡',
  'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—',
  '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];
