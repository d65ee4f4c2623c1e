import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  convertLegacyVietnamese,
  decodeLegacyBytes,
  decodeWindows1252,
  encodeLegacyVietnamese,
  isVietnameseSyllable,
  type LegacyEncoding,
} from '../src/restore/legacy.ts';
import { TCVN3_TO_UNICODE, VISCII_TO_UNICODE, VNI_LETTERS, VNI_MARKS } from '../src/restore/legacy-tables.ts';
import { decodeTextBytes } from '../src/restore/encodings.ts';

const ENCODINGS: LegacyEncoding[] = ['tcvn3', 'vni', 'viscii'];
const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/legacy/${name}`, import.meta.url));
const SAMPLE = fixture('ke-hoach.utf8.txt').toString('utf8');

/** Every Vietnamese letter: 12 vowels × 6 tones and đ, small and capital (134). */
const LETTERS = (() => {
  const out: string[] = [];
  for (const v of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    for (const tone of ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']) {
      const ch = (v + tone).normalize('NFC');
      out.push(ch, ch.toUpperCase());
    }
  }
  out.push('đ', 'Đ');
  return out;
})();

/** Administrative sentences with ă â ê ô ơ ư đ (both cases) and the five tones. */
const SENTENCES = [
  'Ủy ban nhân dân tỉnh Đắk Lắk ban hành Kế hoạch số 199/KH-UBND về việc thực hiện chương trình mục tiêu quốc gia năm 2024.',
  'Ông Nguyễn Văn Ấn, Phó Chủ tịch Ủy ban, đề nghị các Sở, ngành khẩn trương rà soát, tổng hợp và báo cáo kết quả trước ngày 15/12.',
  'Ưu tiên hỗ trợ đồng bào Ê Đê ở xã Ơn Lợi; Ăn ở, đi lại của học sinh được bảo đảm; Âm thanh, hình ảnh lưu giữ đầy đủ.',
  'Đẩy mạnh ứng dụng công nghệ thông tin, xây dựng chính quyền số; Ơ-xtrây-li-a hỗ trợ kỹ thuật cho dự án.',
];
const CAPITALS = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH THỰC HIỆN NHIỆM VỤ NĂM 2024';

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const w1258 = (b: Uint8Array): string => new TextDecoder('windows-1258').decode(b);

describe('legacy tables', () => {
  it.each(ENCODINGS)('%s: every Vietnamese letter round-trips through the tables', (enc) => {
    for (const ch of LETTERS) {
      const bytes = encodeLegacyVietnamese(ch, enc);
      expect(decodeLegacyBytes(bytes, enc), `${enc} ${ch}`).toBe(ch);
    }
  });

  it('tables give NFC letters', () => {
    for (const table of [TCVN3_TO_UNICODE, VISCII_TO_UNICODE, VNI_LETTERS]) {
      for (const v of Object.values(table)) expect(v).toBe(v.normalize('NFC'));
    }
    for (const marks of Object.values(VNI_MARKS)) expect(marks).toMatch(/^[\u0300-\u0323]+$/);
  });

  it('agree with glibc iconv (TCVN 5712 VN1, VISCII) on the fixture', () => {
    expect(decodeLegacyBytes(fixture('ke-hoach.tcvn5712.txt'), 'tcvn3')).toBe(SAMPLE);
    expect(decodeLegacyBytes(fixture('ke-hoach.viscii.txt'), 'viscii')).toBe(SAMPLE);
    expect(decodeLegacyBytes(fixture('ke-hoach.vni.txt'), 'vni')).toBe(SAMPLE);
  });

  it('decode well-known strings', () => {
    const tcvn3 = (s: string) => decodeLegacyBytes(Buffer.from(s, 'latin1'), 'tcvn3');
    expect(tcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(tcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(tcvn3('Uû ban nh©n d©n')).toBe('Uỷ ban nhân dân');
    expect(tcvn3('KÕ ho¹ch')).toBe('Kế hoạch');
    const vni = (s: string) => decodeLegacyBytes(Buffer.from(s, 'latin1'), 'vni');
    expect(vni('Keá hoaïch')).toBe('Kế hoạch');
    expect(vni('UÛy ban nhaân daân')).toBe('Ủy ban nhân dân');
    expect(vni('Ñöôïc, ÑÖÔÏC, tröôøng, vôùi')).toBe('Được, ĐƯỢC, trường, với');
  });
});

describe('convertLegacyVietnamese: legacy text is detected and converted', () => {
  const text = SENTENCES.join('\n');

  it.each(ENCODINGS)('%s: raw bytes', (enc) => {
    const bytes = encodeLegacyVietnamese(text, enc);
    expect(convertLegacyVietnamese(w1258(bytes), bytes)).toEqual({ text, encoding: enc });
  });

  it.each(ENCODINGS)('%s: shown through windows-1252 and saved as Unicode', (enc) => {
    const shown = decodeWindows1252(encodeLegacyVietnamese(text, enc));
    expect(shown).not.toBe(text);
    expect(convertLegacyVietnamese(shown)).toEqual({ text, encoding: enc });
  });

  it.each(ENCODINGS)('%s: shown through latin-1', (enc) => {
    expect(convertLegacyVietnamese(latin1(encodeLegacyVietnamese(text, enc)))).toEqual({ text, encoding: enc });
  });

  it.each(ENCODINGS)('%s: shown through windows-1258 and NFC-normalised', (enc) => {
    const shown = w1258(encodeLegacyVietnamese(text, enc)).normalize('NFC');
    expect(convertLegacyVietnamese(shown)).toEqual({ text, encoding: enc });
  });

  it.each(ENCODINGS)('%s: each sentence alone', (enc) => {
    for (const s of SENTENCES) {
      const shown = decodeWindows1252(encodeLegacyVietnamese(s, enc));
      expect(convertLegacyVietnamese(shown)).toEqual({ text: s, encoding: enc });
    }
  });

  it.each(ENCODINGS)('%s: capitals', (enc) => {
    const bytes = encodeLegacyVietnamese(CAPITALS, enc);
    expect(convertLegacyVietnamese(decodeWindows1252(bytes))).toEqual({ text: CAPITALS, encoding: enc });
  });

  it('tcvn3 as ABC writes it: toned capitals with small-letter bytes (.VnTimeH)', () => {
    const abc = decodeWindows1252(encodeLegacyVietnamese(CAPITALS, 'tcvn3', 'abc'));
    expect(abc.split('\n')[0]).toBe('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM');
    expect(convertLegacyVietnamese(abc)).toEqual({ text: CAPITALS, encoding: 'tcvn3' });
  });

  it('the examples of old Word files', () => {
    expect(convertLegacyVietnamese('KÕ ho¹ch')).toEqual({ text: 'Kế hoạch', encoding: 'tcvn3' });
    expect(convertLegacyVietnamese('Uû ban nh©n d©n')).toEqual({ text: 'Uỷ ban nhân dân', encoding: 'tcvn3' });
    expect(convertLegacyVietnamese('Keá hoaïch')).toEqual({ text: 'Kế hoạch', encoding: 'vni' });
    expect(convertLegacyVietnamese('UÛy ban nhaân daân')).toEqual({ text: 'Ủy ban nhân dân', encoding: 'vni' });
    expect(convertLegacyVietnamese('Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc')).toEqual({
      text: 'Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc',
      encoding: 'tcvn3',
    });
  });

  it('fixtures through decodeTextBytes (encodings.ts)', () => {
    expect(decodeTextBytes(fixture('ke-hoach.tcvn5712.txt'))).toEqual({ text: SAMPLE, encoding: 'tcvn3' });
    expect(decodeTextBytes(fixture('ke-hoach.viscii.txt'))).toEqual({ text: SAMPLE, encoding: 'viscii' });
    expect(decodeTextBytes(fixture('ke-hoach.vni.txt'))).toEqual({ text: SAMPLE, encoding: 'vni' });
    // A real windows-1258 file (tones as combining marks) is not legacy.
    expect(decodeTextBytes(fixture('ke-hoach.cp1258.txt'))).toEqual({ text: SAMPLE, encoding: 'windows-1258' });
  });

  it('fixtures pasted as windows-1252 text', () => {
    const files = [
      ['ke-hoach.tcvn5712.txt', 'tcvn3'],
      ['ke-hoach.viscii.txt', 'viscii'],
      ['ke-hoach.vni.txt', 'vni'],
    ] as const;
    for (const [name, enc] of files) {
      expect(convertLegacyVietnamese(decodeWindows1252(fixture(name)))).toEqual({ text: SAMPLE, encoding: enc });
    }
  });

  it('converts only the legacy paragraph of a mixed document', () => {
    const unicode = SAMPLE.split('\n').slice(0, 12);
    const legacy = SENTENCES.join('\n');
    const mixed = [...unicode, decodeWindows1252(encodeLegacyVietnamese(legacy, 'tcvn3')), ...unicode].join('\n');
    const expected = [...unicode, legacy, ...unicode].join('\n');
    expect(convertLegacyVietnamese(mixed)).toEqual({ text: expected, encoding: 'tcvn3' });
  });

  it('keeps Windows punctuation and the degree sign in TCVN3', () => {
    const s = 'Nhiệt độ trung bình 25°C; “Ngày hội đại đoàn kết toàn dân tộc” – tổ chức tại nhà văn hoá thôn.';
    const shown = decodeWindows1252(encodeLegacyVietnamese(s, 'tcvn3', 'abc'));
    expect(convertLegacyVietnamese(shown)).toEqual({ text: s, encoding: 'tcvn3' });
  });
});

describe('convertLegacyVietnamese: everything else is left alone', () => {
  it('Unicode Vietnamese, NFC and NFD', () => {
    expect(convertLegacyVietnamese(SAMPLE)).toBeNull();
    expect(convertLegacyVietnamese(SAMPLE.normalize('NFD'))).toBeNull();
    for (const s of SENTENCES) {
      expect(convertLegacyVietnamese(s)).toBeNull();
      expect(convertLegacyVietnamese(s.normalize('NFD'))).toBeNull();
    }
    expect(convertLegacyVietnamese('Tôi là ai, Cà Mau, Bà Rịa')).toBeNull();
  });

  it('Unicode Vietnamese read as windows-1258 bytes (not legacy)', () => {
    const bytes = fixture('ke-hoach.cp1258.txt');
    expect(convertLegacyVietnamese(w1258(bytes), bytes)).toBeNull();
  });

  it('English and other Latin text', () => {
    for (const s of [
      'The People’s Committee approved the plan on 15 March 2024.',
      'Le café est très apprécié à Paris; voilà où nous étions, près de la forêt. Ça coûte 5 €.',
      'Größere Änderungen für Übersetzungen müssen überprüft werden.',
      'naïve résumé — façade, coöperate, señor',
    ]) {
      expect(convertLegacyVietnamese(s)).toBeNull();
      const bytes = Buffer.from(s.replace(/[’—€]/g, "'"), 'latin1');
      expect(convertLegacyVietnamese(w1258(bytes), bytes)).toBeNull();
    }
  });

  it('OCR garbage', () => {
    for (const s of [
      'Ké hoach s6 199/KH-UBND ctia UBND tinh',
      'c¢6ng',
      'CONG HOA XA HOI CHU NGHIA VIET NAM',
      'Dôc lap - Tu do - Hanh phúc',
      'Uy ban nhân dân xã Dak On ban hành Kê hoach sô 199',
      'Thành phô Hà Nôi, ngày 15 tháng 3 nãm 2O24',
      '5ô: 199/KH-UBND ngàv 15/3/2O24 ©',
      'Nhiêt dô 25°C, dô âm 80% ± 5%; ½ sô hô dã duoc hô trø.',
      'Tông sô 1.234 hô, trong dó ¼ là hô nghèo; chi phí ~ 3,5 tÿ dông.',
      '- Luu: VT, VP. ®',
    ]) {
      expect(convertLegacyVietnamese(s), s).toBeNull();
    }
  });

  it('ASCII only', () => {
    expect(convertLegacyVietnamese('Ke hoach so 199/KH-UBND')).toBeNull();
    expect(convertLegacyVietnamese('')).toBeNull();
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts syllables and rejects non-syllables', () => {
    for (const w of ['hoạch', 'nghĩa', 'người', 'được', 'khuỷu', 'quyết', 'giếng', 'Uỷ', 'Ủy', 'HOẠCH', 'thuở', 'oái']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['kừ', 'céng', 'hOạch', 'phỏp', 'ǹi', 'nhân2', 'ctia', 'kà']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});
