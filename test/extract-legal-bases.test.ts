import { describe, expect, it } from 'vitest';
import { extract, fixture, stripMarks } from './fixtures/extract/helpers.ts';

describe('extractLegalBases', () => {
  it('finds laws, numbered and party-style citations, with date and issuer', () => {
    const { legalBases } = extract(fixture('plan-small.txt'));
    expect(legalBases.map((b) => [b.docType, b.number, b.symbol, b.date])).toEqual([
      ['Luật', null, null, '2012-06-20'],
      ['Quyết định', '1521', 'QĐ-TTg', '2022-10-06'],
      ['Kết luận', '80', 'KL/TW', null],
      ['Kế hoạch', '12', 'KH-UBND', '2024-01-15'],
    ]);
    expect(legalBases[1].issuer).toBe('Thủ tướng Chính phủ');
    expect(legalBases[1].ref).toEqual({ page: 1, line: 17 });
  });

  it('deduplicates, keeps the year of normative numbers and ends issuers at lower-case words only', () => {
    const text = [
      'Căn cứ Thông tư số 342/2016/TT-BTC ngày 30/12/2016 của Bộ trưởng Bộ Tài chính quy định chi tiết;',
      '',
      'Thực hiện Thông tư số 342/2016/TT-BTC, các đơn vị rà soát.',
    ].join('\n');
    const { legalBases } = extract(text);
    expect(legalBases).toHaveLength(1);
    expect(legalBases[0]).toMatchObject({ docType: 'Thông tư', number: '342/2016', symbol: 'TT-BTC', date: '2016-12-30', issuer: 'Bộ trưởng Bộ Tài chính' });
  });

  it('reads citations broken across lines and without diacritics or with "S6" for "Số"', () => {
    const text = stripMarks('Thực hiện Quyết định s6 3478/QĐ-UBND ngày\n10/12/2021 của UBND tỉnh về việc ban hành Chương trình.');
    const { legalBases } = extract(text);
    expect(legalBases[0]).toMatchObject({ number: '3478', symbol: 'QD-UBND', date: '2021-12-10' });
  });

  it('does not cite the document itself', () => {
    const text = 'Số: 87/KH-UBND\n\n(Kèm theo Kế hoạch số 87/KH-UBND ngày 12/4/2024 của UBND huyện)\n';
    expect(extract(text).legalBases).toEqual([]);
  });

  it('reads an ordinance (Pháp lệnh) cited by name and date, like a law, also without diacritics', () => {
    const text = 'Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09 tháng 12 năm 2020;\n\nCăn cứ Pháp lệnh số 02/2020/UBTVQH14 ngày 09/12/2020 của Ủy ban Thường vụ Quốc hội;\n';
    const read = (t: string) => extract(t).legalBases.map((b) => [b.docType, b.number, b.symbol, b.date]);
    expect(read(text)).toEqual([
      ['Pháp lệnh', null, null, '2020-12-09'],
      ['Pháp lệnh', '02/2020', 'UBTVQH14', '2020-12-09'],
    ]);
    expect(read(stripMarks(text)).map((r) => r[3])).toEqual(['2020-12-09', '2020-12-09']);
  });
});
