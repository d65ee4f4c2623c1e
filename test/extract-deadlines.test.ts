import { describe, expect, it } from 'vitest';
import { scanTime } from '../src/extract/dates.ts';
import { fold } from '../src/extract/text.ts';
import { extract, fixture, stripMarks } from './fixtures/extract/helpers.ts';

const scan = (s: string, field = false) => scanTime(fold(s), { field, year: 2024 }).map((t) => [t.kind, t.date, t.endDate, t.recurrence]);

describe('scanTime', () => {
  it('normalises dates, ranges, months, quarters and recurrences', () => {
    expect(scan('trước ngày 14/12/2024')).toEqual([['date', '2024-12-14', null, null]]);
    expect(scan('từ ngày 15/11/2024 đến ngày 13/01/2025')).toEqual([['range', '2024-11-15', '2025-01-13', null]]);
    expect(scan('từ ngày 15/4 đến ngày 20/4/2024')).toEqual([['range', '2024-04-15', '2024-04-20', null]]);
    expect(scan('trong tháng 01/2025')).toEqual([['month', '2025-01-01', '2025-01-31', null]]);
    expect(scan('Quý III/2024')).toEqual([['quarter', '2024-07-01', '2024-09-30', null]]);
    expect(scan('Quý II - Quý III/2025')).toEqual([['range', '2025-04-01', '2025-09-30', null]]);
    expect(scan('định kỳ 10 ngày/lần')).toEqual([[ 'recurring', null, null, 'every 10 days']]);
    expect(scan('báo cáo trước 10 giờ ngày 15 của tháng cuối kỳ báo cáo')[0][3]).toMatch(/reporting period/);
    expect(scan('Thường xuyên', true)).toEqual([['ongoing', null, null, 'ongoing']]);
  });

  it('needs "định kỳ" or a time field for bare recurrences', () => {
    expect(scan('chương trình công tác hằng tháng')).toEqual([]);
    expect(scan('hằng tháng', true)).toEqual([['recurring', null, null, 'monthly']]);
  });

  it('reads OCR-damaged and diacritic-free dates', () => {
    expect(scan(stripMarks('hoàn thành trước ngày 30 tháng 11 năm 2024'))).toEqual([['date', '2024-11-30', null, null]]);
    expect(scan('ngay /7 thang 02 nam 2024')).toEqual([['date', '2024-02-17', null, null]]);
  });
});

describe('extractDeadlines', () => {
  it('collects time columns, time fields and prose deadlines with what is due and who', () => {
    const { deadlines } = extract(fixture('plan-small.txt'));
    const byText = Object.fromEntries(deadlines.map((d) => [d.text, d]));
    expect(byText['Thường xuyên']).toMatchObject({ recurrence: 'ongoing', context: 'Cập nhật Tủ sách pháp luật điện tử', responsible: 'Phòng Phổ biến, giáo dục pháp luật' });
    expect(byText['Quý III/2024']).toMatchObject({ date: '2024-07-01', endDate: '2024-09-30', context: 'Tuyên truyền Luật Đất đai' });
    expect(byText['ngày 30/11/2024']).toMatchObject({ date: '2024-11-30', context: 'Kiểm tra tại 05 huyện', responsible: 'Thanh tra Sở' });
    expect(byText['định kỳ hằng quý']).toMatchObject({ recurrence: 'quarterly', responsible: 'Văn phòng Sở' });
    expect(deadlines.some((d) => d.date === '2024-12-01' && d.endDate === '2024-12-10')).toBe(true);
    // Dates of cited documents are not deadlines.
    expect(deadlines.some((d) => d.date === '2024-01-15')).toBe(false);
  });

  it('skips data cut-offs', () => {
    const text = 'KẾ HOẠCH\nThử\n\n1. Nhiệm vụ\n\nSố liệu tính đến ngày 13/11/2024; báo cáo trước ngày 20/11/2024.\n';
    const { deadlines } = extract(text);
    expect(deadlines.map((d) => d.date)).toEqual(['2024-11-20']);
  });
});
