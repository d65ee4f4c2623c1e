import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/extract/targets.ts';
import { fold } from '../src/extract/text.ts';
import { extract, extractTree, fixture, scannedTree, stripMarks } from './fixtures/extract/helpers.ts';

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

  const section = (...body: string[]) => ['KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU, CHỈ TIÊU NĂM 2025', '', ...body].join('\n');
  const rows = (text: string) => extract(text).targets.map((t) => [t.value.number, t.value.comparator, t.indicator, t.responsible]);

  it('reads a change ("Giảm 10% số ca …") with its baseline, and a share of "động vật" (not a sum of đồng)', () => {
    const { targets } = extract(
      section(
        'b) Giảm 10% số ca mắc tay chân miệng so với trung bình 5 năm giai đoạn 2019 - 2023; không để dịch',
        'lây lan; 100% động vật, sản phẩm động vật vận chuyển vào địa bàn được kiểm dịch theo quy định.',
      ),
    );
    expect(targets.map((t) => [t.value.number, t.indicator, t.baseline])).toEqual([
      [10, 'giảm số ca mắc tay chân miệng', 'trung bình 5 năm giai đoạn 2019 - 2023'],
      [100, 'động vật, sản phẩm động vật vận chuyển vào địa bàn được kiểm dịch theo quy định', null],
    ]);
    // Money stays out: "100 triệu đồng", "50 đồng".
    expect(rows(section('- Hỗ trợ 100 triệu đồng cho mỗi xã; mỗi hộ 50 đồng.'))).toEqual([]);
  });

  it('keeps the comparator of a firm share for the share listed after it, not for the rest of the whole', () => {
    const tasks = (line: string) => ['KẾ HOẠCH', 'Thử', '', 'IV. NHIỆM VỤ', '', line].join('\n');
    const doc = tasks('c) Thành lập câu lạc bộ; mỗi câu lạc bộ có 50 đến 70 thành viên, trong đó ít nhất 70% là người cao tuổi, 60% là nữ; hoạt động gồm văn nghệ.');
    const rest = tasks('c) Thành lập câu lạc bộ; mỗi câu lạc bộ có 50 đến 70 thành viên, trong đó ít nhất 70% là người cao tuổi, 30% là người trẻ hơn; hoạt động gồm văn nghệ.');
    for (const t of [doc, stripMarks(doc)]) expect(extract(t).targets.filter((x) => x.value.unit === '%').map((x) => [x.value.number, x.value.comparator])).toEqual([[70, '>='], [60, '>=']]);
    for (const t of [rest, stripMarks(rest)]) expect(extract(t).targets.filter((x) => x.value.unit === '%').map((x) => [x.value.number, x.value.comparator])).toEqual([[70, '>=']]);
  });

  it('names each amount of a list by the word before it ("trong đó: ngô 180 ha, khoai tây 90 ha, rau các loại 150 ha")', () => {
    const doc = section('2. Diện tích gieo trồng vụ Đông đạt 520 ha, trong đó: ngô 180 ha, khoai tây 90 ha, rau các loại 150 ha, đậu tương, lạc 40 ha.');
    const want = [
      [520, 'Diện tích gieo trồng vụ Đông'],
      [180, 'ngô'],
      [90, 'khoai tây'],
      [150, 'rau các loại'],
      [40, 'lạc'],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.indicator])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.indicator])).toEqual(want.map(([n, i]) => [n, stripMarks(i as string)]));
  });

  it('reads a numbered item that names "chương trình mục tiêu quốc gia" (a source of funds) as no target part', () => {
    const doc = [
      'TỜ TRÌNH', 'Đề nghị đánh giá ngoài', '', 'III. CÔNG TÁC CHUẨN BỊ', '',
      '2. Bố trí 4.860 triệu đồng từ vốn đầu tư công, chương trình mục tiêu quốc gia xây dựng nông thôn mới để xây dựng 06 phòng học, 04 phòng bộ môn tại 03 trường.',
      '', '3. Mục tiêu: xây dựng 06 phòng học.',
    ].join('\n');
    for (const t of [doc, stripMarks(doc)]) expect(extract(t).targets.map((x) => x.value.number)).toEqual([6]);
  });

  it('reads no target in the rules a part tells people ("Nội dung tư vấn trọng tâm")', () => {
    const doc = [
      'KẾ HOẠCH', 'Thử', '', 'II. NHIỆM VỤ', '',
      '2. Tuyên truyền, tư vấn', '',
      'a) Tổ chức tư vấn trực tiếp cho ít nhất 500 hộ gia đình.', '',
      '3. Nội dung tư vấn trọng tâm', '',
      'a) Người tham gia được đóng một lần cho nhiều năm về sau nhưng không quá 5 năm; người còn thiếu không quá 10 năm đóng thì được đóng một lần.',
    ].join('\n');
    for (const t of [doc, stripMarks(doc)]) expect(extract(t).targets.map((x) => [x.value.number, x.value.comparator])).toEqual([[500, '>=']]);
  });

  it('reads no target in how badly something was hit ("bị thiệt hại trên 70%")', () => {
    const doc = ['KẾ HOẠCH', 'Thử', '', 'IV. NHIỆM VỤ', '', 'a) Làm đất, phá váng; diện tích bị thiệt hại trên 70% thì gieo trồng lại bằng giống ngắn ngày.', 'b) Duy trì tỷ lệ che phủ rừng trên 42%.'].join('\n');
    for (const t of [doc, stripMarks(doc)]) expect(extract(t).targets.map((x) => [x.value.number, x.value.comparator])).toEqual([[42, '>']]);
  });

  it('gives a value at another place the indicator and comparator of the one before', () => {
    expect(rows(section('d) Tỷ lệ số hóa hồ sơ đạt tối thiểu 80% ở cấp huyện và 70% ở cấp xã; tỷ lệ khai thác dữ liệu đạt tối thiểu 40%.'))).toEqual([
      [80, '>=', 'Tỷ lệ số hóa hồ sơ', 'cấp huyện'],
      [70, '>=', 'Tỷ lệ số hóa hồ sơ', 'cấp xã'],
      [40, '>=', 'tỷ lệ khai thác dữ liệu', null],
    ]);
  });

  it('reads a second value of a clause as the same measure at another place, or as a part of the first', () => {
    expect(rows(section('3. Tỷ lệ thu gom rác khu vực nội thị đạt từ 98% trở lên, khu vực xã Thành Hải đạt từ 90% trở lên.'))).toEqual([
      [98, '>=', 'Tỷ lệ thu gom rác khu vực nội thị', null],
      [90, '>=', 'Tỷ lệ thu gom rác khu vực xã Thành Hải', null],
    ]);
    // A sentence after a colon is prose, not "label: value".
    expect(rows(section('d) Chất lượng huấn luyện: 100% nội dung đạt yêu cầu, trong đó từ 65% trở lên đạt khá, giỏi; bắn đạn thật 100% đạt yêu cầu, từ 70% trở lên đạt khá, giỏi.'))).toEqual([
      [100, '=', 'nội dung đạt yêu cầu', null],
      [65, '>=', 'nội dung đạt yêu cầu, trong đó đạt khá, giỏi', null],
      [100, '=', 'bắn đạn thật đạt yêu cầu', null],
      [70, '>=', 'bắn đạn thật đạt yêu cầu, trong đó đạt khá, giỏi', null],
    ]);
  });

  it('reads income per head, counts qualified by a category, and a new measure after a comma', () => {
    expect(
      rows(
        section(
          'a) Thu nhập bình quân đầu người đạt 45 triệu đồng/người/năm; bố trí 500 triệu đồng cho xã.',
          '',
          'b) Có thêm 10 sản phẩm được công nhận OCOP 3 sao trở lên; hỗ trợ nhà ở cho 45 hộ nghèo, hộ cận nghèo.',
          '',
          'c) Diện tích trồng lúa ổn định 2.500 ha, năng suất bình quân đạt 60 tạ/ha.',
        ),
      ),
    ).toEqual([
      [45, '=', 'Thu nhập bình quân đầu người', null],
      [10, '=', 'Có thêm sản phẩm được công nhận OCOP 3 sao trở lên', null],
      [45, '=', 'hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', null],
      [2500, '=', 'Diện tích trồng lúa ổn định', null],
      [60, '=', 'năng suất bình quân', null],
    ]);
    expect(extract(section('a) Thu nhập bình quân đạt 45 triệu đồng/người/năm.')).targets[0].value.unit).toBe('triệu đồng/người/năm');
  });

  it('keeps the indicator of the first value for the same measure in other fields ("đối với …, … và tối thiểu 90% đối với …")', () => {
    expect(rows(section('c) Tỷ lệ hồ sơ được số hóa đạt 100% đối với các lĩnh vực đất đai, hộ tịch, chứng thực, kinh doanh hộ cá thể và tối thiểu 90% đối với các lĩnh vực còn lại.')).map((r) => [r[0], r[1], r[2]])).toEqual([
      [100, '=', 'Tỷ lệ hồ sơ được số hóa'],
      [90, '>=', 'Tỷ lệ hồ sơ được số hóa'],
    ]);
  });

  it('reads counts of any noun in a target section, and rates with their period', () => {
    expect(rows(section('4. Chấm dứt hoạt động của 02 lò đốt rác không bảo đảm quy chuẩn; tổ chức diễn tập ít nhất 01 lần/năm; chuyên mục phát sóng tối thiểu 02 kỳ/tháng.'))).toEqual([
      [2, '=', 'Chấm dứt hoạt động của lò đốt rác không bảo đảm quy chuẩn', null],
      [1, '>=', 'tổ chức diễn tập', null],
      [2, '>=', 'chuyên mục phát sóng', null],
    ]);
    expect(extract(section('tổ chức diễn tập ít nhất 01 lần/năm.')).targets.map((t) => [t.value.text, t.value.unit])).toEqual([['ít nhất 01 lần/năm', 'lần/năm']]);
    // Not counts: a duration, an age.
    expect(rows(section('5. Hoàn thành trong 06 tháng; trẻ em dưới 05 tuổi được tiêm.'))).toEqual([]);
  });

  it('names the duty done to a share ("hoàn thành số hóa 100% sổ …")', () => {
    const text = ['KẾ HOẠCH', 'Thử', '', 'II. NHIỆM VỤ', '', 'b) Phấn đấu đến hết ngày 30/6/2024 hoàn thành số hóa 100% sổ đăng ký khai sinh tại các xã.'].join('\n');
    expect(rows(text)).toEqual([[100, '=', 'hoàn thành số hóa sổ đăng ký khai sinh tại các xã', null]]);
  });

  it('reads unit lists whose values are column codes named in a note above', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'PHỤ LỤC',
      'CHỈ TIÊU GIAO CHO CÁC XÃ NĂM 2024',
      '',
      'Ghi chú: Cột (1) là tỷ lệ hồ sơ nộp trực tuyến tối thiểu; cột (2) là số lượt người dân được',
      'hướng dẫn.',
      '',
      '1. Thị trấn Phước An: (1) 55%; (2) 2.800 lượt.',
      '',
      '2. Xã Ea Kênh: (1) 45%; (2) 1.600 lượt.',
    ].join('\n');
    const expected = [
      [55, '>=', 'tỷ lệ hồ sơ nộp trực tuyến', 'Thị trấn Phước An'],
      [2800, '=', 'số lượt người dân được hướng dẫn', 'Thị trấn Phước An'],
      [45, '>=', 'tỷ lệ hồ sơ nộp trực tuyến', 'Xã Ea Kênh'],
      [1600, '=', 'số lượt người dân được hướng dẫn', 'Xã Ea Kênh'],
    ];
    expect(rows(text)).toEqual(expected);
    // Without diacritics (English-model OCR) the codes, units and values still line up.
    expect(rows(stripMarks(text)).map((r) => [r[0], r[1], r[3]])).toEqual(expected.map((r) => [r[0], r[1], stripMarks(r[3] as string)]));
  });

  it('reads a target table whose cells OCR interleaved on shared lines, by row number and unit of measure', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'PHỤ LỤC II. CHỈ TIÊU CỤ THỂ',
      '',
      'Chỉ tiêu Cơ quan chủ trì',
      'STT Chỉ tiêu Đơn vị năm 2025 thực hiện',
      'Tỷ lệ hồ sơ giải quyết đúng hạn trên Phòng Nội vụ',
      '1 tổng số hồ sơ tiếp nhận % 95 huyện',
      'Tỷ lệ hồ sơ trực tuyến Toàn trình: 80 Văn phòng HĐND và',
      '2 trên tổng số hồ sơ % Một phần: 60 UBND huyện',
      'Mức độ hài lòng của người dân Các phòng chuyên',
      '3 đối với dịch vụ công % 90 trở lên môn',
    ].join('\n');
    const expected = [
      [95, '=', 'Tỷ lệ hồ sơ giải quyết đúng hạn trên tổng số hồ sơ tiếp nhận'],
      [80, '=', 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ (toàn trình)'],
      [60, '=', 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ (một phần)'],
      [90, '>=', 'Mức độ hài lòng của người dân đối với dịch vụ công'],
    ];
    const { targets, messages } = extract(text);
    expect(targets.map((t) => [t.value.number, t.value.comparator, t.indicator])).toEqual(expected);
    expect(targets.every((t) => t.period === 'năm 2025' && t.value.unit === '%')).toBe(true);
    expect(messages.some((m) => /target table whose cells share lines/.test(m))).toBe(true);
    // Without diacritics (English-model OCR).
    expect(extract(stripMarks(text)).targets.map((t) => [t.value.number, t.value.comparator, t.indicator])).toEqual(expected.map(([n, c, i]) => [n, c, stripMarks(i as string)]));
    // With rulings kept as "|" and "Tỷ lệ" misread ("Tỷ 1€"): the same rows and values.
    const damaged = text.replace('1 tổng số hồ sơ tiếp nhận %', '1 |tổng số hồ sơ tiếp nhận| %').replace('Tỷ lệ hồ sơ trực tuyến', 'Tỷ 1€ hồ sơ trực tuyến');
    expect(extract(damaged).targets.map((t) => [t.value.number, t.indicator.replace('Tỷ 1€', 'Tỷ lệ')])).toEqual(expected.map(([n, , i]) => [n, i]));
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

  it('reads value cells that open with a verb ("Đạt trên 95%", "Thêm ít nhất 02 xã") and a zero ("Không để phát sinh")', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      '',
      'II. MỤC TIÊU, CHỈ TIÊU',
      '',
      'STT | Chỉ tiêu | Mục tiêu năm 2024 | Đơn vị chủ trì',
      '1 | Số vụ phạm tội bị phát hiện so với năm 2023 | Tăng tối thiểu 5% | Công an huyện',
      '2 | Tỷ lệ điều tra, xử lý các vụ án | Đạt trên 95% | Công an huyện',
      '3 | Người nghiện được lập hồ sơ quản lý | 100% | UBND các xã',
      '4 | Xã được công nhận không ma túy | Thêm ít nhất 02 xã | Công an huyện',
      '5 | Diện tích trồng cây có chứa chất ma túy | Không để phát sinh | Hạt Kiểm lâm',
    ].join('\n');
    const expected = [
      [5, '%', '>=', 'Công an huyện'],
      [95, '%', '>', 'Công an huyện'],
      [100, '%', '=', 'UBND các xã'],
      [2, 'xã', '>=', 'Công an huyện'],
      [0, null, '=', 'Hạt Kiểm lâm'],
    ];
    const read = (t: string) => extract(t).targets.map((x) => [x.value.number, x.value.unit, x.value.comparator, x.responsible]);
    expect(read(text)).toEqual(expected);
    expect(extract(text).targets[0].period).toBe('năm 2024');
    // Without diacritics (an English-model OCR): the same values and comparators.
    expect(read(stripMarks(text))).toEqual(expected.map(([n, u, c, r]) => [n, u && stripMarks(u as string), c, stripMarks(r as string)]));
  });

  it('reads unit rows × year columns: the indicator from the table title, a baseline column, the unit noted above, no total row', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử nghiệm',
      '',
      'VI. CHỈ TIÊU DIỆN TÍCH CÂY ĂN QUẢ ĐƯỢC CẤP MÃ SỐ VÙNG TRỒNG ĐẾN NĂM 2026',
      '',
      'Đơn vị tính: ha',
      '',
      'STT | Đơn vị | Diện tích đã cấp đến 29/02/2024 | Năm 2025 | Năm 2026',
      '',
      '1 | Xã Ea Yông | 286 | 340 | 390',
      '',
      '2 | Xã Hòa An | 1.254 | 1.300 | 1.345',
      '',
      'Tổng cộng | 1.540 | 1.640 | 1.735',
    ].join('\n');
    const read = (t: string) => extract(t).targets.map((x) => [x.indicator, x.value.number, x.value.unit, x.baseline, x.period, x.responsible]);
    const I = 'Diện tích cây ăn quả được cấp mã số vùng trồng';
    expect(read(text)).toEqual([
      [I, 340, 'ha', '286', 'Năm 2025', 'Xã Ea Yông'],
      [I, 390, 'ha', '286', 'Năm 2026', 'Xã Ea Yông'],
      [I, 1300, 'ha', '1.254', 'Năm 2025', 'Xã Hòa An'],
      [I, 1345, 'ha', '1.254', 'Năm 2026', 'Xã Hòa An'],
    ]);
    // OCR without marks: the same numbers, baselines and title.
    const damaged = read(stripMarks(text));
    expect(damaged.map((r) => [r[0], r[1], r[3]])).toEqual([
      [stripMarks(I), 340, '286'],
      [stripMarks(I), 390, '286'],
      [stripMarks(I), 1300, '1.254'],
      [stripMarks(I), 1345, '1.254'],
    ]);
  });

  it('skips a star rating (OCOP 4 sao) and a change in brackets that restates the target before it', () => {
    const text = section(
      'a) Có ít nhất 01 sản phẩm cà phê đạt chuẩn OCOP 4 sao.',
      '',
      'b) Diện tích được cấp mã số vùng trồng đạt tối thiểu 3.000 ha vào cuối năm 2026 (tăng 1.138 ha so với năm 2023).',
    );
    expect(extract(text).targets.map((t) => [t.value.number, t.value.comparator])).toEqual([
      [1, '>='],
      [3000, '>='],
    ]);
  });

  it('names a rate in brackets by the words before the bracket, not by the dates after it', () => {
    const text = section('b) Hình thức tuyên truyền: trên hệ thống truyền thanh xã và loa truyền thanh các thôn (tối thiểu 03 lần/tuần từ ngày 01/01/2026 đến hết ngày 05/3/2026); trên Trang thông tin điện tử xã.');
    const read = (t: string) => extract(t).targets.map((x) => [x.value.number, x.value.comparator, x.indicator]);
    expect(read(text)).toEqual([[3, '>=', 'trên hệ thống truyền thanh xã và loa truyền thanh các thôn']]);
    expect(read(stripMarks(text))[0][2]).not.toMatch(/ngay|2026/);
  });

  it('reads no target in a clause that says when something applies ("Khi phát hiện từ 02 học sinh trở lên …")', () => {
    const text = section('b) Khi phát hiện từ 02 học sinh trở lên có biểu hiện nghi ngờ ngộ độc, nhà trường báo cáo ngay; phấn đấu tối thiểu 80% thực phẩm có truy xuất nguồn gốc.');
    expect(extract(text).targets.map((t) => t.value.number)).toEqual([80]);
    expect(extract(stripMarks(text)).targets.map((t) => t.value.number)).toEqual([80]);
    // The same count as an objective stays one.
    expect(extract(section('b) Phát hiện, xử lý từ 02 vụ việc trở lên.')).targets.map((t) => t.value.number)).toEqual([2]);
  });

  it('reads a ratio per unit served ("tối thiểu 2 giáo viên/lớp") and skips the bound of an age range ("từ 3 đến 5 tuổi")', () => {
    const text = section('a) Chuẩn bị điều kiện phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi; tiếp nhận giáo viên để bảo đảm tối thiểu 2 giáo viên/lớp tại các điểm trường chính.');
    expect(extract(text).targets.map((t) => [t.value.number, t.value.unit, t.value.comparator])).toEqual([[2, 'giáo viên/lớp', '>=']]);
    expect(extract(stripMarks(text)).targets.map((t) => [t.value.number, t.value.comparator])).toEqual([[2, '>=']]);
  });

  it('names a leading value by what follows when "Phấn đấu" and a time open the sentence', () => {
    const text = section('a) Phấn đấu đến cuối năm 2025, 100% hồ sơ được số hóa.');
    expect(extract(text).targets.map((t) => [t.value.number, t.indicator])).toEqual([[100, 'hồ sơ được số hóa']]);
    expect(extract(stripMarks(text)).targets.map((t) => t.indicator)).toEqual(['ho so duoc so hoa']);
  });

  it('reads a firm minimum a record or a work must last, not a notice period or a condition', () => {
    const task = (...body: string[]) => ['KẾ HOẠCH', 'Thử', '', 'III. NHIỆM VỤ, GIẢI PHÁP', '', ...body].join('\n');
    expect(rows(task('b) Lưu giữ hóa đơn, chứng từ nguồn gốc thực phẩm ít nhất 12 tháng.')).map((r) => r[0])).toEqual([12]);
    expect(rows(task(stripMarks('b) Lưu giữ hóa đơn, chứng từ nguồn gốc thực phẩm ít nhất 12 tháng.'))).map((r) => r[0])).toEqual([12]);
    expect(rows(task('a) Tuổi thọ công trình nhà ở xây dựng mới từ 20 năm trở lên.')).map((r) => r[0])).toEqual([20]);
    expect(rows(task('c) Việc xóa bỏ bến phải được thông báo công khai trước ít nhất 15 ngày.'))).toEqual([]);
    expect(rows(task('c) Công khai danh sách tại đơn vị ít nhất 05 ngày làm việc trước khi gửi về Hội đồng.'))).toEqual([]);
    expect(rows(task('d) Xử lý các khoản nợ kéo dài từ 03 tháng trở lên.'))).toEqual([]);
  });

  it('reads a number in words after a firm comparator in a paragraph without digits', () => {
    expect(rows(section('b) Mỗi điểm tiếp nhận phải bố trí ít nhất hai cán bộ thành thạo tin học.')).map((r) => r.slice(0, 2))).toEqual([[2, '>=']]);
    expect(rows(section(stripMarks('b) Mỗi điểm tiếp nhận phải bố trí ít nhất hai cán bộ thành thạo tin học.'))).map((r) => r.slice(0, 2))).toEqual([[2, '>=']]);
  });

  it('leaves out the ones there must be none of, and the numbers of named categories', () => {
    expect(rows(section('b) Phấn đấu tỷ lệ tốt nghiệp đạt 100%; không có trường nào có tỷ lệ tốt nghiệp dưới 92%.')).map((r) => r[0])).toEqual([100]);
    expect(rows(section('a) Bồi dưỡng cho 100% đối tượng 4 chưa qua bồi dưỡng; cử đủ 100% đối tượng 2, đối tượng 3 tham gia; tham gia Hội thao Quân khu 7 đạt thành tích cao.')).map((r) => r[0])).toEqual([100, 100]);
  });

  it('reads each value after its own full date, and a count followed by the list of what is counted', () => {
    expect(rows(section('2. Đến ngày 31 tháng 12 năm 2025, 100% bến khách có giấy phép; đến ngày 30 tháng 6 năm 2026, 100% phương tiện chở khách được đăng ký, đăng kiểm.')).map((r) => r[2])).toEqual([
      'bến khách có giấy phép',
      'phương tiện chở khách được đăng ký, đăng kiểm',
    ]);
    const [t] = rows(section('b) Tổ chức diễn tập chiến đấu phòng thủ cấp xã cho 04 xã gồm: Lộc Thạnh, Lộc Hiệp.'));
    expect(t[0]).toBe(4);
    expect(t[2]).toMatch(/diễn tập chiến đấu phòng thủ/);
  });

  it('reads every value column of a table by school level, and each value of a cell split by ";"', () => {
    const table = [
      'STT | Chỉ tiêu | Tiểu học | Trung học cơ sở',
      '1 | Tỷ lệ trường có câu lạc bộ STEM | Tối thiểu 70% | 100%',
      '2 | Số bài học STEM mỗi khối lớp | 04 bài/khối lớp 4, 5; 02 bài/khối lớp 1, 2, 3 | 06 bài/khối lớp',
      '3 | Số vụ bạo lực gia đình | 100% vụ việc được xử lý; giảm 10% số vụ | Giảm ít nhất 3 cặp; không có hôn nhân cận huyết thống',
    ];
    const want = [
      [70, '>=', 'Tỷ lệ trường có câu lạc bộ STEM (Tiểu học)'],
      [100, '=', 'Tỷ lệ trường có câu lạc bộ STEM (Trung học cơ sở)'],
      [4, '=', 'Số bài học STEM mỗi khối lớp (Tiểu học)'],
      [2, '=', 'Số bài học STEM mỗi khối lớp (Tiểu học)'],
      [6, '=', 'Số bài học STEM mỗi khối lớp (Trung học cơ sở)'],
      [100, '=', 'Số vụ bạo lực gia đình (Tiểu học)'],
      [10, '=', 'Số vụ bạo lực gia đình (Tiểu học)'],
      [3, '>=', 'Số vụ bạo lực gia đình (Trung học cơ sở)'],
      [0, '=', 'Số vụ bạo lực gia đình (Trung học cơ sở)'],
    ];
    expect(rows(section(...table)).map((r) => r.slice(0, 3))).toEqual(want);
    // "Trung học cơ sở" is a level, not a baseline column ("cơ sở"); the same with the marks stripped.
    expect(rows(stripMarks(section(...table))).map((r) => r[0])).toEqual(want.map((w) => w[0]));
  });

  it('reads a grade as a name, not a value', () => {
    expect(rows(section('a) Tổ chức sinh hoạt chuyên đề cho học sinh từ lớp 8 trở lên.'))).toEqual([]);
    expect(rows(section('Ghi chú: Chỉ tiêu lớp 6 của một số phường trung tâm lớn hơn số học sinh.'))).toEqual([]);
    expect(rows(stripMarks(section('a) Sinh hoạt chuyên đề cho học sinh từ lớp 8 trở lên.')))).toEqual([]);
  });

  it('reads "tối thiểu 09/15 bản" as 9 of the bản, a minimum in minutes, and "ấp 2" as a name', () => {
    const want = [
      [9, '>=', 'xóa lõm sóng di động cho bản'],
      [30, '>=', 'Theo dõi trẻ sau tiêm tại điểm tiêm'],
    ];
    const body = ['1. Năm 2024: xóa lõm sóng di động cho tối thiểu 09/15 bản.', '', '2. Theo dõi trẻ sau tiêm tại điểm tiêm ít nhất 30 phút.', '', '3. Phấn đấu xây dựng ấp 2 và ấp 4 thành ấp nông thôn mới kiểu mẫu.'];
    expect(rows(section(...body)).map((r) => r.slice(0, 3))).toEqual(want);
    expect(rows(stripMarks(section(...body))).map((r) => r.slice(0, 2))).toEqual(want.map((w) => w.slice(0, 2)));
    expect(extract(section(...body)).targets[0].value).toMatchObject({ text: 'tối thiểu 09/15 bản', unit: 'bản' });
    // Not a date, a duration in minutes without a firm bound, or more than the total.
    expect(rows(section('a) Trong 15 phút đầu, 20/11 năm nào cũng tổ chức; 16/15 bản.'))).toEqual([]);
  });

  it('reads the target column of a table whose rows are categories, not the count beside it', () => {
    const table = [
      'STT | Cấp học | Tổng số học sinh dự kiến | Chỉ tiêu tham gia BHYT (%) | Đơn vị chịu trách nhiệm',
      '1 | Tiểu học | 19.865 | 99,5 | Phòng GD&ĐT, các trường tiểu học',
      '2 | Trung học phổ thông | 9.830 | 97,0 | Hiệu trưởng các trường THPT',
      ' | Toàn huyện | 47.565 | 98,5 |',
    ];
    const want = [
      [99.5, '=', 'Chỉ tiêu tham gia BHYT (Tiểu học)', 'Phòng GD&ĐT, các trường tiểu học'],
      [97, '=', 'Chỉ tiêu tham gia BHYT (Trung học phổ thông)', 'Hiệu trưởng các trường THPT'],
    ];
    expect(rows(section(...table))).toEqual(want);
    expect(rows(stripMarks(section(...table))).map((r) => r[0])).toEqual(want.map((w) => w[0]));
  });

  it('reads the plan column of a "kế hoạch | thực hiện" table in a results part, with what was done as baseline', () => {
    const doc = (...t: string[]) => ['THÔNG BÁO', 'Thử', '', 'I. ĐÁNH GIÁ CHUNG', '', ...t].join('\n');
    const table = [
      'STT | Chỉ tiêu | Kế hoạch năm 2026 | Thực hiện 9 tháng | Tỷ lệ (%)',
      '1 | Kết nạp hội viên mới | 60 | 25 | 41,7',
      '2 | Chi hội đạt "trong sạch, vững mạnh" (dự kiến) | 20/24 | đánh giá cuối năm | -',
    ];
    const got = extract(doc(...table)).targets.map((t) => [t.value.number, t.indicator, t.baseline, t.period]);
    expect(got).toEqual([
      [60, 'Kết nạp hội viên mới', '25', 'năm 2026'],
      [20, 'Chi hội đạt "trong sạch, vững mạnh" (dự kiến)', 'đánh giá cuối năm', 'năm 2026'],
    ]);
    expect(extract(stripMarks(doc(...table))).targets.map((t) => t.value.number)).toEqual([60, 20]);
    // A results table that only names its indicators holds results.
    const results = ['STT | Chỉ tiêu | Mầm non | Tiểu học', '1 | Tỷ lệ trường có wifi (%) | 84,2 | 90,5'];
    expect(extract(doc(...results)).targets).toEqual([]);
  });

  it('does not read targets in a paragraph that opens with a period already over', () => {
    const doc = (p: string) => ['Krông Pắc, ngày 11 tháng 9 năm 2024', '', 'KẾ HOẠCH', 'Thử', '', p, '', '1. Mục tiêu, chỉ tiêu', '', 'a) Tỷ lệ học sinh tham gia BHYT đạt tối thiểu 98,5%.'].join('\n');
    const past = 'Năm học 2023 - 2024, công tác BHYT học sinh đạt nhiều kết quả: 31/33 trường đạt tỷ lệ tham gia từ 95% trở lên.';
    expect(extract(doc(past)).targets.map((t) => t.value.number)).toEqual([98.5]);
    expect(extract(stripMarks(doc(past))).targets.map((t) => t.value.number)).toEqual([98.5]);
    // The coming school year is not over.
    expect(extract(doc('Năm học 2024 - 2025, phấn đấu tỷ lệ học sinh tham gia đạt 99%.')).targets.map((t) => t.value.number)).toEqual([99, 98.5]);
  });

  it('reads a unit of measure written as a symbol, the last item of a long list as its measure, and a quoted counted noun', () => {
    const body = [
      'b) Hình thành đội ngũ 30 "người bán hàng nông sản số" nòng cốt.',
      '',
      'III. NHIỆM VỤ',
      '',
      'a) Bố trí 01 phòng làm điểm phát trực tiếp, trang bị: 02 điện thoại thông minh cấu hình cao, giá đỡ ba chân, 02 bộ đèn chiếu sáng, micro không dây, đường truyền cáp quang tốc độ tối thiểu 300 Mbps, phông nền.',
    ];
    const want = [
      [30, '=', 'Hình thành đội ngũ'],
      [300, '>=', 'đường truyền cáp quang tốc độ'],
    ];
    expect(rows(section(...body)).map((r) => r.slice(0, 3))).toEqual(want);
    expect(extract(section(...body)).targets[1].value.unit).toBe('Mbps');
    expect(rows(stripMarks(section(...body))).map((r) => r.slice(0, 2))).toEqual(want.map((w) => w.slice(0, 2)));
  });

  it('names a value the same whether or not the text kept its marks ("… đến năm 2030 đạt", "phấn đấu … đạt")', () => {
    const body = ['a) Đến năm 2030 đạt tổng diện tích rừng gỗ lớn 3.150 ha; năng suất bình quân đạt từ 18 tấn/ha trở lên.', '', 'b) Phấn đấu tỷ lệ hồ sơ được giải quyết đúng hạn đạt 98%.'];
    const named = (t: string) => extract(section(...body.map((b) => (t === 'bare' ? stripMarks(b) : b)))).targets.map((x) => [x.value.number, x.indicator.toLowerCase()]);
    const marked = named('marked');
    expect(marked.map((m) => m[1])).toEqual(['đạt tổng diện tích rừng gỗ lớn', 'năng suất bình quân', 'tỷ lệ hồ sơ được giải quyết đúng hạn']);
    expect(named('bare')).toEqual(marked.map(([n, i]) => [n, stripMarks(String(i))]));
  });

  it('reads a rating as a category, not a value ("khách sạn từ 3 sao trở lên")', () => {
    const body = ['a) Khách sạn từ 3 sao trở lên thực hiện kiểm toán năng lượng; mua thiết bị có nhãn năng lượng từ 4 sao trở lên.', '', 'b) Cắt giảm tối thiểu 50% số đèn chiếu sáng hành lang.'];
    expect(rows(section(...body)).map((r) => r[0])).toEqual([50]);
    expect(rows(stripMarks(section(...body))).map((r) => r[0])).toEqual([50]);
  });
  const tasksPart = (...body: string[]) => ['KẾ HOẠCH', 'Thử', '', 'III. NHIỆM VỤ, GIẢI PHÁP', '', '1. Chuẩn bị', '', ...body].join('\n');

  it('gives a comparator before the colon of a list to each amount of the list', () => {
    const text = tasksPart('b) Vật tư dự trữ tối thiểu tại mỗi hồ xung yếu: 500 bao tải, 50 m3 đá hộc, 200 m2 vải địa kỹ thuật, cọc tre, đèn pin.');
    expect(rows(text)).toEqual([
      [500, '>=', 'Vật tư dự trữ tại mỗi hồ xung yếu: bao tải', null],
      [50, '>=', 'Vật tư dự trữ tại mỗi hồ xung yếu: m3 đá hộc', null],
      [200, '>=', 'Vật tư dự trữ tại mỗi hồ xung yếu: m2 vải địa kỹ thuật', null],
    ]);
    expect(extract(stripMarks(text)).targets.map((t) => [t.value.number, t.value.comparator])).toEqual([[500, '>='], [50, '>='], [200, '>=']]);
    // No comparator before the colon: a plain list of duties, no targets.
    expect(extract(tasksPart('b) Vật tư dự trữ tại mỗi hồ: 500 bao tải, 50 m3 đá hộc.')).targets).toEqual([]);
  });

  it('reads "không bị … quá N" as a cap, and names what must keep to a time cap by the words before it', () => {
    const text = tasksPart('c) Mỗi doanh nghiệp không bị thanh tra quá 01 lần/năm; mỗi kiến nghị của doanh nghiệp phải được trả lời trong thời hạn tối đa 10 ngày làm việc.');
    expect(rows(text).map((r) => r.slice(0, 3))).toEqual([
      [1, '<=', 'Mỗi doanh nghiệp không bị thanh tra'],
      [10, '<=', 'mỗi kiến nghị của doanh nghiệp phải được trả lời trong thời hạn'],
    ]);
    expect(extract(stripMarks(text)).targets.map((t) => [t.value.number, t.value.comparator])).toEqual([[1, '<='], [10, '<=']]);
    // "không thông qua": no cap.
    expect(extract(tasksPart('c) Hồ sơ không thông qua 02 bước thẩm định.')).targets).toEqual([]);
  });

  it('reads a number in words after a cap or a minimum ("quá một lần trong năm", "tối đa hai lần/năm")', () => {
    const text = tasksPart('c) Một doanh nghiệp không bị thanh tra quá một lần trong năm; mỗi câu lạc bộ sinh hoạt tối đa hai lần/năm.');
    expect(extract(text).targets.map((t) => [t.value.text, t.value.number, t.value.unit, t.value.comparator])).toEqual([
      ['quá một lần', 1, 'lần', '<='],
      ['tối đa hai lần/năm', 2, 'lần/năm', '<='],
    ]);
    // "một doanh nghiệp": a number in words without a comparator counts nothing.
    expect(extract(tasksPart('c) Mỗi năm chọn một doanh nghiệp để kiểm tra.')).targets).toEqual([]);
  });

  it('keeps the cap of "tối đa 03 nội dung … và 01 nội dung …" for the second count of the same noun, not for another measure', () => {
    const text = tasksPart('c) Mỗi vận động viên được đăng ký tối đa 03 nội dung thi đấu cá nhân và 01 nội dung đồng đội; mỗi tổ có tối thiểu 02 người và 03 ngày trực.');
    expect(extract(text).targets.map((t) => [t.value.number, t.value.comparator, t.indicator])).toEqual([
      [3, '<=', 'Mỗi vận động viên được đăng ký nội dung thi đấu cá nhân'],
      [1, '<=', 'Mỗi vận động viên được đăng ký: nội dung đồng đội'],
      [2, '>=', 'mỗi tổ có người'],
    ]);
  });

  it('reads a minimum distance of works ("trồng cách mép đường tối thiểu 0,5 m"), not the distance that picks out places, nor a scope', () => {
    expect(rows(tasksPart('a) Cây bóng mát: trồng cách mép đường tối thiểu 0,5 m; không trồng cây dễ gãy đổ.')).map((r) => r.slice(0, 3))).toEqual([[0.5, '>=', 'trồng cách mép đường']]);
    expect(extract(tasksPart('b) Dồn ghép toàn bộ điểm lẻ có dưới 15 học sinh, khoảng cách đến điểm chính không quá 3 km, không qua suối sâu.')).targets).toEqual([]);
    expect(extract(tasksPart('c) Không để họp chợ, chiếm vỉa hè trong phạm vi 50 m tính từ cổng trường.')).targets).toEqual([]);
  });

  it('reads the size of each group given as a range in brackets ("tổ tự quản (05 - 07 người)") at its lower bound, not any range in brackets', () => {
    expect(rows(tasksPart('a) Mỗi thôn thành lập tổ tự quản vệ sinh môi trường (05 - 07 người) do Chi hội trưởng Phụ nữ làm tổ trưởng.')).map((r) => r.slice(0, 3))).toEqual([
      [5, '>=', 'Mỗi thôn thành lập tổ tự quản vệ sinh môi trường'],
    ]);
    expect(extract(tasksPart('a) Tổ chức hội thi cho học sinh (05 - 07 người) tại nhà văn hóa.')).targets).toEqual([]);
  });

  it('names a value led by "phấn đấu đạt" after a colon by the label before it when what follows only says on what grounds ("theo kế hoạch …")', () => {
    expect(rows(section('2. Thu tiền sử dụng đất từ đấu giá quyền sử dụng đất: phấn đấu đạt 31.000 triệu đồng theo kế hoạch đấu giá đã được phê duyệt.')).map((r) => r.slice(0, 3))).toEqual([
      [31000, '=', 'Thu tiền sử dụng đất từ đấu giá quyền sử dụng đất'],
    ]);
  });

  it('reads a firm minimum in a text cell of a criteria table ("Dải hoa liên tục tối thiểu 60% chiều dài tuyến"), not a bare capped amount', () => {
    const doc = (row: string) => ['KẾ HOẠCH', 'Thử', '', 'III. TIÊU CHÍ TUYẾN ĐƯỜNG', '', 'Nhóm tiêu chí | Nội dung đánh giá | Điểm tối đa', 'Mặt đường | Mặt đường cứng hóa, không ổ gà | 15', row, 'Tổng cộng |  | 100'].join('\n');
    expect(rows(doc('Đường hoa | Dải hoa liên tục tối thiểu 60% chiều dài tuyến (đối với tuyến đường hoa); hoa được tưới | 15')).map((r) => r.slice(0, 3))).toEqual([
      [60, '>=', 'Dải hoa liên tục chiều dài tuyến (đối với tuyến đường hoa)'],
    ]);
    expect(extract(doc('Tài liệu | Theo thực tế, tối đa 50.000 | 15')).targets).toEqual([]);
  });

  it('reads neither a time counted before an event named in between, nor "one of several", nor what a report says happened, as a target', () => {
    expect(extract(tasksPart('b) Gửi giấy mời đến từng người trước ngày khám ít nhất 05 ngày.')).targets).toEqual([]);
    expect(extract(stripMarks(tasksPart('b) Gửi giấy mời đến từng người trước ngày khám ít nhất 05 ngày.'))).targets).toEqual([]);
    const report = ['BÁO CÁO', 'Thử', '', 'I. DIỄN BIẾN VỤ NGỘ ĐỘC', '', 'Số người mắc (có ít nhất 01 trong các triệu chứng tiêu chảy từ 03 lần/ngày trở lên) là 163 người.'].join('\n');
    expect(extract(report).targets).toEqual([]);
    expect(extract(stripMarks(report)).targets).toEqual([]);
  });
  it('does not read again, as a table without columns, the rows of a table whose header names no target', () => {
    const text = ['KẾ HOẠCH', 'Thử', '', 'II. ĐỐI TƯỢNG RÀ SOÁT', '', 'Theo kế hoạch, số văn bản như sau:', '', 'STT | Cơ quan ban hành | Nghị quyết HĐND | Quyết định UBND | Cộng', '', '1 | Tỉnh Gia Lai (cũ) | 186 | 412 | 598', '', '2 | Tỉnh Bình Định (cũ) | 203 | 457 | 660'].join('\n');
    expect(extract(text).targets).toEqual([]);
    expect(extract(stripMarks(text)).targets).toEqual([]);
  });
  it('reads a minimum measure of equipment in a unit it does not know ("độ sáng từ 10.000 lumen trở lên"), not a category ("từ 2 mũi trở lên")', () => {
    const text = tasksPart('a) Trang bị mới cho 05 đội: máy chiếu kỹ thuật số độ sáng từ 10.000 lumen trở lên, màn ảnh di động.');
    expect(rows(text).map((r) => r.slice(0, 3))).toEqual([[10000, '>=', 'máy chiếu kỹ thuật số độ sáng']]);
    expect(extract(stripMarks(text)).targets.map((t) => [t.value.number, t.value.unit])).toEqual([[10000, 'lumen']]);
    expect(extract(tasksPart('a) Rà soát trẻ đã được tiêm từ 2 mũi trở lên để tiêm nhắc.')).targets).toEqual([]);
  });
  it('gives the comparator of the first amount of a list to the amounts after it ("tối thiểu 2.000 lít …, 500 lít …"), 2.000 not being a year', () => {
    const text = tasksPart('c) Dự trữ tại huyện tối thiểu 2.000 lít hóa chất khử trùng, 500 lít hóa chất diệt muỗi, 1.500 bộ bảo hộ cá nhân.');
    const want = [
      [2000, '>=', 'lít'],
      [500, '>=', 'lít'],
      [1500, '>=', 'bộ'],
    ];
    expect(extract(text).targets.map((t) => [t.value.number, t.value.comparator, t.value.unit])).toEqual(want);
    expect(extract(stripMarks(text)).targets.map((t) => [t.value.number, t.value.comparator])).toEqual(want.map((w) => w.slice(0, 2)));
  });
  it('reads a minimum in the main clause after "Khi …,", and a minimum a step lasts beside "da" (skin), not "đã"', () => {
    const text = tasksPart('a) Khi có ca bệnh, tổ chức xử lý ổ dịch, phun hóa chất diệt muỗi trong phạm vi bán kính tối thiểu 200 mét.');
    expect(extract(text).targets.map((t) => [t.value.number, t.value.unit])).toEqual([[200, 'mét']]);
    expect(extract(stripMarks(text)).targets.map((t) => t.value.number)).toEqual([200]);
    expect(extract(tasksPart('a) Đặt trẻ tiếp xúc da kề da với mẹ ít nhất 90 phút, cho trẻ bú sớm.')).targets.map((t) => t.value.number)).toEqual([90]);
    expect(extract(tasksPart('a) Người đã cư trú ít nhất 12 tháng được đăng ký.')).targets).toEqual([]);
    // Still a condition when the value is inside the "Khi …" clause; notice given ahead of an event is no target.
    expect(extract(tasksPart('a) Khi phát hiện từ 02 ca trở lên trong cùng một lớp, nhà trường báo trạm y tế.')).targets).toEqual([]);
    expect(extract(tasksPart('a) Khi xả lũ phải thông báo trước cho Ủy ban nhân dân các xã, Ban Chỉ huy, ít nhất 04 giờ đối với hồ có cửa van.')).targets).toEqual([]);
  });
  it('reads a minimum inside a rate ("khám thai ít nhất 04 lần … đạt từ 60%", "(ít nhất 02 bệnh: …)") as part of its indicator', () => {
    const text = ['KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU', '', '2. Chỉ tiêu', '', 'a) Tỷ lệ phụ nữ đẻ được khám thai ít nhất 04 lần trong 03 thời kỳ đạt từ 60% trở lên.', '', 'b) Tỷ lệ trẻ sơ sinh được sàng lọc sơ sinh (ít nhất 02 bệnh: suy giáp trạng bẩm sinh, thiếu men G6PD) đạt từ 50% trở lên.'].join('\n');
    const read = (t: string) => extract(t).targets.map((x) => [x.value.number, x.indicator]);
    expect(read(text)).toEqual([
      [60, 'Tỷ lệ phụ nữ đẻ được khám thai ít nhất 04 lần trong 03 thời kỳ'],
      [50, 'Tỷ lệ trẻ sơ sinh được sàng lọc sơ sinh (ít nhất 02 bệnh: suy giáp trạng bẩm sinh, thiếu men G6PD)'],
    ]);
    expect(extract(stripMarks(text)).targets.map((x) => x.value.number)).toEqual([60, 50]);
  });
  it('reads a cap in a "Không để …" clause and a bound on a share or an output in the tasks part; not an overrun, a category or a budget', () => {
    const read = (t: string) => extract(t).targets.map((x) => [x.value.number, x.value.comparator]);
    const cap = section('6. Không để thiếu thuốc điều trị bệnh không lây nhiễm trong danh mục thuốc thiết yếu quá 15 ngày liên tục.');
    expect(read(cap)).toEqual([[15, '<=']]);
    expect(read(stripMarks(cap))).toEqual([[15, '<=']]);
    expect(read(tasksPart('c) Nhân viên y tế đến nhà người bệnh không đến tái khám quá 07 ngày so với lịch hẹn.'))).toEqual([]);
    const bound = tasksPart('a) Nông nghiệp: sản lượng lương thực trên 560.000 tấn; lấp đầy các cụm công nghiệp đạt trên 70%.');
    expect(read(bound)).toEqual([
      [560000, '>'],
      [70, '>'],
    ]);
    expect(read(stripMarks(bound))).toEqual([
      [560000, '>'],
      [70, '>'],
    ]);
    expect(read(tasksPart('a) Không chuyển hóa đối với rừng có tỷ lệ cây sâu bệnh, cong queo trên 30%.'))).toEqual([]);
    expect(read(tasksPart('a) Cài đặt phần mềm phòng, chống mã độc trên 100% máy tính.'))).toEqual([]);
    expect(read(tasksPart('b) Bổ sung nguồn vốn ủy thác tối thiểu 60 tỷ đồng/năm để cho vay hộ nghèo.'))).toEqual([]);
    expect(read(tasksPart('b) Dứt điểm khai thác IUU, 100% tàu cá từ 15 m trở lên duy trì kết nối giám sát hành trình.'))).toEqual([]);
  });

  it('reads revenue the plan is to collect as a target, not a sum it spends; not the scope "trên cả 3 tiêu chí"; counts of xóm, khu dân cư, lux', () => {
    const doc = [
      'BÁO CÁO',
      'Kết quả năm 2022; mục tiêu năm 2023',
      'Thanh Bình, ngày 08 tháng 12 năm 2022',
      '',
      'II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2023',
      '',
      '1. Thu ngân sách nhà nước trên địa bàn đạt 42 tỷ đồng trở lên (không kể thu tiền sử dụng đất đạt 22 tỷ đồng).',
      '2. Tỷ lệ hộ gia đình văn hóa đạt 93,5%; 12/12 khu dân cư văn hóa.',
      '3. Hoàn thành 100% chỉ tiêu giao quân; kéo giảm tai nạn giao thông trên cả 3 tiêu chí.',
      '',
      'III. NHIỆM VỤ, GIẢI PHÁP',
      '',
      '1. Mỗi quý, lãnh đạo Ủy ban nhân dân xã làm việc với ít nhất 07 xóm; bố trí kinh phí 18 tỷ đồng cho đầu tư.',
      '2. Cường độ chiếu sáng đối với hiện vật giấy không quá 50 lux.',
    ].join('\n');
    const want = [
      [42, 'tỷ đồng', '>='],
      [22, 'tỷ đồng', '='],
      [93.5, '%', '='],
      [12, 'khu dân cư', '='],
      [100, '%', '='],
      [7, 'xóm', '>='],
      [50, 'lux', '<='],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.value.unit, t.value.comparator])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.value.comparator])).toEqual(want.map((w) => [w[0], w[2]]));
  });

  it('reads the council\'s targets beside the estimate done in a report, a revenue table\'s own target column, and a table allocating targets by year', () => {
    const report = [
      'BÁO CÁO',
      'Kết quả thực hiện năm 2022',
      'Thanh Bình, ngày 08 tháng 12 năm 2022',
      '',
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
      '',
      'TT | Chỉ tiêu | Đơn vị | Nghị quyết HĐND | Ước thực hiện | Đánh giá',
      '1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 38,50 | 41,26 | Vượt',
      '2 | Tỷ lệ hộ nghèo theo chuẩn đa chiều | % | dưới 0,5 | 0,32 | Đạt',
    ].join('\n');
    const want1 = [
      [38.5, '=', '41,26'],
      [0.5, '<', '0,32'],
    ];
    expect(extract(report).targets.map((t) => [t.value.number, t.value.comparator, t.baseline])).toEqual(want1);
    expect(extract(stripMarks(report)).targets.map((t) => [t.value.number, t.value.comparator, t.baseline])).toEqual(want1);

    const revenue = [
      'NGHỊ QUYẾT',
      'Về thu ngân sách năm 2026',
      'Phong Điền, ngày 19 tháng 12 năm 2025',
      '',
      'Điều 2. Mục tiêu và chỉ tiêu thu ngân sách năm 2026',
      '',
      'STT | Nội dung thu | Ước thực hiện năm 2025 | Dự toán thành phố giao năm 2026 | Chỉ tiêu phấn đấu của xã năm 2026 | So với ước thực hiện 2025 (%)',
      '1 | Thuế thu nhập cá nhân | 9.215 | 9.500 | 10.300 | 111,8',
      '2 | Lệ phí trước bạ | 7.630 | 7.800 | 8.400 | 110,1',
      'Tổng | Thu ngân sách nhà nước trên địa bàn | 16.845 | 17.300 | 18.700 | 111,0',
    ].join('\n');
    const want2 = [
      [10300, '9.215'],
      [8400, '7.630'],
    ];
    expect(extract(revenue).targets.map((t) => [t.value.number, t.baseline])).toEqual(want2);
    expect(extract(stripMarks(revenue)).targets.map((t) => [t.value.number, t.baseline])).toEqual(want2);

    const allocation = [
      'KẾ HOẠCH',
      'Tái canh cà phê giai đoạn 2024 - 2025',
      "Cư M'gar, ngày 14 tháng 3 năm 2024",
      '',
      'III. MỤC TIÊU CỤ THỂ',
      '',
      'Đơn vị | Diện tích già cỗi (ha) | Trồng tái canh 2024 (ha) | Chỉ tiêu 2025 (ha)',
      'Xã Ea Kiết | 860 | 120 | 190',
      'Xã Ea Tar | 540 | 80 | 120',
      'Tổng cộng | 1.400 | 200 | 310',
    ].join('\n');
    const want3 = [
      [120, 'Xã Ea Kiết'],
      [190, 'Xã Ea Kiết'],
      [80, 'Xã Ea Tar'],
      [120, 'Xã Ea Tar'],
    ];
    expect(extract(allocation).targets.map((t) => [t.value.number, t.responsible])).toEqual(want3);
    expect(extract(stripMarks(allocation)).targets.map((t) => [t.value.number, t.responsible])).toEqual(want3.map((w) => [w[0], stripMarks(w[1] as string)]));
  });
});

describe('targets of a task table, a titled table, ranges and changes', () => {
  const head = ['KẾ HOẠCH', 'Vận động hiến máu tình nguyện năm 2026', 'Vĩnh Long, ngày 16 tháng 01 năm 2026', ''];
  const vals = (doc: string) => extract(doc).targets.map((t) => [t.value.number, t.value.comparator]);

  it('reads the "Chỉ tiêu" column of a task table, its lead responsible', () => {
    const doc = [
      ...head,
      'IV. PHÂN BỔ CHỈ TIÊU VÀ THỜI GIAN CAO ĐIỂM',
      '',
      'STT | Đợt, chương trình | Thời gian | Chỉ tiêu (đơn vị) | Đơn vị chủ trì',
      '1 | Lễ hội Xuân hồng | Từ 05/01 đến 15/02/2026 | 9.500 | Hội Chữ thập đỏ tỉnh, Tỉnh đoàn',
      '2 | Chủ nhật Đỏ | Tháng 12/2026 | 3.800 | Tỉnh đoàn',
      'Tổng cộng | | | 13.300 |',
    ].join('\n');
    const want = [
      [9500, 'Hội Chữ thập đỏ tỉnh, Tỉnh đoàn'],
      [3800, 'Tỉnh đoàn'],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.responsible])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.responsible])).toEqual(want.map(([n, r]) => [n, stripMarks(r as string)]));
  });

  it('reads a frequency alone in the time column of a task table ("02 lần/tuần") as a target of its row, not a deadline', () => {
    const doc = [
      ...head,
      'V. TỔ CHỨC THỰC HIỆN',
      '',
      'STT | Nội dung | Chủ trì | Phối hợp | Thời gian',
      '1 | Truyền thông trên loa truyền thanh thôn | Phòng Văn hóa - Xã hội | Trạm Y tế xã | 02 lần/tuần',
      '2 | Dự trù, cung ứng thuốc | Trạm Y tế xã | Trung tâm Y tế | Hằng tháng',
      '3 | Kiểm tra bếp ăn | Trạm Y tế xã | Trường học | Định kỳ 01 lần/tháng',
    ].join('\n');
    for (const text of [doc, stripMarks(doc)]) {
      const { targets, deadlines } = extract(text);
      expect(targets.map((t) => [t.value.number, fold(t.value.unit ?? ''), t.value.comparator, fold(t.indicator)])).toEqual([[2, 'lan/tuan', '=', 'truyen thong tren loa truyen thanh thon']]);
      expect(deadlines.map((d) => d.recurrence)).toEqual(['monthly', 'monthly']);
    }
  });

  it('takes a table whose title line names targets, without its foreseen counts', () => {
    const doc = [
      ...head,
      'III. NỘI DUNG THI ĐẤU',
      '',
      'Bảng 1. Chỉ tiêu tổ chức Đại hội các cấp',
      '',
      'Cấp tổ chức | Số đơn vị tổ chức | Số môn tối thiểu | Số vận động viên dự kiến | Thời gian hoàn thành',
      'Huyện, thành phố | 10 | 08 | 9.500 | 30/6/2022',
      'Tỉnh | 01 | 20 | 2.400 | 30/9/2022',
    ].join('\n');
    const want = [10, 8, 1, 20];
    expect(extract(doc).targets.map((t) => t.value.number)).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => t.value.number)).toEqual(want);
  });

  it('reads a range as its lower bound, a change after a value, a cap to bring under; not a conversion, a scope or a category', () => {
    const doc = [
      ...head,
      'III. CHỈ TIÊU NĂM 2026',
      '',
      '1. Tiếp nhận 58.500 đơn vị máu (quy đổi đơn vị 250 ml), tăng 6,7% so với năm 2025.',
      '',
      '2. Các xã ven biển nhận chỉ tiêu từ 200 đến 350 đơn vị; tỷ lệ hồ sơ trực tuyến từ 60 đến 70%.',
      '',
      '3. Giảm thời gian xử lý văn bản xuống dưới 03 ngày làm việc.',
      '',
      '4. Đối với 02 trụ sở cũ, lập phương án sử dụng trong quý I năm 2026.',
      '',
      'V. NỘI DUNG, GIẢI PHÁP',
      '',
      '1. Ưu tiên đoàn viên thanh niên, người đã hiến máu từ 05 lần trở lên; tặng Giấy khen cho người hiến máu từ 20 lần trở lên.',
    ].join('\n');
    const want = [
      [58500, '='],
      [6.7, '='],
      [200, '>='],
      [60, '>='],
      [3, '<'],
    ];
    expect(vals(doc)).toEqual(want);
    expect(vals(stripMarks(doc))).toEqual(want);
    const t = extract(doc).targets;
    expect(t[1].indicator).toMatch(/^Tiếp nhận đơn vị máu.*, tăng$/);
    expect(t[1].baseline).toBe('năm 2025');
    expect(extract(stripMarks(doc)).targets[1].baseline).toBe('nam 2025');
  });

  it('takes a "Mức tiết kiệm" column beside the plan column', () => {
    const doc = [
      ...head,
      'IV. CÁC CHỈ TIÊU CỤ THỂ',
      '',
      'STT | Nội dung | Thực hiện năm 2025 | Kế hoạch năm 2026 | Mức tiết kiệm',
      '1 | Chi hội nghị, hội thảo (triệu đồng) | 186 | 158 | 15%',
      '2 | Cộng | 186 | 158 | 15%',
    ].join('\n');
    const want = [
      [158, '186'],
      [15, '186'],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.baseline])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.baseline])).toEqual(want);
  });
});

describe('conditions of a rule of expenses', () => {
  it('reads no target in a distance that decides when a rule applies, a value after "khi", or a multiple of the wage fund', () => {
    const doc = [
      'QUY CHẾ',
      'Chi tiêu nội bộ',
      'Lạng Sơn, ngày 15 tháng 8 năm 2025',
      '',
      'Điều 3. Chế độ công tác phí',
      '',
      'a) Trường hợp tự túc phương tiện đi công tác cách trụ sở cơ quan từ 10 km trở lên (riêng các xã vùng cao, biên giới từ 05 km trở lên) thì được thanh toán khoán.',
      '',
      'b) Thanh toán vé máy bay cho công chức đi công tác bằng máy bay khi cự ly từ 300 km trở lên.',
      '',
      'c) Chi bổ sung thu nhập tối đa không quá 01 lần quỹ tiền lương ngạch, bậc.',
      '',
      'd) Hội nghị tổ chức tiết kiệm, thời gian không quá 01 ngày; thời gian từ khi chế biến xong đến khi ăn không quá 02 giờ.',
    ].join('\n');
    const want = [
      [1, 'ngày'],
      [2, 'giờ'],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.value.unit])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.value.unit])).toEqual(want.map(([n, u]) => [n, stripMarks(u as string)]));
  });
});

describe('tables of programmes and reports', () => {
  it('reads a "Phần thứ …" situation part as results, and a past year column as the baseline', () => {
    const doc = [
      'ỦY BAN NHÂN DÂN',
      'HUYỆN GIAO THỦY',
      'Giao Thủy, ngày 25 tháng 4 năm 2024',
      '',
      'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      'Chăm sóc người cao tuổi',
      '',
      'Phần thứ nhất',
      'THỰC TRẠNG',
      '',
      'Xã, thị trấn | Dân số (người) | Tỷ lệ (%)',
      'Xã Giao Thiện | 9.812 | 24,8',
      'Xã Giao An | 10.346 | 23,2',
      '',
      'Phần thứ hai',
      'MỤC TIÊU VÀ CHỈ TIÊU',
      '',
      'Chỉ tiêu | Năm 2023 | Năm 2025 | Năm 2030',
      'Tỷ lệ người cao tuổi có thẻ bảo hiểm y tế (%) | 97,8 | 99 | 100',
      'Số Câu lạc bộ Liên thế hệ | 47 | 66 | 110',
    ].join('\n');
    const want = [
      [99, '97,8', 'Năm 2025'],
      [100, '97,8', 'Năm 2030'],
      [66, '47', 'Năm 2025'],
      [110, '47', 'Năm 2030'],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.baseline, t.period])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.baseline, t.period])).toEqual(want.map(([n, b, p]) => [n, b, stripMarks(p as string)]));
  });

  it('takes the year\'s targets from a results table ("Kết quả | Chỉ tiêu năm 2024"), not how far the plan was met nor work handed out', () => {
    const doc = [
      'SỞ Y TẾ',
      'Đồng Tháp, ngày 09 tháng 8 năm 2024',
      '',
      'Kính gửi: Bệnh viện Phổi tỉnh.',
      '',
      'STT | Lĩnh vực | Số ý kiến | Giao trả lời bằng văn bản | Cơ quan chủ trì',
      '1 | Đất đai | 31 | 14 | Sở Nông nghiệp và Môi trường',
      '2 | Thuế | 17 | 6 | Thuế tỉnh',
      '',
      'I. TÌNH HÌNH THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024',
      '',
      'Chỉ số | Kết quả | Chỉ tiêu năm 2024 | Tỷ lệ so với kế hoạch',
      'Tỷ lệ người bệnh lao được xét nghiệm HIV | 86,7% | ≥ 95% | 91,3%',
      'Số người bắt đầu điều trị lao tiềm ẩn | 318 | 900 | 35,3%',
    ].join('\n');
    const want = [
      [95, '>=', '86,7%'],
      [900, '=', '318'],
    ];
    expect(extract(doc).targets.map((t) => [t.value.number, t.value.comparator, t.baseline])).toEqual(want);
    expect(extract(stripMarks(doc)).targets.map((t) => [t.value.number, t.value.comparator, t.baseline])).toEqual(want);
  });
});

describe('tables of two target columns and tables of results as of a day', () => {
  it('reads two "Chỉ tiêu giảm năm 2024" columns, each told apart by the past year\'s column before it, its rows named by a group of units', () => {
    const doc = [
      'Phú Thọ, ngày 21 tháng 5 năm 2024',
      '',
      'CÔNG ĐIỆN',
      'Thử',
      '',
      '4. Đối với các đơn vị sự nghiệp công lập có mức tiêu thụ lớn',
      '',
      'Nhóm cơ quan, đơn vị | Điện tiêu thụ năm 2023 (nghìn kWh) | Chỉ tiêu giảm năm 2024 | Nước tiêu thụ năm 2023 (m3) | Chỉ tiêu giảm năm 2024',
      'Ủy ban nhân dân cấp xã | 2.948 | 10% | 36.200 | 8%',
      'Bệnh viện, trung tâm y tế | 12.630 | 6% | 412.300 | 5%',
      'Cộng | 15.578 | | 448.500 |',
    ].join('\n');
    const want = [
      [10, '2.948', 'Chỉ tiêu giảm năm 2024 (Điện tiêu thụ năm 2023)', 'Ủy ban nhân dân cấp xã'],
      [8, '36.200', 'Chỉ tiêu giảm năm 2024 (Nước tiêu thụ năm 2023)', 'Ủy ban nhân dân cấp xã'],
      [6, '12.630', 'Chỉ tiêu giảm năm 2024 (Điện tiêu thụ năm 2023)', 'Bệnh viện, trung tâm y tế'],
      [5, '412.300', 'Chỉ tiêu giảm năm 2024 (Nước tiêu thụ năm 2023)', 'Bệnh viện, trung tâm y tế'],
    ];
    const got = (d: string) => extract(d).targets.map((t) => [t.value.number, t.baseline, t.indicator, t.responsible]);
    expect(got(doc)).toEqual(want);
    expect(got(stripMarks(doc))).toEqual(want.map((r) => r.map((x) => (typeof x === 'string' ? stripMarks(x) : x))));
  });

  it('reads no targets in a table of indicators as they stood on a day, under a KẾT QUẢ part', () => {
    const doc = [
      'Hải Phòng, ngày 16 tháng 01 năm 2026',
      '',
      'CHƯƠNG TRÌNH',
      'Thử',
      '',
      'I. KẾT QUẢ NĂM 2025',
      '',
      '2. Một số chỉ tiêu về bình đẳng giới trong ngành tại thời điểm ngày 31 tháng 12 năm 2025:',
      '',
      'STT | Chỉ tiêu | Tổng số | Trong đó nữ | Tỷ lệ nữ (%)',
      '1 | Lãnh đạo Sở và lãnh đạo phòng, ban thuộc Sở | 41 | 14 | 34,1',
      '2 | Giáo viên mầm non | 14.210 | 14.153 | 99,6',
      '',
      'II. MỤC TIÊU NĂM 2026',
      '',
      '1. Nâng tỷ lệ nữ trong lãnh đạo Sở và lãnh đạo phòng, ban thuộc Sở đạt ít nhất 36%.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => t.value.number)).toEqual([36]);
  });
});

describe('lists of counts, parts after "trong đó", dash ranges, and values that are no objective', () => {
  const plan = (...body: string[]) => ['Diễn Châu, ngày 26 tháng 12 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', ...body].join('\n');
  const got = (doc: string) => [doc, stripMarks(doc)].map((d) => extract(d).targets.map((t) => [t.value.number, fold(t.indicator)]));

  it('reads "ít nhất 12 X đạt chuẩn mức độ 1 và 04 Y đạt chuẩn mức độ 2" as two counts, and a share after its time ("phấn đấu đến hết năm học …, 100% …")', () => {
    const doc = plan('III. CHỈ TIÊU NĂM 2026', '', '1. Có thêm ít nhất 12 thư viện đạt chuẩn mức độ 1 và 04 thư viện đạt chuẩn mức độ 2; phấn đấu đến hết năm học 2026 - 2027, 100% trường tiểu học có thư viện đạt chuẩn.');
    for (const g of got(doc)) expect(g).toEqual([
      [12, 'co them thu vien dat chuan muc do 1'],
      [4, 'thu vien dat chuan muc do 2'],
      [100, 'truong tieu hoc co thu vien dat chuan'],
    ]);
  });

  it('reads the part named after "trong đó" and a range written with a dash at its lower bound', () => {
    const doc = plan('III. CHỈ TIÊU NĂM 2026', '', '1. Tổng quân số dân quân duy trì 430 - 440 đồng chí; kiểm tra bắn đạn thật đạt 90% trở lên, trong đó khá, giỏi 65%.');
    for (const g of got(doc)) expect(g).toEqual([
      [430, 'tong quan so dan quan'],
      [90, 'kiem tra ban dan that'],
      [65, 'kiem tra ban dan that, trong do kha, gioi'],
    ]);
  });

  it('reads no target in a time counted before an event, nor in the ones a rule is for ("thôn nào … dưới 90%")', () => {
    const doc = plan(
      'II. NHIỆM VỤ',
      '',
      '1. Phát thông điệp trên loa truyền thanh ít nhất 01 tuần trước và trong suốt thời gian tiêm.',
      '',
      '2. Hồ sơ trễ hạn phải có Phiếu xin lỗi gửi người dân trước thời hạn ít nhất 01 ngày.',
      '',
      '3. Điều tra nhanh tỷ lệ tiêm chủng; thôn nào tỷ lệ tiêm dưới 90% phải tiêm vét ngay.',
    );
    for (const g of got(doc)) expect(g).toEqual([]);
  });
});

describe('who a policy is for and what a plan expects', () => {
  it('reads no target in "thương binh có tỷ lệ tổn thương cơ thể từ 61% trở lên" nor under "Hiệu quả dự kiến"', () => {
    const doc = [
      'Nam Trung, ngày 20 tháng 12 năm 2024',
      '',
      'NGHỊ QUYẾT',
      'Thử',
      '',
      '5. Cơ chế huy động nguồn lực',
      '',
      'đ) Miễn đóng góp đối với hộ nghèo, người hưởng chính sách như thương binh có tỷ lệ tổn thương cơ thể từ 61% trở lên.',
      '',
      '9. Hiệu quả dự kiến',
      '',
      'Năng suất lúa tại các xứ đồng cuối kênh dự kiến tăng từ 5 đến 7 tạ/ha.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets).toEqual([]);
  });
});

describe('a table of amounts whose columns say they are targets', () => {
  const doc = [
    'Phú Thọ, ngày 14 tháng 10 năm 2025',
    '',
    'CÔNG VĂN',
    'Đôn đốc đóng bảo hiểm xã hội',
    '',
    'IV. NHIỆM VỤ CỦA BẢO HIỂM XÃ HỘI CƠ SỞ',
    '',
    'Bảng 2. Kế hoạch thu hồi số tiền chậm đóng quý IV năm 2025',
    '',
    'Bảo hiểm xã hội cơ sở | Số tiền chậm đóng đến 30/9/2025 (triệu đồng) | Chỉ tiêu thu hồi quý IV (triệu đồng) | Tỷ lệ thu hồi phải đạt (%)',
    'Việt Trì | 126.418 | 68.300 | 54,0',
    'Phú Thọ | 38.925 | 19.500 | 50,1',
    'Cộng | 165.343 | 87.800 | 53,1',
  ].join('\n');
  it('takes the "Chỉ tiêu …" and "… phải đạt" columns of each unit, not the debt as of a day nor the total', () => {
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => t.value.number)).toEqual([68300, 54, 19500, 50.1]);
    }
  });
  it('still reads no target in a budget table whose "Chỉ tiêu" column names its lines', () => {
    const budget = [
      'Phú Thọ, ngày 14 tháng 10 năm 2025',
      '',
      'TỜ TRÌNH',
      'Dự toán',
      '',
      'II. KẾ HOẠCH NĂM 2026',
      '',
      'Chỉ tiêu | Dự toán năm 2026 (triệu đồng)',
      'Chi thường xuyên | 12.000',
      'Chi đầu tư | 8.000',
    ].join('\n');
    expect(extract(budget).targets).toEqual([]);
  });
});

describe('a roadmap table by school year', () => {
  const doc = [
    'Bát Xát, ngày 19 tháng 4 năm 2024',
    '',
    'KẾ HOẠCH',
    'Sắp xếp mạng lưới trường, lớp',
    '',
    'IV. PHƯƠNG ÁN SẮP XẾP CỤ THỂ',
    '',
    'Bảng 2. Lộ trình dồn ghép điểm trường lẻ giai đoạn 2024 - 2026',
    '',
    'Năm học | Điểm lẻ mầm non dồn ghép | Số lớp ghép giảm',
    '2024 - 2025 | 14 | 21',
    '2025 - 2026 | 11 | 17',
    'Cộng | 25 | 38',
  ].join('\n');
  it('takes each year\'s figures as targets of that year, not the total, and each school year as a deadline', () => {
    for (const d of [doc, stripMarks(doc)]) {
      const x = extract(d);
      expect(x.targets.map((t) => [t.value.number, t.period])).toEqual([
        [14, '2024 - 2025'],
        [21, '2024 - 2025'],
        [11, '2025 - 2026'],
        [17, '2025 - 2026'],
      ]);
      expect(x.deadlines.map((t) => [t.date, t.endDate])).toEqual([
        ['2024-09-01', '2025-05-31'],
        ['2025-09-01', '2026-05-31'],
      ]);
    }
  });
  it('reads no targets nor deadlines from a table of years that is no roadmap', () => {
    const stats = doc.replace('Bảng 2. Lộ trình dồn ghép điểm trường lẻ', 'Bảng 2. Số điểm trường lẻ đã dồn ghép');
    const x = extract(stats);
    expect(x.targets).toEqual([]);
    expect(x.deadlines).toEqual([]);
  });
});

describe('an alarm level', () => {
  it('is a condition, not a target ("khi có lũ từ báo động 2 trở lên")', () => {
    const doc = ['Vũ Thư, ngày 12 tháng 5 năm 2025', '', 'CÔNG VĂN', 'Về việc bảo vệ đê điều', '', '5. Xử lý vi phạm', '', 'c) Không cho phép xe vượt tải trọng lưu thông trên đê, đặc biệt trong thời gian có lũ từ báo động 2 trở lên; mỗi kíp trực tuần tra tối thiểu 02 người.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => t.value.number)).toEqual([2]);
  });
});

describe('a time counted before a meeting', () => {
  it('is neither a target nor a deadline ("gửi đến đảng viên trước đại hội ít nhất 05 ngày"), unlike a cap on a report\'s length', () => {
    const doc = ['Công Thành, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'V. CHUẨN BỊ VĂN KIỆN', '', '1. Báo cáo chính trị không quá 08 trang. Chi bộ hoàn thiện và gửi đến đảng viên trước đại hội ít nhất 05 ngày để nghiên cứu.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => t.value.number)).toEqual([8]);
  });
});

describe('a measure that rises from one value to another', () => {
  const doc = ['Đàm Thủy, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU', '', '- Tăng tỷ lệ hộ dân sử dụng nước sạch từ 85% năm 2024 lên 90% năm 2025.', '', '- Giảm tỷ lệ hộ nghèo từ 5,2% xuống còn 3,5%.'].join('\n');
  it('takes the value it reaches as the target and the one it starts from as the baseline', () => {
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => [t.value.number, fold(t.baseline ?? '')])).toEqual([
        [90, '85% (nam 2024)'],
        [3.5, '5,2%'],
      ]);
    }
  });
  it('takes the start as the baseline when the value it reaches is a bound ("giảm từ 14,12% xuống dưới 12%")', () => {
    const bound = ['KẾ HOẠCH', 'Thử', '', 'IV. CHỈ TIÊU', '', 'Năm 2025, tỷ lệ hộ cận nghèo giảm từ 14,12% xuống dưới 12%; tỷ lệ lao động qua đào tạo tăng từ 63,5% lên trên 66%.'].join('\n');
    for (const d of [bound, stripMarks(bound)]) {
      expect(extract(d).targets.map((t) => [t.value.number, t.value.comparator, t.baseline])).toEqual([
        [12, '<', '14,12%'],
        [66, '>', '63,5%'],
      ]);
    }
  });
});

describe('OCR letters for digits in a share', () => {
  it('reads "đạt 6O%" and "l00%" as 60 and 100', () => {
    const doc = ['Đàm Thủy, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU', '', '- Tỷ lệ hồ sơ trực tuyến đạt 6O%.', '', '- l00% xã có Tổ công nghệ số cộng đồng.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => t.value.number)).toEqual([60, 100]);
  });
});

describe('a time brought down', () => {
  it('reads "rút ngắn còn 10 ngày" in a MỤC TIÊU part as a cap', () => {
    const doc = ['Đàm Thủy, ngày 08 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU', '', '- Thời gian giải quyết hồ sơ đất đai rút ngắn còn 10 ngày.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => [t.value.number, t.value.comparator])).toEqual([[10, '<=']]);
  });
});

describe('the columns of a target table that are no targets', () => {
  const head = ['Đức Linh, ngày 10 tháng 7 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU', ''];
  it('takes a column "as of a day" beside the chỉ tiêu column as its baseline', () => {
    const doc = [...head, 'Thôn | Số thửa chưa cấp (30/6/2025) | Chỉ tiêu cấp năm 2025 (thửa)', 'Thôn 1 | 84 | 70', 'Thôn 2 | 102 | 85', 'Cộng | 186 | 155'].join('\n');
    for (const d of [doc, stripMarks(doc), doc.replace('(30/6/2025)', '(3O/6/2025)')]) {
      expect(extract(d).targets.map((t) => [fold(t.responsible ?? ''), t.value.number, t.baseline])).toEqual([
        ['thon 1', 70, '84'],
        ['thon 2', 85, '102'],
      ]);
    }
  });
  it('keeps the year columns of an allocation table, not the column of what there is', () => {
    const doc = [...head, 'Xã | Diện tích lúa kém hiệu quả | Năm 2025 | Năm 2026 | Cây trồng chủ lực', 'Xã Tân Lập | 95 | 50 | 40 | Ngô', 'Xã Phú Đô | 82 | 45 | 35 | Rau màu', 'Cộng | 177 | 95 | 75 |'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => t.value.number)).toEqual([50, 40, 45, 35]);
  });
});

describe('bare amounts of an allocation list', () => {
  it('reads "- Xã Cư Né: 03 lớp, 45 học viên;" as one target per amount, named by the lead-in and the unit', () => {
    const doc = ['Krông Búk, ngày 20 tháng 02 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU, CHỈ TIÊU', '', 'Phân bổ chỉ tiêu mở lớp xóa mù chữ năm 2025:', '- Xã Cư Né: 03 lớp, 45 học viên;', '- Các xã còn lại: 03 lớp, 47 học viên.'].join('\n');
    for (const d of [doc, stripMarks(doc), doc.replace('45 học viên', '45 hoc vien')]) {
      const got = extract(d).targets;
      expect(got.map((t) => t.value.number)).toEqual([3, 45, 3, 47]);
      expect(fold(got[1].indicator)).toMatch(/mo lop xoa mu chu.*\(hoc vien\)$/);
      expect(fold(got[3].responsible ?? '')).toBe('cac xa con lai');
    }
  });
});

describe('money per head, household or hectare', () => {
  const doc = [
    'Phú Lương, ngày 17 tháng 3 năm 2026',
    '',
    'KẾ HOẠCH',
    'Thử',
    '',
    'II. MỤC TIÊU, CHỈ TIÊU',
    '',
    '- Thu nhập bình quân từ vườn sau cải tạo đạt trên 80 triệu đồng/ha/năm.',
    '',
    'III. NỘI DUNG, GIẢI PHÁP',
    '',
    'a) Hỗ trợ 50% chi phí mua cây giống mới, tối đa 15 triệu đồng/hộ.',
    '',
    'b) Hỗ trợ chi phí đào tạo: người khuyết tật tối đa 06 triệu đồng/người/khóa; lao động nông thôn khác tối đa 2,5 triệu đồng/người/khóa.',
  ].join('\n');
  it('reads an income per hectare as a target, not a cap on support per head or household (a norm)', () => {
    for (const d of [doc, stripMarks(doc), doc.replace('tối đa 15', 'toi da 15')]) {
      expect(extract(d).targets.map((t) => [t.value.number, fold(t.value.unit ?? ''), t.value.comparator])).toEqual([[80, 'trieu dong/ha/nam', '>']]);
    }
  });
});

describe('a column whose name holds "ước" inside a word', () => {
  it('reads "Nước sinh hoạt phân tán (hộ)" as a target column, not an estimate', () => {
    const doc = ['Mường Nhé, ngày 20 tháng 01 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'III. CHỈ TIÊU VÀ KINH PHÍ NĂM 2025', '', 'Xã | Nhà ở xây mới (hộ) | Nước sinh hoạt phân tán (hộ)', 'Chung Chải | 38 | 64', 'Sín Thầu | 29 | 52', 'Tổng cộng | 67 | 116'].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => [t.value.number, fold(t.indicator), t.baseline])).toEqual([
        [38, 'nha o xay moi (ho)', null],
        [64, 'nuoc sinh hoat phan tan (ho)', null],
        [29, 'nha o xay moi (ho)', null],
        [52, 'nuoc sinh hoat phan tan (ho)', null],
      ]);
    }
    // "Ước thực hiện năm 2024" is still the baseline.
    const est = doc.replace('Nhà ở xây mới (hộ)', 'Ước thực hiện năm 2024').replace('Nước sinh hoạt phân tán (hộ)', 'Kế hoạch năm 2025');
    expect(extract(est).targets.map((t) => [t.value.number, t.baseline])).toEqual([[64, '38'], [52, '29']]);
  });
});

describe('the share of each year of a whole', () => {
  it('names "trong đó năm 2026 thực hiện 70 ha, năm 2027 thực hiện 85 ha" by the whole and the year', () => {
    const doc = ['Phú Lương, ngày 17 tháng 3 năm 2026', '', 'KẾ HOẠCH', 'Thử', '', 'III. MỤC TIÊU, CHỈ TIÊU', '', '- Cải tạo ít nhất 240 ha vườn tạp (chiếm khoảng 40% diện tích vườn hộ), trong đó năm 2026 thực hiện 70 ha, năm 2027 thực hiện 85 ha.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      const got = extract(d).targets.filter((t) => t.value.unit === 'ha');
      expect(got.slice(1).map((t) => [t.value.number, fold(t.indicator).replace(/^.*(vuon tap)/, '$1'), fold(t.period ?? '')])).toEqual([
        [70, 'vuon tap nam 2026', 'nam 2026'],
        [85, 'vuon tap nam 2027', 'nam 2027'],
      ]);
      expect(got[0].value.number).toBe(240);
    }
  });
});

describe('a value that says which ones are counted', () => {
  it('reads "ít nhất 30 vườn đạt thu nhập trên 200 triệu đồng/ha/năm" as one target of 30', () => {
    const doc = ['Phú Lương, ngày 17 tháng 3 năm 2026', '', 'KẾ HOẠCH', 'Thử', '', 'III. MỤC TIÊU, CHỈ TIÊU', '', '- Thu nhập bình quân từ vườn đạt trên 80 triệu đồng/ha/năm; phấn đấu có ít nhất 30 vườn đạt thu nhập trên 200 triệu đồng/ha/năm.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      const got = extract(d).targets;
      expect(got.map((t) => t.value.number)).toEqual([80, 30]);
      expect(fold(got[1].indicator)).toMatch(/vuon dat thu nhap tren 200 trieu dong/);
    }
  });
});

describe('the count that meets a standard', () => {
  it('reads "đạt chuẩn 04 thôn nông thôn mới kiểu mẫu" as a target of 4 (not a label "chuẩn 04")', () => {
    const doc = ['Phú Lương, ngày 17 tháng 3 năm 2026', '', 'KẾ HOẠCH', 'Thử', '', 'III. MỤC TIÊU, CHỈ TIÊU', '', '2. Góp phần đạt chuẩn 04 thôn nông thôn mới kiểu mẫu trong giai đoạn 2026 - 2028.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => [t.value.number, fold(t.value.unit ?? '')])).toEqual([[4, 'thon']]);
    }
  });
});

describe('a table of the level each criterion must reach', () => {
  const doc = (part: string) => ['Tân Châu, ngày 19 tháng 12 năm 2025', '', 'NGHỊ QUYẾT', 'Thử', '', part, '', '3. Tiêu chí đánh giá', '', 'Tiêu chí | Yêu cầu', 'Tỷ lệ hồ sơ giải quyết đúng hạn | Từ 98% trở lên', 'Tỷ lệ hồ sơ được số hóa khi tiếp nhận | 100%', 'Số lần yêu cầu bổ sung hồ sơ | Không quá 01 lần'].join('\n');
  it('reads "Tiêu chí | Yêu cầu" rows ("Từ 98% trở lên", "Không quá 01 lần") as targets, not under a results part', () => {
    for (const d of [doc('I. CHUYÊN ĐỀ 1: GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'), stripMarks(doc('I. CHUYÊN ĐỀ 1: GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'))]) {
      expect(extract(d).targets.map((t) => [t.value.number, t.value.comparator])).toEqual([
        [98, '>='],
        [100, '='],
        [1, '<='],
      ]);
    }
    expect(extract(doc('I. KẾT QUẢ THỰC HIỆN')).targets).toEqual([]);
  });
});

describe('the size that picks out a kind of farm', () => {
  it('reads no target in "các trang trại quy mô trên 500 con", one in "quy mô đàn lợn đạt trên 50.000 con"', () => {
    const doc = (s: string) => ['Nghệ An, ngày 24 tháng 7 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'II. MỤC TIÊU', '', s].join('\n');
    for (const f of [(s: string) => s, stripMarks]) {
      expect(extract(f(doc('1. Kiểm soát dịch tại các trang trại quy mô trên 500 con; hộ chăn nuôi quy mô dưới 10 con được hướng dẫn an toàn sinh học.'))).targets).toEqual([]);
      expect(extract(f(doc('1. Quy mô đàn lợn đạt trên 50.000 con.'))).targets.map((t) => t.value.number)).toEqual([50000]);
    }
  });
});

describe('a roadmap part in prose', () => {
  it('reads the amounts of each year of a "LỘ TRÌNH" part as targets, the report lines of it as none', () => {
    const doc = ['Cà Mau, ngày 09 tháng 10 năm 2025', '', 'KẾ HOẠCH', 'Trồng rừng giai đoạn 2026 - 2030', '', 'VI. LỘ TRÌNH VÀ CHẾ ĐỘ BÁO CÁO', '', '1. Năm 2026: hoàn thành rà soát hiện trạng; trồng mới 400 ha, trồng bổ sung 600 ha; khởi công 12 km hàng rào giảm sóng.', '', '2. Năm 2027 - 2029: mỗi năm trồng mới 500 - 550 ha.', '', '3. Các cơ quan báo cáo kết quả thực hiện 6 tháng (trước ngày 15 tháng 6) và năm (trước ngày 30 tháng 11).'].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => t.value.number)).toEqual([400, 600, 12, 500]);
    }
    // Under another title ("VI. TỔ CHỨC THỰC HIỆN"), a count without a comparator is no target.
    expect(extract(doc.replace('VI. LỘ TRÌNH VÀ CHẾ ĐỘ BÁO CÁO', 'VI. TỔ CHỨC THỰC HIỆN')).targets).toEqual([]);
  });
});

describe('a cap in a clause that sets a support amount', () => {
  it('reads no target in "Hỗ trợ tiền đi lại …, mức 100.000 đồng/lượt, tối đa 02 lượt/thai kỳ", one in "khám thai tối thiểu 04 lần"', () => {
    const doc = ['Hòa An, ngày 21 tháng 10 năm 2025', '', 'KẾ HOẠCH', 'Thử', '', 'III. NHIỆM VỤ, GIẢI PHÁP', '', 'a) Bà mẹ mang thai được khám thai tối thiểu 04 lần trong thai kỳ.', '', 'b) Hỗ trợ tiền đi lại cho bà mẹ mang thai thuộc hộ nghèo, mức 100.000 đồng/lượt, tối đa 02 lượt/thai kỳ.'].join('\n');
    for (const d of [doc, stripMarks(doc)]) expect(extract(d).targets.map((t) => t.value.number)).toEqual([4]);
  });
});

describe('target tables of a scan and their remarks', () => {
  const head = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG AN HÒA', 'Số: 20/KH-UBND', 'An Hòa, ngày 10 tháng 01 năm 2026', 'KẾ HOẠCH', 'Phòng, chống bạo lực gia đình năm 2026', 'II. CHỈ TIÊU'];
  const table = [
    ['STT', 'Chỉ tiêu', 'Mục tiêu năm 2026', 'Đơn vị chủ trì'],
    ['1', 'Hộ gia đình được tuyên truyền về phòng, chống bạo lực gia đình', '100%', 'Phòng Văn hóa - Xã hội'],
    ['2', 'Hộ gia đình đạt danh hiệu "Gia đình văn hóa"', 'Đạt tối thiểu 93%', 'Phòng Văn hóa - Xã hội'],
  ];

  it('reads a ruled target table once, as a table, not again as prose', () => {
    for (const variant of [table, table.map((r) => r.map(stripMarks))]) {
      const { targets } = extractTree(scannedTree([[...head, { table: variant }, 'III. TỔ CHỨC THỰC HIỆN', 'Trên đây là Kế hoạch của UBND phường.']]));
      expect(targets.map((t) => [t.value.number, t.responsible])).toEqual([
        [100, variant[1][3]],
        [93, variant[2][3]],
      ]);
    }
  });

  it('reads the change a remark sets beside a row\'s value as a second target of the row', () => {
    const text = [
      ...head,
      '',
      'STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 | Ghi chú',
      '1 | Thu nhập bình quân đầu người | Triệu đồng | 68 | Tăng 8% so với năm 2025',
      '2 | Tỷ lệ hộ nghèo theo chuẩn đa chiều | % | Dưới 1,5 | Giảm 0,5%',
      '3 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 95 | Theo chỉ tiêu huyện giao',
      '',
      'III. TỔ CHỨC THỰC HIỆN',
    ].join('\n');
    for (const variant of [text, stripMarks(text)]) {
      const rows = extract(variant).targets.map((t) => [t.value.number, fold(t.indicator)]);
      expect(rows).toEqual([
        [68, 'thu nhap binh quan dau nguoi'],
        [8, 'thu nhap binh quan dau nguoi, tang so voi nam 2025'],
        [1.5, 'ty le ho ngheo theo chuan da chieu'],
        [0.5, 'ty le ho ngheo theo chuan da chieu, giam'],
        [95, 'ty le nguoi dan tham gia bao hiem y te'],
      ]);
    }
  });
});


describe('measures of work, caps in the rule of a case, group sizes; norms and conditions that are none', () => {
  const tasks = (...lines: string[]) => ['KẾ HOẠCH', 'Thử', 'Hà Nội, ngày 10 tháng 3 năm 2025', '', 'III. NHIỆM VỤ, GIẢI PHÁP', '', ...lines].join('\n');
  const values = (text: string) => extract(text).targets.map((t) => [t.value.number, t.value.comparator, t.value.unit]);

  it('reads "không quá 5 mm", "tối thiểu 200 dpi", "ít nhất 05 kỹ thuật", a cap after "trường hợp … thì" and "mỗi lớp từ 150 đến 200 học viên"', () => {
    const doc = tasks(
      'a) Nắp phải được đặt bằng mặt đường hoàn thiện, sai số cao độ không quá 5 mm.',
      '',
      'b) Hồ sơ giấy phải được quét bằng máy quét, độ phân giải tối thiểu 200 dpi, định dạng PDF.',
      '',
      'c) Hướng dẫn cho nhân viên y tế thôn bản về ít nhất 05 kỹ thuật mới.',
      '',
      'd) Giấy khai sinh được trả trong ngày; trường hợp cần xác minh thì hẹn trả không quá 05 ngày làm việc.',
      '',
      'đ) Hình thức: tổ chức 24 lớp, mỗi lớp từ 150 đến 200 học viên, học vào buổi tối.',
    );
    expect(values(doc)).toEqual([
      [5, '<=', 'mm'],
      [200, '>=', 'dpi'],
      [5, '>=', 'kỹ thuật'],
      [5, '<=', 'ngày'],
      [150, '>=', 'học viên'],
    ]);
    expect(values(stripMarks(doc)).map((v) => v[0])).toEqual([5, 200, 5, 5, 150]);
  });

  it('reads no target in a loan or spending cap, a pass mark under "Điều kiện", the size that picks out which land, a condition of a case', () => {
    const doc = tasks(
      'a) Người lao động được vay vốn với mức vay tối đa 100% chi phí ghi trong hợp đồng.',
      '',
      'b) Cụ thể: chi thù lao cho lực lượng trực tiếp thu không quá 5%; chi phí hành chính không quá 3%.',
      '',
      'c) Điều kiện đạt: thí sinh đạt từ 50 điểm trở lên ở mỗi phần.',
      '',
      'd) Cắm mốc ranh giới đối với các khu đất công ích có diện tích từ 1 ha trở lên.',
      '',
      'đ) Trường hợp hồ sơ có thời hạn giải quyết dưới 05 ngày, trả kết quả ngay.',
    );
    for (const d of [doc, stripMarks(doc)]) expect(values(d)).toEqual([]);
    // (Not a measure that only opens like a spending line: "chỉ số Breteau … giảm xuống dưới 20".)
    expect(values(tasks('a) Chỉ số Breteau sau chiến dịch giảm xuống dưới 20.'))).toEqual([[20, '<', null]]);
  });

  it('reads a count that a day only qualifies in a target table cell', () => {
    const doc = [
      'CÔNG VĂN',
      'Thử',
      'Hải Phòng, ngày 08 tháng 12 năm 2025',
      '',
      'III. CHỈ SỐ VÀ THỜI HẠN THEO DÕI',
      '',
      'STT | Chỉ số | Hiện trạng (tháng 11/2025) | Mục tiêu đến 31/12/2025 | Mục tiêu quý I/2026',
      '1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 96,1% | ≥ 98% | ≥ 99%',
      '2 | Số hồ sơ quá hạn chưa xử lý | 7.846 | 0 hồ sơ tồn trước 01/12/2025 | Không phát sinh do chậm cập nhật',
    ].join('\n');
    expect(extract(doc).targets.map((t) => t.value.number)).toEqual([98, 99, 0, 0]);
  });
});

describe('indicators of a share with a minimum inside, a group named after "đối với" or "là", a label before a colon; names in quotes', () => {
  const doc = (sec: string, ...lines: string[]) => ['KẾ HOẠCH', 'Thử', 'Hà Nội, ngày 10 tháng 3 năm 2025', '', sec, '', ...lines].join('\n');
  const rows = (text: string) => extract(text).targets.map((t) => [t.value.number, t.value.comparator, fold(t.indicator)]);

  it('reads "Bảo đảm 100% trạm có ít nhất 01 bác sĩ" as the share, and "thu đạt 100% … đối với A và đạt từ 95% trở lên đối với B" as two groups', () => {
    const text = doc(
      'I. MỤC ĐÍCH, YÊU CẦU',
      'a) Bảo đảm 100% trạm y tế xã có ít nhất 01 bác sĩ làm việc thường xuyên; nâng cao chất lượng khám bệnh.',
      '',
      'b) Phấn đấu thu đạt 100% kế hoạch đối với cơ quan, đơn vị và đạt từ 95% trở lên đối với người lao động khác trên địa bàn.',
      '',
      'c) Các lớp ở điểm trường lẻ thì bố trí tối thiểu 7 buổi/tuần và xây dựng lộ trình hoàn thành.',
    );
    for (const d of [text, stripMarks(text)]) {
      const got = rows(d);
      expect(got.map((r) => [r[0], r[1]])).toEqual([[100, '='], [100, '='], [95, '>='], [7, '>=']]);
      expect(got[0][2]).toMatch(/^tram y te xa co it nhat 01 bac si/);
      expect(got[2][2]).toMatch(/doi voi nguoi lao dong khac/);
      expect(got[3][2]).toMatch(/^cac lop o diem truong le/);
    }
  });

  it('reads who a part is after "là", the label before a colon, and no number inside a short quoted name', () => {
    const text = doc(
      'II. CHỈ TIÊU',
      '1. Tuyển chọn 420 người tham gia khóa đào tạo, trong đó ưu tiên 30% là người thuộc hộ nghèo, hộ cận nghèo.',
      '',
      '2. Diện tích lúa áp dụng các quy trình "1 phải 5 giảm", "3 giảm 3 tăng": đạt 250.000 ha/năm.',
    );
    const got = rows(text);
    expect(got.map((r) => r[0])).toEqual([420, 30, 250000]);
    expect(got[1][2]).toMatch(/uu tien nguoi thuoc ho ngheo/);
    expect(got[2][2]).toMatch(/^dien tich lua/);
  });
});

describe('an allocation, and a figure that names the subject of the title', () => {
  it('reads the total announced before "phân bổ như sau:" and the amounts of each unit in the table after it, not its total row', () => {
    const doc = [
      'KẾ HOẠCH',
      'Luân phiên bác sĩ về trạm y tế xã năm 2026',
      'Điện Biên, ngày 09 tháng 01 năm 2026',
      '',
      'III. ĐỐI TƯỢNG, THỜI GIAN, SỐ LƯỢNG',
      '',
      '3. Số lượng: 46 bác sĩ/đợt, phân bổ như sau:',
      '',
      'Đơn vị cử | Đợt 1 (người) | Đợt 2 (người) | Địa bàn tiếp nhận chủ yếu',
      'Bệnh viện Đa khoa tỉnh | 10 | 12 | Mường Nhé, Sín Thầu',
      'Các trung tâm y tế khu vực | 36 | 34 | Các trạm y tế xã',
      'Cộng | 46 | 46 |',
      '',
      '4. Bác sĩ có thời gian hành nghề 02 năm được ưu tiên; đoàn gồm 03 người.',
    ].join('\n');
    const got = extract(doc).targets.map((t) => [t.value.number, t.responsible ?? '']);
    expect(got.map((r) => r[0])).toEqual([10, 12, 36, 34, 46]);
    expect(got[0][1]).toBe('Bệnh viện Đa khoa tỉnh');
    expect(extract(doc).targets[4].indicator).toBe('Số lượng bác sĩ/đợt');
    // Without the allocation line the table is no target table.
    expect(extract(doc.replace(', phân bổ như sau:', '.')).targets.map((t) => t.value.number)).toEqual([]);
  });

  it('reads no target in a figure the title names ("dạy học 2 buổi/ngày"), but one elsewhere', () => {
    const doc = (title: string) =>
      ['KẾ HOẠCH', title, 'Hà Tĩnh, ngày 22 tháng 8 năm 2025', '', 'V. LỘ TRÌNH THỰC HIỆN', '', '1. Từ ngày 25 đến ngày 30 tháng 8 năm 2025: các trường xây dựng kế hoạch tổ chức dạy học 2 buổi/ngày.'].join('\n');
    expect(extract(doc('Tổ chức dạy học 2 buổi/ngày đối với cấp tiểu học')).targets).toEqual([]);
    expect(extract(doc('Nâng cao chất lượng dạy học')).targets.map((t) => t.value.number)).toEqual([2]);
  });
});

describe('allocations, revenue lines, schedules and the values that only set conditions', () => {
  it('reads every column of a table a CHỈ TIÊU PHÂN BỔ section allocates to units but the state it starts from, and the revenue lines of a CHỈ TIÊU list', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Vũ Thư, ngày 02 tháng 4 năm 2024',
      '',
      'III. CHỈ TIÊU NĂM 2024',
      '',
      '1. Phấn đấu tổng thu từ tài sản công đạt tối thiểu 1.450 triệu đồng; trong đó:',
      '',
      '- Thu tiền cho thuê đất công ích: 860 triệu đồng.',
      '',
      'IV. KINH PHÍ',
      '',
      '- Chi mua sắm thiết bị: 230 triệu đồng.',
      '',
      'V. CHỈ TIÊU PHÂN BỔ CHO MỘT SỐ ĐƠN VỊ',
      '',
      'STT | Đơn vị | Sách bổ sung mới (bản) | Tổng số bản sách hiện có | Lượt bạn đọc phấn đấu năm 2024',
      '1 | Thị trấn Vũ Thư | 500 | 4.100 | 9.000',
      '2 | Xã Song Lãng | 300 | 2.600 | 5.200',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => t.value.number ?? 0).sort((a, b) => a - b)).toEqual([300, 500, 860, 1450, 5200, 9000]);
    }
  });

  it('takes no targets from a schedule table, a pass mark, bands of a range or what a survey found left', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Hòa Tiến, ngày 20 tháng 02 năm 2026',
      '',
      'II. CHỈ TIÊU',
      '',
      '1. Xóa 100% điểm tập kết rác tự phát (theo rà soát tháng 01 năm 2026 còn 17 điểm).',
      '',
      '2. Tuyến đường đạt từ 80 điểm trở lên và không có tiêu chí nào bị 0 điểm thì được công nhận.',
      '',
      '3. Thi đẩy gậy theo hạng cân dưới 55 kg, từ 55 kg đến dưới 65 kg, từ 65 kg trở lên; mỗi thôn cử tối thiểu 03 vận động viên.',
      '',
      'III. NỘI DUNG',
      '',
      'Bảng 2. Kế hoạch tiêm vét vắc xin có thành phần sởi',
      '',
      'Đối tượng | Số trẻ cần tiêm | Địa điểm | Thời gian',
      'Trẻ mầm non tại trường công lập | 612 | Tại trường | Từ 16 đến 20 tháng 3',
      'Học sinh tiểu học | 694 | Tại trường | Từ 23 đến 31 tháng 3',
      '',
      'a) Đoàn kiểm tra làm việc tại hiện trường tối đa 01 ngày/công trình.',
      '',
      'b) Chủ đầu tư gửi báo cáo trước thời điểm dự kiến tổ chức nghiệm thu hoàn thành tối thiểu 10 ngày làm việc.',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      expect(extract(d).targets.map((t) => [t.value.number, t.value.unit ? stripMarks(t.value.unit) : null])).toEqual([
        [100, '%'],
        [3, null],
        [1, 'ngay/cong trinh'],
      ]);
    }
  });
});

describe('counts before a quoted name, and a reference after a value', () => {
  it('counts what a quoted name stands for, and names a value by the words before a "(chi tiết tại Phụ lục …)"', () => {
    const doc = [
      'KẾ HOẠCH',
      'Thử',
      'Bắc Ninh, ngày 20 tháng 11 năm 2025',
      '',
      'III. CHỈ TIÊU',
      '',
      '1. Hỗ trợ xây mới, sửa chữa 30 "Mái ấm Công đoàn" cho đoàn viên chưa có nhà ở.',
      '',
      '2. Các xã ven biển tăng từ 60 đến 80 người; các xã còn lại tăng từ 35 đến 55 người (chi tiết tại Phụ lục kèm theo).',
    ].join('\n');
    for (const d of [doc, stripMarks(doc)]) {
      const got = extract(d).targets.map((t) => [t.value.number, stripMarks(t.indicator).toLowerCase()]);
      expect(got.map((g) => g[0])).toEqual([30, 60, 35]);
      expect(got[2][1]).toContain('cac xa con lai');
    }
  });
});
