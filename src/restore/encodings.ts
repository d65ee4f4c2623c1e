/**
 * Input hygiene for bytes and strings: decode UTF-8/UTF-16 (with or without BOM) or fall back
 * to Windows-1258; detect text in legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII) shown
 * through a Latin code page and convert it; finally NFC. The legacy tables are in
 * `legacy-tables.ts`.
 */
import { normalizeInputText } from '../text/normalize.ts';
import { convertLegacyVietnamese } from './legacy.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni' | 'viscii';

export function decodeTextBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  let text: string;
  let encoding: TextEncoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1258').decode(bytes);
      encoding = 'windows-1258';
    }
  }
  const legacy = convertLegacyVietnamese(text, encoding === 'windows-1258' ? bytes : undefined);
  if (legacy) return { text: normalizeInputText(legacy.text), encoding: legacy.encoding };
  return { text: normalizeInputText(text), encoding };
}
