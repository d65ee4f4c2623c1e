/**
 * The few closed word classes the extractors lean on, in folded form (no diacritics, lower case):
 * heads of unit names (who can lead or cooperate), and the verbs that open a task after a unit
 * list ("Giao Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ *xây dựng* …"). These are words of
 * Vietnamese administrative writing in general, not of any one document.
 */
import { fold } from './text.ts';

/** Words a unit name starts with (folded). Multi-word heads first. */
const UNIT_HEADS = [
  'uy ban nhan dan', 'ubnd', 'hoi dong nhan dan', 'hdnd', 'uy ban mat tran', 'uy ban mttq', 'ubmttq', 'mat tran',
  'van phong', 'phong', 'so', 'ban', 'bo', 'cuc', 'chi cuc', 'tong cuc', 'vu', 'vien', 'trung tam', 'cong an', 'bo chi huy',
  'ban chi huy', 'quan su', 'toa an', 'kho bac', 'bao hiem', 'buu dien', 'vien thong', 'ngan hang', 'chi nhanh',
  'thue', 'chi cuc thue', 'dai', 'bao', 'hoi', 'doan', 'huyen doan', 'xa doan', 'tinh doan', 'thanh doan', 'lien doan',
  'lien minh', 'hiep hoi', 'truong', 'tram', 'benh vien', 'thanh tra', 'to', 'doi', 'hat', 'ban quan ly', 'thu truong', 'chu tich', 'hieu truong',
  'giam doc', 'chanh van phong', 'nguoi dung dau', 'cac', 'dang uy', 'huyen uy', 'tinh uy', 'thanh uy', 'tt', 'ct',
  'cac phong', 'cac co quan', 'cac don vi', 'cac so', 'cac xa', 'co quan', 'don vi', 'doanh nghiep', 'to chuc',
  'cong ty', 'hop tac xa', 'ubnd cap xa', 'cap xa', 'cap huyen', 'dia phuong', 'cong chuc', 'vien chuc',
  // ("Đồn Biên phòng Cửa khẩu …", "Nhà trường vận động …", "Lực lượng trật tự đô thị phường …", "Chi hội Phụ nữ các ấp …".)
  'don bien phong', 'nha truong', 'luc luong', 'chi hoi',
  // ("Công đoàn cơ sở lập danh sách …", "Thư viện huyện xây dựng lịch luân chuyển …", "Cán bộ thú y xã phối hợp …", "Lãnh đạo
  // Liên đoàn Lao động tỉnh thăm …", "Giáo viên chủ nhiệm liên hệ …", "Nhân viên y tế trường học đưa trẻ …": units and the
  // people who act for them.)
  'cong doan', 'thu vien', 'can bo', 'lanh dao', 'giao vien', 'nhan vien',
].sort((a, b) => b.length - a.length);

/** Verbs (folded) that start the task after the units in an assignment. */
export const TASK_VERBS = [
  'xay dung', 'to chuc', 'trien khai', 'huong dan', 'tham muu', 'thuc hien', 'theo doi', 'kiem tra', 'ra soat',
  'tuyen truyen', 'don doc', 'tang cuong', 'chi dao', 'tong hop', 'bao cao', 'de xuat', 'cap nhat', 'bao dam',
  'dam bao', 'ho tro', 'cung cap', 'ban hanh', 'nghien cuu', 'so hoa', 'quan ly', 'kip thoi', 'co trach nhiem',
  'chiu trach nhiem', 'can cu', 'giup', 'day manh', 'bo tri', 'phoi hop', 'chu tri', 'tiep tuc', 'duy tri',
  'nang cao', 'dua tin', 'phan anh', 'ket noi', 'tich hop', 'van dong', 'tiep nhan', 'giai quyet', 'chuan bi',
  'khao sat', 'danh gia', 'xu ly', 'phat huy', 'hoan thanh', 'hoan thien', 'kien toan', 'boi duong',
  'dao tao', 'tap huan', 'tham dinh', 'phan cong', 'lua chon', 'mua sam', 'dau tu', 'ra quan',
  'phat dong', 'quan triet', 'nam bat', 'tiep can', 'khai thac', 'su dung', 'dang tai', 'cong khai', 'niem yet', 'thanh lap',
  'thanh toan', 'uu tien', 'chu dong', 'tap trung', 'tham gia', 'giam sat', 'ap dung', 'dieu chinh', 'long ghep',
  'chi tra', 'thuong xuyen', 'khan truong', 'de nghi', 'day nhanh', 'bo sung', 'phat thong bao', 'phat hien',
  // ("Trạm Y tế xã lập sổ theo dõi …", "Công an phường thông báo về nhà trường …".)
  'lap', 'thong bao', 'mo rong',
  // ("Tổ công tác đối chiếu hồ sơ …", "Liên đoàn Lao động tỉnh ký hợp đồng …", "Trạm Y tế điều tra ca bệnh …", "Mỗi sở, ngành chỉ
  // định 01 công chức …", "Hợp tác xã thu mua mật …".)
  'doi chieu', 'ky hop dong', 'ky ket', 'tham hoi', 'dieu tra', 'du tru', 'chi dinh', 'gioi thieu', 'chuan hoa', 'lien he', 'thu mua',
].sort((a, b) => b.length - a.length);

/** Words that open like a unit name but are not one ("Tổ chức hội nghị", "Hội nghị", "Báo cáo"). */
// ("Đối tượng ưu tiên: …" is a field label; "Thanh tra việc quản lý …", "Kiểm tra trách nhiệm …" and "Lãnh đạo, chỉ đạo …" are verbs.)
const NOT_UNIT = /^(?:doi tuong|(?:thanh tra|kiem tra|giam sat) (?:viec|trach nhiem|cong tac|chuyen de)\b|lanh dao,? chi dao|to chuc|hoi nghi|hoi thi|bao cao|bao dam|bao ve|so hoa|so lieu|phong,? chong|phong ngua|phong tranh|phong benh|ban hanh|doi voi|doi moi|bo tri|bo sung|truong hop|ban giao|cac (?:noi dung|nhiem vu|chi tieu|giai phap|van ban|ho so|thu tuc|truong hop|buoc|hoat dong|chuong trinh|ke hoach|de an|du an|cong trinh|hu hong|su co|hang muc|vi pham|ton tai|han che|kho khan|vuong mac|doi tuong|san pham|du lieu|thong tin|tai lieu|chinh sach|mo hinh|phong trao|khu vuc|tuyen|diem|loai|dot|buoi|dip|chuyen))\b/;

/**
 * Unit names with a task verb inside them (folded): the verb there is part of the name.
 * "Bộ phận tiếp nhận và trả kết quả", "các tổ chức chính trị - xã hội" (a verb after "các" is a noun).
 */
const NAME_WITH_VERB = /bo phan (?:tiep nhan va tra ket qua|mot cua)|co quan (?:canh sat )?dieu tra|trung tam (?:dich vu )?gioi thieu viec lam|trung tam phuc vu hanh chinh cong|to (?:cong tac|giup viec|cong nghe so)|ban chi dao|ban quan ly|doan kiem tra|to kiem tra/g;
const headRe = new RegExp(`^(?:${UNIT_HEADS.map((h) => h.replace(/ /g, '\\s+')).join('|')})\\b`);
const verbRe = new RegExp(`(?:^|\\s)(?:${TASK_VERBS.map((h) => h.replace(/ /g, '\\s+')).join('|')})(?=\\s|[,.;:]|$)`, 'g');

/** Does the text open with a task verb ("tuyên truyền …", "chủ trì, tham mưu …")? */
export function startsWithTaskVerb(text: string): boolean {
  verbRe.lastIndex = 0;
  const m = verbRe.exec(` ${fold(text.trim())}`);
  return !!m && m.index === 0;
}

/** Does the text open with a unit name (Phòng …, Sở …, UBND …, Các phòng, ban …)? */
export function startsWithUnit(text: string): boolean {
  const t = text.trim();
  // "Mỗi sở, ngành, địa phương", "Từng cơ quan": each of the units.
  const f = fold(t).replace(/^(?:de nghi|giao)\s+/, '').replace(/^(?:moi|tung)\s+(?=\S)/, '');
  if (!headRe.test(f) || NOT_UNIT.test(f)) return false;
  // People named only by their kind ("Cán bộ kiểm tra trạng thái hồ sơ …") are no unit; "Cán bộ thú y xã", "Giáo viên chủ
  // nhiệm", "Lãnh đạo Liên đoàn Lao động tỉnh" are.
  const person = /^(?:can bo|nhan vien|giao vien|lanh dao)\s+/.exec(f);
  if (person && startsWithTaskVerb(f.slice(person[0].length))) return false;
  // A unit name is written with a capital (Phòng, Sở) or opens with "các" + a unit noun.
  const first = t.replace(/^(?:Đề nghị|Giao)\s+/iu, '');
  return /^\p{Lu}/u.test(first) || /^c[áa]c\s/iu.test(first);
}

/**
 * Split "Văn phòng HĐND và UBND huyện, Phòng Văn hóa và Thông tin xây dựng, đưa tin…" into the
 * units and the rest: the units end where a task verb written in lower case begins.
 */
export function splitUnitsAndTask(text: string): { units: string; rest: string } {
  const f = fold(text);
  const names: [number, number][] = [];
  NAME_WITH_VERB.lastIndex = 0;
  for (let m = NAME_WITH_VERB.exec(f); m; m = NAME_WITH_VERB.exec(f)) names.push([m.index, m.index + m[0].length]);
  verbRe.lastIndex = 0;
  for (let m = verbRe.exec(f); m; m = verbRe.exec(f)) {
    const at = m.index + (m[0].startsWith(' ') ? 1 : 0);
    if (at === 0) continue;
    if (names.some(([a, b]) => at > a && at < b)) continue;
    // "các tổ chức", "những đơn vị": a noun, not the verb.
    if (/(?:^|\s)(?:cac|nhung|moi)\s+$/.test(f.slice(Math.max(0, at - 6), at))) continue;
    // Written in lower case in the original: a verb, not part of a name like "Phòng Tư pháp".
    const ch = text[at];
    if (ch && ch === ch.toLowerCase()) {
      return { units: text.slice(0, at).trim().replace(/[,:;]\s*$/, ''), rest: text.slice(at).trim() };
    }
  }
  return { units: text.trim(), rest: '' };
}

/**
 * A list of units → its members: split at ";" then at ",", joining back a piece that does not
 * open with a unit ("các phòng, ban chuyên môn" stays one; "UBND các xã, thị trấn" stays one).
 */
export function splitUnits(text: string): string[] {
  const out: string[] = [];
  for (const group of text.split(/;/)) {
    const pieces = group.split(/,/);
    let cur = '';
    for (const raw of pieces) {
      const p = raw.trim();
      if (!p) continue;
      if (cur && !(startsWithUnit(p) && /^(\p{Lu}|c[áa]c\s)/u.test(p))) cur += `, ${p}`;
      else {
        if (cur) out.push(cur);
        cur = p;
      }
    }
    if (cur) out.push(cur);
  }
  return out.map((u) => u.replace(/^(?:và|với)\s+/iu, '').replace(/[.;,]+$/, '').trim()).filter(Boolean);
}
