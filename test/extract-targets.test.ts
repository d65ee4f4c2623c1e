import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/extract/targets.ts';
import { extract, fixture } from './fixtures/extract/helpers.ts';

describe('extractTargets', () => {
  it('parses Vietnamese numbers', () => {
    expect(parseNumber('1.500')).toBe(1500);
    expect(parseNumber('85,4')).toBe(85.4);
    expect(parseNumber('51.89')).toBe(51.89);
  });

  it('reads prose targets with comparator, unit and indicator', () => {
    const { targets } = extract(fixture('plan-small.txt'));
    expect(targets[0]).toMatchObject({ indicator: 'Tỷ lệ cán bộ, công chức được phổ biến pháp luật', value: { text: 'tối thiểu 90%', number: 90, unit: '%', comparator: '>=' } });
    expect(targets[1]).toMatchObject({ value: { number: 5, unit: 'hội nghị', comparator: '>=' } });
  });

  it('reads target tables and skips results sections', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      '',
      'I. KẾT QUẢ NĂM 2024',
      '',
      'Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 40% so với kế hoạch.',
      '',
      'II. CHỈ TIÊU',
      '',
      'STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu giao | Cơ quan thực hiện',
      '1 | Tỷ lệ hồ sơ thanh toán trực tuyến | % | ≥ 60 | Sở Tư pháp',
      '',
      'Phấn đấu tăng 8,5% so với năm 2024.',
    ].join('\n');
    const { targets } = extract(text);
    expect(targets.map((t) => [t.indicator, t.value.number, t.value.unit, t.value.comparator, t.responsible])).toEqual([
      ['Tỷ lệ hồ sơ thanh toán trực tuyến', 60, '%', '>=', 'Sở Tư pháp'],
    ]);
  });
});
