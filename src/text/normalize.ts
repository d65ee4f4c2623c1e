/**
 * Input hygiene for text entering sohoa: Unicode NFC (from NFD or mixed), soft hyphens and
 * zero-width characters removed, a leading byte-order mark dropped. Legacy 8-bit Vietnamese
 * encodings are handled in `src/restore/encodings.ts`, which calls this afterwards.
 */
export function normalizeInputText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .normalize('NFC');
}
