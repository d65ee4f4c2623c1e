/**
 * Sample documents, written for sohoa in the style of Vietnamese administrative plans and
 * decisions (invented bodies, places, names and figures; not copied from any real document).
 */
import type { DocumentSpec, Font, HeaderLine } from './draw.ts';

const R13: Font = { style: 'regular', size: 13 };
const B13: Font = { style: 'bold', size: 13 };
const B14: Font = { style: 'bold', size: 14 };
const h = (text: string, font: Font): HeaderLine => ({ text, font });
const B12: Font = { style: 'bold', size: 12 };
const MOTTO = [h('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', B12), h('Độc lập - Tự do - Hạnh phúc', B13)];
const TASK_COLUMNS = [
  { title: 'STT', width: 8 },
  { title: 'Nội dung', width: 40 },
  { title: 'Chủ trì', width: 20 },
  { title: 'Phối hợp', width: 22 },
  { title: 'Thời hạn', width: 16 },
  { title: 'Sản phẩm', width: 22 },
];

export const planDigitalTransformation: DocumentSpec = {
  id: 'kh-chuyen-doi-so-huyen-an-lac',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', R13), h('HUYỆN AN LẠC', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 58/KH-UBND', date: 'An Lạc, ngày 14 tháng 3 năm 2025' },
    { kind: 'centred', lines: ['KẾ HOẠCH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Triển khai chuyển đổi số và cải cách thủ tục hành chính', 'trên địa bàn huyện An Lạc năm 2025'], font: B14 },
    {
      kind: 'para',
      text: 'Căn cứ Kế hoạch số 112/KH-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2025; Ủy ban nhân dân huyện ban hành Kế hoạch triển khai thực hiện như sau:',
    },
    { kind: 'para', text: 'I. MỤC ĐÍCH, YÊU CẦU', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'para',
      text: '1. Nâng cao chất lượng giải quyết thủ tục hành chính; phấn đấu 100% hồ sơ được tiếp nhận, giải quyết đúng hạn và 80% hồ sơ được nộp trực tuyến qua Cổng dịch vụ công của tỉnh.',
    },
    {
      kind: 'para',
      text: '2. Các cơ quan, đơn vị xác định rõ nhiệm vụ, thời hạn hoàn thành và người chịu trách nhiệm; thường xuyên kiểm tra, đôn đốc, báo cáo kết quả thực hiện về Văn phòng HĐND và UBND huyện trước ngày 20 hằng tháng.',
    },
    { kind: 'para', text: 'II. NHIỆM VỤ CỤ THỂ', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'table',
      columns: TASK_COLUMNS,
      rows: [
        ['1', 'Rà soát, chuẩn hóa dữ liệu hộ tịch trên phần mềm dùng chung', 'Phòng Tư pháp', 'UBND các xã, thị trấn', 'Quý II/2025', 'Cơ sở dữ liệu được cập nhật'],
        ['2', 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã', 'Phòng Văn hóa và Thông tin', 'Phòng Nội vụ', 'Tháng 6/2025', 'Báo cáo kết quả tập huấn'],
        ['3', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực', 'Văn phòng HĐND và UBND huyện', 'Các phòng chuyên môn', 'Trước 30/9/2025', 'Hồ sơ điện tử trên hệ thống'],
        ['4', 'Kiểm tra việc thực hiện chuyển đổi số tại các xã', 'Phòng Nội vụ', 'Phòng Văn hóa và Thông tin', 'Tháng 11/2025', 'Thông báo kết luận kiểm tra'],
      ],
    },
    { kind: 'para', text: 'III. TỔ CHỨC THỰC HIỆN', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn tổ chức triển khai thực hiện Kế hoạch này; trong quá trình thực hiện nếu có khó khăn, vướng mắc kịp thời báo cáo về Phòng Văn hóa và Thông tin để tổng hợp, tham mưu UBND huyện xem xét, giải quyết./.',
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- UBND tỉnh (b/c);', '- TT Huyện ủy, HĐND huyện;', '- Các phòng chuyên môn;', '- UBND các xã, thị trấn;', '- Lưu: VT.'],
      signer: [h('TM. ỦY BAN NHÂN DÂN', B13), h('KT. CHỦ TỊCH', B13), h('PHÓ CHỦ TỊCH', B13)],
      name: 'Trần Văn Hưng',
    },
  ],
};

export const decisionDisasterPlan: DocumentSpec = {
  id: 'qd-phong-chong-thien-tai-xa-tan-phu',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', B13), h('XÃ TÂN PHÚ', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 27/QĐ-UBND', date: 'Tân Phú, ngày 02 tháng 4 năm 2025' },
    { kind: 'centred', lines: ['QUYẾT ĐỊNH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Ban hành Kế hoạch phòng, chống thiên tai', 'và tìm kiếm cứu nạn năm 2025'], font: B14 },
    { kind: 'centred', lines: ['ỦY BAN NHÂN DÂN XÃ TÂN PHÚ'], font: B14, spaceBefore: 2 },
    { kind: 'para', text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;', font: { style: 'italic' } },
    { kind: 'para', text: 'Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;', font: { style: 'italic' } },
    { kind: 'para', text: 'Theo đề nghị của Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã.', font: { style: 'italic' } },
    { kind: 'centred', lines: ['QUYẾT ĐỊNH:'], font: B14, spaceBefore: 2 },
    {
      kind: 'para',
      text: 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025 của xã Tân Phú, gồm các nhiệm vụ sau:',
    },
    {
      kind: 'table',
      columns: TASK_COLUMNS,
      rows: [
        ['1', 'Kiện toàn Ban Chỉ huy phòng, chống thiên tai xã', 'Văn phòng - Thống kê', 'Công an xã', 'Tháng 4/2025', 'Quyết định kiện toàn'],
        ['2', 'Kiểm tra đê bao, cống và các điểm sạt lở ven sông', 'Công chức Địa chính - Xây dựng', 'Các ấp', 'Trước 15/5/2025', 'Biên bản kiểm tra'],
        ['3', 'Diễn tập sơ tán dân tại ấp Phú Lợi', 'Ban Chỉ huy Quân sự xã', 'Trạm Y tế, Công an xã', 'Tháng 7/2025', 'Báo cáo diễn tập'],
      ],
    },
    {
      kind: 'para',
      text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê, Ban Chỉ huy phòng, chống thiên tai xã và Trưởng các ấp chịu trách nhiệm thi hành Quyết định này./.',
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Như Điều 2;', '- UBND huyện (b/c);', '- Lưu: VT.'],
      signer: [h('TM. ỦY BAN NHÂN DÂN', B13), h('CHỦ TỊCH', B13)],
      name: 'Lê Thị Minh Thu',
    },
  ],
};

export const planLegalEducation: DocumentSpec = {
  id: 'kh-pho-bien-phap-luat-phuong-hoa-binh',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', R13), h('PHƯỜNG HÒA BÌNH', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 19/KH-UBND', date: 'Hòa Bình, ngày 10 tháng 02 năm 2025' },
    { kind: 'centred', lines: ['KẾ HOẠCH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Tuyên truyền, phổ biến, giáo dục pháp luật năm 2025'], font: B14 },
    { kind: 'para', text: 'I. MỤC ĐÍCH, YÊU CẦU', font: { style: 'bold' }, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Nâng cao nhận thức, ý thức chấp hành pháp luật của cán bộ, công chức và Nhân dân trên địa bàn phường; gắn công tác phổ biến pháp luật với việc thực hiện nhiệm vụ chính trị của địa phương.',
    },
    { kind: 'para', text: 'II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN', font: { style: 'bold' }, spaceBefore: 3 },
    {
      kind: 'table',
      columns: TASK_COLUMNS,
      rows: [
        ['1', 'Tổ chức Ngày Pháp luật Việt Nam', 'Công chức Tư pháp - Hộ tịch', 'Mặt trận Tổ quốc phường', 'Tháng 11/2025', 'Hội nghị hưởng ứng'],
        ['2', 'Phổ biến Luật Đất đai cho các khu phố', 'Công chức Địa chính', 'Trưởng khu phố', 'Quý III/2025', 'Tài liệu tuyên truyền'],
        ['3', 'Cập nhật tủ sách pháp luật', 'Văn phòng UBND phường', 'Công chức Văn hóa', 'Tháng 8/2025', 'Danh mục sách'],
      ],
    },
    {
      kind: 'para',
      text: 'Kinh phí thực hiện Kế hoạch được bố trí từ dự toán ngân sách phường năm 2025 giao cho công tác tư pháp.',
      spaceBefore: 2,
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Phòng Tư pháp thành phố;', '- Đảng ủy, HĐND phường;', '- Lưu: VT.'],
      signer: [h('TM. ỦY BAN NHÂN DÂN', B13), h('CHỦ TỊCH', B13)],
      name: 'Phạm Quốc Bảo',
    },
  ],
};

export const planCultureWeek: DocumentSpec = {
  id: 'kh-tuan-le-van-hoa-so-vhttdl',
  blocks: [
    { kind: 'header', left: [h('UBND TỈNH BẮC LONG', R13), h('SỞ VĂN HÓA, THỂ THAO', B13), h('VÀ DU LỊCH', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 245/KH-SVHTTDL', date: 'Bắc Long, ngày 25 tháng 4 năm 2025' },
    { kind: 'centred', lines: ['KẾ HOẠCH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Tổ chức Tuần lễ Văn hóa - Du lịch tỉnh Bắc Long năm 2025'], font: B14 },
    { kind: 'para', text: 'I. MỤC ĐÍCH, YÊU CẦU', font: { style: 'bold' }, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Quảng bá hình ảnh, con người và tiềm năng du lịch của tỉnh; thu hút ít nhất 50.000 lượt khách tham quan trong thời gian diễn ra Tuần lễ, tăng 15% so với năm 2024.',
    },
    { kind: 'para', text: 'II. NHIỆM VỤ', font: { style: 'bold' }, spaceBefore: 3 },
    {
      kind: 'table',
      columns: TASK_COLUMNS,
      rows: [
        ['1', 'Xây dựng chương trình khai mạc, bế mạc', 'Phòng Quản lý Văn hóa', 'Nhà hát tỉnh', 'Trước 15/5/2025', 'Kịch bản chương trình'],
        ['2', 'Tổ chức hội chợ sản phẩm du lịch, ẩm thực', 'Phòng Quản lý Du lịch', 'Hiệp hội Du lịch tỉnh', 'Tháng 6/2025', '60 gian hàng'],
        ['3', 'Tuyên truyền trên báo chí và mạng xã hội', 'Trung tâm Thông tin xúc tiến du lịch', 'Báo Bắc Long', 'Tháng 5 - 6/2025', 'Tin, bài, phóng sự'],
      ],
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- UBND tỉnh (b/c);', '- Các phòng, đơn vị thuộc Sở;', '- Lưu: VT, QLVH.'],
      signer: [h('GIÁM ĐỐC', B13)],
      name: 'Nguyễn Thị Lan Anh',
    },
  ],
};


// ---------------------------------------------------------------------------------------------
// Added for the table and speed work of issue 4: more dev documents (tuning) and more held-out
// ones (never used to tune anything), each with a ruled table.

const TARGET_COLUMNS = [
  { title: 'STT', width: 8 },
  { title: 'Chỉ tiêu', width: 46 },
  { title: 'Đơn vị tính', width: 18 },
  { title: 'Kế hoạch năm 2025', width: 22 },
  { title: 'Ghi chú', width: 26 },
];

/** Dev: a plan with a target table and a task table. */
export const planNewCountryside: DocumentSpec = {
  id: 'kh-nong-thon-moi-xa-binh-an',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', R13), h('XÃ BÌNH AN', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 41/KH-UBND', date: 'Bình An, ngày 06 tháng 3 năm 2025' },
    { kind: 'centred', lines: ['KẾ HOẠCH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Xây dựng xã nông thôn mới nâng cao năm 2025'], font: B14 },
    {
      kind: 'para',
      text: 'Thực hiện Nghị quyết số 08/NQ-HĐND ngày 20 tháng 12 năm 2024 của Hội đồng nhân dân xã về nhiệm vụ phát triển kinh tế - xã hội năm 2025, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:',
    },
    { kind: 'para', text: 'I. CHỈ TIÊU CHỦ YẾU', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'table',
      columns: TARGET_COLUMNS,
      rows: [
        ['1', 'Thu nhập bình quân đầu người', 'Triệu đồng', '68', 'Tăng 8% so với năm 2024'],
        ['2', 'Tỷ lệ hộ nghèo theo chuẩn đa chiều', '%', 'Dưới 1,5', 'Giảm 0,5%'],
        ['3', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', '95', ''],
        ['4', 'Số tuyến đường giao thông nông thôn được cứng hóa', 'Km', '4,2', 'Ấp Bình Thạnh, ấp Bình Lợi'],
      ],
    },
    { kind: 'para', text: 'II. NHIỆM VỤ TRỌNG TÂM', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'table',
      columns: TASK_COLUMNS,
      rows: [
        ['1', 'Vận động Nhân dân hiến đất mở rộng đường liên ấp', 'Ban Nhân dân các ấp', 'Mặt trận Tổ quốc xã', 'Quý II/2025', 'Biên bản hiến đất'],
        ['2', 'Xây dựng mô hình sản xuất lúa chất lượng cao', 'Công chức Nông nghiệp', 'Hợp tác xã Bình An', 'Vụ Hè Thu 2025', '50 ha lúa đạt chuẩn'],
        ['3', 'Chỉnh trang cảnh quan, trồng cây xanh trên các tuyến đường', 'Đoàn Thanh niên xã', 'Hội Phụ nữ xã', 'Tháng 9/2025', 'Tuyến đường hoa'],
      ],
    },
    {
      kind: 'para',
      text: 'Các ban, ngành, đoàn thể và Trưởng các ấp căn cứ Kế hoạch này triển khai thực hiện, định kỳ báo cáo kết quả về Ủy ban nhân dân xã trước ngày 25 hằng quý./.',
      spaceBefore: 2,
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Văn phòng Điều phối huyện;', '- Đảng ủy, HĐND xã;', '- Lưu: VT.'],
      signer: [h('TM. ỦY BAN NHÂN DÂN', B13), h('CHỦ TỊCH', B13)],
      name: 'Võ Thanh Tùng',
    },
  ],
};

/** Dev: a letter (Công văn) with a small table, read at 150 dpi. */
export const letterInventory: DocumentSpec = {
  id: 'cv-kiem-ke-tai-san-phong-tai-chinh',
  blocks: [
    { kind: 'header', left: [h('UBND HUYỆN PHÚ LONG', R13), h('PHÒNG TÀI CHÍNH - KẾ HOẠCH', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 312/TCKH', date: 'Phú Long, ngày 18 tháng 11 năm 2025', subject: ['V/v kiểm kê tài sản công', 'năm 2025'] },
    { kind: 'para', text: 'Kính gửi: Các cơ quan, đơn vị sử dụng ngân sách huyện.', spaceBefore: 3, indent: true },
    {
      kind: 'para',
      text: 'Để có số liệu tổng hợp báo cáo tình hình quản lý, sử dụng tài sản công năm 2025, Phòng Tài chính - Kế hoạch đề nghị các cơ quan, đơn vị tổ chức kiểm kê và gửi báo cáo theo thời hạn sau:',
    },
    {
      kind: 'table',
      columns: [
        { title: 'STT', width: 8 },
        { title: 'Nội dung báo cáo', width: 52 },
        { title: 'Thời hạn gửi', width: 24 },
        { title: 'Hình thức', width: 36 },
      ],
      rows: [
        ['1', 'Danh mục nhà, đất và tài sản gắn liền với đất', 'Trước 05/12/2025', 'Văn bản và tệp điện tử'],
        ['2', 'Danh mục xe ô tô, máy móc, thiết bị', 'Trước 10/12/2025', 'Văn bản và tệp điện tử'],
        ['3', 'Đề xuất xử lý tài sản hư hỏng', 'Trước 15/12/2025', 'Văn bản'],
      ],
    },
    {
      kind: 'para',
      text: 'Đề nghị Thủ trưởng các cơ quan, đơn vị quan tâm chỉ đạo thực hiện đúng thời hạn./.',
      spaceBefore: 2,
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Như trên;', '- UBND huyện (b/c);', '- Lưu: VT.'],
      signer: [h('TRƯỞNG PHÒNG', B13)],
      name: 'Đặng Minh Khoa',
    },
  ],
};

/** Held out: a report with a results table (targets against what was done). */
export const reportAdminReform: DocumentSpec = {
  id: 'bc-cai-cach-hanh-chinh-xa-my-hoa',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', R13), h('XÃ MỸ HÒA', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 88/BC-UBND', date: 'Mỹ Hòa, ngày 28 tháng 6 năm 2025' },
    { kind: 'centred', lines: ['BÁO CÁO'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Kết quả công tác cải cách hành chính 6 tháng đầu năm 2025'], font: B14 },
    { kind: 'para', text: 'I. KẾT QUẢ THỰC HIỆN', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Trong 6 tháng đầu năm, Ủy ban nhân dân xã tiếp tục chỉ đạo thực hiện nghiêm quy chế một cửa, một cửa liên thông; công khai đầy đủ thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả. Kết quả cụ thể như sau:',
    },
    {
      kind: 'table',
      columns: [
        { title: 'STT', width: 8 },
        { title: 'Chỉ tiêu', width: 48 },
        { title: 'Kế hoạch', width: 20 },
        { title: 'Thực hiện', width: 20 },
        { title: 'Đánh giá', width: 24 },
      ],
      rows: [
        ['1', 'Hồ sơ thủ tục hành chính được giải quyết đúng hạn', '100%', '98,6%', 'Chưa đạt'],
        ['2', 'Hồ sơ nộp trực tuyến trên Cổng dịch vụ công', '60%', '64,2%', 'Vượt kế hoạch'],
        ['3', 'Kết quả giải quyết được số hóa', '80%', '85%', 'Đạt'],
        ['4', 'Mức độ hài lòng của người dân', '90%', '93,5%', 'Đạt'],
      ],
    },
    { kind: 'para', text: 'II. NHIỆM VỤ 6 THÁNG CUỐI NĂM', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Tập trung khắc phục tình trạng hồ sơ trễ hạn; tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến; kiện toàn công chức làm việc tại Bộ phận một cửa./.',
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Phòng Nội vụ huyện;', '- Thường trực Đảng ủy xã;', '- Lưu: VT.'],
      signer: [h('TM. ỦY BAN NHÂN DÂN', B13), h('KT. CHỦ TỊCH', B13), h('PHÓ CHỦ TỊCH', B13)],
      name: 'Huỳnh Văn Lộc',
    },
  ],
};

/** Held out: a two-page plan whose task table runs on to the second page. */
export const planEpidemicPrevention: DocumentSpec = {
  id: 'kh-phong-chong-dich-benh-huyen-dong-son',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', R13), h('HUYỆN ĐÔNG SƠN', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 135/KH-UBND', date: 'Đông Sơn, ngày 21 tháng 5 năm 2025' },
    { kind: 'centred', lines: ['KẾ HOẠCH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Phòng, chống dịch bệnh truyền nhiễm', 'trên địa bàn huyện năm 2025'], font: B14 },
    { kind: 'para', text: 'I. MỤC TIÊU', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Chủ động phát hiện sớm, khoanh vùng và xử lý kịp thời các ổ dịch, không để dịch lây lan rộng; giảm tỷ lệ mắc và tử vong do sốt xuất huyết, tay chân miệng so với năm 2024; bảo đảm đủ thuốc, hóa chất và vật tư phục vụ phòng, chống dịch.',
    },
    {
      kind: 'para',
      text: 'Phấn đấu 100% xã, thị trấn xây dựng kế hoạch phòng, chống dịch; 95% trẻ em dưới một tuổi được tiêm chủng đầy đủ các loại vắc xin; 100% ổ dịch được phát hiện và xử lý trong vòng 48 giờ.',
    },
    {
      kind: 'para',
      text: 'Các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn xác định phòng, chống dịch bệnh là nhiệm vụ thường xuyên, lâu dài; huy động sự tham gia của cả hệ thống chính trị và của từng hộ gia đình; kịp thời biểu dương những tập thể, cá nhân làm tốt và xử lý nghiêm các trường hợp thiếu trách nhiệm để dịch bệnh lây lan.',
    },
    { kind: 'para', text: 'II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'table',
      columns: TASK_COLUMNS,
      rows: [
        ['1', 'Giám sát chặt chẽ tình hình dịch bệnh tại cộng đồng', 'Trung tâm Y tế huyện', 'Trạm Y tế các xã', 'Thường xuyên', 'Báo cáo giám sát hằng tuần'],
        ['2', 'Tổ chức chiến dịch diệt lăng quăng, bọ gậy', 'UBND các xã, thị trấn', 'Hội Chữ thập đỏ huyện', 'Tháng 6 và tháng 9/2025', 'Hộ gia đình được kiểm tra'],
        ['3', 'Tuyên truyền phòng bệnh trên hệ thống loa truyền thanh', 'Trung tâm Văn hóa - Thể thao và Truyền thông', 'Phòng Văn hóa và Thông tin', 'Từ tháng 5/2025', 'Tin, bài tuyên truyền'],
        ['4', 'Bảo đảm thuốc, hóa chất và trang thiết bị', 'Trung tâm Y tế huyện', 'Phòng Tài chính - Kế hoạch', 'Quý II/2025', 'Cơ số thuốc dự phòng'],
        ['5', 'Kiểm tra công tác vệ sinh an toàn thực phẩm tại trường học', 'Phòng Giáo dục và Đào tạo', 'Trung tâm Y tế huyện', 'Tháng 8/2025', 'Biên bản kiểm tra'],
        ['6', 'Tổng hợp, báo cáo kết quả thực hiện Kế hoạch', 'Phòng Y tế', 'Các cơ quan liên quan', 'Trước 15/12/2025', 'Báo cáo tổng kết'],
      ],
    },
    { kind: 'para', text: 'III. KINH PHÍ', font: { style: 'bold' }, indent: true, spaceBefore: 3 },
    {
      kind: 'para',
      text: 'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi sự nghiệp y tế năm 2025 của huyện và các nguồn kinh phí hợp pháp khác.',
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Sở Y tế (b/c);', '- TT Huyện ủy, HĐND huyện;', '- UBND các xã, thị trấn;', '- Lưu: VT.'],
      signer: [h('TM. ỦY BAN NHÂN DÂN', B13), h('CHỦ TỊCH', B13)],
      name: 'Nguyễn Hữu Thắng',
    },
  ],
};

/** Held out: a decision with a member table. */
export const decisionWorkingGroup: DocumentSpec = {
  id: 'qd-to-cong-tac-phuong-tan-an',
  blocks: [
    { kind: 'header', left: [h('ỦY BAN NHÂN DÂN', R13), h('PHƯỜNG TÂN AN', B13)], right: MOTTO, leftRule: true, rightRule: true },
    { kind: 'numberDate', number: 'Số: 64/QĐ-UBND', date: 'Tân An, ngày 12 tháng 8 năm 2025' },
    { kind: 'centred', lines: ['QUYẾT ĐỊNH'], font: B14, spaceBefore: 4 },
    { kind: 'centred', lines: ['Thành lập Tổ công tác rà soát, cập nhật', 'dữ liệu dân cư trên địa bàn phường'], font: B14 },
    { kind: 'centred', lines: ['CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN'], font: B14, spaceBefore: 2 },
    { kind: 'para', text: 'Căn cứ Luật Cư trú ngày 13 tháng 11 năm 2020;', font: { style: 'italic' } },
    { kind: 'para', text: 'Xét đề nghị của Trưởng Công an phường.', font: { style: 'italic' } },
    { kind: 'centred', lines: ['QUYẾT ĐỊNH:'], font: B14, spaceBefore: 2 },
    { kind: 'para', text: 'Điều 1. Thành lập Tổ công tác rà soát, cập nhật dữ liệu dân cư phường Tân An, gồm các thành viên sau:' },
    {
      kind: 'table',
      columns: [
        { title: 'STT', width: 8 },
        { title: 'Họ và tên', width: 30 },
        { title: 'Chức vụ, đơn vị', width: 44 },
        { title: 'Nhiệm vụ trong Tổ', width: 30 },
      ],
      rows: [
        ['1', 'Trần Quốc Việt', 'Phó Chủ tịch UBND phường', 'Tổ trưởng'],
        ['2', 'Lê Văn Dũng', 'Trưởng Công an phường', 'Tổ phó thường trực'],
        ['3', 'Ngô Thị Hồng', 'Công chức Tư pháp - Hộ tịch', 'Thành viên'],
        ['4', 'Phan Thanh Sơn', 'Bí thư Đoàn Thanh niên phường', 'Thành viên'],
      ],
    },
    {
      kind: 'para',
      text: 'Điều 2. Tổ công tác có nhiệm vụ rà soát, đối chiếu thông tin công dân, đề xuất điều chỉnh sai sót và hoàn thành trước ngày 30 tháng 10 năm 2025. Tổ tự giải thể sau khi hoàn thành nhiệm vụ.',
    },
    {
      kind: 'para',
      text: 'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND phường, các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    },
    {
      kind: 'signature',
      recipients: ['Nơi nhận:', '- Như Điều 3;', '- Công an thành phố;', '- Lưu: VT.'],
      signer: [h('CHỦ TỊCH', B13)],
      name: 'Đoàn Minh Trí',
    },
  ],
};

export const ALL = [planDigitalTransformation, decisionDisasterPlan, planLegalEducation, planCultureWeek, planNewCountryside, letterInventory, reportAdminReform, planEpidemicPrevention, decisionWorkingGroup];
