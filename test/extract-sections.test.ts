import { describe, expect, it } from 'vitest';
import { extract, fixture } from './fixtures/extract/helpers.ts';

describe('extractSections', () => {
  it('builds the heading tree I / 1 / a) and appendices', () => {
    const { sections } = extract(fixture('plan-small.txt'));
    expect(sections.map((s) => s.label)).toEqual(['I', 'II', 'III', 'Phụ lục']);
    expect(sections[1].children.map((s) => [s.label, s.heading])).toEqual([
      ['1', 'Tuyên truyền Luật Đất đai'],
      ['2', 'Kiểm tra công tác phổ biến pháp luật'],
    ]);
    expect(sections[1].children[0].children.map((s) => s.label)).toEqual(['a', 'b']);
    expect(sections[3].heading).toBe('DANH MỤC NHIỆM VỤ');
    expect(sections[0].ref).toEqual({ page: 1, line: 23 });
  });

  it('nests articles of a decision', () => {
    const { sections } = extract('QUYẾT ĐỊNH\nVề việc thử\n\nĐiều 1. Ban hành Quy chế.\n\nĐiều 2. Hiệu lực.\n\n1. Quyết định có hiệu lực từ ngày ký.\n');
    expect(sections.map((s) => s.label)).toEqual(['Điều 1', 'Điều 2']);
    expect(sections[1].children.map((s) => s.label)).toEqual(['1']);
  });

  it('keeps a part whose numeral lost its full stop in a scan ("II MỤC TIÊU, CHỈ TIÊU"), and its targets with it', () => {
    const text = [
      'KẾ HOẠCH',
      'Phòng, chống ma túy năm 2024',
      '',
      'I. TÌNH HÌNH CHUNG',
      '',
      'Năm 2023, toàn huyện phát hiện 45 vụ phạm tội về ma túy.',
      '',
      'II MỤC TIÊU, CHỈ TIÊU',
      '',
      'Tỷ lệ điều tra, xử lý các vụ án ma túy đạt trên 95%.',
      '',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '',
      'Tăng cường tuyên truyền.',
    ].join('\n');
    const { sections, targets } = extract(text);
    expect(sections.map((s) => [s.label, s.heading])).toEqual([
      ['I', 'TÌNH HÌNH CHUNG'],
      ['II', 'MỤC TIÊU, CHỈ TIÊU'],
      ['III', 'NHIỆM VỤ, GIẢI PHÁP'],
    ]);
    expect(targets.map((t) => t.value.number)).toEqual([95]);
    // A numeral before words in lower case is no heading ("II Mục tiêu" is not written so).
    expect(extract(text.replace('II MỤC TIÊU, CHỈ TIÊU', 'II mục tiêu và chỉ tiêu')).sections.map((s) => s.label)).toEqual(['I', 'III']);
  });
});

