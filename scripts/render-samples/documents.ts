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

export const ALL = [planDigitalTransformation, decisionDisasterPlan, planLegalEducation, planCultureWeek];
