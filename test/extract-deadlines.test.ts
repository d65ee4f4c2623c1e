import { describe, expect, it } from 'vitest';
import { scanTime } from '../src/extract/dates.ts';
import { mergeSaidTwice } from '../src/extract/deadlines.ts';
import { fold } from '../src/extract/text.ts';
import { extract, extractTree, fixture, scannedTree, stripMarks } from './fixtures/extract/helpers.ts';

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

  it('reads a day of each quarter as one quarterly time limit', () => {
    for (const s of ['định kỳ báo cáo kết quả về Ủy ban nhân dân xã trước ngày 25 hằng quý', 'dinh ky bao cao truoc ngay 25 hang quy', 'báo cáo trước ngày 25 của mỗi quý']) {
      expect(scan(s)).toEqual([['recurring', null, null, 'quarterly, by day 25']]);
    }
  });

  it('reads a list of months in time order: a larger month before the year is in the year before', () => {
    expect(scan('Tháng 9 và tháng 2/2026', true)).toEqual([
      ['month', '2025-09-01', '2025-09-30', null],
      ['month', '2026-02-01', '2026-02-28', null],
    ]);
    expect(scan('tháng 3 và tháng 4/2025', true).map((t) => t[1])).toEqual(['2025-03-01', '2025-04-01']);
  });

  it('needs "định kỳ" or a time field for bare recurrences', () => {
    expect(scan('chương trình công tác hằng tháng')).toEqual([]);
    expect(scan('hằng tháng', true)).toEqual([['recurring', null, null, 'monthly']]);
  });

  it('reads month ranges and lists, borrowing the year of the month they are joined to', () => {
    expect(scan('trong tháng 6-8/2025')).toEqual([['month', '2025-06-01', '2025-08-31', null]]);
    expect(scan(stripMarks('từ tháng 6 đến tháng 8/2026'))).toEqual([['month', '2026-06-01', '2026-08-31', null]]);
    expect(scan('Tháng 9 - tháng 11/2025 và hằng năm', true)).toEqual([
      ['month', '2025-09-01', '2025-11-30', null],
      ['recurring', null, null, 'yearly'],
    ]);
    expect(scan('tháng 12/2025 - tháng 02/2026')).toEqual([['month', '2025-12-01', '2026-02-28', null]]);
    expect(scan('trong tháng 3 và tháng 4/2025')).toEqual([
      ['month', '2025-03-01', '2025-03-31', null],
      ['month', '2025-04-01', '2025-04-30', null],
    ]);
    expect(scan('các tháng 4 và 5/2025').map((t) => t[1])).toEqual(['2025-04-01', '2025-05-01']);
    // In a time field a bare month is in the document's year; a range may cross into the next.
    expect(scan('Tháng 9', true)).toEqual([['month', '2024-09-01', '2024-09-30', null]]);
    expect(scan('từ tháng 11 đến tháng 3 năm sau', true)).toEqual([['month', '2024-11-01', '2025-03-31', null]]);
    expect(scan('6 tháng đầu năm 2025', true)).toEqual([['month', '2025-01-01', '2025-06-30', null]]);
    // Not months: a season in prose, a duration, the month of a day.
    expect(scan('mưa lớn vào tháng 7, tháng 8')).toEqual([]);
    expect(scan('sau 06 tháng 3 ngày')).toEqual([]);
    expect(scan('ngày 15 tháng 6 năm 2025')).toEqual([['date', '2025-06-15', null, null]]);
  });

  it('reads quarter lists and ranges written with one "Quý", also as OCR reads the numerals', () => {
    expect(scan('Quý II và III/2025')).toEqual([
      ['quarter', '2025-04-01', '2025-06-30', null],
      ['quarter', '2025-07-01', '2025-09-30', null],
    ]);
    expect(scan('Quý ll và lll/2025').map((t) => t[1])).toEqual(['2025-04-01', '2025-07-01']);
    expect(scan('từ Quý II đến Quý IV năm 2025')).toEqual([['range', '2025-04-01', '2025-12-31', null]]);
    expect(scan('quý I - II/2025')).toEqual([['range', '2025-01-01', '2025-06-30', null]]);
  });

  it('takes "trong năm" as a time limit only where it closes a clause', () => {
    expect(scan('xây dựng phương án sắp xếp trong năm 2025.')).toEqual([['year', '2025-01-01', '2025-12-31', null]]);
    expect(scan('Trong năm 2025, toàn huyện tập trung')).toEqual([]);
    expect(scan('các văn bản có hiệu lực trong năm 2025, nhất là')).toEqual([]);
    expect(scan('các luật có hiệu lực thi hành trong năm 2025;')).toEqual([]);
    expect(scan('định kỳ 06 tháng')).toEqual([['recurring', null, null, 'every 6 months']]);
    expect(scan('xây dựng kế hoạch trong năm 2025 để thực hiện')).toEqual([]);
  });

  it('does not take a year before "hằng năm" for a count ("02 tin, bài mỗi tháng" is a rate)', () => {
    expect(scan('tháng 11/2025 và hằng năm', true).map((t) => t[3])).toEqual([null, 'yearly']);
    expect(scan('tối thiểu 02 tin, bài mỗi tháng', true)).toEqual([]);
  });

  it('does not take the span of an anniversary for a time limit', () => {
    expect(scan('Kỷ niệm 77 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2024); thời gian tuyên truyền từ ngày 10 tháng 7 đến ngày 28 tháng 7 năm 2024')).toEqual([
      ['range', '2024-07-10', '2024-07-28', null],
    ]);
    expect(scan(stripMarks('(03/02/1930 - 03/02/2024)'))).toEqual([]);
  });

  it('reads cycles of several months or years', () => {
    expect(scan('định kỳ hai năm một lần')).toEqual([['recurring', null, null, 'every 2 years']]);
    expect(scan('định kỳ 03 tháng/lần')).toEqual([['recurring', null, null, 'every 3 months']]);
    expect(scan('trong 3 tháng')).toEqual([]);
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

  it('gives each item of a list in prose the trigger of the first', () => {
    const text = 'KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n\n1. Tổ chức hội thi trong Quý II và Quý III năm 2025; tập huấn trong tháng 6-8/2025.\n';
    const { deadlines } = extract(text);
    expect(deadlines.map((d) => [d.date, d.endDate])).toEqual([
      ['2025-04-01', '2025-06-30'],
      ['2025-07-01', '2025-09-30'],
      ['2025-06-01', '2025-08-31'],
    ]);
  });

  it('reads one time limit said twice as one deadline, and a list of cycles as several', () => {
    const text = [
      'Hà Nội, ngày 02 tháng 01 năm 2024',
      'KẾ HOẠCH',
      'Thử',
      '',
      'III. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Phòng Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng quý (trước ngày 15 của',
      'tháng cuối quý) và báo cáo 6 tháng định kỳ 6 tháng (trước ngày 15/6/2024).',
      '',
      '2. Văn phòng kiểm tra, đôn đốc.',
      '- Chủ trì: Văn phòng.',
      '- Thời gian thực hiện: định kỳ hằng tháng, hằng quý; trước ngày 10/12 hằng năm.',
    ].join('\n');
    const { deadlines } = extract(text);
    expect(deadlines.map((d) => [d.date, d.recurrence])).toEqual([
      [null, 'monthly'],
      [null, 'quarterly'],
      ['2024-12-10', 'yearly'],
      [null, "quarterly, by day 15 of the quarter's last month"],
      ['2024-06-15', 'every 6 months'],
    ]);
    // "của tỉnh định kỳ …" is not the data cut-off "tính đến …".
    expect(deadlines[3].text).toBe('định kỳ hằng quý (trước ngày 15 của tháng cuối quý)');
  });

  it('skips data cut-offs', () => {
    const text = 'KẾ HOẠCH\nThử\n\n1. Nhiệm vụ\n\nSố liệu tính đến ngày 13/11/2024; báo cáo trước ngày 20/11/2024.\n';
    const { deadlines } = extract(text);
    expect(deadlines.map((d) => d.date)).toEqual(['2024-11-20']);
  });

  it('reads the day a monthly report is due, in brackets or later in its clause, and a cycle with several dates', () => {
    expect(scan('báo cáo Ủy ban nhân dân huyện và Công an tỉnh hằng tháng (trước ngày 15)')).toEqual([['recurring', null, null, 'monthly, by day 15']]);
    // Not introduced by "định kỳ"/"báo cáo" within reach: the due day makes it a time limit.
    expect(scan('kết quả hằng tháng về Công an huyện trước ngày 10.')).toEqual([['recurring', null, null, 'monthly, by day 10']]);
    expect(scan(stripMarks('kết quả hằng tháng về Công an huyện trước ngày 10.'))).toEqual([['recurring', null, null, 'monthly, by day 10']]);
    // A full date after a monthly habit is a date of its own, not the day of the month.
    expect(scan('hằng tháng trước ngày 15/12/2024')).toEqual([['date', '2024-12-15', null, null]]);
    const text = ['Hà Nội, ngày 02 tháng 01 năm 2024', 'KẾ HOẠCH', 'Thử', '', 'III. TỔ CHỨC THỰC HIỆN', '', 'c) Định kỳ 6 tháng (trước ngày 10 tháng 6 và ngày 10 tháng 12) tổng hợp kết quả thực hiện.'].join('\n');
    const { deadlines } = extract(text);
    expect(deadlines.map((d) => [d.date, d.recurrence, d.text])).toEqual([['2024-06-10', 'every 6 months', 'Định kỳ 6 tháng (trước ngày 10 tháng 6 và ngày 10 tháng 12)']]);
  });

  it('keeps a time cell as written when a few words qualify its one time limit', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành',
      '',
      '1 | Hướng dẫn lập hồ sơ cấp mã số vùng trồng | Trung tâm Dịch vụ nông nghiệp | UBND các xã | Hằng năm, trước vụ thu hoạch',
      '',
      '2 | Đăng tin trên trang thông tin | Văn phòng | Các phòng | Thường xuyên, tối thiểu 02 tin mỗi tháng',
    ].join('\n');
    expect(extract(text).deadlines.map((d) => [d.text, d.recurrence])).toEqual([
      ['Hằng năm, trước vụ thu hoạch', 'yearly'],
      ['Thường xuyên', 'ongoing'],
    ]);
  });

  it('leaves out dates before the document itself and the dates of a forecast', () => {
    const text = [
      'Thạnh Phú, ngày 11 tháng 12 năm 2024',
      'KẾ HOẠCH',
      'Thử',
      '',
      'I. DỰ BÁO TÌNH HÌNH',
      '',
      '1. Dự báo tình hình',
      '',
      'Xâm nhập mặn sâu nhất dự báo xảy ra từ giữa tháng 02 đến cuối tháng 4 năm 2025.',
      '',
      'II. NHIỆM VỤ',
      '',
      '1. Khuyến cáo không xuống giống sau ngày 10 tháng 12 năm 2024; lắp đặt đập tạm trước ngày 15 tháng 01 năm 2025.',
      '',
      '2. Chỉ công nhận vùng trồng không gây mất rừng sau ngày 31/12/2020; hoàn thành bản đồ trước ngày 30/6/2025.',
    ].join('\n');
    expect(extract(text).deadlines.map((d) => d.date)).toEqual(['2025-01-15', '2025-06-30']);
  });

  it('reads a daily report due by an hour, and a time limit written in a target table cell', () => {
    expect(scan('về Ủy ban nhân dân xã trước 14 giờ 00 hằng ngày; số liệu')).toEqual([['recurring', null, null, 'daily, by 14:00']]);
    expect(scan(stripMarks('báo cáo trước 16 giờ hằng ngày'))).toEqual([['recurring', null, null, 'daily, by 16:00']]);
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'IV. CHỈ TIÊU CỤ THỂ',
      '',
      'STT | Chỉ tiêu | Mục tiêu năm 2026 | Đơn vị chủ trì',
      '1 | Người đội mũ bảo hiểm | Đạt tối thiểu 98% | Công an xã',
      '2 | Vị trí hư hỏng mặt đường được sửa chữa | Hoàn thành trước ngày 31/01/2026 | Phòng Kinh tế',
    ].join('\n');
    const out = extract(text);
    expect(out.deadlines.map((d) => [d.date, d.text, d.context])).toEqual([['2026-01-31', 'Hoàn thành trước ngày 31/01/2026', 'Vị trí hư hỏng mặt đường được sửa chữa']]);
    // The date is no target value (it used to be read as 31).
    expect(out.targets.map((t) => t.value.number)).toEqual([98]);
  });

  it('reads the window a report recurs in, a list of cycles after one "báo cáo", and one cycle said twice in a clause', () => {
    const text = 'Ban Chỉ đạo cấp xã báo cáo tiến độ về Ban Chỉ đạo huyện (qua Chi cục Thống kê huyện) hằng tuần trong giai đoạn chuẩn bị và hằng ngày trong thời gian thu thập thông tin; báo cáo tổng hợp';
    expect(scan(text)).toEqual([
      ['recurring', null, null, 'weekly'],
      ['recurring', null, null, 'daily'],
    ]);
    expect(scan(stripMarks(text)).map((t) => t[3])).toEqual(['weekly', 'daily']);
    // A habit, not introduced as a report: nothing.
    expect(scan('chương trình công tác hằng tháng và hằng quý')).toEqual([]);
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'VI. CHẾ ĐỘ BÁO CÁO',
      '',
      '1. Công an xã báo cáo nhanh hằng ngày trong thời gian nghỉ Tết (từ ngày 14/02/2026 đến ngày 22/02/2026) về Ủy ban nhân dân xã trước 14 giờ 00 hằng ngày.',
      '',
      '2. Phòng Văn hóa phát sóng tin, bài từ tháng 5 đến hết tháng 7 năm 2025.',
    ].join('\n');
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.recurrence, d.text])).toEqual([
      ['2026-02-14', '2026-02-22', null, 'từ ngày 14/02/2026 đến ngày 22/02/2026'],
      [null, null, 'daily, by 14:00', 'trước 14 giờ 00 hằng ngày'],
      ['2025-05-01', '2025-07-31', null, 'từ tháng 5 đến hết tháng 7 năm 2025'],
    ]);
  });

  it('gives a month a time limit introduces in prose the document year; a habit keeps none', () => {
    expect(scan('tuyên truyền tối thiểu 03 lần/tuần trong tháng 5 và tháng 6')).toEqual([
      ['month', '2024-05-01', '2024-05-31', null],
      ['month', '2024-06-01', '2024-06-30', null],
    ]);
    expect(scan(stripMarks('trước tháng 9 hoàn thành')).map((t) => t[1])).toEqual(['2024-09-01']);
    expect(scan('tổ chức vào tháng 5')).toEqual([]);
    expect(scan('trong tháng 5 hằng năm').filter((t) => t[0] === 'month')).toEqual([]);
  });

  it('reads a yearly cycle and the day of the year it is due as one deadline', () => {
    const merged = (s: string) => mergeSaidTwice(fold(s), scanTime(fold(s), { field: false, year: 2024 })).found.map((t) => [t.kind, t.date, t.endDate, t.recurrence]);
    expect(merged('báo cáo định kỳ hằng năm trước ngày 15/12')).toEqual([['date', '2024-12-15', null, 'yearly']]);
    expect(merged(stripMarks('báo cáo định kỳ hằng năm trước ngày 15/12'))).toEqual([['date', '2024-12-15', null, 'yearly']]);
    // A full date is a time limit of its own.
    expect(merged('báo cáo hằng năm trước ngày 15/12/2025')).toEqual([
      ['recurring', null, null, 'yearly'],
      ['date', '2025-12-15', null, null],
    ]);
  });

  it('reads a bare day/month after a time-limit word, and still no ratio', () => {
    expect(scan('hoàn thành trước 31/12')).toEqual([['date', '2024-12-31', null, null]]);
    expect(scan(stripMarks('chậm nhất 15/6 gửi báo cáo'))).toEqual([['date', '2024-06-15', null, null]]);
    expect(scan('đạt 54/54 xã; tỷ lệ 02/08 thôn')).toEqual([]);
  });

  it('gives a range of months opened by "từ" the document year in prose', () => {
    expect(scan('phát thanh ít nhất 02 lần/tuần trong thời gian từ tháng 5 đến tháng 9')).toEqual([['month', '2024-05-01', '2024-09-30', null]]);
    expect(scan(stripMarks('phát thanh trong thời gian từ tháng 5 đến tháng 9'))).toEqual([['month', '2024-05-01', '2024-09-30', null]]);
    // Months alone in prose still have no year.
    expect(scan('tháng 5 đến tháng 9 là mùa mưa')).toEqual([]);
  });

  it('reads "đến năm 2027" opening what a value is due by, not the horizon of a cited plan', () => {
    expect(scan('đạt tối thiểu 50%; đến năm 2027 đạt tối thiểu 70%')).toEqual([['year', '2027-01-01', '2027-12-31', null]]);
    expect(scan(stripMarks('Đến năm 2026, 100% xã có điểm phục vụ'))).toEqual([['year', '2026-01-01', '2026-12-31', null]]);
    expect(scan('Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;')).toEqual([]);
    expect(scan('giai đoạn 2022 - 2025, tầm nhìn đến năm 2030; phát triển đến năm 2030 đạt')).toEqual([]);
  });

  it('reads a cycle with its window, and a half-yearly cycle with its day, as one deadline each', () => {
    const merged = (s: string, field = false) => mergeSaidTwice(fold(s), scanTime(fold(s), { field, year: 2024 })).found.map((t) => [t.kind, t.date, t.endDate, t.recurrence]);
    expect(merged('Hằng tuần, từ tháng 5 đến tháng 9', true)).toEqual([['month', '2024-05-01', '2024-09-30', 'weekly']]);
    expect(merged(stripMarks('Hằng tuần, từ tháng 5 đến tháng 9'), true)).toEqual([['month', '2024-05-01', '2024-09-30', 'weekly']]);
    expect(merged('báo cáo kết quả thực hiện định kỳ 6 tháng trước ngày 10 tháng 6, báo cáo năm trước ngày 10 tháng 11 năm 2024')).toEqual([
      ['date', '2024-06-10', null, 'every 6 months'],
      // "báo cáo năm": a report named by its cycle, due on its day.
      ['date', '2024-11-10', null, 'yearly'],
    ]);
    // A list of cycles stays a list.
    expect(merged('Định kỳ hằng tháng, hằng quý và đột xuất', true).map((t) => t[3])).toEqual(['monthly', 'quarterly']);
  });

  it('reads a bare range of years in a time column, not a season named by its years', () => {
    expect(scan('2024 - 2025', true)).toEqual([['range', '2024-01-01', '2025-12-31', null]]);
    expect(scan('Mùa khô 2024 - 2025', true)).toEqual([]);
    expect(scan(stripMarks('Mùa khô 2024 - 2025'), true)).toEqual([]);
    // Not in prose, and not an amount.
    expect(scan('kinh phí 2024 - 2025')).toEqual([]);
    expect(scan('đạt 2.025 ha', true)).toEqual([]);
  });

  it('reads a range of days whose last day has the year, an hour of the morning, and the aim of "phấn đấu đến năm"', () => {
    expect(scan('27/5 - 31/5/2024', true)).toEqual([['range', '2024-05-27', '2024-05-31', null]]);
    expect(scan('24/6 - 03/7/2024')).toEqual([['range', '2024-06-24', '2024-07-03', null]]);
    expect(scan('bảo đảm đường phố sạch sẽ trước 06 giờ sáng hằng ngày')).toEqual([['recurring', null, null, 'daily, by 06:00']]);
    expect(scan(stripMarks('trước 06 giờ sáng hằng ngày'))).toEqual([['recurring', null, null, 'daily, by 06:00']]);
    expect(scan('phấn đấu đến năm 2030 nâng cấp khoảng 45 km đường')).toEqual([['year', '2030-01-01', '2030-12-31', null]]);
    expect(scan('c) Đến năm 2025, diện tích rừng được cấp chứng chỉ đạt tối thiểu 5.000 ha')).toEqual([['year', '2025-01-01', '2025-12-31', null]]);
    expect(scan(stripMarks('c) Đến năm 2025, diện tích đạt 5.000 ha'))).toEqual([['year', '2025-01-01', '2025-12-31', null]]);
    // Still not the horizon of a plan, nor a ratio.
    expect(scan('phát triển đến năm 2030 đạt')).toEqual([]);
    expect(scan('tỷ lệ 02/08 - 03/08 thôn')).toEqual([]);
  });

  it('reads "Từ tháng 7/2024, hằng tuần" as one deadline: the month a cycle starts in, and the cycle', () => {
    const merged = (s: string) => mergeSaidTwice(fold(s), scanTime(fold(s), { field: true, year: 2024 })).found.map((t) => [t.kind, t.date, t.endDate, t.recurrence]);
    expect(merged('Từ tháng 7/2024, hằng tuần')).toEqual([['month', '2024-07-01', '2024-07-31', 'weekly']]);
    expect(merged(stripMarks('Từ tháng 7/2024, hằng tuần'))).toEqual([['month', '2024-07-01', '2024-07-31', 'weekly']]);
    // Without "từ" the month and the cycle stay two.
    expect(merged('Tháng 7/2024, hằng tuần')).toHaveLength(2);
  });

  it('reads the lines of a plan timetable and the cells of a schedule table; not the dates of an observance', () => {
    const doc = [
      'Krông Năng, ngày 10 tháng 8 năm 2026',
      '',
      'KẾ HOẠCH',
      'Thử',
      '',
      'II. NHIỆM VỤ',
      '',
      '1. Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (từ ngày 15/11 đến ngày 15/12/2026) với các hoạt động thiết thực.',
      '',
      '2. Lịch tuyển sinh',
      '',
      'STT | Nội dung | Lớp 1 | Lớp 6',
      '1 | Công bố chỉ tiêu | Trước 20/5/2026 | Trước 20/5/2026',
      '2 | Đăng ký trực tuyến | 13/6 - 22/6/2026 | 24/6 - 03/7/2026',
      '',
      'III. KẾ HOẠCH THỰC HIỆN CỤ THỂ',
      '',
      '1. Tháng 9 - tháng 10 năm 2026: Ban hành Kế hoạch; tập huấn đợt 1.',
      '',
      '2. Tháng 12 năm 2026: Tổ chức Cuộc thi khoa học, kỹ thuật cấp huyện.',
      '',
      '3. Ngày 26 tháng 12 năm 2026: thi môn Ngữ văn.',
    ].join('\n');
    const want = [
      ['2026-05-20', null, 'Công bố chỉ tiêu (Lớp 1)'],
      ['2026-05-20', null, 'Công bố chỉ tiêu (Lớp 6)'],
      ['2026-06-13', '2026-06-22', 'Đăng ký trực tuyến (Lớp 1)'],
      ['2026-06-24', '2026-07-03', 'Đăng ký trực tuyến (Lớp 6)'],
      ['2026-09-01', '2026-10-31', 'Ban hành Kế hoạch'],
      ['2026-12-01', '2026-12-31', 'Tổ chức Cuộc thi khoa học, kỹ thuật cấp huyện'],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.context])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate])).toEqual(want.map(([a, b]) => [a, b]));
  });

  it('reads a cycle and the day it is due further on in its clause as one deadline, the task words left out', () => {
    const one = (s: string) => scanTime(fold(s), { field: false, year: 2024 }).map((t) => [t.kind, t.recurrence]);
    const text = 'Định kỳ hằng tháng, tổng hợp tiến độ, báo cáo Ủy ban nhân dân huyện (qua Phòng Lao động - Thương binh và Xã hội) trước ngày 25.';
    expect(one(text)).toEqual([['recurring', 'monthly, by day 25']]);
    expect(one(stripMarks(text))).toEqual([['recurring', 'monthly, by day 25']]);
    // Another cycle or a dated day between: not the same time limit.
    expect(one('định kỳ hằng tháng báo cáo tình hình, hằng quý báo cáo kết quả trước ngày 15')[0]).toEqual(['recurring', 'monthly']);
    expect(one('định kỳ hằng tháng tổng hợp, báo cáo trước ngày 15/12/2024')[0]).toEqual(['recurring', 'monthly']);
    const doc = ['Ea Kar, ngày 05 tháng 3 năm 2024', '', 'KẾ HOẠCH', 'Thử', '', 'I. TỔ CHỨC THỰC HIỆN', '', '1. Công an xã', '', `b) Hằng tháng tổng hợp tình hình, kết quả, báo cáo Chủ tịch Ủy ban nhân dân xã trước ngày 25; định kỳ 6 tháng, năm báo cáo Ủy ban nhân dân huyện.`].join('\n');
    const d = extract(doc).deadlines;
    expect(d.map((x) => [x.text, x.recurrence])).toEqual([
      ['Hằng tháng … trước ngày 25', 'monthly, by day 25'],
      ['định kỳ 6 tháng, năm', 'every 6 months and yearly'],
    ]);
    expect(d[0].context).toBe('tổng hợp tình hình, kết quả, báo cáo Chủ tịch Ủy ban nhân dân xã');
  });

  it('reads a day of the quarter\'s last month without "của", and not a day of a year the text does not name', () => {
    expect(scan('báo cáo Ủy ban nhân dân huyện trước ngày 20 tháng cuối quý')).toEqual([['recurring', null, null, "quarterly, by day 20 of the quarter's last month"]]);
    expect(scan(stripMarks('bao cao truoc ngay 15 thang cuoi quy'))).toEqual([['recurring', null, null, "quarterly, by day 15 of the quarter's last month"]]);
    expect(scan('thẻ có giá trị sử dụng đến hết ngày 30 tháng 9 của năm học sinh đó kết thúc năm cuối')).toEqual([]);
    expect(scan(stripMarks('có giá trị đến hết ngày 30 tháng 9 của năm học sinh đó tốt nghiệp'))).toEqual([]);
    // A year named after it keeps the day.
    expect(scan('trước ngày 30 tháng 9 của năm 2025')).toHaveLength(1);
  });

  it('reads the year a line of a target list opens with, and the time column of a table that is no task matrix', () => {
    expect(scan('1. Năm 2024: xóa lõm sóng di động cho tối thiểu 09/15 bản')).toEqual([['year', '2024-01-01', '2024-12-31', null]]);
    expect(scan(stripMarks('2. Năm 2025: 100% bản có sóng di động 4G'))).toEqual([['year', '2025-01-01', '2025-12-31', null]]);
    // A year inside a sentence still needs its time-limit word.
    expect(scan('1. Kết quả năm 2023: đạt 80%')).toEqual([]);
    const doc = [
      'Mường Lát, ngày 12 tháng 3 năm 2024',
      '',
      'KẾ HOẠCH',
      'Thử',
      '',
      'Ủy ban nhân dân huyện ban hành Kế hoạch xóa vùng lõm sóng đến hết năm 2025 như sau:',
      '',
      'I. DANH MỤC CÁC BẢN LÕM SÓNG',
      '',
      'STT | Tên bản | Số hộ | Giải pháp, doanh nghiệp thực hiện | Thời gian hoàn thành',
      '1 | Bản Pù Quăn | 96 | Xây mới trạm BTS 4G, Viettel | Quý III/2024',
      '2 | Bản Cang | 74 | Nâng cấp trạm hiện có, Viettel | Quý I/2025',
    ].join('\n');
    const want = [
      ['2024-07-01', '2024-09-30', 'Bản Pù Quăn: Xây mới trạm BTS 4G, Viettel'],
      ['2025-01-01', '2025-03-31', 'Bản Cang: Nâng cấp trạm hiện có, Viettel'],
    ];
    // The opening sentence's horizon is no time limit.
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.context])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate])).toEqual(want.map(([a, b]) => [a, b]));
  });

  it('does not read the scope of a letter\'s opening sentence as a time limit', () => {
    const doc = [
      'Krông Pắc, ngày 26 tháng 8 năm 2024',
      '',
      'Kính gửi: Phòng Y tế huyện.',
      '',
      'Để chủ động phòng, chống dịch bệnh, chăm sóc sức khỏe học sinh trong năm học 2024 - 2025, Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị triển khai thực hiện tốt các nội dung sau:',
      '',
      '1. Tổ chức khám sức khỏe đầu năm học cho học sinh, hoàn thành trước ngày 30 tháng 10 năm 2024.',
    ].join('\n');
    expect(extract(doc).deadlines.map((d) => d.date)).toEqual(['2024-10-30']);
    expect(extract(stripMarks(doc)).deadlines.map((d) => d.date)).toEqual(['2024-10-30']);
  });

  it('reads the year of each part of a list ("cho 50 cơ sở trong năm 2025 và 80 cơ sở trong năm 2026")', () => {
    const text = 'hỗ trợ đăng ký mã số mã vạch cho 50 cơ sở trong năm 2025 và 80 cơ sở trong năm 2026.';
    const want = [
      ['year', '2025-01-01', '2025-12-31', null],
      ['year', '2026-01-01', '2026-12-31', null],
    ];
    expect(scan(text)).toEqual(want);
    expect(scan(stripMarks(text))).toEqual(want);
    // Still not a year that opens a clause going on ("trong năm 2025 và những năm sau, …").
    expect(scan('Trong năm 2025 và những năm tiếp theo, các xã tiếp tục')).toEqual([]);
  });

  it('puts a time cell without its year in the plan\'s year when a December plan is for the next year; "Cả năm" is that year', () => {
    const doc = (title: string) =>
      [
        'Cẩm Thành, ngày 15 tháng 12 năm 2025',
        '',
        'KẾ HOẠCH',
        title,
        '',
        'IV. PHÂN CÔNG THỰC HIỆN',
        '',
        'STT | Nội dung | Chủ trì | Phối hợp | Thời gian',
        '1 | Tuyên truyền tại khu dân cư | Phòng Văn hóa - Xã hội | Điện lực | Cả năm, cao điểm tháng 4 - 7',
      ].join('\n');
    const want = [
      ['2026-01-01', '2026-12-31'],
      ['2026-04-01', '2026-07-31'],
    ];
    expect(extract(doc('Thực hiện tiết kiệm điện trên địa bàn phường năm 2026')).deadlines.map((d) => [d.date, d.endDate])).toEqual(want);
    expect(extract(stripMarks(doc('Thực hiện tiết kiệm điện trên địa bàn phường năm 2026'))).deadlines.map((d) => [d.date, d.endDate])).toEqual(want);
    // A horizon in the title is not the plan's year.
    expect(extract(doc('Bảo đảm an toàn giao thông giai đoạn từ nay đến hết năm 2026')).deadlines.map((d) => d.date)).toEqual(['2025-01-01', '2025-04-01']);
  });
  it('reads no time limit in what a report says happened or was done ("DIỄN BIẾN …", "CÁC BIỆN PHÁP ĐÃ TRIỂN KHAI")', () => {
    const doc = [
      'BÁO CÁO',
      'Kết quả điều tra vụ ngộ độc thực phẩm',
      '',
      'I. DIỄN BIẾN VỤ NGỘ ĐỘC',
      '',
      'Từ 22 giờ ngày 14 đến 06 giờ ngày 15 tháng 9 năm 2025, có 163 người mắc.',
      '',
      'IV. CÁC BIỆN PHÁP ĐÃ TRIỂN KHAI',
      '',
      '1. Ủy ban nhân dân xã trực 24/24 giờ từ đêm 14 đến ngày 18 tháng 9 năm 2025.',
      '',
      'VI. NHIỆM VỤ THỜI GIAN TỚI',
      '',
      'a) Rà soát, lập danh sách toàn bộ cơ sở nấu ăn lưu động trong tháng 10 năm 2025.',
    ].join('\n');
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate])).toEqual([['2025-10-01', '2025-10-31']]);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate])).toEqual([['2025-10-01', '2025-10-31']]);
  });
  it('reads the time in brackets of a phase heading; not the date a rule takes effect; a cycle with its report after it', () => {
    const doc = [
      'KẾ HOẠCH',
      'Rà soát văn bản',
      'Gia Lai, ngày 11 tháng 8 năm 2025',
      '',
      'IV. TIẾN ĐỘ THỰC HIỆN',
      '',
      '3. Giai đoạn 3 (từ ngày 16 tháng 10 đến ngày 30 tháng 11 năm 2025)',
      '',
      'a) Ưu tiên hoàn thành trước ngày 15 tháng 9 năm 2025 để kịp xây dựng bảng giá đất áp dụng từ ngày 01 tháng 01 năm 2026.',
      '',
      '4. Giai đoạn 4 (tháng 12 năm 2025)',
      '',
      'Sở Tư pháp tổng hợp báo cáo kết quả rà soát.',
      '',
      '5. Kết quả tiếp nhận được tổng hợp hằng tuần, báo cáo Ủy ban nhân dân xã.',
    ].join('\n');
    const want = [
      ['2025-10-16', '2025-11-30', null],
      ['2025-09-15', null, null],
      ['2025-12-01', '2025-12-31', null],
      [null, null, 'weekly'],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual(want);
  });
  it('reads "trước ngày 25 của tháng trước" as a monthly time limit, and "quan trọng năm 2026" as no "trong năm 2026"', () => {
    expect(scan('xây dựng lịch chiếu gửi các xã trước ngày 25 của tháng trước;')).toEqual([['recurring', null, null, 'monthly, by day 25 of the month before']]);
    expect(scan(stripMarks('xây dựng lịch chiếu gửi các xã trước ngày 25 của tháng trước;'))).toEqual([['recurring', null, null, 'monthly, by day 25 of the month before']]);
    const doc = ['KẾ HOẠCH', 'Thử', '', 'II. MỤC ĐÍCH, YÊU CẦU', '', '1. Tuyên truyền kịp thời các sự kiện chính trị quan trọng năm 2026, nhất là Đại hội Đảng.'].join('\n');
    expect(extract(doc).deadlines).toEqual([]);
  });
  it('reads time limits in an assessment the plan sets up ("ĐÁNH GIÁ DDCI NĂM 2026"), not in an assessment of results', () => {
    const doc = (h: string) => ['KẾ HOẠCH', 'Thử', 'Quảng Trị, ngày 18 tháng 3 năm 2026', '', h, '', '3. Thuê đơn vị tư vấn độc lập khảo sát; công bố kết quả trong quý IV năm 2026.'].join('\n');
    expect(extract(doc('IV. ĐÁNH GIÁ DDCI NĂM 2026')).deadlines.map((d) => d.date)).toEqual(['2026-10-01']);
    expect(extract(stripMarks(doc('IV. ĐÁNH GIÁ DDCI NĂM 2026'))).deadlines.map((d) => d.date)).toEqual(['2026-10-01']);
    expect(extract(doc('I. ĐÁNH GIÁ KẾT QUẢ NĂM 2025')).deadlines).toEqual([]);
  });
  it('reads a report named by its cycle ("báo cáo 6 tháng, hằng năm"), not a report of a named period', () => {
    expect(scan('tổng hợp báo cáo 6 tháng, hằng năm gửi Ủy ban nhân dân huyện').map((t) => t[3])).toEqual(['every 6 months', 'yearly']);
    expect(scan(stripMarks('tổng hợp báo cáo 6 tháng, hằng năm gửi Ủy ban nhân dân huyện')).map((t) => t[3])).toEqual(['every 6 months', 'yearly']);
    expect(scan('gửi báo cáo quý, báo cáo tháng về Sở').map((t) => t[3])).toEqual(['quarterly', 'monthly']);
    expect(scan('báo cáo 6 tháng đầu năm 2024; báo cáo quý III; báo cáo năm 2024').filter((t) => t[0] === 'recurring')).toEqual([]);
  });

  it('reads a time column that names its report cycles bare ("6 tháng, năm"), one deadline each', () => {
    expect(scan('6 tháng, năm', true).map((t) => t[3])).toEqual(['every 6 months', 'yearly']);
    expect(scan('Quý, năm', true).map((t) => t[3])).toEqual(['quarterly', 'yearly']);
    expect(scan(stripMarks('6 tháng, năm'), true).map((t) => t[3])).toEqual(['every 6 months', 'yearly']);
    // Not words of a longer time value.
    expect(scan('Năm học mới', true)).toEqual([]);
  });

  it('reads "Đến năm 2027" as a whole time cell, still not the horizon written inside a field', () => {
    expect(scan('Đến năm 2027', true)).toEqual([['year', '2027-01-01', '2027-12-31', null]]);
    expect(scan(stripMarks('Đến năm 2027'), true)).toEqual([['year', '2027-01-01', '2027-12-31', null]]);
    expect(scan('Giai đoạn 2021 - 2025, định hướng đến năm 2030', true).filter((t) => t[1] === '2030-01-01')).toEqual([]);
  });

  it('reads the rows of a pipe table whose rows open with no number cell, and no time limit in a targets heading', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Quảng Trị, ngày 12 tháng 01 năm 2026',
      '',
      'II. CHỈ TIÊU',
      '',
      '2. Chỉ tiêu đến hết năm 2026',
      '',
      'a) Tỷ lệ hộ nghèo giảm 1%.',
      '',
      'V. PHÂN CÔNG THỰC HIỆN',
      '',
      'Nhóm chỉ tiêu | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn báo cáo',
      'Thu ngân sách | Thuế tỉnh | Sở Tài chính | Hằng tháng',
      'Du lịch, văn hóa | Sở Văn hóa | UBND các xã | 6 tháng, năm',
      'Giáo dục | Sở Giáo dục và Đào tạo | UBND các xã | Theo năm học',
    ].join('\n');
    const want = [
      [null, 'monthly', 'Thuế tỉnh'],
      [null, 'every 6 months', 'Sở Văn hóa'],
      [null, 'yearly', 'Sở Văn hóa'],
      [null, null, 'Sở Giáo dục và Đào tạo'],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.recurrence, d.responsible])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.recurrence])).toEqual(want.map((w) => [w[0], w[1]]));
  });

  it('reads a time limit set by an event ("trước Tết Nguyên đán", "trước ngày khai giảng"), not a window or an activity named by it', () => {
    const doc = (body: string) => ['KẾ HOẠCH', 'Thử', 'Lào Cai, ngày 12 tháng 3 năm 2024', '', 'II. NHIỆM VỤ', '', body].join('\n');
    const read = (body: string) => extract(doc(body)).deadlines.map((d) => [d.date, d.text]);
    expect(read('a) Sở Giáo dục bảo đảm cung ứng đủ sách giáo khoa trước ngày khai giảng năm học 2024 - 2025.')).toEqual([[null, 'trước ngày khai giảng năm học 2024 - 2025']]);
    expect(read(stripMarks('a) Sở Giáo dục bảo đảm cung ứng đủ sách giáo khoa trước ngày khai giảng năm học 2024 - 2025.'))).toEqual([[null, 'truoc ngay khai giang nam hoc 2024 - 2025']]);
    expect(read('b) Công đoàn hoàn thành, bàn giao nhà trước Tết Nguyên đán; Phòng Nội vụ rà soát, chỉnh lý hồ sơ trước khi trình Hội đồng nhân dân huyện.').map((d) => d[1])).toEqual([
      'trước Tết Nguyên đán',
      'trước khi trình Hội đồng nhân dân huyện',
    ]);
    // A window around the event, an activity named by it, a purpose, a clause with its own date.
    expect(read('c) Mở đợt cao điểm tấn công tội phạm trước và sau Tết Nguyên đán.')).toEqual([]);
    expect(read('d) Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp thường lệ.')).toEqual([]);
    expect(read('đ) Chủ động nạo vét cống rãnh trước mùa mưa bão (hoàn thành trước ngày 30/4/2024).').map((d) => d[0])).toEqual(['2024-04-30']);
  });

  it('reads days of one month written once ("22 - 23/12/2025", "từ ngày 22 đến ngày 31 tháng 12"), a month range across years, a day without "ngày"', () => {
    expect(scan('22 - 23/12/2025', true)).toEqual([['range', '2025-12-22', '2025-12-23', null]]);
    expect(scan('31/12/2025 - 05/01/2026', true)).toEqual([['range', '2025-12-31', '2026-01-05', null]]);
    expect(scan(stripMarks('từ ngày 22 đến ngày 31 tháng 12 năm 2025'))).toEqual([['range', '2025-12-22', '2025-12-31', null]]);
    // OCR reads the dash as an en dash and drops a space.
    expect(scan('26 –29/12/2025', true)).toEqual([['range', '2025-12-26', '2025-12-29', null]]);
    // Not a ratio in prose, not the month of a range of months.
    expect(scan('tỷ lệ 02 - 03/10 hộ')).toEqual([]);
    // (A month to a day: from the first of the month, not the days "7 đến 28".)
    expect(scan('từ tháng 7 đến ngày 28 tháng 7 năm 2024')).toEqual([['range', '2024-07-01', '2024-07-28', null]]);
    expect(scan('tháng 10/2026 - 3/2027')).toEqual([['month', '2026-10-01', '2027-03-31', null]]);
    expect(scan(stripMarks('trồng từ 15 tháng 5 đến 31 tháng 7 hằng năm'))).toEqual([
      ['range', '2024-05-15', '2024-07-31', null],
      ['recurring', null, null, 'yearly'],
    ]);
    // "6 tháng" alone is a duration.
    expect(scan('sơ kết sau 6 tháng 2 lần')).toEqual([]);
  });

  it('reads "năm 2025 và các năm tiếp theo" as every year from 2025, not in a cited title or a clause it opens', () => {
    expect(scan('bố trí kinh phí trong dự toán năm 2025 và các năm tiếp theo.')).toEqual([['year', '2025-01-01', null, 'yearly']]);
    expect(scan(stripMarks('Năm 2026 và các năm tiếp theo'), true)).toEqual([['year', '2026-01-01', null, 'yearly']]);
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Hà Nội, ngày 12 tháng 3 năm 2024',
      '',
      'Thực hiện Chỉ thị số 07/CT-TTg ngày 14 tháng 3 năm 2024 của Thủ tướng Chính phủ về đẩy mạnh thực hiện Đề án 06 năm 2024 và những năm tiếp theo;',
      '',
      'Căn cứ Công văn số 1487/UBND-KT ngày 24 tháng 11 năm 2023 về việc kiểm kê tài sản công cuối năm 2024;',
      '',
      'II. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Phòng Tài chính bố trí kinh phí duy trì hoạt động trong dự toán năm 2025 và các năm tiếp theo.',
      '',
      '2. Căn cứ chức năng, nhiệm vụ được giao, các phòng báo cáo trước ngày 15 tháng 12 năm 2024.',
    ].join('\n');
    const want = [
      ['2025-01-01', null, 'yearly'],
      ['2024-12-15', null, null],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual(want);
  });

  it('names no cycle in "báo cáo quyết toán" or "định kỳ năm 2026"', () => {
    expect(scan('các đơn vị gửi báo cáo quyết toán về Sở Tài chính')).toEqual([]);
    expect(scan(stripMarks('Bảng 2. Lịch các cuộc họp, hội nghị định kỳ năm 2026'))).toEqual([]);
    expect(scan('gửi báo cáo quý về Sở')).toEqual([['recurring', null, null, 'quarterly']]);
  });

  it('reads a programme\'s "Tháng" column in the plan\'s year, a "Thời gian dự kiến" column, and a headed time column beside date cells', () => {
    const doc = [
      'QUYẾT ĐỊNH',
      'Chương trình công tác năm 2026',
      'Tân Lạc, ngày 09 tháng 01 năm 2026',
      '',
      'III. CÁC NỘI DUNG CÔNG TÁC CỤ THỂ',
      '',
      'Tháng | Nội dung | Cơ quan chủ trì | Hình thức, cấp trình',
      'Tháng 01 | Giao dự toán thu, chi ngân sách năm 2026 | Phòng Kinh tế | Quyết định UBND xã',
      'Tháng 3 | Báo cáo công tác chỉ đạo, điều hành quý I | Văn phòng | Báo cáo UBND xã',
      '',
      'Bảng 2. Lịch các cuộc họp, hội nghị định kỳ năm 2026',
      '',
      'Nội dung | Thời gian | Cơ quan chuẩn bị | Ghi chú',
      'Hội nghị triển khai nhiệm vụ | Ngày 12/01/2026 | Văn phòng | Mời trưởng các xóm',
      'Phiên họp quý I | Ngày 25/3/2026 | Văn phòng | Kết hợp sơ kết quý',
      'Hội nghị sơ kết 6 tháng | Ngày 25/6/2026 | Phòng Kinh tế | Tổng hợp',
      'Đối thoại với người dân | Tháng 10/2026 | Trung tâm PVHCC | Phối hợp MTTQ',
      '',
      'IV. DANH MỤC KHU ĐẤT',
      '',
      'STT | Vị trí khu đất | Hình thức đề xuất | Thời gian dự kiến',
      '1 | Trụ sở xã cũ | Đấu giá | Quý I - II/2026',
    ].join('\n');
    const want = [
      ['2026-01-01', '2026-01-31'],
      ['2026-03-01', '2026-03-31'],
      ['2026-01-12', null],
      ['2026-03-25', null],
      ['2026-06-25', null],
      ['2026-10-01', '2026-10-31'],
      ['2026-01-01', '2026-06-30'],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate])).toEqual(want);
  });

  it('reads the time in brackets of an item that opens with its activity ("(tháng 4 - 9/2026)", "(dự kiến tháng 7)")', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Thanh Hóa, ngày 16 tháng 01 năm 2026',
      '',
      'III. NỘI DUNG CÔNG VIỆC',
      '',
      'a) Trưng bày chuyên đề "Trống đồng Đông Sơn" (tháng 4 - 9/2026), giới thiệu 86 hiện vật.',
      '',
      'b) Kỳ họp thường lệ giữa năm (dự kiến tháng 7): báo cáo tình hình kinh tế - xã hội 6 tháng.',
      '',
      'c) Tuyên truyền về Tháng hành động vì bình đẳng giới (tháng 11/2026).',
    ].join('\n');
    const want = [
      ['2026-04-01', '2026-09-30'],
      ['2026-07-01', '2026-07-31'],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate])).toEqual(want);
  });

  it('reads a report due at a council session, every regular session, the last working day; not what happened up to a day', () => {
    const doc = [
      'NGHỊ QUYẾT',
      'Thử',
      'Mỹ Lộc, ngày 17 tháng 12 năm 2025',
      '',
      'Điều 4. Tổ chức thực hiện',
      '',
      '1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết; định kỳ báo cáo kết quả thực hiện tại các kỳ họp thường lệ của Hội đồng nhân dân xã.',
      '',
      '2. Ủy ban nhân dân xã báo cáo kết quả xử lý vi phạm đất đai tại kỳ họp thường lệ giữa năm 2026.',
      '',
      '3. Các đơn vị gửi hồ sơ đề nghị thanh toán chậm nhất đến hết ngày làm việc cuối cùng của năm; hạch toán các khoản chi phát sinh từ ngày 31/12/2025 trở về trước.',
      '',
      '4. Đại biểu tiếp xúc cử tri tại kỳ họp thường lệ cuối năm.',
    ].join('\n');
    const want = [
      [null, 'each regular session'],
      [null, null],
      [null, null],
    ];
    const got = extract(doc).deadlines;
    expect(got.map((d) => [d.date, d.recurrence])).toEqual(want);
    expect(got.map((d) => d.text)).toEqual(['định kỳ báo cáo kết quả thực hiện tại các kỳ họp thường lệ', 'tại kỳ họp thường lệ giữa năm 2026', 'chậm nhất đến hết ngày làm việc cuối cùng của năm']);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.recurrence])).toEqual(want);
  });

  it('reads the bare numbers of a column headed "Tháng" as months of the plan\'s year', () => {
    const doc = [
      'QUYẾT ĐỊNH',
      'Chương trình hoạt động năm 2024',
      'Quỳnh Đôi, ngày 22 tháng 01 năm 2024',
      '',
      'IV. LỊCH HOẠT ĐỘNG CHÍNH CẤP XÃ',
      '',
      'Tháng | Hoạt động chính | Đơn vị chủ trì',
      '1 - 2 | Văn nghệ mừng Đảng, mừng Xuân | Trung tâm Văn hóa - Thể thao xã',
      '9 | Văn nghệ Trung thu tại các xóm | Nhà văn hóa các xóm',
    ].join('\n');
    const want = [
      ['2024-01-01', '2024-02-29', '1 - 2'],
      ['2024-09-01', '2024-09-30', '9'],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.text])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate, d.text])).toEqual(want);
  });
});

describe('cycles, hours and events of letters and công điện', () => {
  const withMerge = (s: string) => {
    const f = fold(s);
    return mergeSaidTwice(f, scanTime(f, { field: false, year: 2026 })).found.map((t) => [t.date, t.recurrence]);
  };

  it('reads "định kỳ 6 tháng và năm" as one time limit, and one each when each cycle has its day in brackets', () => {
    for (const s of ['báo cáo định kỳ 6 tháng và năm', 'báo cáo định kỳ 6 tháng, năm', 'bao cao dinh ky 6 thang va nam']) {
      expect(withMerge(s)).toEqual([[null, 'every 6 months and yearly']]);
    }
    const both = 'báo cáo kết quả thực hiện định kỳ 6 tháng (trước ngày 10 tháng 6) và năm (trước ngày 10 tháng 12)';
    const want = [
      ['2026-06-10', 'every 6 months'],
      ['2026-12-10', 'yearly'],
    ];
    expect(withMerge(both)).toEqual(want);
    expect(withMerge(stripMarks(both))).toEqual(want);
    // A period named in full is no further cycle.
    expect(withMerge('báo cáo định kỳ 6 tháng, năm 2025 gửi Sở')).toEqual([[null, 'every 6 months']]);
  });

  it('reads the hour of a daily report in brackets, and leaves opening hours alone', () => {
    for (const s of ['Tổng hợp báo cáo tình hình giá cả hằng ngày (trước 16 giờ 00) về Ủy ban nhân dân tỉnh', 'Tong hop bao cao tinh hinh gia ca hang ngay (truoc 16 gio 00) ve UBND tinh']) {
      expect(scan(s).map((t) => t[3])).toEqual(['daily, by 16:00']);
    }
    // The hour further on in the clause: one time limit, its task words left out.
    const later = 'Văn phòng tổng hợp hằng ngày tình hình dự trữ lương thực, nhiên liệu, báo cáo Chủ tịch Ủy ban nhân dân xã trước 16 giờ để kịp thời chỉ đạo.';
    for (const s of [later, stripMarks(later)]) expect(scan(s).map((t) => t[3])).toEqual(['daily, by 16:00']);
    for (const s of ['điểm bán hàng hoạt động từ 06 giờ 00 đến 20 giờ 00 hằng ngày cho đến khi thị trường ổn định', 'diem ban hang hoat dong tu 6 gio den 20 gio hang ngay']) {
      expect(scan(s)).toEqual([]);
    }
  });

  it('takes "trước đỉnh lũ" as a time limit set by an event', () => {
    const doc = [
      'CÔNG ĐIỆN',
      'Về việc ứng phó sạt lở bờ sông',
      'Đồng Tháp, ngày 08 tháng 10 năm 2025',
      '',
      '3. Ban Quản lý dự án',
      '',
      'b) Yêu cầu các nhà thầu tập trung nhân lực, thi công dứt điểm các hạng mục dưới nước trước đỉnh lũ; có phương án bảo đảm an toàn.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => [x.date, fold(x.text)])).toEqual([[null, 'truoc dinh lu']]);
  });
});

describe('a cycle said as once a period, the first school day, and each round of a campaign', () => {
  it('reads "định kỳ 01 lần/tháng" as monthly, not "ít nhất 01 lần/quý"', () => {
    expect(scan('Trung tâm Y tế huyện điều tra bọ gậy định kỳ 01 lần/tháng tại 06 điểm').map((t) => t[3])).toEqual(['monthly']);
    expect(scan('dieu tra bo gay dinh ky 1 lan/thang').map((t) => t[3])).toEqual(['monthly']);
    expect(scan('kiểm tra định kỳ ít nhất 01 lần/quý')).toEqual([]);
  });

  it('takes "trước ngày tựu trường" and a report "sau mỗi đợt chiến dịch" as time limits set by events', () => {
    const doc = [
      'KẾ HOẠCH',
      'Phòng, chống sốt xuất huyết năm 2024',
      "Cư M'gar, ngày 20 tháng 5 năm 2024",
      '',
      'VI. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Phòng Giáo dục và Đào tạo chỉ đạo các cơ sở giáo dục diệt bọ gậy trong khuôn viên trường trước ngày tựu trường.',
      '',
      '2. Đội chiếu phim ghi nhận ý kiến khán giả sau mỗi đợt.',
      '',
      'Yêu cầu các đơn vị báo cáo kết quả sau mỗi đợt chiến dịch và báo cáo tổng hợp trước ngày 15 tháng 11 năm 2024 về Ủy ban nhân dân huyện.',
    ].join('\n');
    const want = [
      [null, 'truoc ngay tuu truong'],
      [null, 'sau moi dot chien dich'],
      ['2024-11-15', 'ngay 15 thang 11 nam 2024'],
    ];
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => [x.date, fold(x.text)]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([...want].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
    }
  });
});

describe('the end of each round', () => {
  it('takes "Kết thúc đợt …, báo cáo" opening a clause as a report due after each round, not a review or a test', () => {
    const doc = [
      'KẾ HOẠCH',
      'Huấn luyện dân quân tự vệ năm 2026',
      'Lao Bảo, ngày 16 tháng 01 năm 2026',
      '',
      'VI. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Kết thúc đợt luân phiên, báo cáo kết quả bằng văn bản, có xác nhận của trưởng trạm y tế.',
      '',
      '2. Kết thúc đợt thi đua, Ủy ban nhân dân xã tổ chức sơ kết, đánh giá kết quả.',
      '',
      '3. Học viên làm bài kiểm tra khi kết thúc đợt 1, báo cáo giảng viên.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      const got = extract(d).deadlines.map((x) => [x.date, fold(x.text), fold(x.context).split(' ').slice(0, 3).join(' ')]);
      expect(got).toEqual([[null, 'ket thuc dot luan phien', 'bao cao ket']]);
    }
  });
});

describe('rounds and the days of a cycle written out', () => {
  it('reads each numbered round with its month as a time limit of the document year', () => {
    const doc = [
      'KẾ HOẠCH',
      'Kiểm tra nghiệp vụ hướng dẫn du lịch năm 2026',
      'Ninh Bình, ngày 16 tháng 01 năm 2026',
      '',
      'II. NỘI DUNG',
      '',
      'c) Thời gian, địa điểm: tổ chức 03 đợt trong năm 2026 (đợt 1 vào tháng 3, đợt 2 vào tháng 6, đợt 3 vào tháng 10) tại Hội trường Sở.',
      '',
      '3. Từ tháng 5 đến tháng 12 năm 2026: tổ chức 03 khóa đào tạo (khóa 1 khai giảng tháng 5, khóa 2 tháng 7, khóa 3 tháng 9).',
      '',
      'Định kỳ ngày 25 tháng 6 và ngày 25 tháng 11 năm 2026, các đơn vị báo cáo kết quả thực hiện về Sở Du lịch.',
      '',
      'Người chèo đò làm việc 6 tháng mỗi năm.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => x.date).sort()).toEqual(
        ['2026-03-01', '2026-05-01', '2026-05-01', '2026-06-01', '2026-06-25', '2026-07-01', '2026-09-01', '2026-10-01', '2026-11-25'].sort(),
      );
    }
  });
});

describe('cycles by their length or window, continuous work until a day, the next period of a timetable line', () => {
  it('reads "định kỳ 2 tuần", a cycle with its window in brackets, and "Liên tục đến <day>" as one time limit', () => {
    expect(scan('tổng hợp kết quả theo định kỳ 2 tuần báo cáo Chủ tịch').map((t) => t[3])).toEqual(['every 2 weeks']);
    expect(scan('Liên tục đến 30/11/2024', true)).toEqual([['date', '2024-11-30', null, null]]);
    expect(scan('Thường xuyên', true)).toEqual([['ongoing', null, null, 'ongoing']]);
    const doc = ['KẾ HOẠCH', 'Thu quỹ năm 2025', 'Kỳ Khang, ngày 11 tháng 3 năm 2025', '', 'VI. TỔ CHỨC THỰC HIỆN', '', 'Các thôn định kỳ ngày 25 hằng tháng (từ tháng 4 đến tháng 6 năm 2025) báo cáo kết quả về Ủy ban nhân dân xã.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => [x.date, x.endDate, x.recurrence])).toEqual([['2025-04-01', '2025-06-30', 'monthly, by day 25']]);
  });

  it('leaves the cycle of an amount ("số tiền thu được hằng năm") and reads the next period of a timetable line and "trước năm học …"', () => {
    const doc = [
      'KẾ HOẠCH',
      'Dạy học 2 buổi/ngày năm học 2025 - 2026',
      'Hà Tĩnh, ngày 22 tháng 8 năm 2025',
      '',
      'V. LỘ TRÌNH THỰC HIỆN',
      '',
      '4. Tháng 01 năm 2026: sơ kết học kỳ I; tháng 5 năm 2026: tổng kết, đánh giá hiệu quả.',
      '',
      'VI. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Các trường xây dựng lộ trình hoàn thành trước năm học 2026 - 2027.',
      '',
      '2. Thời hạn, đơn giá và số tiền thu được hằng năm được công khai tại trụ sở Ủy ban nhân dân xã.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => [x.date, fold(x.text)])).toEqual([
        ['2026-01-01', 'thang 01 nam 2026'],
        ['2026-05-01', 'thang 5 nam 2026'],
        [null, 'hoan thanh truoc nam hoc 2026 - 2027'],
      ]);
    }
  });
});

describe('phases of a propaganda plan', () => {
  it('reads a range from a month to a day and from a day to the end of a year', () => {
    for (const s of ['đợt 2 từ tháng 4 đến ngày 10 tháng 5 năm 2024, là đợt cao điểm', 'dot 2 tu thang 4 den ngay 10 thang 5 nam 2024']) {
      expect(scan(s)).toEqual([['range', '2024-04-01', '2024-05-10', null]]);
    }
    for (const s of ['đợt 3 từ sau ngày 10 tháng 5 đến hết năm 2024, tuyên truyền kết quả', 'dot 3 tu sau ngay 10 thang 5 den het nam 2024']) {
      expect(scan(s)).toEqual([['range', '2024-05-11', '2024-12-31', null]]);
    }
    // A range of days is still one.
    expect(scan('thời gian tuyên truyền từ ngày 20 tháng 01 đến ngày 20 tháng 02 năm 2024')).toEqual([['range', '2024-01-20', '2024-02-20', null]]);
  });

  it('reads a day "vào sáng ngày …" and a report "theo từng đợt"', () => {
    const doc = [
      'KẾ HOẠCH',
      'Tuyên truyền các ngày lễ lớn năm 2024',
      'Điện Biên Phủ, ngày 16 tháng 01 năm 2024',
      '',
      'IV. HÌNH THỨC TUYÊN TRUYỀN',
      '',
      'b) Phòng Giáo dục và Đào tạo tổ chức lễ chào cờ đặc biệt vào sáng ngày 06 tháng 5 năm 2024.',
      '',
      'VII. TỔ CHỨC THỰC HIỆN',
      '',
      '6. Ủy ban nhân dân các phường, xã xây dựng kế hoạch tuyên truyền; báo cáo kết quả thực hiện về Phòng Văn hóa và Thông tin theo từng đợt tuyên truyền.',
    ].join('\n');
    const want = [
      ['2024-05-06', 'ngay 06 thang 5 nam 2024'],
      [null, 'theo tung dot tuyen truyen'],
    ];
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => [x.date, fold(x.text)])).toEqual(want);
  });
});

describe('cycles, years and lists the tuning documents lacked', () => {
  const both = (s: string, field = false) => [scan(s, field), scan(stripMarks(s), field)];

  it('reads a cycle written as periods per time, by semester, or by its day of the week', () => {
    for (const got of both('định kỳ 02 tuần/lần')) expect(got).toEqual([['recurring', null, null, 'every 2 weeks']]);
    for (const got of both('khám, hội chẩn lưu động định kỳ 01 quý/lần')) expect(got).toEqual([['recurring', null, null, 'quarterly']]);
    for (const got of both('báo cáo định kỳ hằng học kỳ')) expect(got).toEqual([['recurring', null, null, 'every semester']]);
    for (const got of both('họp giao ban định kỳ vào chiều thứ Sáu của tuần cuối mỗi tháng')) expect(got).toEqual([['recurring', null, null, 'monthly']]);
    for (const got of both('báo cáo định kỳ vào thứ Sáu hằng tuần')) expect(got).toEqual([['recurring', null, null, 'weekly (sau)']]);
    // The day in brackets makes a bare cycle a time: "hằng tuần (sáng thứ Hai) công khai …".
    for (const got of both('hằng tuần (sáng thứ Hai) công khai danh sách')) expect(got).toEqual([['recurring', null, null, 'weekly (hai)']]);
    // OCR damage the restorer leaves: a doubled space, a lost mark.
    expect(scan('dinh ky  02 tuan / lan')).toEqual([['recurring', null, null, 'every 2 weeks']]);
  });

  it('reads "trước năm 2030" and "trước khi kết thúc năm 2025" as the year a task is due by, not a school year', () => {
    for (const got of both('05 trường còn lại đạt chuẩn quốc gia trước năm 2030')) expect(got).toEqual([['year', '2030-01-01', '2030-12-31', null]]);
    for (const got of both('tổ chức đối thoại trước khi kết thúc năm 2025.')) expect(got).toEqual([['year', '2025-01-01', '2025-12-31', null]]);
    for (const got of both('trang bị áo phao trước năm học 2025 - 2026 kết thúc')) expect(got.filter((t) => t[0] === 'range')).toEqual([]);
  });

  it('keeps a period of the year that comes back ("vào quý II hằng năm") as one time limit, and a list of a month and a quarter', () => {
    const doc = [
      'Giao Thủy, ngày 25 tháng 4 năm 2024',
      '',
      'KẾ HOẠCH',
      'Thử',
      '',
      'I. NHIỆM VỤ',
      '',
      '1. Tổ chức khám sức khỏe định kỳ cho người cao tuổi vào quý II hằng năm.',
      '',
      '2. Đề nghị Sở Giáo dục và Đào tạo thành lập Đoàn đánh giá ngoài trong tháng 12 năm 2024 hoặc quý I năm 2025.',
    ].join('\n');
    const want = [
      ['2024-04-01', '2024-06-30', 'yearly'],
      ['2024-12-01', '2024-12-31', null],
      ['2025-01-01', '2025-03-31', null],
    ];
    expect(extract(doc).deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual(want);
    expect(extract(stripMarks(doc)).deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual(want);
  });

  it('reads the time limits of targets under a "Chỉ tiêu" heading of a "THỰC TRẠNG VÀ CHỈ TIÊU" part', () => {
    const doc = [
      'Nghĩa Đồng, ngày 18 tháng 9 năm 2024',
      '',
      'KẾ HOẠCH',
      'Thử',
      '',
      'II. THỰC TRẠNG VÀ CHỈ TIÊU',
      '',
      '1. Kết quả 8 tháng đầu năm 2024',
      '',
      'Đến ngày 31 tháng 8 năm 2024, toàn xã có 286 người tham gia.',
      '',
      '2. Chỉ tiêu đợt cao điểm',
      '',
      'a) Phát triển mới ít nhất 80 người; nâng tổng số người tham gia đến ngày 31/12/2024 lên tối thiểu 360 người.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2024-12-31']);
  });
});

describe('lists of months, steps with their month in brackets, and what expires then', () => {
  const plan = (...body: string[]) => ['Kim Sơn, ngày 12 tháng 3 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'I. NHIỆM VỤ', '', ...body].join('\n');
  const dates = (doc: string) => [doc, stripMarks(doc)].map((d) => extract(d).deadlines.map((x) => [x.date, x.endDate]));

  it('reads every month of "trong các tháng 5, 6, 7, 8 năm 2025" and of "dự kiến vào tháng 4, tháng 6"', () => {
    const doc = plan('1. Phấn đấu giảm tối thiểu 12% lượng điện tiêu thụ trong các tháng 5, 6, 7, 8 năm 2025 so với cùng kỳ.', '', '2. Tổ chức phiên chợ; các phiên chợ dự kiến vào tháng 4, tháng 6 và tháng 8.');
    const want = [
      ['2025-05-01', '2025-05-31'],
      ['2025-06-01', '2025-06-30'],
      ['2025-07-01', '2025-07-31'],
      ['2025-08-01', '2025-08-31'],
      ['2025-04-01', '2025-04-30'],
      ['2025-06-01', '2025-06-30'],
      ['2025-08-01', '2025-08-31'],
    ];
    for (const got of dates(doc)) expect(got).toEqual(want);
  });

  it('gives each step of a list the month in its brackets, in the plan year', () => {
    const doc = plan('1. Các bước: chuẩn bị, xây dựng văn kiện (tháng 5, tháng 6); diễn tập chỉ huy - cơ quan (tháng 7); rút kinh nghiệm trong tháng 9 năm 2025.');
    const want = [
      ['2025-05-01', '2025-05-31'],
      ['2025-06-01', '2025-06-30'],
      ['2025-07-01', '2025-07-31'],
      ['2025-09-01', '2025-09-30'],
    ];
    for (const got of dates(doc)) expect(got).toEqual(want);
    // Outside brackets, a month of prose without a trigger stays a season: "mưa lớn vào tháng 7, tháng 8".
    for (const got of dates(plan('1. Tuyên truyền cho người dân; mưa lớn thường xảy ra tháng 7, tháng 8.'))) expect(got).toEqual([]);
  });

  it('reads each month of a list in the brackets of a phase or of an activity ("Đợt 1 (tháng 3 và tháng 4 năm 2024):")', () => {
    const doc = plan(
      '1. Đợt 1 (tháng 3 và tháng 4 năm 2025): bồi dưỡng công chức nòng cốt tại 04 cụm.',
      '',
      '2. Đợt 2 (tháng 5 đến tháng 10 năm 2025): tổ chức "Ngày hội kỹ năng số" tại thôn.',
      '',
      'a) Phối hợp với Trung tâm Dịch vụ việc làm tổ chức 02 phiên giao dịch việc làm lưu động tại xã (tháng 3 và tháng 9 năm 2025), mời doanh nghiệp tham gia.',
    );
    const want = [
      ['2025-03-01', '2025-03-31'],
      ['2025-04-01', '2025-04-30'],
      ['2025-05-01', '2025-10-31'],
      ['2025-03-01', '2025-03-31'],
      ['2025-09-01', '2025-09-30'],
    ];
    for (const got of dates(doc)) expect(got).toEqual(want);
    expect(dates(doc.replace('tháng 4 năm 2025', 'tháng 4 năm 2O25'))[0]).toEqual(want);
    // A bracket that goes on after its months says something else: no time limit.
    for (const got of dates(plan('a) Theo dõi nắng nóng (tháng 4 và tháng 5 năm 2025 nhiệt độ có thể vượt 40 độ C), chủ động phòng chống.'))) expect(got).toEqual([]);
  });

  it('leaves out the months in which something expires ("người sắp hết hạn thẻ trong các tháng 10, 11, 12")', () => {
    for (const got of dates(plan('1. Lập danh sách riêng người sắp hết hạn thẻ trong các tháng 10, 11, 12 và tháng 01/2026.'))) expect(got).toEqual([]);
  });
});

describe('seasons, days of the week, review cycles and what is not a time limit of the plan', () => {
  const both = (s: string, field = false) => [scan(s, field), scan(stripMarks(s), field)];
  const plan = (...body: string[]) => ['Diễn Châu, ngày 26 tháng 12 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', ...body].join('\n');
  const found = (doc: string) => [doc, stripMarks(doc)].map((d) => extract(d).deadlines.map((x) => [x.date, x.endDate, x.recurrence, x.text]));

  it('reads a daily report with its hour right after the cycle, and several days of the week as one cycle', () => {
    for (const got of both('Chỉ đạo Trạm Y tế báo cáo kết quả hằng ngày trước 16 giờ qua hệ thống')) expect(got).toEqual([['recurring', null, null, 'daily, by 16:00']]);
    for (const got of both('cử thành viên trực hỗ trợ vào sáng thứ Ba, thứ Năm và sáng thứ Bảy hằng tuần')) expect(got).toEqual([['recurring', null, null, 'weekly, several days']]);
  });

  it('reads "theo quý" ending a clause as a cycle, "trước ngày 10 của tháng đầu quý sau" as its day, but not "theo quy định"', () => {
    for (const got of both('Thường xuyên; sơ kết theo quý.', true)) expect(got.map((t) => t[3])).toEqual(['ongoing', 'quarterly']);
    for (const got of both('báo cáo Ủy ban nhân dân tỉnh định kỳ hằng quý, trước ngày 10 của tháng đầu quý sau')) expect(got.map((t) => t[3])).toEqual(['quarterly', "quarterly, by day 10 of the next quarter's first month"]);
    for (const got of both('báo cáo kết quả theo quy định của Bộ')) expect(got).toEqual([]);
  });

  it('leaves out a day of "năm sau" (a year counted from another)', () => {
    for (const got of both('chia sẻ dữ liệu trước ngày 15 tháng 12 hằng năm để cấp thẻ từ ngày 01 tháng 01 năm sau')) expect(got.map((t) => t[1])).toEqual(['2024-12-15', null]);
  });

  it('takes a season as the event a task is due before, and a start and "thực hiện thường xuyên" as one time limit', () => {
    const doc = plan('I. NHIỆM VỤ', '', '1. Bồi dưỡng, tập huấn cho cán bộ chỉ huy tiểu đội trước mùa huấn luyện.', '', '2. Vệ sinh dàn lạnh, dàn nóng ít nhất 01 lần trước mùa nắng nóng.', '', '3. Xây dựng tủ sách lưu động.', '', 'Thời gian: Bắt đầu từ tháng 3 năm 2026, thực hiện thường xuyên.');
    const [withMarks, without] = found(doc);
    // (Time fields are read before prose.)
    expect(withMarks.map((d) => d[3])).toEqual(['từ tháng 3 năm 2026, thực hiện thường xuyên', 'trước mùa huấn luyện', 'trước mùa nắng nóng']);
    expect(without.map((d) => d[3])).toEqual(['tu thang 3 nam 2026, thuc hien thuong xuyen', 'truoc mua huan luyen', 'truoc mua nang nong']);
    for (const got of [withMarks, without]) expect(got[0].slice(0, 3)).toEqual(['2026-03-01', '2026-03-31', 'ongoing']);
  });

  it('keeps a monthly report and the months it runs over as one time limit ("…, bắt đầu từ tháng 6 … đến hết tháng 9 …")', () => {
    const doc = plan('I. CHẾ ĐỘ BÁO CÁO', '', 'Các đơn vị báo cáo kết quả gửi Sở Công Thương trước ngày 05 hằng tháng, bắt đầu từ tháng 6 năm 2026 đến hết tháng 9 năm 2026.');
    for (const got of found(doc)) expect(got.map((d) => d.slice(0, 3))).toEqual([['2026-06-01', '2026-09-30', 'monthly, by day 05']]);
  });

  it('reads no time limit in a part that describes the place, in a forecast, or in a table title', () => {
    const doc = plan(
      'Theo thông tin của Trung tâm Điều độ hệ thống điện miền Bắc, từ cuối tháng 5 đến hết tháng 7 năm 2026, khu vực miền Bắc bước vào cao điểm nắng nóng.',
      '',
      'I. ĐẶC ĐIỂM TÌNH HÌNH',
      '',
      'Mùa mưa bão từ tháng 8 đến tháng 11 năm 2026, thường xảy ra ngập úng cục bộ.',
      '',
      'II. NHIỆM VỤ',
      '',
      'Bảng 1. Các đề án, báo cáo chủ yếu theo tháng',
      '',
      '1. Hoàn thành kiểm kê trước ngày 15 tháng 02 năm 2026.',
    );
    for (const got of found(doc)) expect(got.map((d) => d[0])).toEqual(['2026-02-15']);
  });
});

describe('the year a day borrows from its sentence, and a "Năm thực hiện" column', () => {
  const doc = [
    'Nam Trung, ngày 20 tháng 12 năm 2024',
    '',
    'NGHỊ QUYẾT',
    'Thử',
    '',
    '8. Kế hoạch thực hiện năm 2025',
    '',
    'b) Từ tháng 6 đến tháng 7 năm 2025 (sau thu hoạch vụ Xuân): thi công các tuyến N2-1, N2-3, bảo đảm hoàn thành trước ngày 15 tháng 7 để lấy nước gieo cấy.',
    '',
    'STT | Tên tuyến kênh | Chiều dài (m) | Năm thực hiện',
    '1 | Kênh N2-1 | 1.120 | 2025',
    '2 | Kênh N2-7 | 1.150 | 2026',
  ].join('\n');
  it('reads "trước ngày 15 tháng 7" in the year its sentence named, and each year of a "Năm thực hiện" column', () => {
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => [x.date, x.endDate]).sort()).toEqual([
        ['2025-01-01', '2025-12-31'],
        ['2025-06-01', '2025-07-31'],
        ['2025-07-15', null],
        ['2026-01-01', '2026-12-31'],
      ]);
    }
  });
});

describe('a resolution for a period that opens the next year, its time in force, quarters in brackets and an observance day', () => {
  const doc = [
    'Điện Biên, ngày 11 tháng 12 năm 2024',
    '',
    'NGHỊ QUYẾT',
    'Quy định chính sách hỗ trợ canh tác trên đất dốc giai đoạn 2025 - 2030',
    '',
    'Điều 5. Trình tự, thủ tục',
    '',
    '1. Trước ngày 30 tháng 9 hằng năm, người sản xuất nộp đơn đăng ký tại Ủy ban nhân dân cấp xã.',
    '',
    '2. Tổ chức hội nghị phổ biến pháp luật cho trưởng thôn; dự kiến 04 hội nghị trong năm (Quý I, Quý II, Quý III, Quý IV).',
    '',
    '3. Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam (ngày 09/11) năm 2025: treo băng rôn, khẩu hiệu.',
    '',
    'Điều 9. Hiệu lực thi hành',
    '',
    'Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2025 đến hết ngày 31 tháng 12 năm 2030./.',
  ].join('\n');
  it('reads a yearly day in the first year of the period, each quarter of the bracket, and no time limit in the rest', () => {
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => [x.date, x.endDate])).toEqual([
        ['2025-09-30', null],
        ['2025-01-01', '2025-03-31'],
        ['2025-04-01', '2025-06-30'],
        ['2025-07-01', '2025-09-30'],
        ['2025-10-01', '2025-12-31'],
      ]);
    }
  });
  it('reads a day filled in by hand in the same way ("Trước ngay 30 thang 9 hằng năm")', () => {
    const damaged = doc.replace('Trước ngày 30 tháng 9', 'Trước ngay 30 thang 9');
    expect(extract(damaged).deadlines[0]).toMatchObject({ date: '2025-09-30', recurrence: 'yearly' });
  });
});

describe('a flood letter: two hours of a daily report and an alarm level a task must come before', () => {
  const doc = [
    'Vũ Thư, ngày 12 tháng 5 năm 2025',
    '',
    'CÔNG VĂN',
    'Về việc bảo vệ đê điều',
    '',
    '7. Chế độ báo cáo',
    '',
    'b) Ủy ban nhân dân các xã có đê báo cáo kết quả chuẩn bị hộ đê trước ngày 10 tháng 6 năm 2025; trong mùa lũ báo cáo nhanh trước 07 giờ và 16 giờ hằng ngày khi có lũ từ báo động 1 trở lên.',
    '',
    'c) Chủ tịch Ủy ban nhân dân xã quyết định sơ tán người dân ngoài bãi sông, bảo đảm hoàn thành trước khi lũ đạt mức báo động 3.',
  ].join('\n');
  it('reads one daily report with both hours, and the alarm level as an undated deadline', () => {
    for (const d of [doc, stripMarks(doc)]) {
      const x = extract(d).deadlines;
      expect(x.map((t) => [t.date, t.recurrence])).toEqual([
        ['2025-06-10', null],
        [null, 'daily, by 07:00 and 16:00'],
        [null, null],
      ]);
      expect(fold(x[2].text)).toBe('hoan thanh truoc khi lu dat muc bao dong 3');
    }
  });
  it('reads "16 gio" filled in by hand in the same way ("truoc 07 gio va 16 gio hang ngay")', () => {
    expect(scan('báo cáo nhanh truoc 07 gio va 16 gio hang ngay')).toEqual([['recurring', null, null, 'daily, by 07:00 and 16:00']]);
  });
});

describe('a guide to reports: a list of forms with their "Thời hạn gửi", lists of days and a data cut-off', () => {
  it('reads a further day of a list, and lends the year of the last day to the first', () => {
    expect(scan('Trước ngày 10/6 và 10/11')).toEqual([
      ['date', '2024-06-10', null, null],
      ['date', '2024-11-10', null, null],
    ]);
    expect(scan('Trước 20/5 và 30/6/2025')).toEqual([
      ['date', '2025-05-20', null, null],
      ['date', '2025-06-30', null, null],
    ]);
    // Ratios stay no dates.
    expect(scan('tỷ lệ 02/08 và 6/15')).toEqual([]);
  });
  const doc = [
    'Vĩnh Linh, ngày 20 tháng 11 năm 2025',
    '',
    'HƯỚNG DẪN',
    'Chế độ báo cáo của trưởng thôn',
    '',
    'III. CÁC LOẠI BÁO CÁO',
    '',
    'a) Thời gian chốt số liệu: từ ngày 15 tháng trước đến ngày 14 của tháng báo cáo.',
    '',
    'Mẫu số | Tên biểu mẫu | Kỳ báo cáo | Thời hạn gửi | Nơi nhận chính',
    '01 | Báo cáo tình hình thôn hằng tháng | Tháng | Trước ngày 16 hằng tháng | Công chức phụ trách địa bàn',
    '02 | Báo cáo kết quả hoạt động của thôn | 6 tháng, năm | Trước ngày 10/6 và 10/11 | Phòng Văn hóa - Xã hội',
  ].join('\n');
  it('takes each value of the "Thời hạn gửi" column, and no time limit from the data cut-off', () => {
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => [x.date, x.recurrence])).toEqual([
        [null, 'monthly, by day 16'],
        ['2025-06-10', null],
        ['2025-11-10', null],
      ]);
    }
  });
});

describe('a time column named by its event', () => {
  const doc = [
    'Công Thành, ngày 08 tháng 01 năm 2025',
    '',
    'KẾ HOẠCH',
    'Tổ chức đại hội chi bộ trực thuộc',
    '',
    'III. THỜI GIAN TỔ CHỨC',
    '',
    'STT | Chi bộ | Số đảng viên (chính thức/dự bị) | Số chi ủy viên | Thời gian đại hội',
    '1 | Chi bộ Trung học cơ sở | 28/2 | 03 | 15/02/2025',
    '2 | Chi bộ thôn Yên Lạc | 61/3 | 05 | 16/02/2025',
    '3 | Chi bộ thôn Tây Lạc | 54/2 | 05 | 01/3/2025',
  ].join('\n');
  it('takes each day of a "Thời gian đại hội" column, not the counts of party members', () => {
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2025-02-15', '2025-02-16', '2025-03-01']);
  });
  it('reads no time column from a "Thời gian công tác" column of years served', () => {
    const served = ['Công Thành, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'III. NHÂN SỰ', '', 'STT | Họ và tên | Thời gian công tác', '1 | Nguyễn Văn A | 2010 - 2020', '2 | Trần Văn B | 2015 - 2024'].join('\n');
    expect(extract(served).deadlines).toEqual([]);
  });
});

describe('the last day of the period after, and the period a budget covers', () => {
  const doc = [
    'Phú Thọ, ngày 14 tháng 10 năm 2025',
    '',
    'CÔNG VĂN',
    'Đôn đốc đóng bảo hiểm xã hội',
    '',
    '1. Thời hạn đóng',
    '',
    'Đơn vị sử dụng lao động đóng bảo hiểm xã hội theo chu kỳ hằng tháng, chậm nhất vào ngày cuối cùng của tháng tiếp theo ngay sau tháng phát sinh nghĩa vụ đóng.',
    '',
    '2. Kinh phí dự kiến từ ngày 01 tháng 7 đến ngày 31 tháng 12 năm 2025: khoảng 6,52 tỷ đồng.',
  ].join('\n');
  it('reads "chậm nhất vào ngày cuối cùng của tháng tiếp theo" as an undated deadline, and no deadline from the budget\'s period', () => {
    for (const d of [doc, stripMarks(doc)]) {
      const x = extract(d).deadlines;
      expect(x.map((t) => [t.date, fold(t.text)])).toEqual([[null, 'cham nhat vao ngay cuoi cung cua thang tiep theo']]);
    }
  });
});

describe('a quarter named by its place in the year, and a part of a month after a time word', () => {
  it('reads "quý đầu năm 2026" and "quý cuối năm" as the first and last quarters', () => {
    expect(scan('tổ chức tập huấn trong quý đầu năm 2026')).toEqual([['quarter', '2026-01-01', '2026-03-31', null]]);
    expect(scan('hoàn thành trong quy cuoi nam', true)).toEqual([['quarter', '2024-10-01', '2024-12-31', null]]);
  });
  const doc = ['Đàm Thủy, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. NỘI DUNG', '', 'a) Tổ chức kiểm tra vào tuần thứ hai của tháng 3/2025.', '', 'b) Hoàn thành việc rà soát trong nửa đầu tháng 4 năm 2025.', '', 'c) Hoàn thành trước trung tuần tháng 7/2025.'].join('\n');
  it('takes the month of "vào tuần thứ hai của tháng 3/2025", "trong nửa đầu tháng 4", "trước trung tuần tháng 7"', () => {
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2025-03-01', '2025-04-01', '2025-07-01']);
  });
});

describe('the hour a day is due by', () => {
  const doc = ['Đàm Thủy, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. TỔ CHỨC THỰC HIỆN', '', 'a) Các xã báo cáo kết quả trước 15 giờ ngày 10/4/2025.', '', 'b) Gửi danh sách về Phòng Nội vụ trước 10 giờ 30 phút, ngày 05/5/2025.', '', 'c) Các vụ việc xảy ra từ 22 giờ ngày 14 đến 06 giờ ngày 15 tháng 9 được tổng hợp.'].join('\n');
  it('reads "trước 15 giờ ngày 10/4/2025" as that day, but not the span of an event', () => {
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2025-04-10', '2025-05-05']);
  });
});

describe('OCR letters for digits in a written date', () => {
  it('reads "3O/6/2025", "15/l2/2025", "15/12/2O25" as the days they are', () => {
    expect(scan('hoàn thành trước ngày 3O/6/2025')).toEqual([['date', '2025-06-30', null, null]]);
    expect(scan('truoc ngay 15/l2/2025')).toEqual([['date', '2025-12-15', null, null]]);
    expect(scan('trước ngày 15/12/2O25')).toEqual([['date', '2025-12-15', null, null]]);
    // A symbol with letters and one digit stays no date.
    expect(scan('Số l/lo/HĐ')).toEqual([]);
  });
});

describe('OCR letters for digits after "tháng", "ngày" or a slash', () => {
  it('reads "tháng 1O/2025", "tháng l2 năm 2025", "Quý III/2O25", "ngày 1O/12" as written, and the blank of "ngay /7 thang 02"', () => {
    expect(scan('trong tháng 1O/2025')).toEqual([['month', '2025-10-01', '2025-10-31', null]]);
    expect(scan('trước ngày 15 tháng l2 năm 2025')).toEqual([['date', '2025-12-15', null, null]]);
    expect(scan('trong Quý III/2O25')).toEqual([['quarter', '2025-07-01', '2025-09-30', null]]);
    expect(scan('trước ngày 1O/12')).toEqual([['date', '2024-12-10', null, null]]);
    expect(scan('trước ngay /7 thang 02 nam 2025')).toEqual([['date', '2025-02-17', null, null]]);
  });
});

describe('a limit said otherwise', () => {
  const doc = ['Đàm Thủy, ngày 08 tháng 01 năm 2025', '', 'CÔNG VĂN', 'Thử', '', 'a) Hạn chót nộp hồ sơ là ngày 30/10/2025.', '', 'b) Gửi về Văn phòng không muộn hơn ngày 15/5/2026.', '', 'c) Thời hạn giải quyết là 15 ngày.'].join('\n');
  it('reads "Hạn chót … là ngày …" and "không muộn hơn ngày …", not a service time', () => {
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2025-10-30', '2026-05-15']);
  });
});

describe('a two-column timetable', () => {
  const doc = [
    'Phú Lương, ngày 05 tháng 3 năm 2025',
    '',
    'KẾ HOẠCH',
    'Thử',
    '',
    '4. Tiến độ thực hiện',
    '',
    'Nội dung | Thời gian',
    'Rà soát, lập phương án chuyển đổi của từng xã | Trước 31/3/2025',
    'Hướng dẫn hộ đăng ký chuyển đổi | Tháng 4/2025',
    'Chuyển đổi vụ Hè Thu | Quý II, III/2025',
    'Tổng kết giai đoạn | Quý IV/2026',
  ].join('\n');
  it('reads "Nội dung | Thời gian" rows, one separator each, as a table with a time column', () => {
    for (const d of [doc, stripMarks(doc), doc.replace('Tháng 4/2025', 'Thang 4/2O25')]) {
      expect(extract(d).deadlines.map((x) => [x.date, x.endDate])).toEqual([
        ['2025-03-31', null],
        ['2025-04-01', '2025-04-30'],
        ['2025-04-01', '2025-06-30'],
        ['2025-07-01', '2025-09-30'],
        ['2026-10-01', '2026-12-31'],
      ]);
    }
  });
  it('leaves a lone line with one separator in prose alone', () => {
    const one = doc.split('\n').slice(0, 9).join('\n');
    expect(extract(one).tables).toEqual([]);
  });
});

describe('months that say who is meant', () => {
  const doc = ['Mường Khoa, ngày 25 tháng 02 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', '1. Rà soát danh sách, hoàn thành trước ngày 31/3/2025; Bưu điện xã đối chiếu danh sách người sắp hết hạn thẻ bảo hiểm y tế trong các tháng 5, 6 để vận động gia hạn.'].join('\n');
  it('reads no time limit in "hết hạn thẻ bảo hiểm y tế trong các tháng 5, 6", nor in the rest of its list', () => {
    for (const d of [doc, stripMarks(doc), doc.replace('tháng 5, 6', 'tháng 5 và 6')]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2025-03-31']);
  });
});

describe('how long each class lasts', () => {
  const doc = [
    'An Giang, ngày 26 tháng 12 năm 2025',
    '',
    'KẾ HOẠCH',
    'Thử',
    '',
    'IV. NỘI DUNG, HÌNH THỨC BỒI DƯỠNG',
    '',
    'STT | Lớp bồi dưỡng | Số lớp | Số học viên | Thời gian mỗi lớp | Cơ quan chủ trì',
    '1 | Quản lý nhà nước cấp xã | 4 | 306 | 05 ngày | Sở Nội vụ',
    '2 | Kỹ năng số, chữ ký số | - | 6.874 | 16 giờ | Sở Khoa học và Công nghệ',
    '',
    'V. TỔ CHỨC THỰC HIỆN',
    '',
    'Sở Nội vụ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.',
  ].join('\n');
  it('reads no time limit in a "Thời gian mỗi lớp" column (a duration), only the dated one of the text', () => {
    for (const d of [doc, stripMarks(doc), doc.replace('Thời gian mỗi lớp', 'Thoi gian moi lop')]) expect(extract(d).deadlines.map((x) => x.date)).toEqual(['2026-12-15']);
    // A column of when each class is held stays a time column.
    const when = doc.replace('Thời gian mỗi lớp', 'Thời gian').replace('05 ngày', 'Tháng 3/2026').replace('16 giờ', 'Quý II/2026');
    expect(extract(when).deadlines.map((x) => x.date)).toEqual(['2026-03-01', '2026-04-01', '2026-12-15']);
  });
});

describe('the sessions of a council named by their time of year', () => {
  const doc = [
    'Tân Châu, ngày 19 tháng 12 năm 2025',
    '',
    'NGHỊ QUYẾT',
    'Về Chương trình giám sát năm 2026',
    '',
    'Điều 2. Giám sát tại các kỳ họp',
    '',
    '1. Kỳ họp cuối năm 2026 (dự kiến tháng 12 năm 2026): xem xét các báo cáo công tác năm.',
    '',
    '2. Nhóm vấn đề dự kiến chất vấn tại kỳ họp cuối năm 2026: việc quản lý trật tự xây dựng.',
    '',
    'Điều 3. Tổ chức thực hiện',
    '',
    '1. Giao Thường trực Hội đồng nhân dân xã tổng hợp kết quả, báo cáo Hội đồng nhân dân xã tại kỳ họp cuối năm 2026.',
  ].join('\n');
  it('reads "Kỳ họp cuối năm 2026" as a name, and a report due at it as an undated time limit', () => {
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).deadlines.map((x) => [x.date, x.endDate, fold(x.text)])).toEqual([
        ['2026-12-01', '2026-12-31', 'thang 12 nam 2026'],
        [null, null, 'tai ky hop cuoi nam 2026'],
      ]);
    }
    // The end of a year otherwise stays one: "hoàn thành vào cuối năm 2026".
    expect(extract(doc.replace('tại kỳ họp cuối năm 2026.', 'trước cuối năm 2026.')).deadlines.map((x) => x.date)).toEqual(['2026-12-01', '2026-01-01']);
  });
});

describe('a count of days after an event', () => {
  const doc = (s: string) => ['Tân Châu, ngày 19 tháng 12 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. TỔ CHỨC THỰC HIỆN', '', s].join('\n');
  it('reads no time limit in "báo cáo kết quả trong 15 ngày sau khi kết thúc giám sát", one in "ngay sau khi kết thúc đợt kiểm tra"', () => {
    for (const f of [(s: string) => s, stripMarks]) {
      expect(extract(f(doc('1. Các Ban báo cáo kết quả giám sát với Thường trực trong 15 ngày sau khi kết thúc giám sát.'))).deadlines).toEqual([]);
      expect(extract(f(doc('1. Các Ban báo cáo kết quả với Thường trực 10 ngày làm việc sau khi kết thúc đợt kiểm tra.'))).deadlines).toEqual([]);
      expect(extract(f(doc('1. Các Ban báo cáo kết quả với Thường trực ngay sau khi kết thúc đợt kiểm tra.'))).deadlines.map((x) => fold(x.text))).toEqual(['ngay sau khi ket thuc dot kiem tra']);
    }
  });
});

describe('a year opening a sentence that aims at a value', () => {
  const doc = (s: string) => ['Quan Sơn, ngày 20 tháng 8 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'IV. CHỈ TIÊU VÀ KINH PHÍ', '', s].join('\n');
  it('reads "Năm 2025, toàn huyện phấn đấu …" as due in 2025, not "Năm 2025, toàn huyện có …"', () => {
    for (const f of [(s: string) => s, stripMarks]) {
      expect(extract(f(doc('Năm 2025, toàn huyện phấn đấu giảm tỷ lệ hộ nghèo xuống còn 20,5%.'))).deadlines.map((x) => [x.date, x.endDate])).toEqual([['2025-01-01', '2025-12-31']]);
      expect(extract(f(doc('Năm 2025, toàn huyện có 1.234 hộ nghèo; các xã phấn đấu giảm 5%.'))).deadlines).toEqual([]);
    }
  });
});

describe('months that come back every year', () => {
  const doc = [
    'Phú Lương, ngày 17 tháng 3 năm 2026',
    '',
    'KẾ HOẠCH',
    'Thử',
    '',
    'V. NỘI DUNG, GIẢI PHÁP',
    '',
    '3. Trồng rừng',
    '',
    'Thời vụ trồng từ tháng 4 đến tháng 8 hằng năm; phía biển Tây trồng từ tháng 11 đến tháng 3 năm sau.',
    '',
    '6. Đánh giá, công nhận',
    '',
    'Hội đồng đánh giá vườn mẫu của xã tổ chức chấm điểm hằng năm vào tháng 10; vườn đạt từ 85 điểm trở lên được công nhận.',
  ].join('\n');
  it('reads "từ tháng 4 đến tháng 8 hằng năm" and "hằng năm vào tháng 10" as yearly, first in the plan year, also under "Đánh giá, công nhận"', () => {
    const want = [
      ['2026-04-01', '2026-08-31', 'yearly'],
      ['2026-11-01', '2027-03-31', null],
      ['2026-10-01', '2026-10-31', 'yearly'],
    ];
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).deadlines.map((x) => [x.date, x.endDate, x.recurrence])).toEqual(want);
    // Under a part that tells results, no time limit: "Đánh giá kết quả".
    expect(extract(doc.replace('6. Đánh giá, công nhận', '6. Đánh giá kết quả')).deadlines.map((x) => x.date)).toEqual(['2026-04-01', '2026-11-01']);
    // In prose, a month alone is still a season: "mưa nhiều vào tháng 10".
    expect(extract(doc.replace('chấm điểm hằng năm vào tháng 10', 'chấm điểm; mưa nhiều vào tháng 10')).deadlines.map((x) => x.date)).toEqual(['2026-04-01', '2026-11-01']);
  });
});

describe('a ruled table of a scan (a table node of the document tree)', () => {
  const head = ['ỦY BAN NHÂN DÂN', 'HUYỆN AN LẠC', 'Số: 58/KH-UBND', 'An Lạc, ngày 14 tháng 3 năm 2025', 'KẾ HOẠCH', 'Chuyển đổi số năm 2025', 'II. NHIỆM VỤ CỤ THỂ'];
  const rows = [
    ['STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn', 'Sản phẩm'],
    ['1', 'Rà soát, chuẩn hóa dữ liệu hộ tịch', 'Phòng Tư pháp', 'UBND các xã', 'Quý II/2025', 'Dữ liệu được chuẩn hóa'],
    ['2', 'Số hóa hồ sơ thủ tục hành chính còn hiệu lực', 'Văn phòng HĐND và UBND huyện', 'Các phòng chuyên môn', 'Trước 30/9/2025', 'Kho dữ liệu số'],
  ];

  it('gives each time cell once, with its row as what is due, not again as prose', () => {
    for (const variant of [rows, rows.map((r) => r.map(stripMarks))]) {
      const { deadlines } = extractTree(scannedTree([[...head, { table: variant }, 'Trên đây là Kế hoạch chuyển đổi số năm 2025 của UBND huyện.']]));
      expect(deadlines.map((d) => d.date)).toEqual(['2025-04-01', '2025-09-30']);
      expect(fold(deadlines[1].context ?? '')).toMatch(/^so hoa ho so/);
    }
  });
});

describe('timetables, weeks of a month and periods looked back on', () => {
  const doc = [
    'KẾ HOẠCH',
    'Kiểm tra công trình năm 2025',
    'Thái Nguyên, ngày 18 tháng 02 năm 2025',
    '',
    'I. DANH MỤC',
    '',
    'STT | Tên công trình | Thời gian dự kiến',
    '1 | Nhà điều trị nội trú | Tuần 2 tháng 3',
    '2 | Trường trung học cơ sở | Tuần 1 tháng 5',
    '',
    'a) Thanh tra việc quản lý, sử dụng đất đai tại 02 huyện, thời kỳ từ ngày 01 tháng 01 năm 2019 đến ngày 31 tháng 12 năm 2025.',
    '',
    'b) Trạm Y tế phối hợp với bệnh viện lập danh sách; tổ chức 02 đợt khám tại Trạm (tháng 6 và tháng 10 năm 2025) với bác sĩ chuyên khoa.',
    '',
    'c) Khuyến khích học sinh hoạt động ngoài trời ít nhất 2 giờ mỗi ngày.',
    '',
    'd) Tổ chức tổng vệ sinh vào sáng Chủ nhật tuần cuối mỗi tháng; Hội đồng chấm điểm các tuyến đường vào tháng 11 hằng năm.',
    '',
    'II. TIẾN ĐỘ THỰC HIỆN',
    '',
    '- Tháng 7 và tháng 8 năm 2025: trình Hội đồng nhân dân xã thông qua phương án.',
    '',
    '- Tháng 9 năm 2025: chấm điểm, ra mắt các tuyến đường. Quý IV năm 2025: tổng kết Kế hoạch.',
  ].join('\n');

  it('reads each dated part of a timetable line, a week of a month as the month, and a monthly day', () => {
    for (const d of [doc, stripMarks(doc)]) {
      const got = extract(d).deadlines.map((x) => [x.date, x.endDate, x.recurrence]);
      expect(got).toEqual(
        expect.arrayContaining([
          ['2025-03-01', '2025-03-31', null],
          ['2025-05-01', '2025-05-31', null],
          ['2025-06-01', '2025-06-30', null],
          ['2025-10-01', '2025-10-31', null],
          [null, null, 'monthly'],
          ['2025-11-01', '2025-11-30', 'yearly'],
          ['2025-07-01', '2025-07-31', null],
          ['2025-08-01', '2025-08-31', null],
          ['2025-09-01', '2025-09-30', null],
          ['2025-10-01', '2025-12-31', null],
        ]),
      );
      expect(got).toHaveLength(10);
    }
  });

  it('takes neither the period an inspection looks back on nor a least time each day for a time limit', () => {
    const got = extract(doc).deadlines.map((x) => fold(x.text));
    expect(got.some((t) => t.includes('2019'))).toBe(false);
    expect(got.some((t) => t.includes('gio'))).toBe(false);
  });

  it('reads a bare cycle in an item of a "Thời gian …" heading\'s list as a field value ("sau đó huấn luyện duy trì hằng tuần"), not in other lists', () => {
    const doc = (heading: string) =>
      ['KẾ HOẠCH', 'Thử', '', 'II. TỔ CHỨC HUẤN LUYỆN', '', heading, '', '- Dân quân năm thứ nhất: từ ngày 02 tháng 3 đến ngày 16 tháng 3 năm 2026.', '- Dân quân thường trực: huấn luyện tập trung từ tháng 3 đến tháng 5 năm 2026, sau đó huấn luyện duy trì hằng', 'tuần.'].join('\n');
    for (const d of [doc('4. Thời gian huấn luyện'), stripMarks(doc('4. Thời gian huấn luyện'))]) {
      expect(extract(d).deadlines.map((x) => [x.date, x.endDate, x.recurrence])).toEqual([
        ['2026-03-02', '2026-03-16', null],
        ['2026-03-01', '2026-05-31', null],
        [null, null, 'weekly'],
      ]);
    }
    expect(extract(doc('4. Đối tượng huấn luyện')).deadlines.map((x) => x.recurrence)).toEqual([null, null]);
  });
});
