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
});
