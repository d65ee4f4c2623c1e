import { describe, expect, it } from 'vitest';
import { canonicalTone, generateInventory, isValidSyllable, parseSyllable, placeTone, splitTone } from '../src/restore/syllables.ts';

describe('syllable inventory from the spelling rules', () => {
  const inventory = new Set(generateInventory());

  it('holds common syllables and has the expected size', () => {
    for (const s of ['kế', 'hoạch', 'của', 'được', 'quyết', 'định', 'nghiệp', 'người', 'giêng', 'gìn', 'yên', 'khuỷu', 'thuở', 'quốc']) {
      expect(inventory.has(s), s).toBe(true);
    }
    expect(inventory.size).toBeGreaterThan(12000);
    expect(inventory.size).toBeLessThan(25000);
  });

  it('applies c/k/q, g/gh and ng/ngh before front vowels', () => {
    expect(isValidSyllable('kinh')).toBe(true);
    expect(isValidSyllable('cinh')).toBe(false);
    expect(isValidSyllable('cá')).toBe(true);
    expect(isValidSyllable('ká')).toBe(false);
    expect(isValidSyllable('ghế')).toBe(true);
    expect(isValidSyllable('gế')).toBe(false);
    expect(isValidSyllable('nghiệp')).toBe(true);
    expect(isValidSyllable('ngiệp')).toBe(false);
    expect(isValidSyllable('ngà')).toBe(true);
    expect(isValidSyllable('nghà')).toBe(false);
  });

  it('lets stop finals (c, ch, p, t) take only sắc or nặng', () => {
    expect(isValidSyllable('học')).toBe(true);
    expect(isValidSyllable('hóc')).toBe(true);
    expect(isValidSyllable('hòc')).toBe(false);
    expect(isValidSyllable('hoc')).toBe(false);
    expect(isValidSyllable('thiết')).toBe(true);
    expect(isValidSyllable('thiễt')).toBe(false);
  });

  it('rejects foreign words and abbreviations', () => {
    for (const w of ['ubnd', 'online', 'kuin', 'tthc', 'and']) expect(isValidSyllable(w), w).toBe(false);
  });

  it('parses onset, rhyme and tone', () => {
    expect(parseSyllable('quyết')).toEqual({ onset: 'qu', rhyme: 'iêt', tone: 1 });
    expect(parseSyllable('giêng')).toEqual({ onset: 'gi', rhyme: 'iêng', tone: 0 });
    expect(splitTone('Hoạch')).toEqual({ untoned: 'hoach', tone: 5 });
  });
});

describe('tone placement styles', () => {
  it('reads both styles and writes the chosen one', () => {
    expect(isValidSyllable('hòa')).toBe(true);
    expect(isValidSyllable('hoà')).toBe(true);
    expect(canonicalTone('hoà', 'classic')).toBe('hòa');
    expect(canonicalTone('hòa', 'modern')).toBe('hoà');
    expect(canonicalTone('Thuỷ', 'classic')).toBe('Thủy');
    expect(canonicalTone('KHỎE', 'modern')).toBe('KHOẺ');
  });

  it('puts the mark on the marked vowel or before a final consonant in both styles', () => {
    expect(placeTone('hoan', 2, 'classic')).toBe('hoàn');
    expect(placeTone('hoan', 2, 'modern')).toBe('hoàn');
    expect(placeTone('nguyên', 4, 'classic')).toBe('nguyễn');
    expect(placeTone('ươu', 5, 'classic')).toBe('ượu');
    expect(placeTone('mua', 1, 'classic')).toBe('múa');
    expect(placeTone('qua', 3, 'classic')).toBe('quả');
  });

  it('keeps the output NFC', () => {
    const out = canonicalTone('hoà'.normalize('NFD'), 'classic');
    expect(out).toBe(out.normalize('NFC'));
  });
});
