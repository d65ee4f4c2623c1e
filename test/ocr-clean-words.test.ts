import { describe, expect, it } from 'vitest';
import { cleanWord } from '../src/ocr/pool.ts';

describe('cleanWord: OCR noise dropped from words, Vietnamese kept', () => {
  it('drops lone marks and marks glued to the front of a word', () => {
    expect(cleanWord('|', 0.9)).toBe('');
    expect(cleanWord("'Trần", 0.9)).toBe('Trần');
    expect(cleanWord('-', 0.3)).toBe('-');
  });

  it('drops a letter Vietnamese never uses, alone or leading a low-confidence word', () => {
    expect(cleanWord('ñ', 0.41)).toBe('');
    expect(cleanWord('ŸY', 0.29)).toBe('Y');
  });

  it('keeps Vietnamese letters and confident words', () => {
    expect(cleanWord('ữ', 0.3)).toBe('ữ');
    expect(cleanWord('Ỹ', 0.3)).toBe('Ỹ');
    expect(cleanWord('đ', 0.2)).toBe('đ');
    expect(cleanWord('ñ', 0.9)).toBe('ñ');
  });
});
