/**
 * tesseract's page result → lines of positioned words (src/layout's input), with the specks that
 * tesseract reads as marks or foreign letters dropped. Runs in the OCR process (ocr-worker.ts),
 * so that only the words cross to the host.
 */
import type Tesseract from 'tesseract.js';
import type { RawLine, RawWord } from '../layout/types.ts';
import type { OcrPageResult } from './pool.ts';

/** Letters of Vietnamese writing (NFC): the Latin alphabet, đ, and the vowels with their marks. */
const VIETNAMESE_LETTER =
  /[a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]/u;

/** A letter that Vietnamese writing never uses (ñ, ç, ü, Ÿ…): on a Vietnamese page, a misread speck. */
const isForeignLetter = (ch: string) => /\p{L}/u.test(ch) && !VIETNAMESE_LETTER.test(ch);

/**
 * Specks, rule and seal remnants come out as lone marks ('|', '.', ':', '‘') or as a mark glued
 * to the front of a word ('.1', "'Trần"): tesseract attaches real punctuation to the end of the
 * word it follows, so a word made only of such marks, or such a mark leading a word, is noise.
 * So is, in a word read with low confidence, a letter that Vietnamese never uses standing alone
 * or leading the word (`đất ñ`, `ŸY tế`). Dashes and plus signs stay: they open list items.
 */
export function cleanWord(text: string, confidence: number): string {
  if (/^[.,'`‘’"“”:;|!^~_]+$/u.test(text)) return '';
  if (!/[\p{L}\p{N}]/u.test(text) && confidence < 0.6 && !/^[-–+•*]$/u.test(text)) return '';
  let out = text.replace(/^[.,'`‘’]+(?=[\p{L}\p{N}])/u, '');
  if (confidence < 0.6) {
    const chars = [...out];
    if (chars.length === 1 && isForeignLetter(chars[0])) return '';
    if (chars.length > 1 && isForeignLetter(chars[0]) && /[\p{L}\p{N}]/u.test(chars[1])) out = chars.slice(1).join('');
  }
  return out;
}

/** tesseract's blocks → paragraphs → lines → words, flattened to lines of positioned words. */
export function toLines(page: Tesseract.Page): OcrPageResult {
  const lines: RawLine[] = [];
  let sum = 0;
  let count = 0;
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const l of para.lines) {
        const words: RawWord[] = [];
        for (const w of l.words) {
          const confidence = Math.max(0, Math.min(1, w.confidence / 100));
          const text = cleanWord(w.text.normalize('NFC').trim(), confidence);
          if (!text) continue;
          words.push({
            text,
            confidence,
            bbox: { ...w.bbox },
            symbols: w.symbols.map((s) => ({ text: s.text.normalize('NFC'), bbox: { ...s.bbox } })),
          });
          sum += confidence;
          count++;
        }
        if (words.length) lines.push({ words });
      }
    }
  }
  return { lines, confidence: count ? sum / count : null };
}
