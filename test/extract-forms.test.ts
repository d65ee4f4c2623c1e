/**
 * Extraction of the forms the first extractors missed: legislature symbols with a term number,
 * apostrophe names, target lists and unit × indicator tables, counted values, task texts trimmed
 * to the task, and the damage OCR text carries (debris in "Số:", a lost "Nơi nhận", table rows
 * whose columns are gone). Small hand-made texts, some with their diacritics stripped.
 */
import { describe, expect, it } from 'vitest';
import { scanTime } from '../src/extract/dates.ts';
import { taskText } from '../src/extract/tasks.ts';
import { fold } from '../src/extract/text.ts';
import { extract, stripMarks } from './fixtures/extract/helpers.ts';

const plan = (...body: string[]) => ['KẾ HOẠCH', 'Thử nghiệm', '', ...body].join('\n');

describe('legal bases: symbols with a term number, laws named before their number', () => {
  it('reads QH14, QH15 and UBTVQH15 whole', () => {
    const text = [
      'Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; Luật sửa đổi, bổ sung một số điều của Luật Đất đai',
      'số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15;',
      '',
      'Căn cứ Nghị quyết số 88/2019/QH14 ngày 18/11/2019 của Quốc hội; Nghị quyết số 76/2025/UBTVQH15',
      'ngày 14 tháng 4 năm 2025 của Ủy ban Thường vụ Quốc hội;',
    ].join('\n');
    const byNumber = Object.fromEntries(extract(text).legalBases.map((b) => [b.number ?? b.date, b]));
    expect(byNumber['31/2024']).toMatchObject({ docType: 'Luật', symbol: 'QH15' });
    expect(byNumber['31/2024'].text).toMatch(/^Luật sửa đổi/);
    expect(byNumber['27/2023']).toMatchObject({ docType: 'Luật', symbol: 'QH15', text: 'Luật Nhà ở số 27/2023/QH15' });
    expect(byNumber['88/2019']).toMatchObject({ docType: 'Nghị quyết', symbol: 'QH14', date: '2019-11-18', issuer: 'Quốc hội' });
    expect(byNumber['76/2025']).toMatchObject({ symbol: 'UBTVQH15', date: '2025-04-14' });
    expect(byNumber['2024-01-18']).toMatchObject({ docType: 'Luật', number: null });
  });

  it('keeps two amending laws told apart by their dates, and ends an issuer at "và" + lower case', () => {
    const text = [
      'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014 và ngày',
      '27 tháng 11 năm 2024;',
      '',
      'Thực hiện Kế hoạch số 199/KH-UBND ngày 06/11/2024 của UBND tỉnh và triển khai chiến dịch.',
    ].join('\n');
    const { legalBases } = extract(text);
    expect(legalBases.filter((b) => b.docType === 'Luật').map((b) => b.date)).toEqual(['2014-06-13', '2024-11-27']);
    expect(legalBases.find((b) => b.number === '199')?.issuer).toBe('UBND tỉnh');
  });
});

describe('metadata: names and OCR damage', () => {
  const closing = (name: string) => ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', '', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', name].join('\n');

  it('reads signer names with an apostrophe, and names that start like "Lưu"', () => {
    expect(extract(plan('I. MỤC ĐÍCH', '', closing("Ksor H'Bliêng"))).metadata.signer.name).toBe("Ksor H'Bliêng");
    expect(extract(plan('I. MỤC ĐÍCH', '', closing("H' Yim Niê"))).metadata.signer.name).toBe("H' Yim Niê");
    expect(extract(plan('I. MỤC ĐÍCH', '', closing('Lưu Thị Bích Hạnh'))).metadata.signer.name).toBe('Lưu Thị Bích Hạnh');
  });

  it('reads "TTr" symbols and a handwritten number read as debris', () => {
    expect(extract('Số: 94/TTr-UBND Thọ Xuân, ngày 05 tháng 12 năm 2025\nTỜ TRÌNH\nVề dự toán\n').metadata).toMatchObject({ number: '94', symbol: 'TTr-UBND' });
    const { metadata: m, messages } = extract('Số: g/) 0 /KH-UBND Cư Kuin, ngày 14 tháng 11 năm 2024\nKẾ HOẠCH\nTriển khai\n');
    expect(m).toMatchObject({ number: '0', symbol: 'KH-UBND', place: 'Cư Kuin', issuedDate: '2024-11-14' });
    expect(messages.join('\n')).toMatch(/debris/);
  });

  it('finds the recipients after "./." when the "Nơi nhận" line was lost', () => {
    const text = plan('I. MỤC ĐÍCH', '', 'Yêu cầu các cơ quan nghiêm túc triển khai thực hiện./.', '', 'Nói những” = HD TÍCH', '- Văn phòng UBND tỉnh; U', '', '- Công an huyện;', '- Lưu VT, VHTT.', '', 'Võ Tấn Huy');
    const { metadata: m } = extract(text);
    expect(m.recipients.map((r) => r.name)).toEqual(['Văn phòng UBND tỉnh', 'Công an huyện', 'Lưu VT, VHTT']);
    expect(m.signer.name).toBe('Võ Tấn Huy');
  });
});

describe('targets: lists, tables, counted values', () => {
  it('reads "indicator: value" lists and "unit: indicator value; …" lists', () => {
    const text = plan(
      'II. CHỈ TIÊU',
      '',
      '1. Đào tạo lý luận chính trị:',
      '- Cao cấp lý luận chính trị: 08 người;',
      '- Trung cấp lý luận chính trị: 25 người.',
      '',
      '2. Chỉ tiêu giao cho các xã như sau:',
      '- Xã Ea Kly: trực tuyến 55%; thanh toán trực tuyến 45%; số hóa 95%.',
      '- Thị trấn Phước An: trực tuyến 65%; số hóa 100%.',
    );
    const t = extract(text).targets.map((x) => [x.indicator, x.value.number, x.value.unit, x.responsible]);
    expect(t).toEqual([
      ['Cao cấp lý luận chính trị', 8, 'người', null],
      ['Trung cấp lý luận chính trị', 25, 'người', null],
      ['trực tuyến', 55, '%', 'Xã Ea Kly'],
      ['thanh toán trực tuyến', 45, '%', 'Xã Ea Kly'],
      ['số hóa', 95, '%', 'Xã Ea Kly'],
      ['trực tuyến', 65, '%', 'Thị trấn Phước An'],
      ['số hóa', 100, '%', 'Thị trấn Phước An'],
    ]);
  });

  it('reads unit × indicator tables with the unit in the header, skipping the total row', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      '',
      'PHỤ LỤC',
      'CHỈ TIÊU GIAO CHO CÁC THÔN NĂM 2026',
      '',
      'STT | Thôn | Tỷ lệ tham gia BHYT (%) | Số hộ thoát nghèo (hộ)',
      '1 | Thôn Sả Hồ | 97,5 | 9',
      '2 | Thôn Na Pao | 98,0 | 7',
      '| Cộng | ≥ 97,0 | 16',
    ].join('\n');
    const t = extract(text).targets.map((x) => [x.indicator, x.value.number, x.value.unit, x.responsible, x.period]);
    expect(t).toEqual([
      ['Tỷ lệ tham gia BHYT (%)', 97.5, '%', 'Thôn Sả Hồ', 'năm 2026'],
      ['Số hộ thoát nghèo (hộ)', 9, 'hộ', 'Thôn Sả Hồ', 'năm 2026'],
      ['Tỷ lệ tham gia BHYT (%)', 98, '%', 'Thôn Na Pao', 'năm 2026'],
      ['Số hộ thoát nghèo (hộ)', 7, 'hộ', 'Thôn Na Pao', 'năm 2026'],
    ]);
  });

  it('reads counted values, baselines and a leading share, and leaves conditions alone', () => {
    const text = plan(
      'II. CHỈ TIÊU NĂM 2026',
      '',
      'a) Giải quyết việc làm mới cho ít nhất 420 lao động, trong đó đưa 35 lao động đi làm việc ở nước ngoài.',
      '',
      'b) Tỷ lệ hộ nghèo giảm từ 4% trở lên so với cuối năm 2025; 100% xã đạt từ 75 điểm trở lên.',
      '',
      'c) Không để nợ đóng kéo dài từ 03 tháng trở lên; trẻ em dưới 06 tuổi được cấp thẻ BHYT.',
      '',
      'III. NHIỆM VỤ',
      '',
      '1. Rà soát thủ tục có thời hạn giải quyết dưới 05 ngày; cắt giảm tối thiểu 20% thời gian giải quyết.',
    );
    const t = extract(text).targets;
    expect(t.map((x) => [x.value.number, x.value.unit, x.value.comparator])).toEqual([
      [420, 'lao động', '>='],
      [35, 'lao động', '='],
      [4, '%', '>='],
      [100, '%', '='],
      [20, '%', '>='],
    ]);
    expect(t[2]).toMatchObject({ indicator: 'Tỷ lệ hộ nghèo giảm', baseline: 'cuối năm 2025', period: 'năm 2026' });
    expect(t[3].indicator).toBe('xã đạt từ 75 điểm trở lên');
  });

  it('reads the same list without diacritics', () => {
    const text = stripMarks(plan('II. CHỈ TIÊU', '', '1. Đào tạo:', '- Cao cấp lý luận chính trị: 08 người;'));
    expect(extract(text).targets.map((x) => [x.indicator, x.value.number])).toEqual([['Cao cap ly luan chinh tri', 8]]);
  });

  it('reads a target table whose columns OCR lost, pairing current and target values per indicator', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      '',
      'PHỤ LỤC I',
      'GIAO CHỈ TIÊU CỤ THỂ CHO CÁC ĐƠN VỊ',
      '',
      'Tỷ lệ thanh toán',
      'trực tuyến',
      '',
      'Tỷ lệ DVC',
      'trực tuyến',
      '',
      'STT Đơn vị Chỉ tiêu Chỉ tiêu',
      '2 UBND xã Ea Bhốk 0% 5% 58.1% 63.1%',
      '3 |UBND xã Ea Ning 0% 5% 56.7% | 61.7%',
    ].join('\n');
    const { targets, messages } = extract(text);
    expect(targets.map((x) => [x.indicator, x.value.number, x.baseline, x.responsible])).toEqual([
      ['Tỷ lệ thanh toán trực tuyến', 5, '0%', 'UBND xã Ea Bhốk'],
      ['Tỷ lệ DVC trực tuyến', 63.1, '58.1%', 'UBND xã Ea Bhốk'],
      ['Tỷ lệ thanh toán trực tuyến', 5, '0%', 'UBND xã Ea Ning'],
      ['Tỷ lệ DVC trực tuyến', 61.7, '56.7%', 'UBND xã Ea Ning'],
    ]);
    expect(messages.join('\n')).toMatch(/without columns/);
  });
});

describe('tasks: the task itself, and more forms', () => {
  it('trims a task to its first sentence, and a long sentence of duties to the first', () => {
    expect(taskText('Thường xuyên theo dõi việc thực hiện Chiến dịch. Trong đó, nêu rõ tập thể, cá nhân hoàn thành.')).toBe('Thường xuyên theo dõi việc thực hiện Chiến dịch');
    expect(taskText('Rà soát. Cập nhật danh mục thủ tục hành chính mới ban hành.')).toBe('Rà soát. Cập nhật danh mục thủ tục hành chính mới ban hành');
    expect(taskText('Phối hợp với TT. HĐND huyện tổ chức hội nghị tiếp xúc cử tri.')).toBe('Phối hợp với TT. HĐND huyện tổ chức hội nghị tiếp xúc cử tri');
  });

  it('reads unit headings with their tasks below, without the closing formula', () => {
    const text = plan(
      'III. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội',
      '',
      'Phối hợp tuyên truyền, vận động hội viên sử dụng dịch vụ công trực tuyến.',
      '',
      '2. Văn phòng HĐND và UBND huyện có trách nhiệm: Giúp Chủ tịch UBND huyện theo dõi, đôn đốc.',
      '',
      'Trên đây là Kế hoạch thực hiện năm 2024 của Ủy ban nhân dân huyện./.',
    );
    const { tasks } = extract(text);
    expect(tasks.map((t) => [t.lead, t.task, t.cooperating])).toEqual([
      ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội', 'Phối hợp tuyên truyền, vận động hội viên sử dụng dịch vụ công trực tuyến', []],
      ['Văn phòng HĐND và UBND huyện', 'Giúp Chủ tịch UBND huyện theo dõi, đôn đốc', []],
    ]);
  });

  it('reads "X chủ trì, phối hợp với Y thực hiện" inside an item, and names with a verb inside', () => {
    const text = plan(
      'III. NHIỆM VỤ VÀ GIẢI PHÁP',
      '',
      '1. Rà soát danh mục',
      '',
      'a) Rà soát toàn bộ danh mục thủ tục hành chính. Văn phòng HĐND và UBND huyện chủ trì, phối hợp với các phòng chuyên môn thực hiện, hoàn thành trước ngày 15/4/2024.',
      '',
      'b) Bộ phận tiếp nhận và trả kết quả thực hiện cảnh báo hồ sơ sắp đến hạn.',
      '',
      'c) Đối với hồ sơ quá hạn, cơ quan có trách nhiệm gửi phiếu xin lỗi.',
    );
    const { tasks } = extract(text);
    expect(tasks.map((t) => [t.task, t.lead, t.cooperating, t.deadline])).toEqual([
      ['thực hiện cảnh báo hồ sơ sắp đến hạn', 'Bộ phận tiếp nhận và trả kết quả', [], null],
      ['Rà soát toàn bộ danh mục thủ tục hành chính', 'Văn phòng HĐND và UBND huyện', ['các phòng chuyên môn'], 'hoàn thành trước ngày 15/4/2024'],
    ]);
  });

  it('reads a task table whose cells OCR wrote one block each, and the rows whose cells share lines, with a warning', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      '',
      'PHỤ LỤC I. CÁC NHIỆM VỤ CỤ THỂ',
      '',
      'Sản phẩm dự kiến',
      '',
      'Cơ quan, đơn vị',
      '',
      'TT Tên nhiệm vụ hoàn thành Cơ quan chủ trì phối hợp thực hiện',
      '1 Chỉ đạo việc tiếp nhận, giải quyết Văn bản chỉ đạo Văn phòng HĐND và Thường xuyên',
      '',
      '2',
      '',
      'Khai thác, sử dụng dữ liệu TTHC',
      '',
      'Dữ liệu TTHC được khai',
      'thác trên Cổng Dịch vụ công',
      '',
      'Các phòng chuyên',
      'môn, UBND cấp xã',
      '',
      'Văn phòng HĐND và',
      'UBND huyện',
      '',
      'Thường xuyên',
      '',
      '3',
      '',
      'Ban hành Quy chế quản lý hệ thống',
      '',
      'Quyết định QPPL',
      '',
      'Sở Thông tin và',
      'Truyền thông',
      '',
      'Các phòng chuyên',
      'môn, UBND cấp xã',
      '',
      'Quý 1V/2024',
    ].join('\n');
    const { tasks, deadlines, messages } = extract(text);
    expect(tasks.map((t) => [t.task, t.lead, t.cooperating, t.deadline, t.product])).toEqual([
      // Cells on one line: cut where the product ("Văn bản chỉ đạo") and the known unit name begin.
      ['Chỉ đạo việc tiếp nhận, giải quyết', 'Văn phòng HĐND và UBND huyện', [], 'Thường xuyên', null],
      ['Khai thác, sử dụng dữ liệu TTHC', 'Các phòng chuyên môn, UBND cấp xã', ['Văn phòng HĐND và UBND huyện'], 'Thường xuyên', 'Dữ liệu TTHC được khai thác trên Cổng Dịch vụ công'],
      ['Ban hành Quy chế quản lý hệ thống', 'Sở Thông tin và Truyền thông', ['Các phòng chuyên môn', 'UBND cấp xã'], 'Quý 1V/2024', 'Quyết định QPPL'],
    ]);
    expect(deadlines.find((d) => d.text === 'Quý 1V/2024')).toMatchObject({ date: '2024-10-01', endDate: '2024-12-31' });
    expect(messages.join('\n')).toMatch(/1 row\(s\) whose cells share lines .*1 read/);
  });
});

describe('deadlines: one recurrence said twice, rates, OCR-read quarters', () => {
  const scan = (s: string, field = true) => scanTime(fold(s), { field, year: 2024 }).map((t) => [t.kind, t.date, t.recurrence]);

  it('reads "Quý 1V" and "Quý 111" as the quarters OCR made of IV and III', () => {
    expect(scan('Quý 1V/2024')).toEqual([['quarter', '2024-10-01', null]]);
    expect(scan('Quý 111/2024')).toEqual([['quarter', '2024-07-01', null]]);
  });

  it('does not read a rate ("02 tin, bài mỗi tháng") as a recurrence', () => {
    expect(scan('Thường xuyên, tối thiểu 02 tin, bài mỗi tháng')).toEqual([['ongoing', null, 'ongoing']]);
  });

  it('merges "Định kỳ hằng tháng, trước ngày 05 của tháng sau" in a time column into one deadline', () => {
    const text = plan('PHỤ LỤC', '', 'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành', '1 | Theo dõi, tổng hợp | Phòng Nội vụ | Định kỳ hằng tháng, trước ngày 05 của tháng sau');
    expect(extract(text).deadlines.map((d) => [d.text, d.recurrence])).toEqual([['Định kỳ hằng tháng, trước ngày 05 của tháng sau', 'monthly, by day 05 of the next month']]);
  });
});
