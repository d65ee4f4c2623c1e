/**
 * Targets (chỉ tiêu): quantified objectives, from
 *  1. target tables, either indicator rows × value columns (with unit of measure, baseline and
 *     responsible columns, a period in the column header) or unit rows × indicator columns
 *     ("Thôn | Tỷ lệ tham gia BHYT (%) | Số hộ thoát nghèo (hộ)");
 *  2. lists: "- Cao cấp lý luận chính trị: 08 người" (indicator: value) and "- Xã Ea Kly: trực
 *     tuyến 55%; số hóa 95%" (unit: indicator value; …);
 *  3. prose: "tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 60%", "100% văn bản … được số hóa",
 *     "giải quyết việc làm cho ít nhất 420 lao động, trong đó đưa 35 lao động đi làm việc …",
 *     "giảm từ 4% trở lên so với cuối năm 2025" (baseline).
 * The value keeps its text as written, and its parsed number, unit and comparator. Figures in the
 * results or legal-grounds part (KẾT QUẢ, THỰC TRẠNG, CĂN CỨ), conditions ("thủ tục có thời hạn
 * dưới 05 ngày"), ages, dates, durations and money are not targets.
 */
import type { SourceRef, Target } from '../schema/plan-document.ts';
import type { Grid } from './grids.ts';
import { FREQUENCY_ONLY } from './dates.ts';
import { TASK_VERBS, splitUnitsAndTask, startsWithUnit } from './lexicon.ts';
import { pipeTable } from './loose-tables.ts';
import { type Heading, ancestors } from './sections.ts';
import type { ExtractContext, TaskResult } from './tasks.ts';
import { type Para, clean, fold, isUpper, refAt, trimItem } from './text.ts';

type Comparator = Target['value']['comparator'];

/** "1.500" → 1500, "85,4" → 85.4, "51.89" → 51.89 (OCR'd decimal point). */
export function parseNumber(s: string): number | null {
  let t = s.replace(/\s+/g, '');
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Counted things (folded), longest first: what a number in a target counts. */
const UNIT_WORDS = [
  '%', 'phan tram', 'diem', 'luot nguoi', 'luot', 'ha', 'tan', 'con', 'lao dong', 'nguoi', 'xa', 'thi tran', 'phuong', 'truong', 'ho gia dinh',
  'ho', 'km', 'lop', 'don vi cap huyen', 'don vi cap xa', 'don vi', 'tai khoan', 'ho so', 'thu tuc', 'san pham', 'doanh nghiep', 'hop tac xa', 'mo hinh',
  'sang kien', 'dot', 'tin, bai', 'tin bai', 'tin', 'bai', 'cuoc', 'chuyen muc', 'phong su', 'hoi nghi', 'hoi thi', 'buoi', 'may', 'diem cau', 'phong',
  'thon', 'buon', 'lang', 'to dan pho', 'tinh', 'giuong', 'bac si', 'vu', 'thanh vien', 'lop hoc', 'hoc vien', 'hoc sinh', 'sinh vien', 'can bo',
  'cong chuc', 'vien chuc', 'dang vien', 'doan vien', 'hoi vien', 'lan', 'tuyen duong', 'tuyen', 'cho', 'cong trinh', 'du an', 'co so', 'nha',
  'cau lac bo', 'doi', 'to', 'nhom', 'sao', 'cay', 'm', 'm2', 'm3', 'lit', 'chiec', 'cai', 'bo', 'tap', 'cuon', 'ban', 'ho ngheo', 'ho can ngheo',
  'may tinh', 'may quet', 'tre', 'tre em', 'phu nu', 'nguoi dan', 'xe', 'ngay cong', 'chuong trinh', 'phong su', 'tin bai', 'vu viec', 'truong hop', 'cuoc kiem tra',
  'gio', 'phut', 'ngay', 'thang', 'nam', 'ky', 'dong chi', 'luot nguoi dan', 'ml', 'gam', 'kg', 'giao vien', 'nhan vien', 'met', 'cm',
  'khu dan cu', 'xom', 'ap', 'khom', 'khu pho', 'tieu chi', 'lux',
  // ("sai số không quá 5 mm", "độ phân giải tối thiểu 200 dpi"; "ít nhất 05 kỹ thuật mới" is no "kỳ", a period.)
  'mm', 'dpi', 'ky thuat',
].sort((a, b) => b.length - a.length);
const UNIT_RE = new RegExp(`^\\s*(${UNIT_WORDS.map((u) => u.replace(/[%,]/g, (c) => (c === ',' ? ',' : '%')).replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`);
/** Units of measure written as symbols, which fold would not tell apart from words. */
const MEASURE_SYMBOL = /^\s*((?:[kMG]bps|[kM]Wh?|[GMT]B|k?m[²³]))(?![\p{L}\d])/u;
/** Units that are time or age: a duration or a category, never a counted target outside a comparator. */
const TIME_UNITS = /^(?:gio|phut|ngay|thang|nam|tuan|quy|tuoi)$/;

/**
 * A firm minimum on a duration that is an objective: "ít nhất 12 tháng", "tối thiểu 10 năm",
 * "thời gian lưu mẫu … từ 24 giờ trở lên". Not a condition on who or what is concerned ("nợ kéo dài
 * từ 03 tháng trở lên", "người có thời gian công tác từ 05 năm trở lên", "đã … từ 06 tháng").
 */
function minimumDuration(f: string, cmp: { comparator: Comparator; firm: boolean; from: number; to: number }, at: number, text: string = f): boolean {
  if (!cmp.firm || cmp.comparator !== '>=') return false;
  // A time counted before or after an event ("thông báo trước ít nhất 15 ngày", "ít nhất 05 ngày làm
  // việc trước khi gửi") is a relative time limit, neither a deadline nor a target.
  if (/(?:^|\s)(?:truoc|sau)\s*$/.test(f.slice(Math.max(0, cmp.from - 8), cmp.from))) return false;
  // "gửi giấy mời trước ngày khám ít nhất 05 ngày": the event named between "trước" and the comparator.
  // ("hẹn lại ngày trả kết quả trước thời hạn ít nhất 01 ngày": the same, before a due date.)
  // ("gửi đến đảng viên trước đại hội ít nhất 05 ngày": the same, before a meeting.)
  // ("gửi báo cáo … trước thời điểm dự kiến tổ chức nghiệm thu hoàn thành tối thiểu 10 ngày làm việc": a longer name of the event.)
  if (/(?:^|\s)(?:truoc|sau)\s+(?:ngay|khi|thoi diem|buoi|thoi han|han|dai hoi|hoi nghi|ky hop|cuoc hop|phien hop)(?:\s+[a-z]+){0,8}\s*$/.test(f.slice(Math.max(0, cmp.from - 72), cmp.from))) return false;
  if (/^\s*(?:[a-z]+\s+){0,2}(?:truoc|sau)\s+(?:khi|ngay|thoi diem)\b/.test(f.slice(cmp.to, cmp.to + 40))) return false;
  // "phát thông điệp … ít nhất 01 tuần trước và trong suốt thời gian tiêm": ahead of the event itself.
  if (/^\s*(?:truoc|sau)(?:\s+(?:va|hoac)\s|\s*[,;.)]|\s*$)/.test(f.slice(cmp.to, cmp.to + 20))) return false;
  const from = Math.max(0, f.lastIndexOf(';', at), f.lastIndexOf(',', cmp.from - 1), at - 80);
  const clause = f.slice(from, cmp.from);
  // "thông báo trước cho Ủy ban nhân dân các xã …, ít nhất 04 giờ": notice given ahead of an event.
  if (/(?:^|\s)(?:thong bao|bao|gui|moi)\s+truoc(?:\s|$)/.test(f.slice(Math.max(0, f.lastIndexOf(';', at), f.lastIndexOf('.', at)), cmp.from))) return false;
  if (/(?:^|\s)(?:co|keo dai|qua han|cham|no|lam viec|cu tru|cong tac|tham gia|sinh song)(?:\s|$)/.test(clause)) return false;
  // "đã" (a past duration), not "da" (skin: "tiếp xúc da kề da ít nhất 90 phút"); in text without marks, both.
  const own = text.slice(from, cmp.from);
  if (/[^\x00-\x7f]/.test(own) ? /(?:^|\s)đã(?:\s|$)/iu.test(own) : /(?:^|\s)da(?:\s|$)/i.test(own)) return false;
  // "từ … trở lên" alone says so of a measure of time ("tuổi thọ", "thời gian", "thời hạn").
  if (!/toi thieu|it nhat|khong duoi|khong thap hon/.test(f.slice(cmp.from, at))) return /tuoi tho|thoi gian|thoi han/.test(clause);
  return true;
}

interface Qty {
  start: number;
  end: number;
  number: number | null;
  unit: string | null;
  comparator: Comparator;
  /** Whether the comparator is a firm one (tối thiểu, ít nhất, trở lên, không quá…). */
  firm: boolean;
  valueStart: number;
}

// (Not the name of a funding source: "chương trình mục tiêu quốc gia xây dựng nông thôn mới".)
// ("VI. LỘ TRÌNH VÀ CHẾ ĐỘ BÁO CÁO": what each year of the plan is to reach, as a roadmap table.)
const TARGET_SECTION = /(?<!chuong trinh )muc tieu(?! quoc gia)|chi tieu|^(?:(?:[ivxl]+|\d+)\.\s*)?lo trinh\b/;
/**
 * Results, legal grounds, budgets (see deadlines.ts): figures there are not targets. Nor in what is to be told to people
 * ("Nội dung tư vấn trọng tâm", "NỘI DUNG TUYÊN TRUYỀN"): the rules of law it explains ("đóng một lần … không quá 5 năm").
 */
// ("Hiệu quả dự kiến": what the work is expected to bring, a forecast.)
const RESULTS = /^(?:ket qua|thuc trang|tinh hinh|can cu|danh gia|so ket|tong ket|kinh phi|du toan|dien bien|dac diem|khai quat|boi canh|hieu qua du kien|noi dung (?:tu van|tuyen truyen|pho bien)(?![a-z]))|ket qua (?:thuc hien|dat duoc|trien khai|cong tac|nam)|(?:^|\s)da (?:trien khai|thuc hien|lam)(?:\s|$)/;
/** Verbs that lead to a target value ("đạt", "tăng", "giảm xuống còn", "phấn đấu"). */
const TARGET_VERB = /(?:^|\s)(?:dat|tang them|tang|giam|giam xuong con|xuong con|phan dau|duy tri|o muc|len|xuong|con|bang|chiem|bao dam|dam bao|it nhat|toi thieu)\s*(?:muc\s*)?(?:khoang|binh quan|tu|tren|duoi|toi thieu|it nhat|toi da)?\s*$/;

/** Comparator and where its words start, from the words before a quantity (and "trở lên" after it). */
function comparatorAt(f: string, at: number, end: number): { comparator: Comparator; firm: boolean; from: number; to: number } {
  const pre = f.slice(Math.max(0, at - 24), at);
  const after = f.slice(end, end + 12).match(/^\s*(tro len|tro xuong)\b/);
  const to = after ? end + after[0].length : end;
  let m = pre.match(/(toi thieu|it nhat|khong duoi|khong thap hon|>=|≥)\s*(?:la\s*)?$/);
  if (m) return { comparator: '>=', firm: true, from: at - m[0].length, to };
  // ("rút ngắn còn 10 ngày": brought down to at most; not "đã rút ngắn còn …", a result.)
  m = pre.match(/(toi da|khong qua|khong vuot qua|khong cao hon|<=|≤|xuong con|giam xuong con|(?<!da\s)rut ngan(?:\s+xuong)?\s+con)\s*(?:la\s*)?$/);
  if (m) return { comparator: '<=', firm: true, from: at - m[0].length, to };
  // "không bị thanh tra quá 01 lần/năm": "không" before the verb, "quá" before the value.
  // (The value is "quá 01 lần/năm"; "không bị thanh tra" stays in the indicator.)
  m = pre.match(/(?:^|\s)khong\s+(?:[a-z]+\s+){1,4}(?<!thong\s)(qua\s*)$/);
  // "Không để thiếu thuốc … trong danh mục thuốc thiết yếu quá 15 ngày liên tục": "không để" holds a longer clause.
  m ??= f.slice(Math.max(0, at - 140), at).match(/(?:^|[\s;,.])khong de\s[^;.\d]{1,120}\s(qua\s*)$/);
  // Not an overrun measured against a schedule ("không đến tái khám quá 07 ngày so với lịch hẹn"): a condition.
  if (m && !/^\s*(?:[a-z]+\s+){0,2}so voi\b/.test(f.slice(end, end + 30))) return { comparator: '<=', firm: true, from: at - m[1].length, to };
  if (after) {
    const tu = pre.match(/(?:tu|dat)\s*$/);
    return { comparator: after[1] === 'tro len' ? '>=' : '<=', firm: true, from: tu && /tu\s*$/.test(pre) ? at - tu[0].length : at, to };
  }
  // "giảm thời gian xử lý … xuống dưới 03 ngày làm việc": a cap to bring a measure under.
  m = pre.match(/(?:^|\s)((?:xuong|giam)\s+duoi)\s*$/);
  if (m) return { comparator: '<', firm: true, from: at - m[0].length + (m[0].length - m[0].trimStart().length), to };
  m = pre.match(/(tren|>)\s*$/);
  if (m) return { comparator: '>', firm: false, from: at - m[0].length, to };
  m = pre.match(/(duoi|<)\s*$/);
  if (m) return { comparator: '<', firm: false, from: at - m[0].length, to };
  m = pre.match(/(?:^|\s)(tu)\s*$/);
  if (m && !/^\s*(?:den|-)/.test(f.slice(end, end + 8))) return { comparator: '>=', firm: false, from: at - m[0].length + (m[0].length - m[0].trimStart().length), to };
  return { comparator: null, firm: false, from: at, to };
}

const NUMBER = String.raw`(?<![\d/.,\p{L}])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d/]|\.\d|,\d)`;
const QTY = new RegExp(NUMBER, 'gu');

/** What a plan collects or produces, measured in money (folded): revenue, income, output; not what it spends. */
const REVENUE = /(?:thu ngan sach|tong thu|doanh thu|thu nhap|gia tri san xuat|kim ngach|tong muc ban le|thu tien|thu thue|thu phi|thu no)(?![a-z])(?!.*(?:kinh phi|chi tieu cho|von dau tu|ho tro))/;

/**
 * The clause a sum of money belongs to (folded), to tell revenue from spending: the words since the last ";", ":" or "(",
 * or, when only "phấn đấu đạt" stands after a colon, the label before it ("- Thu tiền cho thuê đất công ích: 860 triệu đồng").
 */
function revenueClause(before: string): string {
  const seg = before.split(/[;(]/).pop() ?? '';
  const parts = seg.split(':');
  const last = parts.pop() ?? '';
  return parts.length && !/[a-z]{2}/.test(last.replace(/phan dau|dat|khoang|tren|toi thieu|it nhat|(?<![a-z])la(?![a-z])/g, '')) ? parts.pop()! : last;
}

/**
 * Is the value at `at` one of a list of bands that split a range ("hạng cân dưới 55 kg, từ 55 kg đến dưới 65 kg, từ 65 kg trở
 * lên", "nhóm dưới 5 tuổi, từ 5 đến dưới 10 tuổi")? Each band starts where the one before ends.
 */
function inBands(f: string, from: number, at: number): boolean {
  const re = /duoi\s+0?(\d+(?:,\d+)?)\s*([a-z%]*)\s*[,;]\s*(?:va\s+)?tu\s+0?\1(?![\d,])[^;.]*?(?:tro len|tro xuong|\d(?:\s*[a-z%]+)?\s*(?=[;.]|$))/g;
  const t = f.slice(from);
  for (let m = re.exec(t); m; m = re.exec(t)) if (at >= from + m.index && at < from + m.index + m[0].length) return true;
  return false;
}

/** Quantities of a text that can be a target value: not dates, years, document numbers, labels. */
function quantities(text: string, f: string, skip: [number, number][]): Qty[] {
  // OCR letters for digits in a share ("6O%", "l00%", "9o%"): read as digits, one character for one so offsets stay.
  f = f.replace(/(?<![a-z])[\dol]{1,2}[\dol](?=\s*%)/g, (m) => (/\d/.test(m) && /[ol]/.test(m) ? m.replace(/o/g, '0').replace(/l/g, '1') : m));
  const out: Qty[] = [];
  // A short name in quotes ("1 phải 5 giảm", "3 giảm 3 tăng", "Ngày hội 5 không"): its numbers are words of the name.
  const quoted = [...text.matchAll(/["“]([^"”\n]{1,40})["”]/gu)].filter((m) => m[1].trim().split(/\s+/).length <= 8 && !/%/.test(m[1])).map((m): [number, number] => [m.index, m.index + m[0].length]);
  QTY.lastIndex = 0;
  for (let m = QTY.exec(f); m; m = QTY.exec(f)) {
    const start = m.index;
    let end = start + m[0].length;
    if (skip.some(([a, b]) => start >= a && start < b) || quoted.some(([a, b]) => start > a && start < b)) continue;
    const before = f.slice(Math.max(0, start - 14), start);
    // "từ 60 đến 70%", "nhận chỉ tiêu từ 200 đến 350 đơn vị": a range, its lower bound the value (≥), the unit after its upper one.
    const range = /(?:^|\s)tu\s*$/.test(before) ? /^\s*(?:den|–|-)\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d/]|\.\d|,\d)(?=\s*(?:%|phan tram|[a-z]))/.exec(f.slice(end)) : null;
    if (range && parseNumber(range[1])! > parseNumber(m[0])!) end += range[0].length;
    // "duy trì 430 - 440 đồng chí": a range written with a dash, the counted noun after it (not a date "22 - 23/12").
    const dashed = range ? null : /^\s*[-–]\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d/]|\.\d|,\d)(?=\s*(?:%|phan tram|[a-z]))/.exec(f.slice(end));
    const dashedOk = !!dashed && !/\d\s*[/-]\s*$/.test(before) && parseNumber(dashed[1])! > parseNumber(m[0])! && !/^\s*(?:tuoi|thang|nam|ngay|gio)(?![a-z])/.test(f.slice(end + dashed[0].length));
    if (dashedOk) end += dashed![0].length;
    const rest = f.slice(end);
    // Dates, fractions, ranks, codes and labels.
    if (/^\s*[/-]\s*\d/.test(rest) || /\d\s*[/-]\s*$/.test(before)) continue;
    if (/(?:\bngay|\bthang|\bnam|\bquy|\bso|\bdieu|\bkhoan|\bgiai doan|\bphu luc|\bkhoa|\blan thu|\bthu|\bky hop|\bquoc lo|\btinh lo|\bde an|\bmuc do|(?<!cac\s)\bloai|\bhang|\bcap|\bcap do|\bbao dong|\bto|\bthua|\bban do|\bbieu|\bmau|\bphien ban|\bchi thi|\bnghi quyet|\bquyet dinh|\bnhom tuoi|\bkm|\bocop|(?<!dat\s)\bchuan|\bdoi tuong|\bquan khu|\bkhu vuc|\bkhu pho|\bthon|\bxom|\bap|\bkhom|\blop)\s*$/.test(before)) continue; // "OCOP 4 sao": a rating; "đối tượng 4", "Quân khu 7": a name; "lớp 6": a grade; "loại 2" a class (not "rau các loại 150 ha"; nor "đạt chuẩn 04 thôn", the count that meets it)
    if (/^[a-z]/.test(rest) && !/^\s/.test(rest)) continue; // "4D", "2a"
    if (/\(\s*$/.test(before) && /^\s*\)/.test(rest)) continue; // "(1)": an item or column code
    // "58.500 đơn vị máu (quy đổi đơn vị 250 ml)": the measure a count is converted by, not a value of its own.
    if (/\((?:[^()]*\s)?(?:quy doi|quy ra|tuong duong|tuong ung|tinh theo)(?:\s+[a-z]+){0,3}\s*$/.test(f.slice(Math.max(0, start - 40), start))) continue;
    if (/^\s*trong\s+(?:cac|so|nhung)\s/.test(rest)) continue; // "có ít nhất 01 trong các triệu chứng": one of several, a condition
    // "kéo giảm tai nạn giao thông trên cả 3 tiêu chí": all of them, a scope (not "cá", a fish, once marks are lost).
    if (/(?:^|\s)cả\s*$/iu.test(text.slice(Math.max(0, start - 6), start)) || /(?:^|\s)(?:tren|o|tai|cho|voi|trong)\s+ca\s*$/.test(before)) continue;
    const n = parseNumber(text.slice(start, start + m[0].length)) ?? parseNumber(m[0]);
    if (n !== null && n >= 1900 && n <= 2100 && /^\d{4}$/.test(m[0]) && !/^\s*(?:%|phan tram)/.test(rest)) continue; // a year (not "2.000 lít")
    // The unit: "%", or the counted noun after the number.
    let unit: string | null = null;
    const pct = rest.match(/^\s*(%|phan tram\b)/);
    // A unit of measure written as its symbol ("tối thiểu 300 Mbps", "50 kWh", "20 m³").
    const symbol = pct ? null : text.slice(end).match(MEASURE_SYMBOL);
    if (pct) {
      unit = '%';
      end += pct[0].length;
    } else if (symbol) {
      unit = symbol[1];
      end += symbol[0].length;
    } else {
      const u = rest.match(UNIT_RE);
      if (u) {
        unit = clean(text.slice(end + (u[0].length - u[0].trimStart().length), end + u[0].length));
        end += u[0].length;
        // A rate: "02 lần/năm", "02 kỳ/tháng", "01 lần/02 ngày".
        // … or per unit served: "2 giáo viên/lớp", "01 cán bộ/xã".
        // (A time per thing served is a rate too: "làm việc tại hiện trường tối đa 01 ngày/công trình".)
        const per = /^\s*\/\s*(?:\d+\s*)?(?:nam hoc|nam|thang|quy|tuan|ngay|hoc ky|lop|xa|phuong|truong|ho so|ho|nguoi|thon|ban|diem truong|don vi|dot|khoa|cong trinh|cuoc|vu viec)(?![a-z])/.exec(f.slice(end));
        if (per && (!TIME_UNITS.test(fold(unit)) || !/(?:nam|thang|quy|tuan|ngay|hoc ky)\s*$/.test(fold(per[0])))) {
          unit = clean(`${unit}${text.slice(end, end + per[0].length)}`).replace(/\s*\/\s*/, '/');
          end += per[0].length;
        }
      }
    }
    // "độ sáng từ 10.000 lumen trở lên": a measure of equipment with a unit not in the list, known by
    // the "trở lên" after it (not "trẻ được tiêm từ 2 mũi trở lên", a category).
    if (unit === null && /(?:do sang|cong suat|dung luong|toc do|do phan giai|kich thuoc|chieu (?:dai|rong|cao|sau)|dien tich|tai trong|dung tich|do day|duong kinh)\s+(?:tu\s+)?$/.test(f.slice(Math.max(0, start - 30), start))) {
      const w = /^\s+([a-z]{2,10})(?=\s+tro (?:len|xuong)\b)/.exec(f.slice(end));
      if (w && !TIME_UNITS.test(w[1]) && !/^(?:tuoi|trieu|ty|nghin|dong)$/.test(w[1])) {
        unit = text.slice(end + w[0].length - w[1].length, end + w[0].length);
        end += w[0].length;
      }
    }
    const unitFold = unit ? fold(unit) : '';
    // Income and other amounts per head or per period ("45 triệu đồng/người/năm") are measures; sums of money are not.
    // (A sum per year or month in billions is a budget: "tối thiểu 60 tỷ đồng/năm".)
    // (So per hectare: "thu nhập từ vườn đạt trên 80 triệu đồng/ha/năm".)
    const perHead = unit === null ? /^\s*(?:trieu|nghin|ty)?\s*(?:dong)\s*(?:\/\s*(?:nguoi|ho|lao dong|thang|nam|ha)\b\s*){1,2}/.exec(f.slice(end)) : null;
    if (perHead && /^\s*ty\s/.test(perHead[0]) && !/nguoi|ho|lao dong/.test(perHead[0])) continue;
    if (perHead && /^\s*(?:triệu|nghìn|tỷ|trieu|nghin|ty)?\s*(?:đồng|dong)(?![\p{L}\p{M}])/iu.test(text.slice(end))) {
      unit = clean(text.slice(end, end + perHead[0].length));
      end += perHead[0].length;
    } else if (unit === null && REVENUE.test(revenueClause(f.slice(Math.max(0, start - 80), start))) && /^\s*(?:trieu|ty|nghin)\s+dong(?![a-z])(?!\s*\/)/.test(f.slice(end))) {
      // A sum the plan is to collect or produce ("Thu ngân sách nhà nước trên địa bàn đạt 42 tỷ đồng trở lên") is an
      // objective; a sum to spend (kinh phí, dự toán chi, vốn) stays a budget.
      const money = /^\s*(?:trieu|ty|nghin)\s+dong/.exec(f.slice(end))!;
      unit = clean(text.slice(end, end + money[0].length));
      end += money[0].length;
    } else if (unit !== '%' && (/^\s*(?:tuoi|trieu\b|ty\b|nghin\b|gio\b|phut)/.test(f.slice(end)) || /^\s*(?:đồng|dong)(?![\p{L}\p{M}])/iu.test(text.slice(end)) || /^(?:dong)$/.test(unitFold))) continue;
    // "khách sạn từ 3 sao trở lên", "nhãn năng lượng từ 4 sao": a rating picks out a category, it is not counted.
    if (unitFold === 'sao') continue;
    const cmp = comparatorAt(f, start, end);
    // "hỗ trợ … tối đa 06 triệu đồng/người/khóa", "tối đa 15 triệu đồng/hộ": a cap on money per head, household or
    // hectare is a support or spending norm, not an objective.
    if (cmp.comparator && (cmp.comparator === '<=' || cmp.comparator === '<') && /^(?:trieu |nghin |ty )?dong\s*\//.test(fold(unit ?? ''))) continue;
    // Durations and ages ("trong 02 tháng", "kéo dài từ 03 tháng trở lên", "dưới 06 tuổi") are
    // conditions; a time limit to stay under ("không quá 05 ngày") and a minimum an output must
    // last ("lưu mẫu ít nhất 24 giờ", "tuổi thọ công trình từ 20 năm trở lên") are objectives.
    if (TIME_UNITS.test(unitFold) && !(cmp.firm && (cmp.comparator === '<=' || cmp.comparator === '<')) && !minimumDuration(f, cmp, start, text)) continue;
    // "tối đa không quá 01 lần quỹ tiền lương": a multiple of a sum of money, a budget.
    if (unitFold === 'lan' && /^\s*(?:quy|muc|thang)?\s*(?:tien\s+)?luong/.test(f.slice(end))) continue;
    // "Đối với 02 trụ sở cũ …, lập phương án …": the things a duty is about, a scope, not a value to reach.
    if (unit !== '%' && !cmp.comparator && /(?:^|\s)doi voi\s+(?:cac\s+)?$/.test(before)) continue;
    if (/^\s*tuoi/.test(f.slice(end))) continue;
    // "ít nhất 01 tuần trước và trong suốt thời gian tiêm": a time counted before or after an event, a relative time limit.
    if (/^\s*(?:tuan|ngay|thang|gio|phut)(?:\s+lam viec)?\s+(?:truoc|sau)(?:\s+(?:va|hoac|khi|ngay|thoi diem)\s|\s*[,;.)]|\s*$)/.test(f.slice(end))) continue;
    // "trẻ em từ 3 đến 5 tuổi": the lower bound of an age range.
    if (/^\s*(?:den|-|–)\s*\d{1,3}\s*tuoi/.test(f.slice(end))) continue;
    out.push({ start, end: cmp.to, number: n, unit, comparator: cmp.comparator, firm: cmp.firm, valueStart: cmp.from });
    // (The upper bound of a range is read with it.)
    if (range || dashedOk) QTY.lastIndex = Math.max(QTY.lastIndex, end);
  }
  // "tối thiểu 09/15 bản": so many of a total, the counted noun after it; the value is the first number.
  const fre = /(?<![\d/.,a-z])(\d{1,4})\s*\/\s*(\d{1,4})(?![\d/.,])(?=\s+[a-z])/g;
  for (let m = fre.exec(f); m; m = fre.exec(f)) {
    const start = m.index;
    if (skip.some(([a, b]) => start >= a && start < b)) continue;
    const u = f.slice(start + m[0].length).match(UNIT_RE);
    const n = Number(m[1]);
    if (!u || TIME_UNITS.test(u[1]) || n > Number(m[2]) || /(?:\bngay|\btruoc|\bden|\bthang|\bso|\bden het)\s*$/.test(f.slice(Math.max(0, start - 10), start))) continue;
    const unitEnd = start + m[0].length + u[0].length;
    const cmp = comparatorAt(f, start, unitEnd);
    out.push({ start, end: cmp.to, number: n, unit: clean(text.slice(unitEnd - u[0].trimStart().length, unitEnd)), comparator: cmp.comparator, firm: cmp.firm, valueStart: cmp.from });
  }
  // Numbers in words after a firm comparator: "bố trí ít nhất một máy tính", "tối thiểu hai lần", and the cap of
  // "không bị thanh tra quá một lần trong năm" (the comparators of digits, read the same way).
  const WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
  const wre = /(?<![a-z])(mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(?=[a-z])/g;
  for (let m = wre.exec(f); m; m = wre.exec(f)) {
    const start = m.index;
    if (skip.some(([a, b]) => start >= a && start < b) || !/(?:toi thieu|it nhat|khong qua|toi da|qua|tu)\s+$/.test(f.slice(Math.max(0, start - 12), start))) continue;
    const rest = f.slice(m.index + m[0].length);
    const u = rest.match(UNIT_RE) ?? rest.match(/^([a-z]+(?:\s+[a-z]+)?)/);
    let uLen = u ? u[0].length : 0;
    // A rate: "tối đa hai lần/năm".
    const per = u ? /^\s*\/\s*(?:nam hoc|nam|thang|quy|tuan|ngay|hoc ky)(?![a-z])/.exec(rest.slice(uLen)) : null;
    if (per) uLen += per[0].length;
    const unit = u ? clean(text.slice(m.index + m[0].length, m.index + m[0].length + uLen)).replace(/\s*\/\s*/, '/') : null;
    if (unit && TIME_UNITS.test(fold(unit))) continue;
    const cmp = comparatorAt(f, start, m.index + m[0].length + uLen);
    if (!cmp.firm || !cmp.comparator || cmp.from >= start) continue;
    out.push({ start, end: cmp.to, number: WORDS[m[1]], unit, comparator: cmp.comparator, firm: true, valueStart: cmp.from });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The last colon before `at` that no open bracket holds ("Tỷ lệ trẻ được sàng lọc (ít nhất 02 bệnh: suy giáp …) đạt 50%"), or -1. */
function colonOutsideBrackets(f: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = f[i];
    if (c === ')') depth++;
    else if (c === '(') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

/** "Tỷ lệ hộ nghèo giảm" from the words before the value, without the verbs that lead to it. */
function indicatorBefore(text: string, from: number, clauseStart: number): string {
  let s = text.slice(clauseStart, from);
  s = s.replace(/^\s*(?:[a-zđ]\)|\d+\.|[-–+•]|\(\d+\))\s*/u, '').replace(/\s*\(\s*$/, '');
  // Text whose marks were lost ("phan dau dat", "den nam 2030 dat") drops the same words, as they read without marks.
  const bare = !/[^\x00-\x7f]/.test(s);
  s = s.replace(
    bare
      ? /\s*(?:,\s*)?(?:(?<=^|[\s,])phan dau\s+)?(?:(?<=^|[\s,])(?:dat|tang them|tang|giam xuong con|xuong con|duy tri o muc|duy tri|o muc|len|xuong|con|bang|la|chiem))?\s*(?:(?<=^|\s)muc\s*)?(?:(?<=^|\s)(?:khoang|binh quan|tu))?\s*$/i
      : /\s*(?:,\s*)?(?:phấn đấu\s+)?(?:đạt|tăng thêm|tăng|giảm xuống còn|xuống còn|duy trì ở mức|duy trì|ở mức|lên|xuống|còn|bằng|là|chiếm)?\s*(?:mức\s*)?(?:khoảng|bình quân|từ)?\s*$/iu,
    '',
  );
  for (let k = 0; k < 3; k++) {
    s = s.replace(bare ? /^\s*(?:phan dau|trong do|rieng|dong thoi|bao dam|dam bao)(?=[\s,]|$)\s*(?:,\s*)?/i : /^\s*(?:phấn đấu|trong đó|riêng|đồng thời|bảo đảm|đảm bảo)\s*(?:,\s*)?/iu, '');
    s = s.replace(
      bare ? /^\s*(?:(?:den het|den cuoi|den|trong|truoc|cuoi|dau|vao)\s+)?(?:nam|thang|quy|ngay)\s+[\dIVX/]+\s*,?\s*/i : /^\s*(?:(?:đến hết|đến|trong|trước|cuối|đầu|vào)\s+)?(?:năm|tháng|quý|ngày)\s+[\dIVX/]+\s*,?\s*/iu,
      '',
    );
  }
  return trimItem(s);
}

/** The same measure at another place: "Tỷ lệ thu gom … khu vực nội thị" + "khu vực xã Thành Hải". */
function withPlace(indicator: string, place: string): string {
  const head = fold(place).split(/\s+/)[0];
  const at = fold(indicator).search(new RegExp(`(?:^|\\s)${head}\\s`));
  return clean(`${at > 0 ? indicator.slice(0, at) : indicator} ${place}`);
}

/** Does the text end with a task verb ("xử lý triệt để", "hoàn thành số hóa")? */
const VERB_AT_END = new RegExp(`(?:^|\\s)(?:${TASK_VERBS.join('|')})(?:\\s+(?:triet de|kip thoi|dung han|day du|toan bo))?\\s*$`);
function endsWithVerb(text: string): boolean {
  return VERB_AT_END.test(fold(text));
}

/** The words before a value without the comparator that introduces it ("trong đó có ít nhất " → "trong đó có "). */
function sinceCore(s: string): string {
  return s.replace(/\s*(?:ít nhất|tối thiểu|tối đa|không quá|trên|dưới|từ|it nhat|toi thieu|toi da|khong qua|tren|duoi|tu)\s*$/iu, ' ');
}

/** What follows a value up to the clause end ("100% *văn bản … được số hóa*"). */
function indicatorAfter(text: string, end: number, clauseEnd: number): string {
  let s = text.slice(end, clauseEnd);
  // Also a time limit or a closing bracket ends it: "(tối thiểu 03 lần/tuần từ ngày 01/01/2026 …)".
  // ("12 thư viện đạt chuẩn mức độ 1 và 04 thư viện …": the next counted value of a list.)
  const stop = s.search(/;|\.\s|\)|,\s*(?:trong đó|đồng thời)|\s\d{1,3}(?:[.,]\d+)?\s?%|\s(?:và|va)\s+\d{1,3}(?:[.,]\d+)?\s+\p{L}|(?:^|\s)so với\s|(?:^|\s)(?:từ|trước|đến hết|đến|tu|truoc|den het|den)\s+ng[àa]y\s+\d/u);
  if (stop >= 0) s = s.slice(0, stop);
  // "… tăng từ 35 đến 55 người (chi tiết tại Phụ lục kèm theo)": a reference to where the details are names nothing.
  if (/^\s*\(\s*(?:chi tiet|xem|theo|kem theo|nhu)\s/.test(fold(s))) return '';
  // "… đạt yêu cầu, từ 70%": the comparator of the next value is not part of this indicator.
  s = s.replace(/[\s,]+(?:từ|trên|dưới|tối thiểu|ít nhất|tu|tren|duoi|toi thieu|it nhat)\s*$/iu, '');
  return trimItem(s);
}

/** A unit that can be responsible for a target (a commune, a body, a level of government). */
const RESPONSIBLE = /^(?:(?:các|mỗi|từng)\s+)?(?:xã|phường|thị trấn|thôn|buôn|làng|tổ dân phố|huyện|thành phố|thị xã|cấp (?:huyện|xã|tỉnh)|cơ quan|đơn vị|địa phương|phòng|sở|ban|ngành|UBND|Ủy ban|trường|trạm|tổ|hội|đoàn|công an|bộ phận|trung tâm|chi nhánh|bệnh viện)(?=[\s,;:.)]|$)/iu;

/**
 * The same, also for text whose diacritics were lost ("Thi tran Phuoc An", "Xa Ea Kenh"): only
 * heads that stay unambiguous without marks ("so" could be sở or số), or a place word before a name.
 */
const RESPONSIBLE_FOLDED = /^(?:(?:cac|moi|tung)\s+)?(?:thi tran|to dan pho|huyen|thanh pho|thi xa|cap (?:huyen|xa|tinh)|co quan|don vi|dia phuong|ubnd|uy ban|cong an|bo phan|trung tam|chi nhanh|benh vien)(?=[\s,;:.)]|$)/;
function isResponsible(s: string): boolean {
  return RESPONSIBLE.test(s) || RESPONSIBLE_FOLDED.test(fold(s).trim()) || /^\s*(?:Xa|Phuong|Thon|Buon|Lang)\s+\p{Lu}/u.test(s);
}

function periodOf(s: string): string | null {
  if (isUpper(s)) s = s.toLowerCase();
  // On folded text (same offsets), so that text without marks ("Nam 2025") reads the same.
  const m = /(?:(?:den het|den|cuoi|trong)\s+)?(?:nam hoc\s+\d{4}\s*-\s*\d{4}|nam\s+\d{4}|giai doan\s+\d{4}\s*-\s*\d{4}|(?:thang|quy)\s+[\divx]+\s*\/\s*\d{4})/.exec(fold(s));
  return m ? clean(s.slice(m.index, m.index + m[0].length)) : null;
}

/** "so với cuối năm 2025" → "cuối năm 2025": a baseline is a time or a past result, not a denominator. */
function baselineOf(after: string): string | null {
  // (On folded text, offsets aligned: "so voi cung ky" in text whose marks were lost reads the same.)
  const m = fold(after).match(/so voi\s+([^,;.]+)/);
  if (!m || m.index === undefined) return null;
  const from = m.index + m[0].length - m[1].length;
  const b = clean(after.slice(from, from + m[1].length));
  return /(?:^|\s)(?:nam|ky|thang|quy|thoi diem|dau|cuoi|ket qua|thuc hien|hien nay|hien trang|truoc)(?![a-z])/.test(fold(b)) ? b : null;
}

/** Innermost section that says what it holds: targets, or results / legal grounds (none there). */
function sectionOf(anc: Heading[]): { kind: 'target' | 'results' | 'other'; period: string | null; heading: Heading | null } {
  // A section title, not an item that is a sentence of its own ("6. Tỷ lệ … đạt 100% …; …").
  const isTitle = (a: Heading) => a.heading.length <= 160 && (a.children.length > 0 || a.body.length > 0 || a.rest.length <= a.heading.length + 3);
  // A part (Phần, Chương) that holds targets and tasks ("Phần thứ hai. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2023") leaves it
  // to its own sections (I. MỤC TIÊU …, II. CÁC CHỈ TIÊU …, III. NHIỆM VỤ …).
  const mixed = (a: Heading) => a !== anc[0] && a.kind === 'chapter' && TARGET_SECTION.test(fold(a.heading)) && /nhiem vu|giai phap/.test(fold(a.heading));
  const decisive = anc.find((a) => a.kind !== 'letter' && a.kind !== 'paren' && isTitle(a) && !mixed(a) && (RESULTS.test(fold(a.heading).trim()) || TARGET_SECTION.test(fold(a.heading))));
  let period: string | null = null;
  for (const a of anc) {
    if (a.kind === 'letter' || a.kind === 'paren') continue;
    if ((period = periodOf(a.heading))) break;
  }
  if (!decisive) return { kind: 'other', period, heading: null };
  const f = fold(decisive.heading);
  // "PHƯƠNG PHÁP GIAO CHỈ TIÊU" or "CHỈ TIÊU … NĂM 2024" are targets even with "căn cứ" nearby.
  // "2. Một số chỉ tiêu về bình đẳng giới tại thời điểm ngày 31 tháng 12 năm 2025" under "I. KẾT QUẢ NĂM 2025": the
  // indicators as they stood on a day, inside a part that only tells results.
  const outer = anc.slice(anc.indexOf(decisive) + 1).find((a) => a.kind !== 'letter' && a.kind !== 'paren' && isTitle(a) && !mixed(a) && RESULTS.test(fold(a.heading).trim()) && !TARGET_SECTION.test(fold(a.heading)));
  const asOf = /(?:tai thoi diem|tinh den|tinh tu)\s+(?:ngay|thang|het)/.test(f);
  const kind = TARGET_SECTION.test(f) && !/^(?:can cu|ket qua|thuc trang|tinh hinh)/.test(f.replace(/^[^a-z]+/, '')) && !outer && !asOf ? 'target' : 'results';
  return { kind, period, heading: decisive };
}

/**
 * A paragraph that opens with a period already over when the document was signed ("Năm học 2023 - 2024,
 * công tác … đạt được nhiều kết quả: …", "Năm 2023, …") tells results, outside any KẾT QUẢ heading.
 */
function reportsPast(f: string, issued: string | null | undefined): boolean {
  if (!issued) return false;
  const m = /^\s*(?:trong\s+)?(?:nam hoc\s*(\d{4})\s*-\s*(\d{4})|nam\s*(\d{4}))\s*(?:,|va\s)/.exec(f);
  if (!m) return false;
  const year = Number(issued.slice(0, 4));
  const month = Number(issued.slice(5, 7));
  // A school year ends in May.
  if (m[2]) return Number(m[2]) < year || (Number(m[2]) === year && month > 5);
  return Number(m[3]) < year;
}

interface Emit {
  (t: Target): void;
}

/**
 * Cells that hold a number (a target value), maybe with a verb and a comparator: "≥ 80", "100",
 * "54/54", "Toàn trình: 100", "Đạt trên 95%", "Tăng tối thiểu 5%", "Thêm ít nhất 02 xã".
 */
const VALUE_CELL = /^\s*(?:(?:đạt|tăng|giảm|thêm|duy trì|phấn đấu|đạt|dat|tang|giam|them)(?:\s+(?:thêm|đạt|them|dat))?\s+)?(?:[≥≤><]=?\s*|(?:tối thiểu|tối đa|ít nhất|trên|dưới|khoảng|toi thieu|toi da|it nhat|tren|duoi|khoang|từ|tu|không (?:quá|vượt quá|thấp hơn|dưới)|khong (?:qua|vuot qua|thap hon|duoi))\s+)?\d/iu;
/** A value cell that asks for none at all: "Không để phát sinh", "Không để xảy ra", "Không có". */
const ZERO_CELL = /^\s*(?:không|khong)\s+(?:để\s+|de\s+)?(?:phát sinh|xảy ra|tái (?:phát|trồng|diễn)|có|còn|phat sinh|xay ra|tai (?:phat|trong|dien)|co|con)(?![\p{L}\p{M}])/iu;

function parseCell(raw: string, unit: string | null): { label: string | null; value: Target['value'] }[] {
  const out: { label: string | null; value: Target['value'] }[] = [];
  // "Toàn trình: 100 Một phần: 80" — labelled values in one cell.
  const labelled = [...raw.matchAll(/([\p{L}][\p{L}\s]{1,40}?)\s*:\s*([≥≤><]=?\s*)?(\d[\d.,]*)\s*(%?)/gu)];
  const items = labelled.length >= 1 && !VALUE_CELL.test(raw) ? labelled.map((m) => ({ label: clean(m[1]), text: clean(m[0]), num: m[3], pct: m[4] })) : null;
  if (ZERO_CELL.test(raw) && !/\d/.test(raw)) return [{ label: null, value: { text: clean(raw), number: 0, unit, comparator: '=' } }];
  // "Hoàn thành trước ngày 31/01/2026": a time limit, not a value.
  // (Not a count that a day only qualifies: "0 hồ sơ tồn trước 01/12/2025".)
  if (!/%/.test(raw) && !/^\s*[≥≤><]?=?\s*\d+(?:[.,]\d+)?\s+\p{L}/u.test(raw) && /\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|(?:ngày|ngay)\s+\d{1,2}\s+(?:tháng|thang)\s+\d/iu.test(raw)) return [];
  // "100% vụ việc được xử lý; giảm 10% số vụ", "Giảm ít nhất 3 cặp; không có hôn nhân cận huyết thống":
  // one value per part of a cell whose parts are each a value.
  const parts = raw.split(';').map((x) => x.trim());
  if (parts.length > 1 && parts.every((x) => VALUE_CELL.test(x) || ZERO_CELL.test(x))) return parts.flatMap((x) => parseCell(x, unit));
  const list = items ?? [{ label: null, text: clean(raw), num: raw.match(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?/)?.[0] ?? '', pct: /%/.test(raw) ? '%' : '' }];
  for (const it of list) {
    const f = fold(it.text);
    const comparator: Comparator = /≥|>=|toi thieu|tro len|it nhat/.test(f) ? '>=' : /≤|<=|toi da|khong qua/.test(f) ? '<=' : /^>|\btren\b/.test(f) ? '>' : /^<|\bduoi\b/.test(f) ? '<' : '=';
    // "Thêm ít nhất 02 xã": the counted noun after the number, when the column gives no unit.
    let u = unit ?? (it.pct ? '%' : null);
    if (!u && it.num) {
      const rest = it.text.slice(it.text.indexOf(it.num) + it.num.length);
      const m = fold(rest).match(UNIT_RE);
      if (m) u = clean(rest.slice(0, m[0].length));
    }
    out.push({ label: it.label, value: { text: it.text, number: it.num ? parseNumber(it.num) : null, unit: u, comparator } });
  }
  return out;
}

/** The line that announces an allocation ("…, phân bổ như sau:", "phân bổ cụ thể cho các đơn vị như sau:"): the table or list after it assigns amounts. */
const ALLOCATION_LEAD = /(?:^|[\s,])phan bo(?:\s+[a-z]+){0,5}\s*:\s*$/;

/** A column of the plan or the targets set for a period ("Kế hoạch năm 2026", "Chỉ tiêu giao 2025"). */
// (In a report, the targets the council set: "Nghị quyết HĐND", "Chỉ tiêu Nghị quyết".)
const PLAN_HEAD = /^(?:ke hoach|chi tieu(?: giao)?|muc tieu)(?:\s+(?:nam\s+)?\d{4}|$)|^(?:chi tieu\s+)?(?:nghi quyet|nq)(?:\s+(?:hdnd|hoi dong nhan dan)(?:\s+[a-z]+)?)?(?:\s+(?:nam\s+)?\d{4})?$/;
const TOTAL_ROW = /^(?:cong|tong|tong cong|tong so|toan (?:huyen|xa|tinh|thanh pho))$/;
const MONEY = /du toan|kinh phi|trieu dong|\(dong\)|ty dong|nghin dong|gia tri|thanh tien|nguon von|von dau tu/;

/** Does a column of the table hold targets by its header ("Chỉ tiêu (đơn vị)", "Mục tiêu 2026") and numbers in most of its cells? */
function targetColumn(g: Grid, header: number): boolean {
  const body = g.rows.slice(header + 1);
  return (g.rows[header]?.cells ?? []).some((c, i) => {
    if (!/^\s*(?:chi tieu|muc tieu)\b/.test(fold(c.text))) return false;
    const cells = body.map((r) => r.cells[i]?.text ?? '').filter((t) => t.trim());
    return cells.length >= 2 && cells.filter((t) => VALUE_CELL.test(t)).length >= cells.length * 0.6;
  });
}

function tableTargets(ctx: ExtractContext, g: Grid, emit: Emit): boolean {
  const { paras, outline } = ctx;
  const h = g.rows.findIndex((r, i) => i <= 2 && r.cells.filter((c) => c.text && !VALUE_CELL.test(c.text)).length >= 2);
  if (h < 0) return false;
  const header = g.rows[h].cells.map((c) => fold(c.text).replace(/\s+/g, ' ').trim());
  // "Tổng cộng | 1.862 | 2.220": a total row (often without its row number cell, so shifted) is no target.
  const isTotal = (r: Grid['rows'][number]) => r.cells.slice(0, 2).some((c) => TOTAL_ROW.test(fold(c.text).replace(/[^a-z ]/g, '').trim()));
  const body = g.rows.slice(h + 1).filter((r) => !isTotal(r));
  if (!body.length) return false;
  const anc = g.para >= 0 ? ancestors(outline, g.para) : [];
  const sec = sectionOf(anc);
  // The table's own title on the line above ("Bảng 1. Chỉ tiêu tổ chức Đại hội các cấp") says what it holds too.
  const title = g.para > 0 ? /^\s*(?:bang|bieu)\s*(?:so\s*)?[\divx]{0,4}\s*[.:]\s*(.+)$/.exec(paras[g.para - 1]?.folded ?? '')?.[1] ?? '' : '';
  const caption = `${anc.map((a) => fold(a.heading)).join(' ')} ${title}`;
  // A target table says so: in its header, or in the title of its section or appendix. In a results part
  // only a table that sets the plan beside what was done ("Chỉ tiêu | Kế hoạch năm 2026 | Thực hiện 9
  // tháng | Tỷ lệ (%)") still holds targets: those of its plan column.
  // ("Chỉ số | Kết quả | Chỉ tiêu năm 2024 | Đánh giá": the same, the result first.)
  const planVsDone = header.some((c) => PLAN_HEAD.test(c)) && header.some((c) => /^(?:uoc\s+)?thuc hien\b|^uoc (?:dat|tinh)\b|^ket qua\b/.test(c));
  if ((sec.kind === 'results' || RESULTS.test(title)) && !planVsDone) return false;
  // ("Giao trả lời bằng văn bản", "giao xử lý": work handed to someone, not targets assigned.)
  // ("Bảng 2. Lộ trình dồn ghép điểm trường lẻ …": a roadmap's figures for each year are what the plan sets out to reach.)
  const roadmap = /^(?:lo trinh)\b/.test(title);
  // ("Tiêu chí | Yêu cầu" of a council's supervision, "Từ 98% trở lên": the level each criterion must reach.)
  const required = header.some((c) => /^(?:muc\s+)?yeu cau(?:\s+(?:dat|toi thieu))?$/.test(c));
  // ("Số lượng: 46 bác sĩ/đợt, phân bổ như sau:" over "Đơn vị cử | Đợt 1 (người) | Đợt 2 (người)": what each unit must provide.)
  const allocation = g.para > 0 && ALLOCATION_LEAD.test(paras[g.para - 1]?.folded ?? '');
  if (!roadmap && !required && !allocation && !/chi tieu|muc tieu|ke hoach|phan dau|\bgiao\b(?!\s+(?:thong|duc|dich|ban|luu|tiep|nhan|tra loi|xu ly|giai quyet|thuc hien))/.test(`${header.join(' ')} ${caption}`)) return false;
  // A schedule ("Bảng 2. Kế hoạch tiêm vét vắc xin" over "Đối tượng | Số trẻ cần tiêm | Địa điểm | Thời gian"): a table with a
  // time column that only its title or section calls a plan says when and where the work is done, and how much of it; it
  // sets no targets.
  const timed = header.some((c) => /^(?:thoi gian|thoi han|tien do|thoi diem)\b/.test(c));
  if (timed && !roadmap && !required && !allocation && !/chi tieu|muc tieu|ke hoach|phan dau|\bgiao\b/.test(header.join(' ')) && !/chi tieu|muc tieu|phan dau/.test(caption)) return false;
  // A budget table is no target table; a revenue table that names its target column ("Ước thực hiện năm 2025 | Dự
  // toán giao năm 2026 | Chỉ tiêu phấn đấu năm 2026", "Chỉ tiêu thu nợ năm 2026 (triệu đồng)") is.
  const numericShare = (i: number) => {
    const cells = body.map((r) => r.cells[i]?.text ?? '').filter(Boolean);
    return cells.length ? cells.filter((c) => VALUE_CELL.test(c) || ZERO_CELL.test(c) || /^\s*[\p{L}\s]{1,40}:\s*\d/u.test(c)).length / cells.length : 0;
  };
  // ("Chỉ tiêu thu hồi quý IV (triệu đồng)" over figures: a column of amounts the header calls targets; a "Chỉ tiêu" column of
  // words is the budget's lines.)
  if (MONEY.test(header.join(' ')) && !header.some((c, i) => /^chi tieu\b.*\d{4}|phan dau/.test(c) || (/^chi tieu\b/.test(c) && numericShare(i) >= 0.5))) return false;
  let ind = -1;
  let org = -1;
  let unitCol = -1;
  let resp = -1;
  const values: number[] = [];
  const baselines: number[] = [];
  // "Năm 2023 | Năm 2025 | Năm 2030" in a programme signed in 2024: a year already over is where the targets start from.
  const signedYear = ctx.issued ? Number(ctx.issued.slice(0, 4)) : null;
  // ("Điện tiêu thụ năm 2023 (nghìn kWh)" beside "Chỉ tiêu giảm năm 2024": what was measured in a year already over.)
  const pastYear = (c: string) => {
    if (signedYear === null) return false;
    if (/^(?:nam|thang\s*\d{1,2}\s*\/?|quy\s*[ivx]+\s*\/?)\s*(\d{4})$/.test(c)) return Number(c.slice(-4)) < signedYear;
    const y = /(?:^|\s)nam\s*(\d{4})(?!\s*-)/.exec(c);
    return !!y && Number(y[1]) < signedYear && /tieu thu|su dung|hien co|so luong|dien tich|san luong/.test(c);
  };
  // "Năm học | …" with "2024 - 2025" in each row of a roadmap: the period names the row.
  const periodCol = roadmap ? header.findIndex((c, i) => /^(?:nam|nam hoc|giai doan)$/.test(c) && body.every((r) => /^\s*\d{4}(?:\s*-\s*\d{4})?\s*$/.test(r.cells[i]?.text ?? ''))) : -1;
  header.forEach((c, i) => {
    if (!c || /^(stt|tt|so tt)$/.test(c) || i === periodCol) return;
    const numeric = numericShare(i) >= 0.5;
    // ("Đơn vị" over "%", "tỷ đồng", "người": the unit of each row, not a body.)
    if (/don vi tinh|^dvt/.test(c) || (c === 'don vi' && body.every((r) => { const t = r.cells[i]?.text.trim() ?? ''; return t.length <= 15 && !/^\p{Lu}\p{Ll}/u.test(t); }))) unitCol = i;
    else if (!numeric && /co quan|don vi thuc hien|chu tri|trach nhiem|phu trach|phoi hop/.test(c)) resp = i;
    else if (!numeric && ind < 0 && /chi tieu|chi so|noi dung|tieu chi|ten chi tieu/.test(c)) ind = i;
    else if (!numeric && org < 0 && /^(?:ten )?(?:don vi|dia phuong|xa|phuong|thi tran|thon|to dan pho|truong|co so|lang|buon|huyen)\b/.test(c)) org = i;
    // What is already done ("Thực hiện 2024", "Diện tích đã cấp đến 29/02/2024") is the baseline.
    // ("Nước sinh hoạt phân tán (hộ)": "ước", an estimate, is a word of its own, not the end of "nước".)
    else if (numeric && (/thuc hien|(?<![a-z])uoc(?![a-z])|hien trang|ket qua|(?<!trung hoc )co so|nam truoc|hien nay|(?:^|\s)da (?:cap|dat|co|thuc hien|hoan thanh)|(?:tinh )?den (?:ngay )?\d{1,2}\s*\/\s*\d|\(\s*(?:ngay\s*)?[\dol]{1,2}\s*\/\s*[\dol]{1,2}\s*\/\s*[\dol]{4}\s*\)/.test(c) || pastYear(c)) && !/giao|ke hoach|muc tieu|chi tieu|phan dau/.test(c)) baselines.push(i);
    // "Tỷ lệ so với kế hoạch", "So sánh (%)": how far the plan was met, a result of neither the plan nor the baseline.
    else if (numeric && /^(?:ty le\s+)?(?:so voi|so sanh)\b|\bso voi (?:ke hoach|chi tieu|cung ky)/.test(c)) return;
    else if (numeric) values.push(i);
  });
  // Rows named by a category the header does not call an indicator or a unit ("Cấp học | Tổng số học sinh
  // dự kiến | Chỉ tiêu tham gia BHYT (%)"): the first column of words names the row, what of it is measured
  // is the value column's header.
  let category = false;
  if (periodCol >= 0 && ind < 0 && org < 0) {
    ind = periodCol;
    category = true;
  }
  if (ind < 0 && org < 0) {
    ind = header.findIndex((c, i) => c && !/^(stt|tt|so tt)$/.test(c) && i !== resp && i !== unitCol && !values.includes(i) && !baselines.includes(i) && numericShare(i) < 0.5);
    category = ind >= 0;
  }
  // Value columns the header names as the plan or the target ("Chỉ tiêu tham gia BHYT (%)", "Kế hoạch năm
  // 2026") leave the other figures of the row as its context: a count it is measured on ("Tổng số học sinh
  // dự kiến"), the share done ("Tỷ lệ (%)").
  // The plan's own target outranks what a higher level assigned ("Dự toán thành phố giao năm 2026 | Chỉ tiêu phấn
  // đấu của xã năm 2026"). In a table of targets, a column of a year the plan covers ("Trồng tái canh 2024 (ha)")
  // allocates them too; one with no year ("Diện tích già cỗi (ha)") is the situation it starts from.
  const issuedYear = ctx.issued ? Number(ctx.issued.slice(0, 4)) : null;
  // ("Mức tiết kiệm", "Mức giảm": the level to reach, beside the plan's amount.)
  // ("Tỷ lệ thu hồi phải đạt (%)": the level each row must reach.)
  const strong = values.filter((i) => PLAN_HEAD.test(header[i]) || /chi tieu|ke hoach|muc tieu|phan dau|phai dat|^muc (?:tiet kiem|giam|tang|phan dau)\b/.test(header[i]));
  const assigned = values.filter((i) => /(?<!mau )\bgiao\b(?!\s+(?:thong|duc|dich|ban|luu|tiep|nhan|vien))/.test(header[i]));
  // (The year of a day, "Số thửa chưa cấp (30/6/2025)", is the time the figure was taken, not a period.)
  const coversYear = (i: number) => !!issuedYear && [...header[i].matchAll(/(?<![\d/.])(20\d{2})(?!\d)/g)].some((y) => Number(y[1]) >= issuedYear);
  const yearly = strong.length && issuedYear ? values.filter((i) => !strong.includes(i) && !assigned.includes(i) && coversYear(i)) : [];
  // In a table of targets that names no target column, the columns of the years the plan covers ("Xã | Diện tích lúa kém hiệu
  // quả | Năm 2025 | Năm 2026") are its allocation; a column with no year is the situation it starts from.
  const byYear = !strong.length && !assigned.length ? values.filter(coversYear) : [];
  const named = strong.length ? [...strong, ...yearly].sort((a, b) => a - b) : assigned.length ? assigned : byYear.length && values.some((i) => !/\d{4}/.test(header[i])) ? byYear : [];
  // ("V. CHỈ TIÊU PHÂN BỔ CHO MỘT SỐ ĐƠN VỊ" over "Đơn vị | Sách bổ sung mới (bản) | Câu lạc bộ đọc sách | Lượt bạn đọc phấn
  // đấu năm 2024": a section that allocates targets to the units of its rows makes every figure of a unit a target, not only
  // the column that says so.)
  // (Not a column of the state the allocation starts from: "Diện tích già cỗi (ha)" beside "Chỉ tiêu 2025 (ha)".)
  const allocates = org >= 0 && /chi tieu\s+(?:phan bo|giao)|(?:phan bo|giao)\s+chi tieu/.test(caption);
  const state = (i: number) => /dien tich|hien co|hien trang|hien nay|tong so|dan so|gia coi|chua|(?:^|\s)da\s/.test(header[i]);
  if (named.length && named.length < values.length) values.splice(0, values.length, ...values.filter((i) => named.includes(i) || (allocates && !state(i))));
  // A count foreseen beside the targets ("Số đơn vị tổ chức | Số môn tối thiểu | Số vận động viên dự kiến") is an estimate, not an objective.
  const foreseen = values.filter((i) => /\bdu kien\b/.test(header[i]) && !/chi tieu|ke hoach|muc tieu|phan dau|toi thieu/.test(header[i]));
  if (foreseen.length && foreseen.length < values.length) values.splice(0, values.length, ...values.filter((i) => !foreseen.includes(i)));
  // "Nhóm cơ quan, đơn vị | … | Chỉ tiêu giảm năm 2024": the only column of words names the rows (the units), though its
  // header reads like a responsible column.
  if (ind < 0 && org < 0 && resp >= 0 && header.every((c, i) => i === resp || !c || /^(stt|tt|so tt)$/.test(c) || i === unitCol || numericShare(i) >= 0.5)) {
    org = resp;
    resp = -1;
  }
  if ((ind < 0 && org < 0) || !values.length) return false;
  const period0 = periodOf(`${anc.map((a) => a.heading).join(' ')}`) ?? sec.period;
  // "Đơn vị tính: ha" on the line above the table: the unit of every value.
  const unitNote = g.para > 0 ? [g.para - 1, g.para - 2].map((k) => paras[k]?.text.match(/^\s*(?:Đơn vị tính|ĐVT|Don vi tinh)\s*:\s*([^;|]{1,20}?)\s*$/iu)?.[1]).find(Boolean) : undefined;
  // Unit rows × period columns ("Đơn vị | Năm 2024 | Năm 2025"): what is measured is the table's title.
  const captionIndicator = () => {
    const title = anc.find((a) => a.kind !== 'letter' && a.kind !== 'paren' && TARGET_SECTION.test(fold(a.heading)))?.heading ?? '';
    let t = isUpper(title) ? title.toLowerCase() : title;
    t = t.replace(/^\s*(?:(?:các|cac)\s+)?(?:chỉ tiêu|mục tiêu|chi tieu|muc tieu)\s*(?:(?:về|ve|giao)\s+)?/iu, '');
    t = t.replace(/\s*(?:(?:đến hết|đến|trong|giai đoạn|den het|den|trong|giai doan)\s+)?(?:năm|nam)\s+\d{4}(?:\s*-\s*\d{4})?\s*$/iu, '').replace(/\s*(?:giai đoạn|giai doan)\s+\d{4}\s*-\s*\d{4}\s*$/iu, '');
    t = trimItem(t);
    return t.split(' ').length >= 2 ? t.charAt(0).toUpperCase() + t.slice(1) : null;
  };
  const noteCol = ind >= 0 ? header.findIndex((c) => /^ghi chu$/.test(c.trim())) : -1;
  for (const row of body) {
    const cells = row.cells;
    const get = (i: number) => (i >= 0 && i < cells.length ? cells[i].text : '');
    const name = get(ind >= 0 ? ind : org);
    if (!name || TOTAL_ROW.test(fold(name).replace(/[^a-z ]/g, '').trim())) continue;
    for (const v of values) {
      const raw = get(v);
      if (!raw || (!/\d/.test(raw) && !ZERO_CELL.test(raw))) continue;
      const headText = g.rows[h].cells[v]?.text ?? '';
      const headUnit = headText.match(/\(([^()]{1,15})\)\s*$/)?.[1] ?? null;
      const unit = unitCol >= 0 ? get(unitCol) || null : headUnit ? clean(headUnit) : (unitNote ?? null);
      const headIsPeriod = /^\s*(?:nam(?:\s*hoc)?\s*\d{4}(?:\s*-\s*\d{4})?|(?:quy|thang)\s*[\divx]+\s*\/\s*\d{4}|giai doan\s*\d{4}\s*-\s*\d{4})\s*$/.test(fold(headText));
      // "Chỉ tiêu | Tiểu học | Trung học cơ sở": several value columns that are not periods each say whom the value is for.
      const measure = clean(headText.replace(/\s*\([^()]{1,15}\)\s*$/, ''));
      // What was done before the target ("Thực hiện 2024 | Kế hoạch 2025"), or against it ("Kế hoạch | Thực hiện").
      const baselineCol = baselines.filter((b) => b < v).pop() ?? (planVsDone ? baselines.find((b) => b > v) : undefined);
      // Two value columns of one header ("… (nghìn kWh) | Chỉ tiêu giảm năm 2024 | … (m3) | Chỉ tiêu giảm năm 2024"): each is
      // told apart by the baseline before it.
      const twin = values.some((x) => x !== v && header[x] === header[v]) && baselineCol !== undefined;
      const indicator =
        category && !headIsPeriod && measure
          ? `${measure} (${name})`
          : ind >= 0
            ? values.length > 1 && !headIsPeriod && headText
              ? `${name} (${clean(headText)})`
              : name
            : headIsPeriod
              ? (captionIndicator() ?? headText)
              : twin
                ? `${clean(headText)} (${clean(g.rows[h].cells[baselineCol].text.replace(/\s*\([^()]{1,15}\)\s*$/, ''))})`
                : headText;
      for (const { label, value } of parseCell(raw, unit)) {
        emit({
          indicator: label ? `${indicator} (${label})` : indicator,
          value,
          baseline: baselineCol !== undefined ? get(baselineCol) || null : null,
          period: periodCol >= 0 ? clean(name) : (periodOf(headText) ?? period0),
          responsible: resp >= 0 ? get(resp) || null : ind < 0 ? name : org >= 0 ? get(org) || null : null,
          ref: cells[v].ref,
        });
      }
    }
    // A remark that sets the row's change as well ("68 | Tăng 8% so với năm 2024", "Dưới 1,5 | Giảm 0,5%"):
    // a second target of the row, as "…, tăng 6,7% so với năm 2025" is in prose.
    const note = noteCol >= 0 ? get(noteCol) : '';
    const change = /^\s*(tăng|giảm|tang|giam)\s+(?:(?:tối thiểu|ít nhất|toi thieu|it nhat)\s+)?(\d{1,3}(?:[.,]\d{1,2})?)\s*%/iu.exec(note);
    if (change) {
      const number = Number(change[2].replace(',', '.'));
      emit({
        indicator: clean(`${name}, ${change[1].toLowerCase()} ${note.slice(change[0].length)}`),
        value: { text: clean(note.slice(change.index + change[1].length + 1, change.index + change[0].length)), number, unit: '%', comparator: /toi thieu|it nhat/.test(fold(change[0])) ? '>=' : '=' },
        baseline: null,
        period: period0,
        responsible: resp >= 0 ? get(resp) || null : null,
        ref: cells[noteCol].ref,
      });
    }
  }
  return true;
}

/**
 * List items of a target section (or of a list introduced as targets): "- Cao cấp lý luận chính
 * trị: 08 người" → indicator: value; "- Xã Ea Kly: trực tuyến 55%; số hóa 95%" → the unit is
 * responsible for each "indicator value".
 */
/**
 * Column codes defined in a note before a coded list: "Ghi chú: Cột (1) là tỷ lệ hồ sơ nộp trực
 * tuyến tối thiểu; cột (2) là tỷ lệ thanh toán trực tuyến …" or "(1) Tỷ lệ …; (2) …" → code → name.
 */
function legendBefore(paras: Para[], at: number): Map<string, string> {
  const legend = new Map<string, string>();
  for (let k = at - 1; k >= Math.max(0, at - 25) && !legend.size; k--) {
    const t = paras[k].text;
    const defs = [...t.matchAll(/(?:(?:cột|cot)\s*)?\((\d{1,2})\)\s*(?:là|la|:)?\s*([^;()]{3,140}?)\s*(?=;|\.\s|\.?$|,?\s*(?:(?:cột|cot)\s*)?\(\d{1,2}\))/giu)];
    if (defs.length < 2 || defs.some((d) => /\d\s*%/.test(d[2]))) continue;
    for (const d of defs) legend.set(d[1], trimItem(d[2]));
  }
  return legend;
}

function listTarget(p: Para, spans: [number, number][], period: string | null, emit: Emit, legend?: () => Map<string, string>, leadIn?: () => string | null): boolean {
  const m = p.text.match(/^\s*(?:[-–+•]|[a-zđ]\)|\d{1,2}\.)\s*([^:;]{2,90}?)\s*:\s*(.+)$/u);
  if (!m) return false;
  const label = clean(m[1]);
  const restAt = p.text.length - m[2].length;
  const rest = m[2];
  const f = p.folded;
  const qs = quantities(p.text, f, spans).filter((q) => q.start >= restAt);
  if (!qs.length) return false;
  const isUnit = isResponsible(label) || startsWithUnit(label);
  // "Cao cấp lý luận chính trị: 08 người": one value right after the colon.
  if (!isUnit) {
    const q = qs[0];
    if (!/^\s*(?:khoảng|tối thiểu|ít nhất|trên|dưới|từ|đạt)?\s*$/iu.test(p.text.slice(restAt, q.valueStart))) return false;
    // "Chất lượng huấn luyện: 100% nội dung đạt yêu cầu, …": a sentence after the colon, read as prose.
    if (!/^\s*(?:[.;,(]|$)/.test(p.text.slice(q.end))) return false;
    emit({ indicator: label, value: { text: clean(p.text.slice(q.valueStart, q.end)), number: q.number, unit: q.unit, comparator: q.comparator ?? '=' }, baseline: null, period, responsible: null, ref: refAt(p, q.valueStart) });
    return true;
  }
  // "Xã Ea Kly: trực tuyến 55%; thanh toán trực tuyến 45%; số hóa 95%".
  let from = restAt;
  let n = 0;
  for (const q of qs) {
    const ind = trimItem(p.text.slice(from, q.valueStart).replace(/^[\s,;:]+/, '').replace(/\s*(?:đạt|là|:)\s*$/iu, ''));
    const after = p.text.slice(q.end).match(/^\s*([^\d;,.]{0,40}?)(?=[;,.]|$)/u);
    let indicator = ind || (after ? trimItem(after[1]) : '');
    let comparator = q.comparator;
    // "(1) 55%; (2) 50%": a column code, named in the note above the list ("tỷ lệ … tối thiểu").
    const code = indicator.match(/^\((\d{1,2})\)$/);
    if (code) {
      indicator = legend?.().get(code[1]) ?? '';
      const bound = indicator.match(/\s+(tối thiểu|ít nhất|tối đa|không quá|toi thieu|it nhat|toi da|khong qua)$/iu);
      if (bound) {
        indicator = indicator.slice(0, bound.index);
        comparator ??= /^(?:tối thiểu|ít nhất|toi thieu|it nhat)$/iu.test(bound[1]) ? '>=' : '<=';
      }
    }
    from = q.end;
    // "- Xã Cư Né: 03 lớp, 45 học viên;": bare amounts of what the lead-in allocates ("Phân bổ chỉ tiêu mở lớp xóa mù chữ
    // năm 2025:"), each told apart by its unit.
    if (!indicator && q.unit && /^\s*(?:[,;.]|và|$)/u.test(p.text.slice(q.end))) {
      const topic = leadIn?.()?.replace(/\s*:\s*$/, '');
      if (topic) indicator = `${trimItem(topic)} (${q.unit})`;
    }
    if (!indicator) continue;
    emit({ indicator, value: { text: clean(p.text.slice(q.valueStart, q.end)), number: q.number, unit: q.unit, comparator: comparator ?? '=' }, baseline: null, period, responsible: label, ref: refAt(p, q.valueStart) });
    n++;
  }
  void rest;
  return n > 0;
}

/**
 * Target tables that lost their column layout in OCR text: one line per row, "2 UBND xã Ea Bhốk
 * 0% 5% 58.1% 63.1%" (row number, unit, values), sometimes with stray "|". The indicators are the
 * "Tỷ lệ …" / "Số …" cells of the header lines above the rows; twice as many values as indicators
 * are (current, target) pairs — the usual "thực hiện | chỉ tiêu" layout.
 */
const LOOSE_ROW = /^\s*(\d{1,2})\s*[|[(]?\s*(\p{L}[^\d%|]{2,60}?)\s*((?:[|\s]+[≥≤]?\s*\d{1,3}(?:[.,]\d{1,2})?\s*%?){2,8})\s*[|]?\s*$/u;

function looseTables(ctx: ExtractContext, emit: Emit, used: Set<number>): void {
  const { paras } = ctx;
  const lines = paras.flatMap((p) => ((p.piped && p.lines.some((l) => l.inTable)) || used.has(p.index) ? [] : p.lines.map((l, k) => ({ p, k, text: l.text }))));
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].text.match(LOOSE_ROW);
    if (!first || lines[i].p.index < ctx.bodyStart) continue;
    const rows: { m: RegExpMatchArray; at: (typeof lines)[number] }[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const m = lines[j].text.match(LOOSE_ROW);
      if (!m) break;
      rows.push({ m, at: lines[j] });
    }
    if (rows.length < 2) continue;
    // Header zone: the lines above the rows, back to a blank-line-separated title or 25 lines.
    const zone = lines.slice(Math.max(0, i - 25), i).map((l) => l.text);
    const zoneText = zone.join(' ');
    const zf = fold(zoneText);
    if (!/chi tieu|muc tieu|ke hoach|\bgiao\b(?!\s+(?:thong|duc|dich))/.test(zf) || MONEY.test(zf)) {
      i = j;
      continue;
    }
    const anc = ancestors(ctx.outline, rows[0].at.p.index);
    if (sectionOf(anc).kind === 'results') {
      i = j;
      continue;
    }
    const indicators: string[] = [];
    for (const p of new Set(lines.slice(Math.max(0, i - 25), i).map((l) => l.p))) {
      const t = clean(p.text);
      // "Tỷ lệ …", also as OCR leaves it ("Tỷ 1€ …", "Tự lệ …").
      if ((/^(?:tỷ lệ|số|mức|chỉ số|tổng)\s/iu.test(t) || /^T\S{0,2}\s+[l1I]\S{0,2}\s+\p{L}/u.test(t)) && t.length <= 80 && !/\d{2,}/.test(t)) indicators.push(t);
    }
    const period = (() => {
      const all = [...zoneText.matchAll(/(?:đến hết\s+)?(?:tháng\s+)?\d{1,2}\s*\/\s*\d{4}|năm\s+\d{4}/giu)].map((m) => clean(m[0]));
      return all.length ? all[all.length - 1] : null;
    })();
    ctx.file?.message(`target table read from text without columns (${rows.length} rows): check the pairing of values and indicators`, { line: rows[0].at.p.lines[rows[0].at.k].line || 1, column: 1 }, 'extract:target');
    for (const { m, at } of rows) {
      used.add(at.p.index);
      const unit = clean(m[2]);
      const vals = [...m[3].matchAll(/([≥≤]?)\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*(%?)/g)];
      const paired = indicators.length > 0 && vals.length === indicators.length * 2;
      const per = paired ? 2 : 1;
      for (let k = 0; k < vals.length; k += per) {
        const v = vals[k + per - 1];
        const name = indicators[Math.floor(k / per)] ?? `Chỉ tiêu ${Math.floor(k / per) + 1}`;
        emit({
          indicator: name,
          value: { text: clean(v[0]), number: parseNumber(v[2]), unit: v[3] ? '%' : null, comparator: v[1] === '≥' ? '>=' : v[1] === '≤' ? '<=' : '=' },
          baseline: paired ? clean(vals[k][0]) : null,
          period,
          responsible: unit,
          ref: { ...refAt(at.p, at.p.starts[at.k] ?? 0) },
        });
      }
    }
    i = j;
  }
}

/**
 * Target tables whose rows OCR interleaved on shared lines, after a header such as "STT Chỉ tiêu
 * Đơn vị Chỉ tiêu năm 2024 Cơ quan chủ trì thực hiện":
 *
 *     Tỷ lệ thanh toán trực tuyến trên Cổng Các phòng chuyên
 *     1 Dịch vụ công quốc gia trên tổng số % 50 môn, UBND cấp
 *
 * Rows are anchored on their number lines (in sequence); an indicator head ("Tỷ lệ", "Mức độ" …)
 * opens the next row once a row has its number, and so does a line of values once it has its value.
 * The value is what follows the unit of measure ("% 50", "% 90 trở lên") or each "Label: value"
 * ("Toàn trình: 100"); the indicator is the leading piece of each line. The responsible unit is
 * left out: its cell is split over lines past telling apart.
 */
/** Heads of indicator names, also as OCR leaves "Tỷ lệ" ("Tỷ 1€", "Ty 1&"). */
const INDICATOR_HEAD = /^(?:Tỷ lệ|Ty le|Mức độ|Muc do|Số lượng|So luong|Chỉ số|Chi so|Số|So|Tổng số|Tong so|T\S{0,2}\s+[l1I]\S{0,2})\s/u;

function interleavedTargetTables(ctx: ExtractContext, emit: Emit, used: Set<number>): void {
  const { paras } = ctx;
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p = paras[i];
    // (A few "|" are rulings OCR kept; a header written with pipes is a text table, read as a grid.)
    if (!p.folded.includes('chi tieu') || pipeTable(p) || used.has(i) || p.lines.some((l) => l.inTable)) continue;
    const hk = p.lines.findIndex((l) => {
      const f = fold(l.text);
      return /^\s*(?:stt|tt)\b/.test(f) && /chi tieu/.test(f) && /don vi|dvt/.test(f) && !/nhiem vu|noi dung/.test(f) && (l.text.match(/\|/g) ?? []).length < 2;
    });
    if (hk < 0) continue;
    // The table's lines: to the end of the paragraph of the last row-number line, or a heading.
    const zone: { p: Para; k: number }[] = p.lines.slice(hk + 1).map((_, k) => ({ p, k: hk + 1 + k }));
    for (let j = i + 1; j < paras.length; j++) {
      const q = paras[j];
      if (pipeTable(q) || q.lines.some((l) => l.inTable) || /^(?:phu luc|noi nhan|[ivx]+\.\s)/.test(q.folded.trim()) || (ctx.outline.owner[j]?.para === j && ctx.outline.owner[j]?.kind !== 'number')) break;
      q.lines.forEach((_, k) => zone.push({ p: q, k }));
    }
    const texts = zone.map((z) => clean(z.p.lines[z.k].text));
    const numbered: boolean[] = [];
    let last = -1;
    for (let k = 0, n = 1; k < texts.length; k++) {
      const m = texts[k].match(/^(\d{1,2})\s+\S/);
      numbered.push(!!m && Number(m[1]) === n);
      if (numbered[k]) {
        n++;
        last = k;
      }
    }
    const rowsSeen = numbered.filter(Boolean).length;
    if (rowsSeen < 2) continue;
    while (zone.length > last + 1 && zone[zone.length - 1].p !== zone[last].p) {
      zone.pop();
      texts.pop();
    }
    interface Row {
      n: number | null;
      at: { p: Para; k: number };
      pieces: string[];
      values: { label: string | null; text: string; number: number | null; comparator: Target['value']['comparator'] }[];
    }
    const rows: Row[] = [];
    let cur: Row | null = null;
    for (let k = 0; k < texts.length; k++) {
      let text = texts[k];
      const isNumber = numbered[k];
      if (isNumber) text = text.replace(/^\d{1,2}\s+/, '');
      // Rulings OCR kept ("1 |Dịch vụ công … tổng số| % 50") separate cells like spaces here.
      text = clean(text.replace(/\|/g, ' '));
      // Values: "Label: 100", "Tỷ lệ phát sinh: 20%", and "% 50", "% 90 trở lên" after the unit of measure.
      const values: Row['values'] = [];
      text = text.replace(/(?<![\p{L}])(\p{Lu}\p{L}*(?:\s+\p{L}+){0,3})\s*:\s*(\d+(?:[.,]\d+)?)\s*(%?)/gu, (all, label: string, num: string) => {
        values.push({ label: clean(label), text: clean(all), number: parseNumber(num), comparator: '=' });
        return ' ';
      });
      text = text.replace(/(?:^|\s)%\s+(\d+(?:[.,]\d+)?)(\s+(?:trở lên|tro len))?(?=\s|$)/gu, (_all, num: string, up: string | undefined) => {
        values.push({ label: null, text: clean(`${num}${up ?? ''}`), number: parseNumber(num), comparator: up ? '>=' : '=' });
        return ' | ';
      });
      text = text.replace(/(?:^|\s)%(?=\s|$)/g, ' | ');
      // The leading piece: up to a value gap or a unit name.
      const words = clean(text).split(' ');
      let end = words.indexOf('|');
      if (end < 0) end = words.length;
      for (let w = 1; w < end; w++) {
        if (/^\p{Lu}/u.test(words[w]) && !/,$/.test(words[w - 1]) && startsWithUnit(words.slice(w).join(' ')) && !INDICATOR_HEAD.test(`${words.slice(w).join(' ')} `)) {
          end = w;
          break;
        }
      }
      const piece = startsWithUnit(words.slice(0, end).join(' ')) && !INDICATOR_HEAD.test(`${words.slice(0, end).join(' ')} `) ? '' : words.slice(0, end).join(' ').replace(/\|/g, '').trim();
      const opens =
        !cur ||
        (!isNumber && cur.n !== null && ((piece && INDICATOR_HEAD.test(`${piece} `)) || (values.length > 0 && cur.values.length > 0 && !/^\p{Ll}/u.test(piece))));
      if (isNumber) {
        if (!cur || cur.n !== null) {
          cur = { n: null, at: zone[k], pieces: [], values: [] };
          rows.push(cur);
        }
        cur.n = Number(texts[k].match(/^(\d{1,2})/)![1]);
        cur.at = zone[k];
      } else if (opens) {
        cur = { n: null, at: zone[k], pieces: [], values: [] };
        rows.push(cur);
      }
      if (!cur) continue;
      // A line that is only the end of a unit cell ("xã", "cấp huyện") adds nothing to the indicator.
      if (piece && !/^(?:cap\s+)?(?:xa|huyen|tinh|phuong|thi tran)$/.test(fold(piece))) cur.pieces.push(piece);
      cur.values.push(...values);
    }
    const header = texts.length ? clean(p.lines.slice(0, hk + 1).map((l) => l.text).join(' ')) : '';
    const period = periodOf(header) ?? periodOf(ancestors(ctx.outline, i).map((a) => a.heading).join(' '));
    let n = 0;
    for (const r of rows) {
      if (r.n === null || !r.values.length) continue;
      const indicator = clean(r.pieces.join(' ')).replace(/[,;:]\s*$/, '');
      if (!indicator) continue;
      for (const v of r.values) {
        emit({ indicator: v.label ? `${indicator} (${v.label.toLowerCase()})` : indicator, value: { text: v.text, number: v.number, unit: '%', comparator: v.comparator }, baseline: null, period, responsible: null, ref: refAt(r.at.p, r.at.p.starts[r.at.k] ?? 0) });
        n++;
      }
    }
    if (!n) continue;
    for (const z of zone) used.add(z.p.index);
    used.add(i);
    ctx.file?.message(`target table whose cells share lines (layout lost in OCR): ${n} value(s) of ${rowsSeen} rows read by position, check their indicators`, { line: p.lines[hk].line || 1, column: 1 }, 'extract:target');
  }
}

export function extractTargets(ctx: ExtractContext & { tasks: TaskResult }): Target[] {
  const { paras, outline, citations, grids, tasks } = ctx;
  const out: Target[] = [];
  const emit: Emit = (t) => out.push(t);
  const titleFolded = ctx.title ? fold(ctx.title).replace(/\s+/g, ' ') : '';

  // 1. Target tables.
  const looseParas = new Set<number>();
  for (const g of grids) {
    if (tasks.matrices.has(g.index)) {
      for (const k of g.paras) looseParas.add(k);
      // A task table with a column of targets ("Đợt, chương trình | Thời gian | Chỉ tiêu (đơn vị) | Đơn vị chủ trì"): each
      // row's value there is a target, its lead responsible.
      if (targetColumn(g, tasks.matrices.get(g.index)!.header)) tableTargets(ctx, g, emit);
    } else if (tableTargets(ctx, g, emit)) for (const k of g.paras) looseParas.add(k);
  }

  // Task-table cells with a firm quantity ("Thường xuyên, tối thiểu 02 tin, bài mỗi tháng").
  for (const [gi, cols] of tasks.matrices) {
    const g = grids[gi];
    for (let r = cols.header + 1; r < g.rows.length; r++) {
      const cells = g.rows[r].cells;
      for (const c of [cols.time, cols.product]) {
        const cell = cells[c];
        if (!cell?.text) continue;
        const f = fold(cell.text);
        // "02 lần/tuần" alone in the time column: how often the row's task is done.
        const frequency = c === cols.time && FREQUENCY_ONLY.test(f);
        for (const q of quantities(cell.text, f, [])) {
          if (!q.firm && !frequency) continue;
          const indicator = frequency ? clean(cells[cols.task]?.text ?? '') : clean(`${q.unit ?? ''} ${indicatorAfter(cell.text, q.end, cell.text.length)}`);
          if (indicator.split(' ').length < 2) continue;
          emit({ indicator, value: { text: clean(cell.text.slice(q.valueStart, q.end)), number: q.number, unit: q.unit, comparator: q.comparator ?? '=' }, baseline: null, period: null, responsible: cells[cols.lead]?.text || null, ref: cell.ref });
        }
      }
    }
  }

  // Tables that lost their columns in OCR text.
  interleavedTargetTables(ctx, emit, looseParas);
  // Rows of a table already read with its header (and found no target table) are not read again
  // as a table without columns ("STT | Cơ quan ban hành | Nghị quyết HĐND | Quyết định UBND | Cộng").
  const gridParas = new Set(looseParas);
  for (const g of grids) {
    // (A table with a header row of words; not a row with a stray "|" read as a table of its own.)
    const head = g.rows[0]?.cells ?? [];
    if (!(g.rows.length >= 2 && head.length >= 3 && !head.some((c) => /\d\s*%|^\s*\d+(?:[.,]\d+)?\s*$/.test(c.text)))) continue;
    // A table of criteria or rules, read neither as targets nor as tasks ("Nhóm tiêu chí | Nội dung đánh giá | Điểm tối đa"): a
    // firm minimum or cap written in words inside a text cell is a target ("Dải hoa liên tục tối thiểu 60% chiều dài tuyến").
    if (!g.paras.some((k) => looseParas.has(k)) && !tasks.matrices.has(g.index) && sectionOf(ancestors(outline, g.para >= 0 ? g.para : g.paras[0])).kind !== 'results') {
      for (const row of g.rows.slice(1)) {
        for (const cell of row.cells.slice(1)) {
          const f = fold(cell.text);
          if (!/(?:toi thieu|it nhat|khong qua|toi da)\s+\d/.test(f)) continue;
          for (const q of quantities(cell.text, f, [])) {
            // (A bare amount has its unit in the header, money of a spending norm: "Theo thực tế, tối đa 50.000".)
            if (!q.firm || !q.unit || !/^(?:toi thieu|it nhat|khong qua|toi da)\s/.test(f.slice(q.valueStart))) continue;
            const from = Math.max(f.lastIndexOf(';', q.valueStart), f.slice(0, q.valueStart).search(/\.\s+[^.]*$/)) + 1;
            const before = indicatorBefore(cell.text, q.valueStart, from);
            let indicator = clean(`${before || row.cells[0].text} ${indicatorAfter(cell.text, q.end, cell.text.length).split(/[;,]/)[0]}`);
            if ((indicator.match(/\(/g) ?? []).length > (indicator.match(/\)/g) ?? []).length) indicator += ')';
            emit({ indicator, value: { text: clean(cell.text.slice(q.valueStart, q.end)), number: q.number, unit: q.unit, comparator: q.comparator ?? '=' }, baseline: null, period: null, responsible: null, ref: cell.ref });
          }
        }
      }
    }
    for (const k of g.paras) gridParas.add(k);
  }
  looseTables(ctx, emit, gridParas);
  for (const k of gridParas) looseParas.add(k);

  // 2. Lists and prose.
  const leadOf = new Map<number, string | null>();
  for (const ti of tasks.info) for (const k of ti.paras) leadOf.set(k, ti.task.lead);
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p: Para = paras[i];
    if (p.piped || looseParas.has(i) || tasks.fieldParas.has(i) || (i >= ctx.closing && i < ctx.closingEnd)) continue;
    const f = p.folded;
    // A digit, or a number in words after a firm comparator ("bố trí ít nhất hai cán bộ", "không bị … quá một lần").
    if (!/\d/.test(f) && !/(?:toi thieu|it nhat|khong qua|toi da|qua|tu)\s+(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s/.test(f)) continue;
    const anc = ancestors(outline, i);
    const sec = sectionOf(anc);
    if (sec.kind === 'results' || reportsPast(f, ctx.issued)) continue;
    const spans = citations.spans.get(i) ?? [];
    // A list item under a lead-in that announces targets ("giao chỉ tiêu … như sau:").
    const leadIn = paras[i - 1] && /:\s*$/.test(paras[i - 1].text) ? paras[i - 1] : null;
    const listOk = sec.kind === 'target' || /chi tieu|phan dau|muc tieu|ke hoach|dao tao|boi duong|giao/.test(leadIn?.folded ?? '') || (anc[0] && anc[0].para !== i && /chi tieu|muc tieu/.test(fold(anc[0].rest)));
    const legend = () => legendBefore(paras, i);
    // The line that announces the list ("Phân bổ chỉ tiêu mở lớp xóa mù chữ năm 2025:"), over the items before this one.
    const listLeadIn = () => {
      let k = i - 1;
      while (k >= 0 && /^\s*(?:[-–+•]|[a-zđ]\))/u.test(paras[k].text)) k--;
      return k >= 0 && /:\s*$/.test(paras[k].text) ? paras[k].text : null;
    };
    // Numbered items count too when they name a unit ("1. Thị trấn Phước An: (1) 55%; (2) 50%").
    const unitItem = /^\s*\d{1,2}\.\s/.test(p.text) && isResponsible(p.text.replace(/^\s*\d{1,2}\.\s*/, '').split(':')[0] ?? '');
    if (listOk && (/^\s*(?:[-–+•]|[a-zđ]\))/u.test(p.text) || unitItem)) {
      // Consecutive list items share the lead-in: look back over siblings.
      if (listTarget(p, spans, periodOf(p.text) ?? sec.period, emit, legend, listLeadIn)) continue;
    } else if (/^\s*[-–+•]/u.test(p.text)) {
      // A list item of a list announced a few items up.
      let k = i - 1;
      while (k >= 0 && /^\s*[-–+•]/u.test(paras[k].text)) k--;
      if (k >= 0 && k < i - 1 && /:\s*$/.test(paras[k].text) && /chi tieu|phan dau|muc tieu|giao/.test(paras[k].folded) && listTarget(p, spans, periodOf(p.text) ?? sec.period, emit)) continue;
    }
    const qs = quantities(p.text, f, spans);
    if (!qs.length) continue;
    let prev: { q: Qty; indicator: string; leading: boolean; lead?: string | null } | null = null;
    // The targets of this paragraph so far, for the parts of a whole that come after it.
    const paraTargets: { start: number; unit: string | null; indicator: string; yearPart: boolean }[] = [];
    // The value a measure starts from ("từ 85% năm 2024 lên 90%"), kept as the baseline of the next.
    let startFrom: string | null = null;
    let absorbedUntil = -1;
    for (const q of qs) {
      if (q.start < absorbedUntil) continue;
      // "xây dựng kế hoạch tổ chức dạy học 2 buổi/ngày" under the title "Kế hoạch tổ chức dạy học 2 buổi/ngày …": the figure
      // and the word before it name the document's subject, no value to reach.
      if (!q.comparator && titleFolded && titleFolded.includes(`${/(\S+)\s*$/.exec(f.slice(Math.max(0, q.start - 20), q.start))?.[1] ?? '#'} ${f.slice(q.start, q.end)}`)) continue;
      const clauseStart = Math.max(f.lastIndexOf(';', q.start), f.slice(0, q.valueStart).search(/\.\s+[^.]*$/), colonOutsideBrackets(f, q.start), -1) + 1;
      const tail = f.slice(q.end);
      const nextStop = tail.search(/;|\.\s|\.$/);
      const clauseEnd = nextStop >= 0 ? q.end + nextStop : p.text.length;
      const sentenceStart = f.slice(0, q.valueStart).search(/(?:^|\.\s+)[^.]*$/);
      const sentence = f.slice(Math.max(0, sentenceStart), clauseEnd);
      const pre = f.slice(clauseStart, q.valueStart);
      // "tối thiểu 3.000 ha (tăng 1.138 ha so với năm 2023)": the change in brackets restates the target before it.
      if (prev && /\(\s*(?:tang|giam)(?:\s+them)?\s*$/.test(f.slice(Math.max(0, q.valueStart - 16), q.valueStart)) && /^[^()]*so voi[^()]*\)/.test(f.slice(q.end))) continue;
      // "Vật tư dự trữ tối thiểu tại mỗi hồ: 500 bao tải, 50 m3 đá hộc, …": a comparator before the colon
      // of a list holds for each of its amounts.
      let listLead: string | null = null;
      if (!q.comparator && f[clauseStart - 1] === ':' && !/[;.]/.test(f.slice(clauseStart, q.start))) {
        const lead = f.slice(Math.max(0, sentenceStart), clauseStart - 1);
        const lm = /(?:^|\s)(toi thieu|it nhat|toi da|khong qua)(?=\s)(?![^:]*\d)/.exec(lead);
        if (lm) {
          q.comparator = /toi thieu|it nhat/.test(lm[1]) ? '>=' : '<=';
          q.firm = true;
          const at = Math.max(0, sentenceStart) + lm.index;
          listLead = trimItem(`${p.text.slice(Math.max(0, sentenceStart), at)} ${p.text.slice(at + lm[0].length, clauseStart - 1)}`.replace(/^\s*(?:[a-zđ]\)|\d+\.|[-–+•])\s*/u, ''));
        }
      }
      // "Dự trữ tối thiểu 2.000 lít hóa chất khử trùng, 500 lít hóa chất diệt muỗi, 1.500 bộ bảo hộ": the comparator
      // of the first amount of a list holds for the amounts that follow it.
      if (!listLead && !q.comparator && q.unit && q.unit !== '%' && prev && prev.q.firm && prev.q.unit && prev.q.unit !== '%' && /^\s+[^,;.\d]{2,60},\s*$/.test(f.slice(prev.q.end, q.valueStart))) {
        q.comparator = prev.q.comparator;
        q.firm = true;
        listLead = prev.lead ?? indicatorBefore(p.text, prev.q.valueStart, clauseStart);
      }
      // "được đăng ký tối đa 03 nội dung thi đấu cá nhân và 01 nội dung đồng đội": the same counted noun after "và" keeps
      // the comparator of the first (not another measure: "tối thiểu 02 người và 03 ngày").
      const nounAfter = (at: number) => /^\s*([a-z]+\s+[a-z]+)/.exec(f.slice(at))?.[1];
      if (!listLead && !q.comparator && q.unit !== '%' && prev && prev.q.firm && prev.q.unit !== '%' && /^\s+[^,;.\d]{2,60}\s+va\s*$/.test(f.slice(prev.q.end, q.valueStart)) && (prev.q.unit ? q.unit === prev.q.unit : !q.unit && !!nounAfter(q.end) && nounAfter(q.end) === nounAfter(prev.q.end))) {
        q.comparator = prev.q.comparator;
        q.firm = true;
        listLead = prev.lead ?? indicatorBefore(p.text, prev.q.valueStart, clauseStart);
      }
      // "ít nhất 70% là người cao tuổi, 70% là nữ": a share listed after a firm one keeps its comparator. (Not the rest of
      // the whole, "ít nhất 70% là người cao tuổi, 30% là người trẻ hơn": that restates the first.)
      if (!q.comparator && q.unit === '%' && prev && prev.q.firm && prev.q.unit === '%' && (prev.q.number ?? 0) + (q.number ?? 0) !== 100 && /^\s+[^,;.\d]{2,60}(?:,|\s+va)\s*$/.test(f.slice(prev.q.end, q.valueStart))) {
        q.comparator = prev.q.comparator;
        q.firm = true;
      }
      const verb = TARGET_VERB.test(f.slice(Math.max(clauseStart, q.valueStart - 30), q.valueStart));
      const leading: boolean =
        /^\s*(?:[a-zđ]\)|\d+\.|[-–+•]|\(\d+\))?\s*(?:chi tieu[^:]{0,30}:\s*)?(?:phan dau\s+)?(?:(?:den het|den cuoi|den|trong|cuoi|nam|thang)\s+(?:ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|(?:nam\s+(?:hoc\s+)?|thang\s+|ngay\s+)?[\d/]+(?:\s*-\s*\d{4})?)\s*,\s*)?(?:(?:phan dau|bao dam|dam bao|duy tri|giai toa|xoa bo)\s*(?:dat\s*)?)?(?:(?:tang|giam)(?:\s*them)?\s*)?$/.test(pre) ||
        // "100% hồ sơ … tại cấp tỉnh, 95% hồ sơ … tại cấp huyện và 85% …": a series of leading values.
        (q.unit === '%' && !!prev && prev.leading && /^[^;]*(?:,|\bva)\s*$/.test(f.slice(prev.q.end, q.valueStart)));
      const striving = /phan dau/.test(sentence.slice(0, q.valueStart - Math.max(0, sentenceStart)));
      // "d) Chỉ tiêu cụ thể: 100% văn bản …" — targets announced inside the paragraph.
      const inline = f.match(/^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*[^:;.]{0,40}(?:chi tieu|muc tieu)[^:;.]{0,30}:/);
      const targetish = sec.kind === 'target' || striving || (!!inline && q.start >= inline[0].length) || ALLOCATION_LEAD.test(f);
      // "riêng 04 xã làm thí điểm đạt từ 80%", "số bác sĩ trên 10.000 dân đạt 8,2": a subject or a
      // denominator, when the clause goes on to the value it reaches.
      // ("Diện tích lúa ổn định 2.500 ha, năng suất đạt 60 tạ/ha": after a comma another measure begins.)
      // ("04 thư viện đạt chuẩn mức độ 2": meeting a standard of a level is no value to come.)
      if (!q.firm && q.unit !== '%' && /^[^,;]*?(?:^|\s)(?:dat(?!\s+chuan)|tang|giam|chiem)\s[^;]*\d/.test(f.slice(q.end, clauseEnd))) {
        prev = null;
        continue;
      }
      // "Tỷ lệ phụ nữ đẻ được khám thai ít nhất 04 lần … đạt từ 60% trở lên", "Tỷ lệ trẻ được sàng lọc (ít nhất 02
      // bệnh: …) đạt từ 50%": a minimum that says who is counted in a rate, whose value comes later in the clause.
      if (q.firm && q.unit !== '%' && /^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*ty le\s/.test(f.slice(clauseStart, q.valueStart)) && /^[^;]*?(?:^|[\s)])(?:dat|la|chiem)\s+(?:[a-z]+\s+){0,3}\d+(?:[.,]\d+)?\s*%/.test(f.slice(q.end, clauseEnd))) {
        prev = null;
        continue;
      }
      let isTarget: boolean;
      // "lấp đầy các khu, cụm công nghiệp hiện có trên 70%", "sản lượng lương thực trên 560.000 tấn": a share or a
      // measure above or below a bound is an objective wherever it is set.
      // (Not a category: "rừng có tỷ lệ cây sâu bệnh, cong queo trên 30%"; nor "trên" meaning "on": "cài đặt … trên 100% máy tính".)
      const bounded =
        !!q.comparator &&
        !/(?:^|\s)(?:(?<!hien )co|doi voi|neu|khi|cua|voi)\s/.test(pre) &&
        // ("diện tích bị thiệt hại trên 70%", "hộ bị ngập trên 50%": how badly something was hit, who a rule is for.)
        !/(?:^|\s)bi\s+[a-z]+(?:\s+[a-z]+)?\s*$/.test(pre) &&
        ((q.unit === '%' && (q.number ?? 100) < 100) || /(?:^|\s)(?:san luong|dien tich|nang suat|tong so|so luong|quy mo|doanh thu|kim ngach|gia tri|tong muc)(?:\s+[a-z]+){0,4}\s*$/.test(pre));
      // "100% tàu cá từ 15 m trở lên duy trì kết nối …": the minimum says which ones are counted.
      if (q.firm && q.unit !== '%' && /(?:^|,)\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*(?:(?:bao dam|dam bao|phan dau|duy tri)\s+)?100\s*%\s+[^;,.\d]{1,40}$/.test(pre)) {
        prev = null;
        continue;
      }
      // "tổ chức 24 lớp, mỗi lớp từ 150 đến 200 học viên": the size of each group the plan keeps, at its lower bound (not what
      // each is given to do: "mỗi tổ phụ trách từ 30 đến 50 hộ").
      // "Bảo đảm 100% trạm y tế xã có ít nhất 01 bác sĩ": a share whose things must each have a minimum, one target (the share),
      // as "100% xã đạt từ 75 điểm trở lên".
      const shareOfFirm = q.unit === '%' && !q.comparator && /^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*(?:(?:bao dam|dam bao|phan dau|duy tri)\s+(?:dat\s+)?)?$/.test(pre) && /^[^,;.()]*?\s(?:co|duoc)\s+(?:it nhat|toi thieu)\s+\d/.test(f.slice(q.end, clauseEnd));
      const groupSize = q.comparator === '>=' && /(?:^|[\s,])moi\s+(?:lop|to|doi|nhom|doan|khoa|dot|kip)\s*$/.test(f.slice(Math.max(0, q.valueStart - 14), q.valueStart));
      // "mỗi thôn thành lập tổ tự quản vệ sinh môi trường (05 - 07 người)": the size of each group given as a range in brackets,
      // at its lower bound, as "mỗi lớp từ 150 đến 200 học viên".
      const bracketSize = !q.comparator && q.unit !== '%' && /\d\s*[-–]\s*\d/.test(f.slice(q.start, q.end)) && /^\s*\)/.test(f.slice(q.end)) && /(?:^|\s)moi\s[^;()]*\s(?:to|doi|nhom|ban|kip)\s[^,;()]{0,50}\(\s*$/.test(pre);
      if (bracketSize) q.comparator = '>=';
      if (q.firm || groupSize || shareOfFirm || bracketSize) isTarget = true;
      else if (q.comparator) isTarget = targetish || verb || bounded;
      else if (q.unit === '%') isTarget = targetish;
      else if (q.unit) isTarget = targetish && !TIME_UNITS.test(fold(q.unit));
      // A whole number before a noun is a count ("02 lò đốt rác", "05 đồng chí") even when the noun
      // is not one of the usual units; so is one before a quoted name ("30 "Mái ấm Công đoàn"", "01 "Chợ Tết trực tuyến"").
      else isTarget = targetish && (verb || (Number.isInteger(q.number ?? 0.5) && /^\s+(?:["“]\p{Lu}|["“]?\p{Ll}{2,})/u.test(p.text.slice(q.end)) && !/^\s+(?:năm|tháng|ngày|giờ|phút|tuổi|lần thứ)\b/u.test(p.text.slice(q.end))));
      // A condition ("thủ tục có thời hạn giải quyết dưới 05 ngày") is not an objective.
      if (isTarget && !q.firm && q.comparator && !targetish && /\bco\b[^,;]*$/.test(pre)) isTarget = false;
      // Nor a cap in a clause that sets a support amount ("Hỗ trợ tiền đi lại …, mức 100.000 đồng/lượt, tối đa 02 lượt/thai kỳ",
      // "hỗ trợ tối đa 2.500.000 đồng/ha/năm, không quá 02 năm"): a norm of the support.
      if (isTarget && (q.comparator === '<=' || q.comparator === '<') && /(?:^|\s)ho tro\s/.test(f.slice(clauseStart, clauseEnd)) && /\d\s*(?:trieu\s+|nghin\s+|ty\s+)?dong(?![a-z])/.test(f.slice(clauseStart, clauseEnd))) isTarget = false;
      // Nor a cap on a loan, a support or a spending share ("mức vay tối đa 100% chi phí", "chi thù lao cho lực lượng trực tiếp
      // thu không quá 5%"): a norm, as the spending norms of a quy chế.
      if (isTarget && (q.comparator === '<=' || q.comparator === '<') && (/(?:^|\s)(?:muc|han muc)\s+(?:vay|cho vay|ho tro|chi)\s*$/.test(pre) || /^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*chi\s+(?:thu lao|phi|cho|thuc hien|ho tro|boi duong|mua sam|tra)(?![a-z])/.test(pre))) isTarget = false;
      // Nor a value under a label of conditions ("d) Điều kiện đạt: thí sinh đạt từ 50 điểm trở lên ở mỗi phần"): who passes.
      if (isTarget && /(?:^|\s)dieu kien(?:\s+[a-z]+){0,2}\s*:[^:;]*$/.test(f.slice(Math.max(0, sentenceStart), q.valueStart))) isTarget = false;
      // Nor the level that decides what follows ("tuyến đường đạt từ 80 điểm trở lên và không có tiêu chí nào bị 0 điểm thì được
      // công nhận"): a condition, as a pass mark is.
      // ("thì", not "thi" (an exam: "học sinh dự thi được công nhận"); in text without marks, both.)
      if (isTarget && (/[^\x00-\x7f]/.test(p.text.slice(q.end, clauseEnd)) ? /^[^;.]*?\sthì\s+(?:được|bị|sẽ|phải)\s/iu : /^[^;.]*?\sthi\s+(?:duoc|bi|se|phai)\s/i).test(p.text.slice(q.end, clauseEnd))) isTarget = false;
      // Nor one of the bands that split a range ("Hạng cân dưới 55 kg, từ 55 kg đến dưới 65 kg, từ 65 kg trở lên"): categories.
      if (isTarget && inBands(f, Math.max(0, sentenceStart), q.valueStart)) isTarget = false;
      // Nor what a survey found left ("(theo rà soát tháng 01 năm 2024 còn 17 điểm)"): the situation the target starts from.
      if (isTarget && !q.comparator && /(?:^|[\s(])theo\s+(?:ket qua\s+)?(?:ra soat|khao sat|thong ke|bao cao|dieu tra)\b[^;()]{0,60}\s(?:con|co)\s*$/.test(f.slice(Math.max(0, sentenceStart), q.valueStart))) isTarget = false;
      // Nor the size that picks out which things a duty is for ("cắm mốc đối với các khu đất … có diện tích từ 1 ha trở lên").
      if (isTarget && !targetish && /(?:^|\s)doi voi\s[^,;]*\sco\s+(?:dien tich|quy mo|chieu dai|dung tich|cong suat|tong so)\s*$/.test(f.slice(clauseStart, q.valueStart).replace(/\s*tu\s*$/, ' '))) isTarget = false;
      // Nor the size that picks out a kind of farm or holding ("dịch đã xuất hiện tại các trang trại quy mô trên 500 con", "hộ chăn
      // nuôi quy mô dưới 10 con"): a category.
      if (isTarget && /(?:^|\s)(?:trang trai|co so|ho|nong ho|gia trai|doanh nghiep|hop tac xa)(?:\s+[a-z]+){0,3}\s+quy mo\s+(?:tu|tren|duoi|toi thieu|toi da|khoang)?\s*$/.test(pre)) isTarget = false;
      // Nor the reach a duty covers without a bound ("chiếm vỉa hè, lòng đường trong phạm vi 50 m tính từ cổng trường"): a scope.
      if (isTarget && !q.comparator && /(?:^|\s)(?:trong\s+)?(?:pham vi|ban kinh)\s*$/.test(pre)) isTarget = false;
      // Nor a value that picks out the ones there must be none of ("không có trường nào có tỷ lệ tốt nghiệp dưới 92%").
      if (isTarget && !q.firm && /(?:^|\s)khong (?:co|de)\s[^,;]*\bnao\b[^,;]*$/.test(pre)) isTarget = false;
      // Nor the ones a rule is for ("thôn nào tỷ lệ tiêm dưới 90% phải tiêm vét ngay", "xã nào có …").
      if (isTarget && !q.firm && /(?:^|\s)(?:thon|xa|phuong|don vi|truong|ho|noi|dia phuong|co so|nguoi|lop)\s+nao\s[^,;]*$/.test(pre)) isTarget = false;
      // Nor is a value in a clause that says when something applies ("Khi phát hiện từ 02 học sinh trở lên …").
      // (Not past the comma that closes it: "Khi có ca bệnh, tổ chức … phun hóa chất trong bán kính tối thiểu 200 mét".)
      // (Past its "thì", the rule itself: "trường hợp cần xác minh thì hẹn trả không quá 05 ngày làm việc".)
      if (isTarget && /^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*(?:khi|neu|truong hop|trong truong hop)\s(?:(?!\sthi\s)[^,])*$/.test(pre)) isTarget = false;
      // Nor a distance that decides when a rule applies ("đi công tác cách trụ sở cơ quan từ 10 km trở lên (riêng các xã vùng
      // cao từ 05 km trở lên)", "khi cự ly từ 300 km trở lên"), nor a value after "khi"/"nếu" inside the clause (not "từ khi …
      // đến khi ăn không quá 02 giờ", a span of time).
      // (A minimum or cap of the distance itself is a standard of the works: "trồng cách mép đường tối thiểu 0,5 m"; not the
      // distance that picks out which places are meant, "điểm lẻ có dưới 15 học sinh, khoảng cách đến điểm chính không quá 3 km".)
      if (isTarget && !targetish && ((q.unit && /^k?m$/.test(fold(q.unit)) && /(?:^|\s)(?:cach|cu ly|khoang cach)\s/.test(pre) && !(/^(?:toi thieu|it nhat|toi da|khong qua)\s/.test(f.slice(q.valueStart)) && /(?:^|\s)(?<!khoang\s)cach\s(?:[a-z]+\s+){0,4}$/.test(pre))) || /(?:^|\s)(?<!(?:tu|den|sau|truoc|cho)\s)(?:khi|neu)\s[^,;()]*$/.test(pre))) isTarget = false;
      // Nor "từ … trở lên" saying which people are meant, outside targets ("người đã hiến máu từ 05 lần trở lên", "tặng
      // Bằng khen cho người hiến máu từ 20 lần trở lên", "cân nặng từ 42 kg trở lên đối với nữ"): a category.
      // ("thương binh có tỷ lệ tổn thương cơ thể từ 61% trở lên": who has such a rate, the same.)
      if (isTarget && !targetish && /^tu\s/.test(f.slice(q.valueStart)) && /tro len\s*$/.test(f.slice(q.start, q.end)) && /(?:^|\s)(?:nguoi|ca nhan|ho|gia dinh|tre|hoc sinh|doi tuong|can nang|chieu cao|co ty le)(?:\s+[a-z]+){0,4}\s*$/.test(pre)) isTarget = false;
      // "Tăng tỷ lệ … từ 85% năm 2024 lên 90% năm 2025": where the measure starts from is the baseline of the value it rises (or
      // falls) to, not a target; so in "giảm từ 14,12% xuống dưới 12%", "tăng từ 80% lên trên 90%".
      if (isTarget && (/^tu\s/.test(f.slice(q.valueStart)) || /(?:^|\s)tu\s*$/.test(f.slice(Math.max(0, q.valueStart - 4), q.valueStart))) && /^\s*(?:(?:nam|cuoi nam|dau nam)\s+\d{4}\s*)?(?:len|xuong)(?:\s+(?:con|muc|den|duoi|tren|khoang)){0,2}\s+\d/.test(f.slice(q.end))) {
        const since = /^\s*((?:năm|cuối năm|đầu năm|nam|cuoi nam|dau nam)\s+\d{4})/iu.exec(p.text.slice(q.end))?.[1];
        startFrom = clean(`${p.text.slice(q.valueStart, q.end).replace(/^\s*(?:từ|tu)\s+/iu, '')}${since ? ` (${since})` : ''}`);
        prev = null;
        continue;
      }
      if (!isTarget) {
        prev = null;
        continue;
      }
      let indicator: string;
      let unitFirst: string | null = null;
      const between = prev ? f.slice(prev.q.end, q.valueStart) : '';
      // After a value earlier in the clause, a new measure starts at the comma that follows it.
      const sinceComma = prev && prev.q.end > clauseStart && prev.q.end <= q.valueStart ? p.text.slice(prev.q.end, q.valueStart).lastIndexOf(',') : -1;
      const localStart = sinceComma >= 0 && prev ? prev.q.end + sinceComma + 1 : clauseStart;
      const beforeWords = indicatorBefore(p.text, q.valueStart, localStart);
      // "đạt tối thiểu 80% ở cấp huyện và 70% ở cấp xã": the same indicator (and comparator) at another place.
      const atPlace = !!prev && /^\s*(?:o|tai|doi voi)\s+[^;.\d]{1,100}?\s*(?:,|va)\s*$/.test(between);
      // A second value in the clause of the first: "… khu vực nội thị đạt từ 98% trở lên, khu vực xã
      // Thành Hải đạt từ 90% trở lên" (the measure at another place), "100% cuộc diễn tập đạt yêu cầu,
      // trong đó ít nhất 50% đạt khá, giỏi" (a part of the first).
      const since = prev && prev.q.end > clauseStart && prev.q.end <= q.valueStart ? p.text.slice(prev.q.end, q.valueStart) : null;
      const place = since?.match(/(?:^|[,;])\s*((?:khu vực|khu vuc|ở|tại|tai|đối với|doi voi|cấp|cap)\s+[^,;.\d]{1,50}?)\s*(?:đạt|dat|là|la|:)?\s*$/iu);
      if (listLead) indicator = clean(`${q.unit ?? ''} ${indicatorAfter(p.text, q.end, clauseEnd).split(/,\s/)[0]}`);
      else if (prev && place && !atPlace) indicator = withPlace(prev.indicator, place[1]);
      else if (prev && since !== null && (/(?:^|,)\s*(?:trong đó|trong do)(?:\s+(?:có|co))?(?:\s+[^;.\d]{1,40}?)?\s*(?:đạt|dat|là|la|:)?\s*$/iu.test(sinceCore(since)) || (/,\s*$/.test(since) && fold(prev.indicator).includes(fold(since).replace(/[,\s]+$/, '').trim())))) {
        // ("đạt 90% trở lên, trong đó khá, giỏi 65%": the part named between "trong đó" and its value.)
        const named = /(?:trong đó|trong do)(?:\s+(?:có|co))?\s+([^;.\d]{1,40}?)\s*(?:đạt|dat|là|la|:)?\s*$/iu.exec(sinceCore(since))?.[1];
        const part = named && !/^(?:có|co)$/iu.test(named.trim()) ? trimItem(named) : indicatorAfter(p.text, q.end, clauseEnd);
        // ("trong đó ưu tiên 30% là người thuộc hộ nghèo …": who the part is, after "là".)
        const who = named && /^\s*(?:là|la)\s/iu.test(p.text.slice(q.end)) ? indicatorAfter(p.text, q.end, clauseEnd).replace(/^(?:là|la)\s+/iu, '') : '';
        indicator = part ? `${prev.indicator}, trong đó ${part}${who ? ` ${who}` : ''}` : prev.indicator;
      } else if (atPlace && prev) {
        indicator = prev.indicator;
        if (prev.q.comparator && !q.comparator) {
          q.comparator = prev.q.comparator;
          q.firm = prev.q.firm;
        }
      } else if (prev && !leading && /^\s*(?:[^;.\d]{0,40})?\s*(?:va|,)\s*$/.test(between) && between.length < 50 && !/\p{L}{3,}/u.test(between.replace(/\b(?:va|doi voi|cac|linh vuc|con lai)\b/g, ''))) indicator = prev.indicator;
      // "…; đến năm 2027 đạt tối thiểu 70%": only a time before the value, the indicator is the previous one.
      else if (prev && !leading && !beforeWords && /(?:nam|thang|quy)\s*[\d/]+\s*,?\s*(?:dat|la|con)?\s*$/.test(pre)) indicator = prev.indicator;
      else if (leading || (q.unit === '%' && /^\s*\p{L}/u.test(p.text.slice(q.end)) && !/\p{L}{2,}/u.test(indicatorBefore(p.text, q.valueStart, clauseStart)))) {
        indicator = indicatorAfter(p.text, q.end, clauseEnd);
        // "2. Thu tiền sử dụng đất …: phấn đấu đạt 31.000 triệu đồng theo kế hoạch đấu giá …": what follows says on what
        // grounds, the indicator is the label before the colon.
        const label = clauseStart > 0 && p.text[clauseStart - 1] === ':' ? indicatorBefore(p.text, clauseStart - 1, Math.max(0, p.text.lastIndexOf(';', clauseStart - 1) + 1)) : '';
        if (/^(?:theo|căn cứ|can cu)\s/iu.test(indicator) && /\p{L}{2,}/u.test(label)) indicator = label;
        // ("Số lượng: 46 bác sĩ/đợt, phân bổ như sau": nothing of the value follows its comma.)
        if (/^[,;:]/.test(indicator)) indicator = '';
        // "100% xã, thị trấn đạt từ 75 điểm trở lên": the inner value is part of this indicator.
        absorbedUntil = q.end + indicator.length + 2;
        // "Giảm 10% số ca mắc …": the change is part of what is measured.
        const change = p.text.slice(clauseStart, q.valueStart).match(/(?:^|\s)((?:tăng|giảm|tang|giam)(?:\s+(?:thêm|them))?)\s*$/iu);
        if (change && indicator) indicator = `${change[1].toLowerCase()} ${indicator}`;
      } else if (q.unit && /^(?:lan|luot|dot)(?:\/\S+)?$/.test(fold(q.unit))) {
        // "tổ chức các đợt … tối thiểu 01 lần mỗi tháng": what is done, how often.
        // A rate ("03 lần/tuần") is its value's unit already; a bare count names what is done ("01 lần mỗi tháng").
        indicator = clean(`${indicatorBefore(p.text, q.valueStart, clauseStart)} ${q.unit.includes('/') ? '' : q.unit} ${indicatorAfter(p.text, q.end, clauseEnd).split(/,\s/)[0]}`);
      } else if (q.unit !== '%' && /^\s*\p{L}/u.test(p.text.slice(q.end)) && !verb) {
        // "đưa 35 lao động đi làm việc ở nước ngoài": what is counted follows the number.
        let after = indicatorAfter(p.text, q.end, clauseEnd).split(/,\s/)[0];
        const before = indicatorBefore(p.text, q.valueStart, localStart);
        // "diễn tập … cho 04 xã gồm: Lộc Thạnh, …": a list of the counted things names them, not the measure.
        const listed = /^(?:gồm|bao gồm|gom|bao gom)(?:\s|:|$)/iu.test(after);
        if (listed) after = '';
        // ("bố trí tối thiểu 7 buổi/tuần và xây dựng lộ trình …": what follows "và" is the next duty, not what is counted.)
        if (/^(?:và|va|hoặc|hoac)\s/iu.test(after)) after = '';
        // ("cho y sĩ, nhân viên y tế thôn bản về ít nhất 05 kỹ thuật mới": a long duty whose last part ends with a preposition
        // leads into what is counted.)
        const into = after && before.split(' ').length > 8 && /(?:^|\s)(?:ve|cho|cua|voi|tai)$/.test(fold(before)) ? before.slice(before.lastIndexOf(',') + 1).trim() : '';
        // (A value that closes a long clause: "… phun hóa chất trong phạm vi bán kính tối thiểu 200 mét." — its last part.)
        const lastPart = !after && before.split(' ').length > 8 ? before.slice(before.lastIndexOf(',') + 1).trim() : '';
        indicator = clean(`${listed || before.split(' ').length <= 8 ? before : lastPart || into} ${q.unit ?? ''} ${after}`);
        // "được trả lời trong thời hạn tối đa 10 ngày làm việc": a time names no thing counted; what must keep to it comes before.
        if (q.unit && TIME_UNITS.test(fold(q.unit)) && before.split(' ').length >= 2) indicator = before;
        // "10 sản phẩm được công nhận OCOP 3 sao trở lên": the inner value qualifies what is counted.
        if (/\d[^,;]*?(?:trở lên|trở xuống|tro len|tro xuong)|(?:từ|tu)\s+\d/iu.test(after)) absorbedUntil = q.end + after.length + 2;
      } else {
        indicator = beforeWords;
        // "trang bị: 02 điện thoại …, giá đỡ ba chân, …, đường truyền cáp quang tốc độ tối thiểu 300 Mbps": in a
        // long list the measure is the last item.
        const lastItem = indicator.slice(indicator.lastIndexOf(',') + 1).trim();
        if (q.unit && MEASURE_SYMBOL.test(` ${q.unit}`) && indicator.split(' ').length > 12 && lastItem.split(' ').length >= 2) indicator = lastItem;
        // "Các cơ quan, đơn vị, địa phương phấn đấu đạt 100% chỉ tiêu theo quy định": who, then what.
        const afterWords = indicatorAfter(p.text, q.end, clauseEnd);
        if (RESPONSIBLE.test(indicator) && startsWithUnit(indicator) && afterWords.split(' ').length >= 2 && indicator.split(' ').length <= 10) {
          unitFirst = indicator;
          indicator = afterWords;
        } else if (q.unit && q.unit !== '%' && indicator && (endsWithVerb(indicator) || /(?:^|\s)(?:cho|cua|voi|tai)$/.test(fold(indicator)))) {
          // "Hỗ trợ nhà ở cho 45 hộ nghèo, hộ cận nghèo": who or what is counted completes the duty.
          indicator = clean(`${indicator} ${q.unit} ${afterWords}`).replace(/\s+([,;])/g, '$1');
        } else if (q.unit === '%' && (!verb || indicator.split(' ').length <= 2) && /^\s*\p{Ll}/u.test(p.text.slice(q.end)) && afterWords && (endsWithVerb(indicator) || indicator.split(' ').length <= 3)) {
          // ("Phấn đấu thu đạt 100% kế hoạch đối với …": a one-word duty before the verb, what it reaches after.)
          // "hoàn thành số hóa 100% sổ đăng ký khai sinh …": the duty and what it is done to.
          indicator = `${indicator} ${afterWords}`;
        }
      }
      if (listLead && indicator) indicator = `${listLead}: ${indicator}`;
      // "a) Diện tích canh tác lúa áp dụng … canh tác lúa thông minh: đạt 250.000 ha/năm": the label before the colon names the measure.
      if (!indicator && f[clauseStart - 1] === ':' && /^\s*(?:dat|la|tang|giam)?\s*$/.test(pre)) {
        indicator = indicatorBefore(p.text, clauseStart - 1, Math.max(0, sentenceStart)).replace(/^[.\s]+/, '');
        // ("Số lượng: 46 bác sĩ/đợt": a short label and the counted noun.)
        if (q.unit && q.unit !== '%' && indicator.split(' ').length <= 2) indicator = clean(`${indicator} ${q.unit}`);
      }
      // "… đối với cơ quan … và đạt từ 95% trở lên đối với người lao động khác": the same measure for another group, named after.
      const placeAfter = /^\s*((?:đối với|doi voi)\s+[^,;.()]+)/iu.exec(p.text.slice(q.end, clauseEnd))?.[1];
      if (prev && placeAfter && /(?:^|\s)va\s+(?:dat\s+)?$/.test(f.slice(prev.q.end, q.valueStart)) && /(?:^|\s)doi voi\s/.test(fold(prev.indicator))) indicator = withPlace(prev.indicator, placeAfter);
      // "Tiếp nhận 58.500 đơn vị máu, tăng 6,7% so với năm 2025": the change of the value before it, the same measure.
      const change = /(?:^|[\s,])(tang|giam)(?:\s+them)?\s*$/.exec(f.slice(localStart, q.valueStart));
      if ((!indicator || indicator.split(' ').length < 2) && prev && change && /^\s*so voi\s/.test(f.slice(q.end))) indicator = `${prev.indicator}, ${p.text.slice(localStart + change.index, q.valueStart).replace(/^[\s,]+/, '').trim().toLowerCase()}`;
      // "trong đó: ngô 180 ha, khoai tây 90 ha, …": a one-word name right before a counted value that nothing after
      // describes names it; the words after belong to the next item.
      const named = !!indicator && !!q.unit && q.unit !== '%' && indicator.split(' ').length === 1 && /^\p{L}{2,}$/u.test(indicator) && /^\s*(?:[,;.(]|$)/.test(f.slice(q.end));
      if (!indicator || (indicator.split(' ').length < 2 && !named)) {
        let alt = q.unit && q.unit !== '%' ? clean(`${q.unit} ${indicatorAfter(p.text, q.end, clauseEnd)}`) : '';
        // "phấn đấu năm 2025 xã đạt từ 85 điểm trở lên": who, and what is counted.
        if (alt.split(' ').length < 2 && indicator && q.unit && q.unit !== '%') alt = `${indicator} (${q.unit})`;
        if (alt.split(' ').length >= 2) indicator = alt;
        else {
          ctx.file?.message(`target value without an indicator: "${clean(p.text.slice(q.valueStart, q.end))}"`, { line: refAt(p, q.start).line ?? 1, column: 1 }, 'extract:target');
          continue;
        }
      }
      const afterText = p.text.slice(q.end, clauseEnd);
      const where = afterText.match(/^\s*(?:ở|tại|đối với)\s+([^,;.]+?)(?=\s+và\s|[,;.]|$)/u);
      const clauseText = p.text.slice(clauseStart, clauseEnd);
      let responsible: string | null = unitFirst ?? (where && RESPONSIBLE.test(where[1]) ? clean(where[1]) : null);
      if (!responsible) {
        // "Giao chỉ tiêu cho các xã …", "đối với cấp huyện giao …", "Các cơ quan, đơn vị phấn đấu …".
        const cm = clauseText.match(/(?:giao(?:\s+chỉ tiêu)?\s+cho|đối với)\s+((?:các\s+)?[^\s,;.]+(?:\s+(?:xã|huyện|tỉnh|phường|thị trấn|thôn))?)/iu);
        if (cm && RESPONSIBLE.test(cm[1])) responsible = clean(cm[1]);
        else {
          const lead = clean(p.text.slice(clauseStart, q.valueStart)).replace(/^(?:[a-zđ]\)|\d+\.|[-–+•])\s*/u, '');
          if (startsWithUnit(lead) && RESPONSIBLE.test(lead)) {
            const { units, rest } = splitUnitsAndTask(lead);
            if (rest && units.split(' ').length <= 12) responsible = units;
          }
        }
      }
      if (!responsible) responsible = leadOf.get(i) ?? null;
      if (!responsible) {
        const unitHeading = anc.find((a) => a.kind !== 'letter' && startsWithUnit(a.rest) && (a.para !== i || a.rest.length < 120));
        if (unitHeading) responsible = clean(splitUnitsAndTask(unitHeading.rest.split(':')[0]).units);
      }
      // "ít nhất 30 vườn đạt thu nhập trên 200 triệu đồng/ha/năm": a later value the indicator takes in, with its comparator, says
      // which ones are counted; it is no target of its own.
      for (const r of qs) {
        if (r.start > q.end && r.start < clauseEnd && r.comparator && q.firm && /^[^,;()\d]*?\s(?:đạt|dat)\s[^,;()\d]*$/iu.test(p.text.slice(q.end, r.valueStart)) && indicator.includes(clean(p.text.slice(r.valueStart, r.end)))) absorbedUntil = Math.max(absorbedUntil, r.end);
      }
      // "Cải tạo ít nhất 240 ha vườn tạp, trong đó năm 2026 thực hiện 70 ha, năm 2027 thực hiện 85 ha": each year's share of
      // the whole, named by the whole and its year.
      const lead = p.text.slice(clauseStart, q.valueStart);
      const yearPart = /(?:(?:trong đó|trong do)\s*:?\s*|,\s*)((?:năm|nam)\s+\d{4})\s*(?:(?:thực hiện|thuc hien|đạt|dat|là|la)\s+)?(?:(?:khoảng|khoang)\s+)?$/iu.exec(lead);
      const whole = yearPart && /(?:trong đó|trong do)\s*:?\s*(?:năm|nam)\s+\d{4}/iu.test(lead) ? [...paraTargets].reverse().find((t) => !t.yearPart && t.start >= clauseStart && t.unit === q.unit) : undefined;
      // (Without an unclosed bracket the whole's name may end with: "Cải tạo … vườn tạp (chiếm khoảng".)
      if (whole && yearPart) indicator = `${whole.indicator.replace(/\s*\([^()]*$/, '')} ${yearPart[1]}`;
      paraTargets.push({ start: q.start, unit: q.unit, indicator, yearPart: !!whole });
      const ref: SourceRef = refAt(p, q.valueStart);
      out.push({
        indicator,
        value: { text: clean(p.text.slice(q.valueStart, q.end)), number: q.number, unit: q.unit, comparator: q.comparator ?? '=' },
        baseline: startFrom ?? baselineOf(afterText),
        period: (whole && yearPart?.[1]) || (periodOf(clauseText.replace(/so với\s+[^,;.]+/u, '')) ?? sec.period),
        responsible,
        ref,
      });
      prev = { q, indicator, leading, lead: listLead };
      startFrom = null;
    }
  }
  return out;
}
