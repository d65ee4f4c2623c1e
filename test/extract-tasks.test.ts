import { describe, expect, it } from 'vitest';
import { classifyColumns } from '../src/extract/tasks.ts';
import { splitUnits, splitUnitsAndTask } from '../src/extract/lexicon.ts';
import { extract, extractTree, fixture, scannedTree, stripMarks } from './fixtures/extract/helpers.ts';

describe('responsibility matrix', () => {
  it('classifies columns in any order and wording', () => {
    expect(classifyColumns(['STT', 'Thời hạn', 'Cơ quan phối hợp', 'Nội dung công việc', 'Đơn vị chủ trì', 'Sản phẩm'])).toEqual({ stt: 0, time: 1, coop: 2, task: 3, lead: 4, product: 5 });
    expect(classifyColumns(stripMarks('TT | Tên nhiệm vụ | Sản phẩm dự kiến hoàn thành | Cơ quan chủ trì | Cơ quan, đơn vị phối hợp | Thời gian thực hiện').split(' | '))).toEqual({ stt: 0, task: 1, product: 2, lead: 3, coop: 4, time: 5 });
  });

  it('splits unit lists and finds where the task starts', () => {
    expect(splitUnits('Các sở, ngành; UBND các huyện, thành phố; Báo Bắc Kạn')).toEqual(['Các sở, ngành', 'UBND các huyện, thành phố', 'Báo Bắc Kạn']);
    expect(splitUnitsAndTask('Văn phòng HĐND và UBND huyện, Phòng Văn hóa và Thông tin xây dựng, đưa tin')).toEqual({ units: 'Văn phòng HĐND và UBND huyện, Phòng Văn hóa và Thông tin', rest: 'xây dựng, đưa tin' });
  });
});

describe('extractTasks', () => {
  const { tasks } = extract(fixture('plan-small.txt'));
  const find = (words: string) => tasks.find((t) => t.task.includes(words));

  it('reads task tables', () => {
    expect(find('Ngày Pháp luật')).toMatchObject({ lead: 'Văn phòng Sở', cooperating: ['Các phòng'], deadline: 'Tháng 10/2024', product: 'Báo cáo kết quả' });
  });

  it('reads labelled fields, giving a block after several items to their parent', () => {
    expect(find('Tuyên truyền Luật Đất đai')).toMatchObject({ lead: 'Phòng Phổ biến, giáo dục pháp luật', cooperating: ['Văn phòng Sở', 'Phòng Hành chính tư pháp'], deadline: 'Quý III/2024' });
    expect(find('Kiểm tra tại 05 huyện')).toMatchObject({ lead: 'Thanh tra Sở', cooperating: ['Văn phòng Sở'], deadline: 'trước ngày 30/11/2024' });
  });

  it('reads unit paragraphs and "Giao … chủ trì, phối hợp với …"', () => {
    expect(find('bố trí kinh phí')).toMatchObject({ lead: 'Văn phòng Sở' });
    expect(find('báo cáo sơ kết')).toMatchObject({ lead: 'Phòng Hành chính tư pháp', cooperating: ['Văn phòng Sở'], deadline: 'trước ngày 15/7/2024' });
    // The closing block (Nơi nhận) is never part of a task.
    expect(tasks.some((t) => /Nơi nhận/.test(t.task))).toBe(false);
  });

  it('reads another unit\'s "chủ trì, phối hợp với" clause inside a unit paragraph, not its other clauses', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'IV. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Đề nghị Ủy ban MTTQ Việt Nam huyện lồng ghép nội dung vào cuộc vận động; Phòng Tư pháp chủ trì,',
      'phối hợp với Công an huyện rà soát các vụ việc; Huyện đoàn chỉ đạo các cơ sở đoàn; Hội Nông dân',
      'huyện chủ trì vận động hội viên.',
      '',
      '2. Phòng Tư pháp tham mưu bố trí kinh phí; Phòng Tư pháp chủ trì, phối hợp với Văn phòng kiểm tra.',
    ].join('\n');
    const rows = (t: string) => extract(t).tasks.map((x) => [x.lead, x.cooperating, x.task]);
    expect(rows(text)).toEqual([
      ['Ủy ban MTTQ Việt Nam huyện', [], 'lồng ghép nội dung vào cuộc vận động'],
      ['Phòng Tư pháp', [], 'tham mưu bố trí kinh phí; Phòng Tư pháp chủ trì, phối hợp với Văn phòng kiểm tra'],
      ['Phòng Tư pháp', ['Công an huyện'], 'rà soát các vụ việc'],
    ]);
    expect(rows(stripMarks(text)).map((r) => r[0])).toEqual(['Uy ban MTTQ Viet Nam huyen', 'Phong Tu phap', 'Phong Tu phap']);
  });

  it('reads the unit paragraphs of a TỔ CHỨC THỰC HIỆN part that has no items, not its other paragraphs', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'III. TỔ CHỨC THỰC HIỆN',
      '',
      'Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn tổ chức triển khai thực hiện Kế hoạch này; trong quá',
      'trình thực hiện nếu có khó khăn, vướng mắc kịp thời báo cáo về Phòng Nội vụ để tổng hợp./.',
      '',
      'Kinh phí thực hiện từ nguồn ngân sách huyện năm 2025.',
      '',
      'Trên đây là Kế hoạch của UBND huyện.',
    ].join('\n');
    const rows = (t: string) => extract(t).tasks.map((x) => [x.lead, x.task]);
    expect(rows(text)).toEqual([['Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn', 'tổ chức triển khai thực hiện Kế hoạch này']]);
    expect(rows(stripMarks(text))).toEqual([['Thu truong cac co quan, don vi va Chu tich UBND cac xa, thi tran', 'to chuc trien khai thuc hien Ke hoach nay']]);
    // With items of its own, the part's opening paragraph is no task of its own.
    const withItems = text.replace('Kinh phí thực hiện', '1. Phòng Nội vụ tổng hợp kết quả, báo cáo UBND huyện.\n\nKinh phí thực hiện');
    expect(rows(withItems).map((r) => r[0])).toEqual(['Phòng Nội vụ']);
  });

  it('reads dash items naming a unit and its duty in the tasks part', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'II. NỘI DUNG',
      '',
      '1.3. Phân công thực hiện',
      '',
      '- Công chức Tư pháp - Hộ tịch: chủ trì, tham mưu Ủy ban nhân dân xã tổ chức các hội nghị; thời gian',
      'thực hiện thường xuyên.',
      '- Đề nghị Ủy ban MTTQ Việt Nam xã và các đoàn thể: lồng ghép nội dung phổ biến pháp luật.',
      '- Xã Ea Kly: 55% hồ sơ trực tuyến.',
      '- Phòng Tư pháp: Trưởng phòng trực tiếp chỉ đạo.',
    ].join('\n');
    const rows = (t: string) => extract(t).tasks.map((x) => [x.lead, x.task, x.deadline]);
    expect(rows(text)).toEqual([
      ['Công chức Tư pháp - Hộ tịch', 'chủ trì, tham mưu Ủy ban nhân dân xã tổ chức các hội nghị', 'thường xuyên'],
      ['Ủy ban MTTQ Việt Nam xã và các đoàn thể', 'lồng ghép nội dung phổ biến pháp luật', null],
    ]);
    // The time field inside the item is a deadline of that task.
    expect(extract(text).deadlines.map((d) => [d.text, d.recurrence, d.context, d.responsible])).toEqual([
      ['thường xuyên', 'ongoing', 'chủ trì, tham mưu Ủy ban nhân dân xã tổ chức các hội nghị', 'Công chức Tư pháp - Hộ tịch'],
    ]);
    expect(rows(stripMarks(text)).map((r) => r[0])).toEqual(['Cong chuc Tu phap - Ho tich', 'Uy ban MTTQ Viet Nam xa va cac doan the']);
  });

  it('reads task-table rows whose cells OCR interleaved on shared lines, with the unit names other rows spell out', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'PHỤ LỤC. CÁC NHIỆM VỤ',
      '',
      'Sản phẩm',
      '',
      'TT Tên nhiệm vụ dự kiến Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện',
      'Tuyên truyền pháp luật về Phòng Tư pháp huyện',
      '1 đất đai cho người dân Tin, bài Phòng Văn hóa Thường xuyên',
      'và Thông tin huyện',
      'Kiểm tra việc cấp giấy Phòng Tài nguyên Văn phòng HĐND',
      '2 chứng nhận quyền sử dụng Báo cáo và Môi trường và UBND huyện Quý III/2025',
      'đất',
      '',
      '3',
      '',
      'Tổng hợp báo cáo kết quả thực hiện',
      '',
      'Báo cáo',
      '',
      'Phòng Tư pháp huyện',
      '',
      'Văn phòng HĐND và UBND huyện',
      '',
      'Quý IV/2025',
      '',
      '4',
      '',
      'Rà soát hồ sơ đất đai',
      '',
      'Phòng Tài nguyên và Môi trường',
      '',
      'Phòng Văn hóa và Thông tin huyện',
      '',
      'Thường xuyên',
    ].join('\n');
    const rows = (t: string) => extract(t).tasks.map((x) => [x.task, x.lead, x.cooperating, x.deadline]);
    expect(rows(text)).toEqual([
      ['Tuyên truyền pháp luật về đất đai cho người dân', 'Phòng Tư pháp huyện', ['Phòng Văn hóa và Thông tin huyện'], 'Thường xuyên'],
      ['Kiểm tra việc cấp giấy chứng nhận quyền sử dụng đất', 'Phòng Tài nguyên và Môi trường', ['Văn phòng HĐND và UBND huyện'], 'Quý III/2025'],
      ['Tổng hợp báo cáo kết quả thực hiện', 'Phòng Tư pháp huyện', ['Văn phòng HĐND và UBND huyện'], 'Quý IV/2025'],
      ['Rà soát hồ sơ đất đai', 'Phòng Tài nguyên và Môi trường', ['Phòng Văn hóa và Thông tin huyện'], 'Thường xuyên'],
    ]);
    const { deadlines, messages } = extract(text);
    expect(deadlines.map((d) => d.date ?? d.text)).toEqual(['Thường xuyên', '2025-07-01', '2025-10-01', 'Thường xuyên']);
    expect(messages.some((m) => /2 row\(s\) whose cells share lines.*2 read/.test(m))).toBe(true);
    // With rulings OCR kept as stray "|" between cells: the same rows.
    const ruled = text.replace('Tuyên truyền pháp luật về Phòng', 'Tuyên truyền pháp luật về | Phòng').replace('Kiểm tra việc cấp giấy Phòng', 'Kiểm tra việc cấp giấy | Phòng');
    expect(rows(ruled)).toEqual(rows(text));
    // The same table as an English-model OCR leaves it, without diacritics.
    expect(rows(stripMarks(text)).map((r) => [r[1], r[3]])).toEqual(
      rows(text).map((r) => [stripMarks(r[1] as string), stripMarks(r[3] as string)]),
    );
  });

  it('leaves "a | b" task tables to the grid reader (their rows are not interleaved cells)', () => {
    const text = ['KẾ HOẠCH', 'Thử', '', 'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian', '', '1 | Tuyên truyền | Phòng Tư pháp | Các xã |', 'Quý II/2025', '', '2 | Kiểm tra | Thanh tra huyện | Các xã | Quý III/2025'].join('\n');
    const { tasks, messages } = extract(text);
    expect(tasks.map((t) => [t.task, t.deadline])).toEqual([
      ['Tuyên truyền', 'Quý II/2025'],
      ['Kiểm tra', 'Quý III/2025'],
    ]);
    expect(messages.some((m) => /share lines/.test(m))).toBe(false);
  });

  it('still finds the matrix when diacritics are lost', () => {
    const t = extract(stripMarks(fixture('plan-small.txt'))).tasks;
    expect(t.some((x) => x.task === 'To chuc Ngay Phap luat' && x.lead === 'Van phong So')).toBe(true);
  });

  it('reads "Phân công X <task>" and a unit that leads after the time its clause opens with', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'IV. NHIỆM VỤ VÀ GIẢI PHÁP',
      '',
      '5. Hỗ trợ người cao tuổi tiếp cận chuyển đổi số',
      '',
      'Phân công Tổ công nghệ số cộng đồng hướng dẫn người cao tuổi cài đặt, sử dụng ứng dụng VNeID.',
      '',
      '6. Kiểm tra, giám sát',
      '',
      'Định kỳ 6 tháng, Phòng Văn hóa - Xã hội chủ trì, phối hợp với Hội Người cao tuổi xã kiểm tra việc thực hiện chính sách tại các thôn.',
    ].join('\n');
    const read = (t: string) => extract(t).tasks.map((k) => [k.lead, k.cooperating]);
    expect(read(text)).toEqual([
      ['Tổ công nghệ số cộng đồng', []],
      ['Phòng Văn hóa - Xã hội', ['Hội Người cao tuổi xã']],
    ]);
    expect(extract(text).tasks[1].task).toMatch(/^kiểm tra việc thực hiện chính sách/);
    // "phân công cán bộ …" names no unit: no task.
    expect(read(text.replace('Phân công Tổ công nghệ số cộng đồng', 'Phân công cán bộ'))).toHaveLength(1);
  });

  it('reads a schedule table with time and lead columns but no task column: the other columns say what is done', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'IV. NỘI DUNG THỰC HIỆN',
      '',
      'a) Các trường học lồng ghép giáo dục về vệ sinh an toàn thực phẩm trong các tiết sinh hoạt lớp.',
      '',
      'b) Lịch kiểm tra dự kiến như sau:',
      '',
      'STT | Thời gian | Đối tượng kiểm tra | Hình thức | Đơn vị chủ trì',
      '1 | Từ ngày 15/9 đến ngày 10/10/2025 | 19 bếp ăn tập thể | Kiểm tra định kỳ | Đoàn kiểm tra liên ngành phường',
      '2 | Hằng tuần trong năm học | Hàng rong trước cổng trường | Kiểm tra, nhắc nhở | Công an phường',
    ].join('\n');
    const { tasks, deadlines } = extract(text);
    expect(tasks.map((t) => [t.task, t.lead, t.deadline])).toEqual([
      ['19 bếp ăn tập thể, Kiểm tra định kỳ', 'Đoàn kiểm tra liên ngành phường', 'Từ ngày 15/9 đến ngày 10/10/2025'],
      ['Hàng rong trước cổng trường, Kiểm tra, nhắc nhở', 'Công an phường', 'Hằng tuần trong năm học'],
      ['lồng ghép giáo dục về vệ sinh an toàn thực phẩm trong các tiết sinh hoạt lớp', 'Các trường học', null],
    ]);
    expect(deadlines.map((d) => [d.date, d.endDate, d.recurrence])).toEqual([
      ['2025-09-15', '2025-10-10', null],
      [null, null, 'weekly'],
    ]);
    // Without diacritics the same rows are read.
    expect(extract(stripMarks(text)).tasks.filter((t) => /bep an|Hang rong/.test(t.task))).toHaveLength(2);
  });

  it('reads a head of school (Hiệu trưởng) as the unit of a TỔ CHỨC THỰC HIỆN paragraph', () => {
    const text = ['KẾ HOẠCH', 'Thử', '', 'V. TỔ CHỨC THỰC HIỆN', '', '5. Hiệu trưởng các trường mầm non', '', 'Xây dựng kế hoạch năm học, gửi Phòng Văn hóa - Xã hội trước ngày 05 tháng 9 năm 2025.'].join('\n');
    expect(extract(text).tasks.map((t) => [t.lead, t.deadline])).toEqual([['Hiệu trưởng các trường mầm non', 'trước ngày 05 tháng 9 năm 2025']]);
    expect(extract(stripMarks(text)).tasks.map((t) => t.lead)).toEqual(['Hieu truong cac truong mam non']);
  });

  it('reads unit items of NỘI DUNG HOẠT ĐỘNG, and a heading that opens with "Bảo vệ" is no unit', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'V. NỘI DUNG HOẠT ĐỘNG',
      '',
      '2. Phòng, chống đuối nước',
      '',
      'a) Các trường tiểu học phối hợp với Đoàn Thanh niên xã tổ chức 08 lớp dạy bơi an toàn cho học sinh.',
      '',
      '3. Bảo vệ trẻ em khỏi xâm hại, bạo lực',
      '',
      'a) Rà soát, nắm tình hình trẻ em có hoàn cảnh đặc biệt.',
    ].join('\n');
    expect(extract(text).tasks.map((t) => [t.lead, t.cooperating])).toEqual([['Các trường tiểu học', ['Đoàn Thanh niên xã']]]);
    expect(extract(stripMarks(text)).tasks.map((t) => t.lead)).toEqual(['Cac truong tieu hoc']);
  });

  it('reads a topic item of NHIỆM VỤ whose text opens with a unit and its duty, not a topic item of TỔ CHỨC THỰC HIỆN', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '',
      '6. Kiểm tra, giám sát',
      '',
      'Ủy ban nhân dân phường thành lập đoàn kiểm tra liên ngành, tổ chức kiểm tra tại ít nhất 10 tổ dân phố trong Quý III/2026.',
      '',
      'IV. TỔ CHỨC THỰC HIỆN',
      '',
      '7. Chế độ báo cáo',
      '',
      'Các cơ quan, đơn vị báo cáo kết quả thực hiện định kỳ hằng quý.',
    ].join('\n');
    expect(extract(text).tasks.map((t) => [t.lead, t.task])).toEqual([['Ủy ban nhân dân phường', 'thành lập đoàn kiểm tra liên ngành, tổ chức kiểm tra tại ít nhất 10 tổ dân phố trong Quý III/2026']]);
    expect(extract(stripMarks(text)).tasks.map((t) => t.lead)).toEqual(['Uy ban nhan dan phuong']);
  });

  it('reads a table that gives each topic its lead and partners, and a schedule with a time and a phối hợp column, as task tables', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'V. TỔ CHỨC THỰC HIỆN',
      '',
      'STT | Chỉ số thành phần | Cơ quan chủ trì | Cơ quan phối hợp',
      '1 | Gia nhập thị trường | Sở Tài chính | Thuế tỉnh, Bảo hiểm xã hội tỉnh',
      '2 | Tiếp cận đất đai | Sở Nông nghiệp và Môi trường | UBND các xã, phường',
      '',
      'VI. LỊCH KHÁM LƯU ĐỘNG',
      '',
      'STT | Địa điểm | Thời gian | Số người dự kiến | Đơn vị phối hợp',
      '1 | Xã Hiệp An, xã Hiệp Thạnh | Tháng 4/2024 | 2.200 | UBND các xã; Hội Người cao tuổi',
    ].join('\n');
    const out = extract(text);
    expect(out.tasks.map((t) => [t.task, t.lead, t.deadline])).toEqual([
      ['Gia nhập thị trường', 'Sở Tài chính', null],
      ['Tiếp cận đất đai', 'Sở Nông nghiệp và Môi trường', null],
      ['Xã Hiệp An, xã Hiệp Thạnh, 2.200', null, 'Tháng 4/2024'],
    ]);
    // The expected number of people of a schedule is not a target.
    expect(out.targets).toEqual([]);
    expect(extract(stripMarks(text)).tasks.map((t) => t.lead)).toEqual(['So Tai chinh', 'So Nong nghiep va Moi truong', null]);
  });

  it('keeps a target table with lead and partner columns a target table', () => {
    const text = ['KẾ HOẠCH', 'Thử', '', 'II. CHỈ TIÊU', '', 'STT | Chỉ tiêu | Chỉ tiêu năm 2026 | Cơ quan chủ trì | Cơ quan phối hợp', '1 | Tỷ lệ hồ sơ trực tuyến | 80% | Văn phòng UBND | Các sở'].join('\n');
    const out = extract(text);
    expect(out.tasks).toEqual([]);
    expect(out.targets.map((t) => t.value.number)).toEqual([80]);
  });

  it('reads the unit items of a letter\'s "ĐỀ NGHỊ PHỐI HỢP THỰC HIỆN"', () => {
    const text = [
      'CÔNG AN TỈNH ĐỒNG NAI',
      'Số: 24/CAT-PC08',
      'V/v phối hợp xử lý vi phạm',
      '',
      'II. ĐỀ NGHỊ PHỐI HỢP THỰC HIỆN',
      '',
      '1. Sở Xây dựng',
      '',
      'a) Rà soát, bổ sung hệ thống biển báo hiệu tại các nút giao có camera.',
      '',
      '2. Bưu điện tỉnh',
      '',
      'Thực hiện đúng quy trình phát thông báo vi phạm.',
    ].join('\n');
    expect(extract(text).tasks.map((t) => [t.lead, t.task])).toEqual([
      ['Sở Xây dựng', 'Rà soát, bổ sung hệ thống biển báo hiệu tại các nút giao có camera'],
      ['Bưu điện tỉnh', 'Thực hiện đúng quy trình phát thông báo vi phạm'],
    ]);
    expect(extract(stripMarks(text)).tasks.map((t) => t.lead)).toEqual(['So Xay dung', 'Buu dien tinh']);
  });

  it('splits a unit from a duty opening with "đẩy nhanh", "bổ sung" or "phát thông báo"; reads "Hiệp hội …" and "Mỗi sở, ngành" as units; "Các hư hỏng nhỏ" is none', () => {
    expect(splitUnitsAndTask('Ban Quản lý Khu kinh tế tỉnh, Ủy ban nhân dân các xã đẩy nhanh bồi thường cho nhà đầu tư')).toEqual({ units: 'Ban Quản lý Khu kinh tế tỉnh, Ủy ban nhân dân các xã', rest: 'đẩy nhanh bồi thường cho nhà đầu tư' });
    expect(splitUnitsAndTask('Phòng Văn hóa - Xã hội phát thông báo này trên loa; đăng tải trên Trang thông tin').units).toBe('Phòng Văn hóa - Xã hội');
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '',
      '1. Sửa chữa',
      '',
      'a) Các hư hỏng nhỏ phải hoàn thành trước ngày 30 tháng 6 năm 2026.',
      '',
      'b) Đề nghị Sở Y tế, Bệnh viện Phổi tỉnh bổ sung 01 máy GeneXpert; Trung tâm Y tế huyện bố trí phòng lấy đờm.',
      '',
      'IV. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Mỗi sở, ngành, địa phương xây dựng kế hoạch cụ thể; gửi Sở Tài chính trước ngày 15 tháng 4 năm 2026.',
      '',
      '2. Hiệp hội Doanh nghiệp tỉnh phản ánh kịp thời khó khăn, vướng mắc của doanh nghiệp.',
    ].join('\n');
    const leads = (t: string) => extract(t).tasks.map((x) => x.lead);
    expect(leads(text)).toEqual(['Sở Y tế, Bệnh viện Phổi tỉnh', 'Mỗi sở, ngành, địa phương', 'Hiệp hội Doanh nghiệp tỉnh']);
    expect(leads(stripMarks(text))).toEqual(['So Y te, Benh vien Phoi tinh', 'Moi so, nganh, dia phuong', 'Hiep hoi Doanh nghiep tinh']);
  });
  it('reads no unit in "Các đợt …", and a colon after a first duty does not end the unit', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'IV. NỘI DUNG HOẠT ĐỘNG',
      '',
      '1. Các đợt chiếu phim cao điểm',
      '',
      'a) Đợt 1 (tháng 01 - 02/2026): chiếu phim mừng Đảng, mừng Xuân.',
      '',
      '2. Danh mục phim',
      '',
      'a) Trung tâm Văn hóa - Điện ảnh tỉnh đề nghị Trung tâm Chiếu phim Quốc gia cung cấp bản phim kỹ thuật số; lựa chọn chương trình mỗi buổi chiếu gồm: phần tuyên truyền lồng ghép, 01 phim truyện.',
    ].join('\n');
    const want = (t: string) => extract(t).tasks.map((x) => [x.lead, x.task.split(';')[0]]);
    expect(want(text)).toEqual([['Trung tâm Văn hóa - Điện ảnh tỉnh', 'đề nghị Trung tâm Chiếu phim Quốc gia cung cấp bản phim kỹ thuật số']]);
    expect(want(stripMarks(text))).toEqual([['Trung tam Van hoa - Dien anh tinh', 'de nghi Trung tam Chieu phim Quoc gia cung cap ban phim ky thuat so']]);
  });
  it('reads no assignment in "hoặc giao …" (an alternative) or "được giao …" (a duty already held)', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'III. NỘI DUNG RÀ SOÁT',
      '',
      'c) Ủy ban nhân dân tỉnh xem xét việc tiếp tục áp dụng hoặc giao Hội đồng nhân dân, Ủy ban nhân dân cấp xã ban hành theo thẩm quyền.',
      '',
      'd) Cơ quan được giao Sở Tư pháp kiểm tra theo thẩm quyền.',
      '',
      'đ) Giao Sở Tư pháp chủ trì kiểm tra văn bản.',
    ].join('\n');
    expect(extract(text).tasks.map((t) => t.lead)).toEqual(['Sở Tư pháp']);
    expect(extract(stripMarks(text)).tasks.map((t) => t.lead)).toEqual(['So Tu phap']);
  });
});

describe('a task table that runs on to the next page (a scan)', () => {
  const head = ['ỦY BAN NHÂN DÂN', 'HUYỆN HÒA AN', 'Số: 12/KH-UBND', 'Hòa An, ngày 02 tháng 10 năm 2024', 'KẾ HOẠCH', 'Phòng, chống hạn hán', 'III. NHIỆM VỤ CỤ THỂ'];
  const header = ['TT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện'];
  const row = (i: number, lead: string, time: string) => [String(i), `Nhiệm vụ số ${i} về thủy lợi nội đồng`, lead, 'UBND các xã, thị trấn', time];

  it('reads the rows after the page break with the header of the page before, as one table', () => {
    const tree = scannedTree([
      [...head, { table: [header, row(1, 'Phòng Nông nghiệp và PTNT', 'Tháng 11/2024'), row(2, 'Trạm Thủy lợi huyện', 'Quý I/2025')] }],
      [{ table: [row(3, 'Trung tâm Dịch vụ nông nghiệp', 'Tháng 12/2024 - tháng 5/2025'), row(4, 'Phòng Tài chính - Kế hoạch', 'Hằng tháng')], continues: true }, 'Trên đây là Kế hoạch của UBND huyện.'],
    ]);
    const { tasks, deadlines, tables } = extractTree(tree);
    expect(tasks.map((t) => [t.lead, t.deadline])).toEqual([
      ['Phòng Nông nghiệp và PTNT', 'Tháng 11/2024'],
      ['Trạm Thủy lợi huyện', 'Quý I/2025'],
      ['Trung tâm Dịch vụ nông nghiệp', 'Tháng 12/2024 - tháng 5/2025'],
      ['Phòng Tài chính - Kế hoạch', 'Hằng tháng'],
    ]);
    expect(deadlines.map((d) => d.date)).toEqual(['2024-11-01', '2025-01-01', '2024-12-01', null]);
    expect(tables).toHaveLength(1);
    // The rows after the break are read as the table's, not again as prose ("Trước 30/6/2025" once).
    const before = extractTree(
      scannedTree([[...head, { table: [header, row(1, 'Phòng Nông nghiệp và PTNT', 'Tháng 11/2024')] }], [{ table: [row(2, 'Trạm Thủy lợi huyện', 'Trước 30/6/2025')], continues: true }]]),
    );
    expect(before.deadlines.map((d) => d.date)).toEqual(['2024-11-01', '2025-06-30']);
    // Without the mark, a table at the top of the next page is a table of its own (its first row its header).
    const apart = extractTree(scannedTree([[...head, { table: [header, row(1, 'Phòng Nông nghiệp và PTNT', 'Tháng 11/2024')] }], [{ table: [row(3, 'Trung tâm Dịch vụ nông nghiệp', 'Tháng 12/2024')] }]]));
    expect(apart.tables).toHaveLength(2);
  });
});


describe('department items, a report\'s proposals, a table of measures by point, a clause of case before the unit', () => {
  const plan = (...lines: string[]) => ['KẾ HOẠCH', 'Thử', 'Hà Tĩnh, ngày 22 tháng 8 năm 2025', '', ...lines].join('\n');
  const rows = (text: string) => extract(text).tasks.map((t) => [t.lead, t.task.split(' ').slice(0, 4).join(' '), t.cooperating]);

  it('reads a dash item of the tasks part led by a unit without a colon ("- Tổ công tác đối chiếu …") as that unit\'s task, not an item led by its verb', () => {
    const doc = plan(
      'IV. NHIỆM VỤ VÀ GIẢI PHÁP',
      '',
      '1. Rà soát, thống kê, lập hồ sơ quỹ đất và tài sản công',
      '',
      '- Thành lập Tổ công tác rà soát đất công và tài sản công của xã do Phó Chủ tịch Ủy ban nhân dân xã làm Tổ trưởng.',
      '',
      '- Tổ công tác đối chiếu hồ sơ bàn giao của bốn xã cũ với bản đồ địa chính; lập danh mục từng thửa đất công ích.',
    );
    expect(rows(doc)).toEqual([['Tổ công tác', 'đối chiếu hồ sơ', []]]);
    // Outside a tasks part, no task.
    expect(rows(doc.replace('NHIỆM VỤ VÀ GIẢI PHÁP', 'THỰC TRẠNG'))).toEqual([]);
  });

  it('reads "X chủ trì, phối hợp với Y <task>" in an item as X leading the task with Y', () => {
    const doc = plan(
      'VI. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Sở Giáo dục và Đào tạo',
      '',
      'a) Phòng Kế hoạch - Tài chính chủ trì, phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí hỗ trợ.',
      '',
      '2. Công chức Tài chính - Kế toán chủ trì, phối hợp với Văn phòng - Thống kê tham mưu phát hành biên lai, mở sổ theo dõi.',
      '',
      '3. Công an xã chủ trì, phối hợp với Ban Chỉ huy quân sự xã thực hiện.',
    );
    expect(rows(doc)).toEqual([
      ['Phòng Kế hoạch - Tài chính', 'tham mưu Ủy ban', ['Sở Tài chính']],
      ['Công chức Tài chính - Kế toán', 'tham mưu phát hành', ['Văn phòng - Thống kê']],
      // ("… thực hiện": the task is the item's own sentence, as the README of the gold says.)
      ['Công an xã', 'chủ trì, phối hợp', ['Ban Chỉ huy quân sự xã']],
    ]);
  });

  it('reads the proposals of a report as tasks, not its account of how the work was directed', () => {
    const doc = [
      'BÁO CÁO',
      'Sơ kết 45 ngày thực hiện Chiến dịch',
      'Phú Tân, ngày 17 tháng 10 năm 2025',
      '',
      'II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN',
      '',
      '1. Ủy ban nhân dân xã thành lập Ban Chỉ đạo Chiến dịch do Chủ tịch Ủy ban nhân dân xã làm Trưởng ban.',
      '',
      'VI. ĐỀ XUẤT, KIẾN NGHỊ',
      '',
      '1. Đề nghị Sở Nông nghiệp và Môi trường hướng dẫn thống nhất cách xử lý các thửa đất chồng lấn ranh giới.',
      '',
      '2. Đề nghị Công an tỉnh mở rộng phân quyền tra cứu dữ liệu dân cư cho công chức địa chính xã.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).tasks.map((t) => stripMarks(t.task.split(' ').slice(0, 2).join(' ')))).toEqual(['huong dan', 'mo rong']);
  });

  it('reads a table of measures by point with its forces, and an item whose unit follows a clause of case or time', () => {
    const doc = plan(
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '',
      'Điểm | Trường học | Tình trạng | Giải pháp | Lực lượng bảo đảm',
      'Phố Trần Đăng Ninh | Trường Tiểu học Dịch Vọng | Ùn tắc 20 - 30 phút | So le giờ tan học, điểm đón tại bãi đỗ xe | CSGT, Công an phường',
      '',
      'c) Đối với học sinh vi phạm, Công an phường thông báo về nhà trường, gia đình để phối hợp giáo dục.',
      '',
      'd) Đối với các hộ dân, tuyên truyền về an toàn giao thông.',
    );
    expect(rows(doc)).toEqual([
      ['CSGT, Công an phường', 'So le giờ tan', []],
      ['Công an phường', 'thông báo về nhà', []],
    ]);
  });
});

describe('a letter\'s demands', () => {
  it('reads the items of "YÊU CẦU KHẮC PHỤC" that name a unit as tasks, not what a unit has already done', () => {
    const doc = [
      'CÔNG VĂN',
      'Thử',
      'Hải Phòng, ngày 08 tháng 12 năm 2025',
      '',
      'II. YÊU CẦU KHẮC PHỤC',
      '',
      '1. Bảo đảm đồng bộ trạng thái hồ sơ',
      '',
      'a) Chủ tịch Ủy ban nhân dân xã chỉ đạo Trung tâm Phục vụ hành chính công rà soát toàn bộ hồ sơ quá hạn.',
      '',
      'b) Sở Khoa học và Công nghệ đã phối hợp với đơn vị cung cấp phần mềm cập nhật bảng ánh xạ mã đơn vị.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).tasks.map((t) => stripMarks(t.lead ?? ''))).toEqual(['Chu tich Uy ban nhan dan xa']);
  });
});

describe('units that act for a body, and tables that give each row its unit', () => {
  it('reads unions, libraries, officials and leaders as units, and not a field label, an inspection verb or people named only by their kind', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Bắc Ninh, ngày 20 tháng 11 năm 2025',
      '',
      'III. NỘI DUNG, BIỆN PHÁP',
      '',
      'a) Đối tượng ưu tiên: đoàn viên có hoàn cảnh đặc biệt khó khăn.',
      '',
      'b) Thanh tra việc quản lý, sử dụng đất đai tại 02 huyện.',
      '',
      'c) Liên đoàn Lao động tỉnh ký hợp đồng với các doanh nghiệp vận tải, tổ chức các chuyến xe miễn phí.',
      '',
      'd) Thư viện huyện xây dựng lịch luân chuyển sách.',
      '',
      'đ) Tổ công tác đối chiếu hồ sơ bàn giao của các xã cũ.',
      '',
      'IV. NỘI DUNG TRIỂN KHAI',
      '',
      'a) Cán bộ thú y xã phối hợp Trạm Chăn nuôi và Thú y khu vực giám sát dịch bệnh trên đàn ong.',
      '',
      'b) Lãnh đạo Liên đoàn Lao động tỉnh thăm hỏi công nhân làm việc trong những ngày Tết.',
      '',
      'c) Cán bộ kiểm tra trạng thái hồ sơ trên Cổng Dịch vụ công quốc gia hằng tuần.',
      '',
      'V. TỔ CHỨC THỰC HIỆN',
      '',
      '1. Công đoàn cơ sở lập danh sách đoàn viên khó khăn.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).tasks.map((t) => [stripMarks(t.lead ?? ''), stripMarks(t.task).split(' ').slice(0, 2).join(' ')])).toEqual([
        ['Lien doan Lao dong tinh', 'ky hop'],
        ['Thu vien huyen', 'xay dung'],
        ['To cong tac', 'doi chieu'],
        ['Can bo thu y xa', 'phoi hop'],
        ['Lanh dao Lien doan Lao dong tinh', 'tham hoi'],
        ['Cong doan co so', 'lap danh'],
      ]);
    }
  });

  it('reads a schedule with who carries it out, and a list of works with the unit that takes charge of each', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Hòa Tiến, ngày 20 tháng 02 năm 2024',
      '',
      'II. NỘI DUNG',
      '',
      'Thời gian | Đơn vị | Số học sinh dự kiến | Người thực hiện',
      '15/9 - 26/9/2025 | 05 trường mầm non | 1.036 | Trạm Y tế phường',
      '',
      '2. Danh mục tuyến đường và đơn vị nhận tự quản',
      '',
      'STT | Tuyến đường | Thôn | Chiều dài (km) | Đơn vị nhận tự quản',
      '1 | Đường ĐH2 đoạn qua trung tâm xã | Lệ Sơn Nam | 2,1 | Đoàn Thanh niên xã',
      '2 | Trục chính thôn An Trạch | An Trạch | 1,4 | Hội Liên hiệp phụ nữ xã',
      'Tổng cộng |  |  | 3,5 | ',
    ].join('\n');
    expect(extract(doc).tasks.map((t) => [t.lead, t.task.split(',')[0]])).toEqual([
      ['Trạm Y tế phường', '05 trường mầm non'],
      ['Đoàn Thanh niên xã', 'Đường ĐH2 đoạn qua trung tâm xã'],
      ['Hội Liên hiệp phụ nữ xã', 'Trục chính thôn An Trạch'],
    ]);
  });
});
