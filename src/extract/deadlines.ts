/**
 * Deadlines: every time limit the document sets — dates (`trước ngày 14/12/2024`), ranges (`từ
 * ngày 15/11/2024 đến ngày 13/01/2025`), months, quarters (`Quý III/2024`), years, recurrences
 * (`định kỳ 10 ngày/lần`, `hằng tháng`, `10 giờ ngày 15 của tháng cuối kỳ báo cáo`) and `Thường
 * xuyên` — with what is due (context) and who must deliver it (responsible). Sources: the time
 * column of task tables, "Thời gian …:" fields, and prose. Dates of cited documents, data
 * cut-offs (`số liệu tính đến ngày …`) and the results part of a report are not deadlines.
 */
import type { Deadline, SourceRef } from '../schema/plan-document.ts';
import { FREQUENCY_ONLY, LIST_JOIN, RANGE_JOIN, ROUND_BEFORE, type TimeExpr, scanTime } from './dates.ts';
import { startsWithUnit, splitUnitsAndTask } from './lexicon.ts';
import { ancestors } from './sections.ts';
import type { ExtractContext, TaskResult } from './tasks.ts';
import { type Para, clean, fold, refAt, trimItem } from './text.ts';

// ("dự kiến tháng 7": the time a step is planned for.)
// ("vào sáng ngày 06 tháng 5", "vào tối ngày 02/02": the part of the day between.)
// ("trong các tháng 5, 6, 7, 8 năm 2024", "vào các ngày …": the trigger of a list.)
// ("vào tuần thứ hai của tháng 3/2025", "trong nửa đầu tháng 3", "trước trung tuần tháng 7": a part of the month, the month due;
// "Hạn chót nộp hồ sơ là ngày …", "không muộn hơn ngày …": the limit said otherwise.)
// "Báo cáo trước 15 giờ ngày 10/4/2025": the hour a day is due by (not "từ 22 giờ ngày 14 đến 06 giờ ngày 15", when something happened).
const TRIGGER_HOUR = /(?:^|\s)(?:truoc|cham nhat|thoi han|han|den het)\s*\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*(?:(?:sang|trua|chieu|toi)\s*)?,?\s*(?:ngay)?\s*$/;
// ("Định kỳ ngày 25 tháng 6 và ngày 25 tháng 11 năm 2026, các đơn vị báo cáo …": the days of a cycle, written out.)
const TRIGGER = /(?:truoc|cham nhat|thoi han|han|den het|den|tu|ket thuc|hoan thanh|dinh ky|vao(?:\s+(?:sang|trua|chieu|toi|dem))?|xong|bat dau|trong|cuoi|dau|ke tu|sau|du kien|khong (?:muon|cham|tre) hon|(?:thoi han|han chot|han cuoi(?: cung)?)(?:\s+[a-z]+){0,5}\s+la)\s*(?:(?:tuan\s+(?:thu\s+[a-z]+|dau|cuoi|cuoi cung)|nua\s+(?:dau|cuoi)|giua|trung tuan|thuong tuan|ha tuan)\s+(?:cua\s+)?)?(?:cac\s*)?(?:ngay|thang)?\s*[:,]?\s*$/;
/**
 * Data cut-offs ("số liệu tính đến ngày …", "lũy kế đến …"); "tính" needs its "đến": "của tỉnh định kỳ …" folds alike. Also the
 * date a rule takes effect ("bảng giá đất áp dụng từ ngày 01/01/2026", "có hiệu lực kể từ ngày …").
 */
// ("người sắp hết hạn thẻ trong các tháng 10, 11, 12", "sắp hết hạn thẻ bảo hiểm y tế trong các tháng 5, 6": what expires or falls due
// then says who is meant.)
const NOT_DEADLINE = /(?:(?:het|den) han(?:\s+[a-z]+){0,6}\s+trong\s*(?:cac\s*)?(?:thang)?|tinh\s*(?:den|tu)|(?:cap nhat|so lieu|thoi diem|tai thoi diem|luy ke|ke tu khi)\s*:?\s*(?:den|tu|vao)?|(?:ap dung|co hieu luc|hieu luc thi hanh)\s*(?:ke\s*)?tu)\s*(?:het\s*)?(?:ngay|thang)?\s*$/;
/**
 * Titles of results, forecast ("Dự báo tình hình") and legal-grounds parts: opening with the word ("KẾT QUẢ THỰC HIỆN …", "Căn cứ pháp
 * lý"), or naming results ("ĐÁNH GIÁ KẾT QUẢ …"); not a task about "kết quả giải quyết TTHC".
 */
// ("DIỄN BIẾN VỤ NGỘ ĐỘC", "CÁC BIỆN PHÁP ĐÃ TRIỂN KHAI": what happened and what was done, in a report.)
// ("ĐẶC ĐIỂM TÌNH HÌNH", "Khái quát địa bàn", "BỐI CẢNH": what the place and the situation are, as a report tells them.)
const RESULTS_SECTION = /^(?:ket qua|thuc trang|tinh hinh|danh gia|can cu|du bao|dien bien|dac diem|khai quat|boi canh)|ket qua (?:thuc hien|dat duoc|trien khai|cong tac|nam)|(?:^|\s)da (?:trien khai|thuc hien|lam)(?:\s|$)/;
// ("3. Chỉ tiêu đợt cao điểm" under "II. THỰC TRẠNG VÀ CHỈ TIÊU": the targets, each with the time it is due by.)
const TIME_SECTION = /thoi gian|tien do|nhiem vu|to chuc thuc hien|che do bao cao|trach nhiem|phan cong|^(?:cac\s+)?(?:chi tieu|muc tieu)\b/;
/** A cell that is a date or a range of dates and nothing else ("Trước 20/5/2024", "27/5 - 31/5/2024", "từ 03/6 đến 12/6/2024"). */
const ONE_DATE = String.raw`(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?`;
const ONLY_TIME = new RegExp(String.raw`^\s*(?:truoc|cham nhat|den het|tu)?\s*${ONE_DATE}(?:\s*(?:-|–|den)\s*${ONE_DATE})?\s*$`);
/**
 * A named observance whose own time follows in brackets: "Tháng hành động vì bình đẳng giới (từ ngày
 * 15/11 đến ngày 15/12/2026)", "Tuần lễ …", "Ngày Quốc tế …" — when it takes place, not a time limit.
 */
/**
 * "ĐÁNH GIÁ DDCI NĂM 2026" in a plan of 2026, "6. Đánh giá, công nhận" (vườn mẫu), "Đánh giá, phân hạng sản phẩm OCOP": an
 * assessment the plan sets up, not a report of results.
 */
function plannedAssessment(heading: string, issued: string | null | undefined): boolean {
  if (/^\W*(?:[ivxl]+\.\s*|\d+\.\s*)?danh gia\s*,?\s*(?:va\s+)?(?:cong nhan|phan hang|xep hang|cham diem)(?![a-z])/.test(heading)) return true;
  if (!issued || !/^\W*(?:[ivxl]+\.\s*|\d+\.\s*)?danh gia\s/.test(heading) || /ket qua|tinh hinh|thuc hien|so ket|tong ket/.test(heading)) return false;
  const y = /nam\s+(\d{4})\b/.exec(heading);
  return !!y && Number(y[1]) >= Number(issued.slice(0, 4));
}

/** The rest of a bracket of times after its first: ")", or further months or quarters of its list, then ")". */
const BRACKET_REST = /^\s*(?:(?:,|va)\s*(?:thang\s*\d{1,2}|quy\s*[ivx]{1,4})(?:\s*(?:\/\s*|nam\s+)[\dol]{4})?\s*)*\)/;

/** What may stand between the first period of a timetable line and its colon: ":" at once, or the further months of a list. */
const PHASE_REST = /^(?:\s*(?:,|va)\s*thang\s*\d{1,2}(?:\s*(?:\/\s*|\s+nam\s+)\d{4})?)*\s*:/;
const OBSERVANCE = /(?:thang hanh dong|tuan le|ngay hoi|ngay (?:quoc te|the gioi|toan dan)|ngay [a-z ]{2,60}viet nam)(?:\s+[^;.()]{0,120})?$/;

function toDeadline(f: string, text: string, t: TimeExpr, context: string, responsible: string | null, ref: SourceRef): Deadline {
  return {
    date: t.date,
    endDate: t.endDate,
    text: t.gap ? `${clean(text.slice(t.start, t.gap[0])).replace(/[\s,:;]+$/, '')} … ${clean(text.slice(t.gap[1], t.end))}` : clean(text.slice(t.start, t.end)),
    context: trimItem(context),
    responsible,
    recurrence: t.recurrence,
    ref,
  };
}

/** The words of a clause before the expression: what is due. */
function contextBefore(p: Para, at: number): string {
  const before = p.text.slice(0, at);
  // An opening bracket cuts only while open: "báo cáo … (qua Phòng Nội vụ) trước ngày …" keeps its words.
  let open = -1;
  for (let i = before.length - 1, depth = 0; i >= 0; i--) {
    if (before[i] === ')') depth++;
    else if (before[i] === '(') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  let cut = Math.max(before.lastIndexOf(';'), before.search(/\.\s+\p{Lu}[^.]*$/u), open, before.lastIndexOf(':'));
  // "… tại Hội nghị tổng kết … (trong tháng 01/2025)": the bracket holds only the time; what is due is before it.
  // ("… tại xã (tháng 3 và tháng 9 năm 2026)": the later months of a list in the bracket too.)
  if (cut === open && open >= 0 && /^\s*(?:trong|trước|vào|đến|hạn|chậm nhất)?\s*(?:(?:tháng|quý)\s*[\dIVXivx]{1,4}\s*(?:,|và)\s*)*(?:ngày|tháng)?\s*$/iu.test(before.slice(open + 1))) {
    const outer = before.slice(0, open);
    const oc = Math.max(outer.lastIndexOf(';'), outer.search(/\.\s+\p{Lu}[^.]*$/u), outer.lastIndexOf(':'));
    const ctx = clean(outer.slice(oc + 1).replace(/^\.\s*/, ''));
    if (ctx.split(' ').length >= 2) return ctx.length > 160 ? `${ctx.slice(0, 157).replace(/\s+\S*$/, '')}…` : ctx;
  }
  let c = before.slice(cut + 1);
  c = c.replace(/^\s*(?:[a-zđ]\)|\d+\.|[-–+•])\s*/u, '');
  // Drop the trigger words at the end ("… báo cáo sơ kết (trước ngày").
  c = c.replace(/\s*(?:,|và)?\s*(?:hoàn thành\s+)?(?:trước|chậm nhất|đến hết|đến|từ|vào|trong|kể từ|bắt đầu|kết thúc)?\s*(?:ngày|tháng)?\s*[:,(]?\s*$/iu, '');
  return clean(c);
}

/** The cycle of a recurrence label: "monthly" of "monthly, by day 05 of the next month". */
const cycle = (r: string | null) => (r ?? '').split(',')[0];

/**
 * One time limit said twice is one deadline: "Định kỳ hằng tháng, trước ngày 05 của tháng sau",
 * "định kỳ hằng quý (trước ngày 15 của tháng cuối quý)" (the same cycle, the second more precise),
 * "định kỳ 6 tháng (trước ngày 15/6)" (a recurrence and, in brackets, its date). A list of cycles
 * ("hằng tháng, hằng quý") stays a list. Returns the merged expressions and which of them were merged.
 */
export function mergeSaidTwice(f: string, found: TimeExpr[]): { found: TimeExpr[]; merged: Set<TimeExpr> } {
  const out = [...found];
  const merged = new Set<TimeExpr>();
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (a.kind !== 'recurring') continue;
    const gap = f.slice(a.end, b.start);
    // "định kỳ 6 tháng (trước ngày 10 tháng 6 và ngày 10 tháng 12)": the dates of each cycle, one time limit.
    let last = k + 1;
    while (last + 1 < out.length && out[last + 1].kind === 'date' && /^\s*(?:,|va)\s*(?:truoc\s*)?$/.test(f.slice(out[last].end, out[last + 1].start))) last++;
    const close = /^\s*\)/.exec(f.slice(out[last].end));
    const bracket = /^\s*\(\s*(?:truoc|cham nhat|den het|den|vao|trong)?\s*$/.test(gap) && !!close && (last === k + 1 || b.kind === 'date');
    if (!bracket && !/^\s*[,;]?\s*(?:va\s*)?$/.test(gap)) continue;
    let m: TimeExpr | null = null;
    const end = bracket && close ? out[last].end + close[0].length : b.end;
    let n = 2;
    if (b.kind === 'recurring' && cycle(a.recurrence) === cycle(b.recurrence)) {
      m = { ...b, start: a.start, end, recurrence: (b.recurrence ?? '').length > (a.recurrence ?? '').length ? b.recurrence : a.recurrence };
    } else if (bracket && b.kind === 'date') {
      m = { ...b, start: a.start, end, recurrence: a.recurrence };
      n = last - k + 1;
    }
    if (!m) continue;
    out.splice(k, n, m);
    merged.add(m);
    k--;
  }
  // "báo cáo hằng ngày trong thời gian nghỉ Tết (…) về UBND xã trước 14 giờ 00 hằng ngày": the same cycle
  // twice in one clause is one time limit, as written where it is most precise.
  for (let k = 0; k < out.length; k++) {
    const a = out[k];
    if (a.kind !== 'recurring') continue;
    const j = out.findIndex((b, x) => x > k && b.kind === 'recurring' && cycle(b.recurrence) === cycle(a.recurrence));
    if (j < 0 || /[;]|\.\s/.test(f.slice(a.end, out[j].start)) || out[j].start - a.end > 200) continue;
    const b = out[j];
    const m: TimeExpr = { ...b, recurrence: (b.recurrence ?? '').length >= (a.recurrence ?? '').length ? b.recurrence : a.recurrence };
    out.splice(j, 1, m);
    out.splice(k, 1);
    merged.add(m);
    k--;
  }
  // Two neighbours that read as one time limit: `join` gives the expression they make, or null;
  // with `again`, the result is tried against its next neighbour too.
  const mergePairs = (join: (a: TimeExpr, b: TimeExpr) => TimeExpr | null, again = false) => {
    for (let k = 0; k + 1 < out.length; k++) {
      const m = join(out[k], out[k + 1]);
      if (!m) continue;
      out.splice(k, 2, m);
      merged.add(m);
      if (again) k--;
    }
  };
  // "định kỳ hằng năm trước ngày 15/12", "định kỳ 6 tháng trước ngày 10 tháng 6": the cycle, then the
  // day it is due (no year written).
  mergePairs((a, b) =>
    a.kind === 'recurring' &&
    /^(?:yearly|every \d+ months)$/.test(a.recurrence ?? '') &&
    b.kind === 'date' &&
    // (With its year when the cycle names a report: "báo cáo năm trước ngày 15 tháng 12 năm 2025".)
    (!/\d{4}\s*$/.test(f.slice(b.start, b.end)) || /^bao cao/.test(f.slice(a.start, a.end))) &&
    /^\s*,?\s*(?:(?:gui|nop)\s+)?(?:truoc|cham nhat|vao)\s*$/.test(f.slice(a.end, b.start))
      ? { ...b, start: a.start, recurrence: a.recurrence }
      : null,
  );
  // "Hằng tuần, từ tháng 5 đến tháng 9": a cycle and the window it recurs in, one time limit ("gửi … trước ngày 05 hằng
  // tháng, bắt đầu từ tháng 6 năm 2024 đến hết tháng 9 năm 2024" too; and in brackets: "định kỳ ngày 25 hằng tháng (từ tháng 4
  // đến tháng 6 năm 2025)").
  mergePairs((a, b) =>
    a.kind === 'recurring' && b.endDate && /^\s*[,(]?\s*(?:bat dau\s*)?$/.test(f.slice(a.end, b.start)) && /^tu\s/.test(f.slice(b.start, b.end))
      ? { ...b, start: a.start, recurrence: a.recurrence }
      : null,
  );
  // "Từ tháng 7/2024, hằng tuần": the period a cycle starts in and the cycle, one time limit; so is "Bắt đầu từ tháng 3
  // năm 2025, thực hiện thường xuyên".
  mergePairs((a, b) =>
    (b.kind === 'recurring' || b.kind === 'ongoing') && a.date && !a.recurrence && /^\s*,?\s*(?:thuc hien\s*)?$/.test(f.slice(a.end, b.start)) && /(?:^|\s)tu\s*$/.test(f.slice(Math.max(0, a.start - 4), a.start))
      ? { ...a, start: a.start - f.slice(0, a.start).match(/tu\s*$/)![0].length, end: b.end, recurrence: b.recurrence }
      : null,
  );
  // "trước ngày 10/12 hằng năm": a day of the year that comes back every year; so does a window of days
  // ("từ 15 tháng 5 đến 31 tháng 7 hằng năm").
  mergePairs(
    (a, b) =>
      // ("vào quý II hằng năm", "tháng 5 hằng năm": a period of the year, the same.)
      (a.kind === 'date' || a.kind === 'quarter' || a.kind === 'month' || (a.kind === 'range' && /\d\s*(?:[/.-]|thang)\s*\d{1,2}\s*$/.test(f.slice(a.start, a.end)))) && b.kind === 'recurring' && b.recurrence === 'yearly' && !/\d{4}\s*$/.test(f.slice(a.start, a.end)) && /^\s*$/.test(f.slice(a.end, b.start))
        ? { ...a, end: b.end, recurrence: 'yearly' }
        : null,
    true,
  );
  return { found: out, merged };
}

export function extractDeadlines(ctx: ExtractContext & { tasks: TaskResult }): Deadline[] {
  const { paras, outline, citations, grids, tasks, file } = ctx;
  const out: Deadline[] = [];
  const year = ctx.year;

  const fromField = (value: string, context: string, responsible: string | null, ref: SourceRef, warnAt: SourceRef) => {
    const f = fold(value);
    const { found } = mergeSaidTwice(f, scanTime(f, { field: true, year }));
    // "Hằng năm, trước vụ thu hoạch": one time limit and a few words that qualify it — the cell as written.
    if (found.length === 1 && !found[0].date) {
      const restWords = clean(`${f.slice(0, found[0].start)} ${f.slice(found[0].end)}`).replace(/[,;.()]/g, ' ').split(/\s+/).filter(Boolean);
      if (restWords.length <= 4 && !restWords.some((w) => /\d/.test(w))) found[0] = { ...found[0], start: 0, end: value.length };
    }
    for (const t of found) out.push(toDeadline(f, value, t, context, responsible, ref));
    if (!found.length && value.trim()) {
      out.push({ date: null, endDate: null, text: clean(value), context: trimItem(context), responsible, recurrence: null, ref });
      file?.message(`time limit not normalised: "${clean(value)}"`, warnAt.line ? { line: warnAt.line, column: 1 } : undefined, 'extract:deadline');
    }
  };

  // 1. Time column of task matrices.
  for (const [gi, cols] of tasks.matrices) {
    if (cols.time < 0) continue;
    const g = grids[gi];
    // A column headed "Tháng" (or "Quý") may hold the bare numbers: "3", "6 - 7" are months.
    const unitHead = /^\s*(thang|quy)\s*$/.exec(fold(g.rows[cols.header]?.cells[cols.time]?.text ?? ''))?.[1];
    for (let r = cols.header + 1; r < g.rows.length; r++) {
      const cells = g.rows[r].cells;
      const time = cells[cols.time];
      const task = cells[cols.task]?.text ?? '';
      if (!time?.text || !task) continue;
      // "02 lần/tuần" in the time column: how often, a target (targets.ts), not a time limit.
      if (FREQUENCY_ONLY.test(fold(time.text))) continue;
      const bare = unitHead && /^\s*(?:\d{1,2}|[ivx]{1,4})(?:\s*(?:-|–|,|và|va)\s*(?:\d{1,2}|[ivx]{1,4}))*\s*$/i.test(time.text);
      if (bare) {
        const f = fold(`${unitHead === 'thang' ? 'tháng' : 'quý'} ${time.text.trim()}`);
        const found = mergeSaidTwice(f, scanTime(f, { field: true, year })).found;
        if (found.length) {
          for (const t of found) out.push({ ...toDeadline(f, f, t, task, cells[cols.lead]?.text || null, time.ref), text: clean(time.text) });
          continue;
        }
      }
      fromField(time.text, task, cells[cols.lead]?.text || null, time.ref, time.ref);
    }
  }

  // A time limit in a cell of another table (a target table's "Hoàn thành trước ngày 31/01/2026").
  for (const g of grids) {
    if (tasks.matrices.has(g.index)) continue;
    // A schedule table (a timetable with one column per level or group): its cells past the first
    // column are mostly nothing but a date or a range ("Trước 20/5/2024", "27/5 - 31/5/2024").
    const valueCells = g.rows.slice(1).flatMap((row) => row.cells.slice(1).filter((c) => /\d/.test(c.text)));
    const onlyTime = (c: { text: string }) => ONLY_TIME.test(fold(c.text));
    // A time column in a table that is no task matrix ("Tên bản | … | Giải pháp, doanh nghiệp thực hiện | Thời
    // gian hoàn thành", "… | Thời gian dự kiến"): each of its values is the time limit of its row, as in a task matrix.
    // ("Năm thực hiện", "Năm hoàn thành": the year of each row's work; "Thời hạn gửi" in a list of report forms: when each is due.)
    // ("Bảng 2. Lộ trình dồn ghép điểm trường lẻ …" over "Năm học | …": a roadmap, each row the work of its school year.)
    const tableTitle = g.para > 0 ? (paras[g.para - 1]?.folded ?? '') : '';
    const roadmap = /^\s*(?:bang|bieu)\s*(?:so\s*)?[\divx]{0,4}\s*[.:]\s*(?:lo trinh|tien do)\b/.test(tableTitle);
    const yearCells = (i: number) => g.rows.slice(1).every((r) => !r.cells[i]?.text.trim() || /^\s*(?:\d{4}(?:\s*-\s*\d{4})?|(?:cong|tong(?: cong)?)\b.*)\s*$/.test(fold(r.cells[i].text)));
    const headed = g.rows[0].cells.findIndex(
      (c, i) =>
        (/^\s*(?:thoi gian|thoi han|tien do|nam)(?:\s+(?:du kien|hoan thanh|thuc hien|trien khai|to chuc|gui|nop|bao cao|gui bao cao)){0,2}\s*$/.test(fold(c.text)) && !/^\s*nam\s*$/.test(fold(c.text))) ||
        (roadmap && /^\s*nam(?:\s+hoc)?\s*$/.test(fold(c.text)) && yearCells(i)),
    );
    // "Thời gian đại hội", "Thời gian tổ chức lễ": a time column named by its event, when most of its cells are days or periods.
    const dated = (i: number) => {
      const cells = g.rows.slice(1).map((r) => r.cells[i]?.text ?? '').filter((t) => t.trim());
      return cells.length >= 2 && cells.filter((t) => scanTime(fold(t), { field: true, year }).some((x) => x.date)).length >= cells.length * 0.6;
    };
    const loose = headed < 0 ? g.rows[0].cells.findIndex((c, i) => /^\s*(?:thoi gian|thoi han|ngay)\s+[a-z]+(?:\s+[a-z]+){0,2}\s*$/.test(fold(c.text)) && !/chot|tinh|cong tac|huong|dong|tham gia|sinh|cap|het han|giu/.test(fold(c.text)) && dated(i)) : -1;
    // Unless the table names none: then its time cells are a schedule's ("Trước 20/5/2024", "27/5 - 31/5/2024").
    const schedule = headed < 0 && valueCells.length >= 4 && valueCells.filter(onlyTime).length >= valueCells.length * 0.6;
    const timeCol = schedule ? -1 : headed >= 0 ? headed : loose;
    for (let r = 1; r < g.rows.length; r++) {
      const cells = g.rows[r].cells;
      const timeCell = timeCol >= 0 ? cells[timeCol] : undefined;
      // ("Cộng | 31 | 44": the total row of a roadmap.)
      if (timeCell?.text.trim() && !/^\s*(?:cong|tong(?: cong| so)?)\s*$/.test(fold(timeCell.text))) {
        const named = cells.filter((c, k) => k !== timeCol && /\p{L}{2}/u.test(c.text) && !/^\s*[\d.,]+\s*$/.test(c.text));
        const what = named.length > 1 ? `${named[0].text}: ${[...named.slice(1)].sort((a, b) => b.text.length - a.text.length)[0].text}` : (named[0]?.text ?? (roadmap ? clean(paras[g.para - 1].text.replace(/^\s*\S+\s*(?:số\s*)?[\dIVX]{0,4}\s*[.:]\s*/iu, '')) : ''));
        // A bare "2024 - 2025" under "Năm học" is that school year.
        const schoolYear = /^\s*nam hoc\s*$/.test(fold(g.rows[0].cells[timeCol]?.text ?? '')) && /^\s*\d{4}\s*-\s*\d{4}\s*$/.test(timeCell.text);
        fromField(schoolYear ? `năm học ${timeCell.text.trim()}` : timeCell.text, what, null, timeCell.ref, timeCell.ref);
      }
      for (const cell of cells) {
        if (cell === timeCell) continue;
        const f = fold(cell.text);
        if (schedule && cell !== cells[0] && onlyTime(cell)) {
          const what = cells.find((c) => c !== cell && /\p{L}{3}/u.test(c.text) && !onlyTime(c))?.text ?? '';
          const head = g.rows[0].cells[cells.indexOf(cell)]?.text ?? '';
          for (const t of scanTime(f, { field: true, year })) if (t.date) out.push({ ...toDeadline(f, cell.text, t, head ? `${what} (${head})` : what, null, cell.ref), text: clean(cell.text) });
          continue;
        }
        if (!/^\s*(?:hoan thanh\s+)?(?:truoc|cham nhat|den het)\s+(?:ngay|thang|quy|nam)\s/.test(f)) continue;
        const what = cells.filter((c) => c !== cell && /\p{L}{2}/u.test(c.text)).sort((a, b) => b.text.length - a.text.length)[0]?.text ?? '';
        const { found } = mergeSaidTwice(f, scanTime(f, { field: true, year }));
        for (const t of found) if (t.date) out.push({ ...toDeadline(f, cell.text, t, what, null, cell.ref), text: clean(cell.text) });
      }
    }
  }

  // 2. "Thời gian …:" fields.
  const seenBlocks = new Set<unknown>();
  for (const [pi, { fields, info }] of tasks.fieldParas) {
    if (!fields.time) continue;
    const key = info ?? pi;
    if (seenBlocks.has(key)) continue;
    seenBlocks.add(key);
    const p = paras[pi];
    const context = info?.task.task ?? ancestors(outline, pi)[0]?.heading ?? '';
    fromField(fields.time.text, context, info?.task.lead ?? null, refAt(p, 0), refAt(p, 0));
  }

  // Task lead of each paragraph that belongs to a task.
  const leadOf = new Map<number, string | null>();
  const taskOf = new Map<number, string>();
  for (const ti of tasks.info) {
    for (const k of ti.paras) {
      leadOf.set(k, ti.task.lead);
      taskOf.set(k, ti.task.task);
    }
  }

  // 3. Prose. The cells of a table of the document tree (a scan's ruled table) were read above, as its
  // grid, just as a text table's piped rows: read again as prose, a task table's "Trước 30/9/2025"
  // would come out twice, the second time with the whole table for its context.
  // (A table that goes on over a page break is one grid: its paragraphs on both pages are its own.)
  const treeTableParas = new Set(grids.filter((g) => g.block !== undefined && g.rows.some((r) => r.cells.length >= 2)).flatMap((g) => g.paras));
  for (let i = ctx.bodyStart; i < paras.length; i++) {
    const p = paras[i];
    if (p.piped || tasks.fieldParas.has(i) || (i >= ctx.closing && i < ctx.closingEnd)) continue;
    if (treeTableParas.has(i)) continue;
    const f = p.folded;
    if (!/\d|hang|thuong xuyen|moi|tung|dip|truoc|sau khi|ky hop/.test(f)) continue;
    // What a forecast or a notice says will happen ("Theo thông tin của Tập đoàn Điện lực …, từ cuối tháng 5 đến hết tháng 7
    // năm 2024, khu vực miền Bắc bước vào cao điểm nắng nóng"): when it happens, not a time limit.
    if (/^\s*theo\s+(?:thong tin|du bao|nhan dinh|ban tin|canh bao|thong bao)\s+(?:cua|tu)\s/.test(f)) continue;
    // A table's title ("Bảng 1. Các đề án, kế hoạch, báo cáo chủ yếu theo tháng") names what the table holds.
    if (/^\s*(?:bang|bieu)\s*(?:so\s*)?[\divx]{1,4}\s*[.:]/.test(f)) continue;
    // The grounds of the document ("Căn cứ …", "Xét …", "Thực hiện Chỉ thị số … ;"): the times there belong to
    // the cited documents and their titles ("… Đề án 06 năm 2025 và những năm tiếp theo;").
    // ("Căn cứ chức năng, nhiệm vụ được giao, …" in a task is no ground.)
    const cited = String.raw`(?:nghi quyet|chi thi|ke hoach|quyet dinh|cong van|thong tu|nghi dinh|bo luat|luat|chuong trinh|de an|ket luan|huong dan|to trinh|bao cao|quy che|thong bao|van ban)\b`;
    if (new RegExp(String.raw`^\s*(?:can cu|xet)\s+(?:(?:de nghi|y kien)\s+)?${cited}`).test(f) || (new RegExp(String.raw`^\s*thuc hien\s+${cited}`).test(f) && /[;,]\s*$/.test(f))) continue;
    const anc = ancestors(outline, i);
    const own = anc[0];
    if (own && own.para === i && (own.kind === 'roman' || own.kind === 'appendix' || own.kind === 'chapter')) continue;
    // "2. Chỉ tiêu đến hết năm 2025", "b) Mục tiêu cụ thể đến năm 2027": the horizon of a part's targets, not a time limit.
    if (/^\s*(?:[\divxl]{1,4}\.|[a-zđ]\))?\s*(?:cac\s+)?(?:muc tieu|chi tieu)\b[^.;:]{0,80}$/.test(f)) continue;
    // The sentence that opens the body ("Ủy ban nhân dân … ban hành Kế hoạch … đến hết năm 2026 như sau:", "Để
    // … trong năm học 2024 - 2025, Ủy ban nhân dân huyện yêu cầu … các nội dung sau:"): the time there is the
    // scope of the whole document, not a time limit.
    if (!own && /sau\s*:\s*$/.test(f) && (/^\s*de\s/.test(f) || /ban hanh (?:ke hoach|quyet dinh|quy che|chuong trinh|de an)/.test(f))) continue;
    // The innermost section title that says what it holds decides: results / legal grounds (no
    // deadlines there) or time, tasks, organisation. Sentences that open with a number are not titles.
    const decisive = anc.find((a) => a.kind !== 'letter' && a.kind !== 'paren' && a.rest.length <= 100 && !/[.;]\s*$/.test(a.rest) && ((RESULTS_SECTION.test(fold(a.heading).trim()) && !plannedAssessment(fold(a.heading), ctx.issued)) || TIME_SECTION.test(fold(a.heading))));
    if (decisive && !TIME_SECTION.test(fold(decisive.heading))) continue;
    const spans = citations.spans.get(i) ?? [];
    // "Thời gian thực hiện: …" as a numbered heading's own text: a field.
    const timeLabel = f.match(/^(?:\d+\.\s*|[a-z]\)\s*|[-–+]\s*)?thoi gian(?: thuc hien| hoan thanh)?\s*:\s*/);
    // A time field inside a sentence ("…; thời gian thực hiện thường xuyên.", "…, thời gian hoàn
    // thành: Quý III/2025"): its value is read as a field, where "thường xuyên" and bare cycles count.
    const inline: [number, number, number][] = [];
    const fieldFound: TimeExpr[] = [];
    // ("Thời gian chốt số liệu: từ ngày 15 tháng trước …": a data cut-off, no time field.)
    const ire = /(?:^|[;.,]\s*|\s[-–]\s*)thoi gian(?: thuc hien| hoan thanh)?\s*:?\s+(?!chot|tinh so lieu|lay so lieu)/g;
    for (let m = ire.exec(f); m; m = ire.exec(f)) {
      const from = m.index + m[0].length;
      const stop = f.slice(from).search(/[;]|\.(?:\s|$)/);
      const to = stop >= 0 ? from + stop : f.length;
      inline.push([from, to, m.index + (m[0].length - m[0].trimStart().length) + (/^[;.,]/.test(m[0].trimStart()) ? 1 : 0)]);
      const value = f.slice(from, to);
      for (const t of mergeSaidTwice(value, scanTime(value, { field: true, year })).found) fieldFound.push({ ...t, start: t.start + from, end: t.end + from });
    }
    // "4. Thời gian huấn luyện" over "- Dân quân thường trực: huấn luyện tập trung từ tháng 3 …, sau đó huấn luyện duy trì hằng
    // tuần.": each item of a time heading's list is the field's value, where bare cycles count.
    if (!inline.length && /^\s*[-–+]/.test(f) && anc.some((a) => a.para !== i && a.kind !== 'roman' && /^\s*(?:[\divx]+\.|[a-zđ]\))?\s*thoi gian(?:\s+[a-z]+){0,3}\s*:?\s*$/.test(fold(a.heading)))) {
      const from = f.indexOf(':') + 1;
      inline.push([from, f.length, from]);
      for (const t of mergeSaidTwice(f.slice(from), scanTime(f.slice(from), { field: true, year })).found) fieldFound.push({ ...t, start: t.start + from, end: t.end + from });
    }
    const inField = (t: TimeExpr) => inline.some(([a, b]) => t.start >= a && t.start < b);
    const prose = mergeSaidTwice(f, scanTime(f, { field: false, year }));
    const merged = prose.merged;
    const found = [...prose.found.filter((t) => !inField(t)), ...fieldFound].sort((a, b) => a.start - b.start);
    let prev: TimeExpr | null = null;
    // End of the last time read as no time limit: the next item of its list ("trong các tháng 5, 6") is none either.
    let notLimitEnd = -1;
    for (const t of found) {
      if (spans.some(([a, b]) => t.start >= a && t.start < b)) continue;
      // A date with its year written that lies before the document's own date is a past event or a
      // condition ("không gây mất rừng sau ngày 31/12/2020"), not a time limit the document sets.
      if (ctx.issued && t.date && !t.recurrence && /\d{4}/.test(f.slice(t.start, t.end)) && (t.endDate ?? t.date) < ctx.issued) continue;
      const pre = f.slice(Math.max(0, t.start - 30), t.start);
      // A trigger that only folds like one: "sự kiện quan trọng năm 2026" (trọng, not trong), "đền" (not đến).
      if (/^(?:trọng|đền)\s/iu.test(p.text.slice(t.start))) continue;
      const field = inField(t);
      if (/\(\s*$/.test(f.slice(0, t.start)) && /^\s*\)/.test(f.slice(t.end)) && OBSERVANCE.test(f.slice(Math.max(0, t.start - 140), t.start).replace(/\s*\(\s*$/, ''))) continue;
      // "3. Tháng 12 năm 2024: Tổ chức Cuộc thi …": a line of the plan's own timetable opens with the
      // period its work is due in. A day there ("Ngày 26/6/2025: thi môn Ngữ văn") is an event.
      // The rest of a bracket that holds only times: ")", or the further months or quarters of its list and then ")"
      // ("Đợt 1 (tháng 3 và tháng 4 năm 2024):", "… tại xã (tháng 3 và tháng 9 năm 2026)").
      const closesBracket = BRACKET_REST.test(f.slice(t.end));
      const phase =
        // "(đợt 1 vào tháng 3, đợt 2 vào tháng 6, …)", "khóa 2 tháng 7": each round and the month it is held in.
        (t.kind === 'month' && ROUND_BEFORE.test(f.slice(Math.max(0, t.start - 32), t.start))) ||
        // (And its next period after ";" or a full stop: "Tháng 01 năm 2026: sơ kết học kỳ I; tháng 5 năm 2026: tổng kết …",
        // "… rút kinh nghiệm. Quý IV năm 2025: tổng kết …"; and a list of months before the colon: "Tháng 6 và tháng 7 năm 2026: …".)
        (t.kind !== 'date' && t.date !== null && /(?:^\s*(?:\d+\.|[a-zđ]\)|[-–+])?|[;.])\s*$/.test(f.slice(0, t.start)) && PHASE_REST.test(f.slice(t.end))) ||
        // "4. Giai đoạn 4 (tháng 12 năm 2025)", "Đợt 2 (Quý III/2025)": a phase of the plan and the time it is due in.
        (t.date !== null && /^\s*(?:\d+\.|[a-zđ]\)|[-–+])?\s*(?:giai doan|dot|buoc)\s+[\divx]{1,4}\s*\(\s*$/.test(f.slice(0, t.start)) && closesBracket) ||
        // "a) Trưng bày chuyên đề "…" (tháng 4 - 9/2026), giới thiệu …", "a) Kỳ họp thường lệ giữa năm (dự kiến tháng 7): …":
        // an item that opens with the activity it plans and its time in brackets.
        (t.date !== null && /^\s*(?:\d+\.|[a-zđ]\)|[-–+])\s*[^;:.()]{3,160}\(\s*(?:du kien\s*)?(?:(?:tu|trong|vao)\s*)?$/.test(f.slice(0, t.start)) && closesBracket) ||
        // "Các bước: chuẩn bị, xây dựng văn kiện (tháng 5, tháng 6); diễn tập chỉ huy - cơ quan (tháng 7); …": each step of a
        // list, its time alone in brackets (the months of a bracket share it; so do its quarters: "04 hội nghị trong năm (Quý I,
        // Quý II, Quý III, Quý IV)").
        (t.date !== null && /[;:]\s*[^;:.()]{3,160}\(\s*(?:du kien\s*)?(?:(?:tu|trong|vao)\s*)?$/.test(f.slice(0, t.start)) && /^\s*(?:\)|(?:,|va)\s*thang\s*\d{1,2}(?:\s*(?:\/\s*|\s+nam\s+)\d{4})?\s*\)|(?:(?:,|va)\s*quy\s*[ivx]{1,4}\s*)+\))/.test(f.slice(t.end)));
      if (!field && (NOT_DEADLINE.test(f.slice(Math.max(0, t.start - 60), t.start)) || (notLimitEnd >= 0 && /^\s*(?:,|va)\s*$/.test(f.slice(notLimitEnd, t.start))))) {
        notLimitEnd = t.end;
        continue;
      }
      // "có hiệu lực từ ngày 01 tháng 01 năm 2025 đến hết ngày 31 tháng 12 năm 2030": the time a rule is in force, whose "từ"
      // opens the range itself.
      if (/(?:ap dung|co hieu luc|hieu luc thi hanh)\s*(?:ke\s*)?$/.test(pre) && /^tu\s/.test(f.slice(t.start, t.end)) && !field) continue;
      // "Kinh phí dự kiến từ ngày 01 tháng 7 đến ngày 31 tháng 12 năm 2024: khoảng 6,52 tỷ đồng": the period a budget covers.
      if (/(?:^|\s)(?:kinh phi|du toan)(?:\s+(?:du kien|thuc hien|ho tro|chi tra))?\s*$/.test(pre) && /^tu\s/.test(f.slice(t.start, t.end)) && !field) continue;
      // "Thanh tra việc quản lý, sử dụng đất đai …, thời kỳ từ ngày 01 tháng 01 năm 2019 đến ngày 31 tháng 12 năm 2023": the
      // period an inspection or audit looks back on, not a time limit.
      if (/(?:^|\s)thoi ky(?:\s+(?:thanh tra|kiem tra|kiem toan))?\s*(?:la\s*)?:?\s*$/.test(pre) && /^tu\s/.test(f.slice(t.start, t.end)) && !field) continue;
      // "phát sinh từ ngày 31/12/2025 trở về trước": what happened up to a day, a condition.
      if (/^\s*tro ve truoc/.test(f.slice(t.end))) continue;
      // The later items of a list or range share its trigger ("trong Quý II và Quý III năm 2025").
      // So do periods of two kinds ("trong tháng 12 năm 2025 hoặc quý I năm 2026").
      const period = (k: TimeExpr['kind']) => k === 'month' || k === 'quarter' || k === 'year';
      const listed = !!prev && (prev.kind === t.kind || (period(prev.kind) && period(t.kind))) && (LIST_JOIN.test(f.slice(prev.end, t.start)) || RANGE_JOIN.test(f.slice(prev.end, t.start)));
      // "từ tháng 5 đến hết tháng 7 năm 2025": a range that opens with its own "từ" is introduced.
      const opensRange = t.endDate !== null && /^tu\s/.test(f.slice(t.start, t.end));
      // ("chấm điểm hằng năm vào tháng 10": a month that comes back every year is introduced by its cycle.)
      if ((t.kind === 'date' || t.kind === 'month' || t.kind === 'quarter') && !TRIGGER.test(pre) && !TRIGGER_HOUR.test(pre) && !timeLabel && !merged.has(t) && !listed && !field && !opensRange && !phase && !(t.kind === 'month' && t.recurrence === 'yearly')) continue;
      prev = t;
      // In a time field, what is due is the clause before its label.
      const label = field ? inline.find(([a, b]) => t.start >= a && t.start < b)?.[2] : undefined;
      let context = (field && taskOf.get(i)) || contextBefore(p, label ?? t.start);
      // "Hằng tháng tổng hợp tình hình, báo cáo … trước ngày 25": what is due stands between the cycle and its day.
      if (words(context) < 2 && t.gap) context = clean(p.text.slice(t.gap[0], t.gap[1])).replace(/^[\s,]+/, '');
      if (words(context) < 2) {
        const after = p.text.slice(t.end).replace(/^[\s,:;)]+/, '');
        const end = after.search(/[.;(]/);
        const tail = clean(end >= 0 ? after.slice(0, end) : after);
        context = words(tail) >= 2 ? tail : (own?.heading ?? context);
      }
      let responsible: string | null = leadOf.get(i) ?? null;
      if (!responsible) {
        const unitHeading = anc.find((a) => startsWithUnit(a.rest));
        if (unitHeading) responsible = clean(splitUnitsAndTask(unitHeading.rest.split(':')[0]).units);
      }
      if (!responsible && startsWithUnit(context)) {
        const { units, rest } = splitUnitsAndTask(context);
        if (rest) responsible = units;
      }
      out.push(toDeadline(f, p.text, t, context, responsible, refAt(p, t.start)));
    }
    // A time limit set by an event, with no date ("hoàn thành trước Tết Nguyên đán", "cung ứng đủ sách giáo khoa
    // trước ngày khai giảng năm học 2024 - 2025", "rà soát, chỉnh lý trước khi trình kỳ họp"), when its clause
    // holds no other time.
    EVENT_LIMIT.lastIndex = 0;
    for (let m = EVENT_LIMIT.exec(f); m; m = EVENT_LIMIT.exec(f)) {
      const at = m.index + m[0].length - m[0].trimStart().length;
      const end = m.index + m[0].length;
      const from = Math.max(f.lastIndexOf(';', at), f.slice(0, at).search(/\.\s[^.]*$/), f.lastIndexOf(':', at));
      // ("báo cáo kết quả sau mỗi đợt chiến dịch và báo cáo tổng hợp trước ngày 15/11/2024": a second report with its own time ends it.)
      const stop = f.slice(end).search(/[;]|\.(?:\s|$)|\s(?:va|,)\s*(?:bao cao|gui|nop|trinh)\s/);
      const to = stop >= 0 ? end + stop : f.length;
      if (found.some((t) => t.end > from && t.start < to) || spans.some(([a, b]) => at >= a && at < b) || !eventLimitHolds(f, at, from, to)) continue;
      // "định kỳ báo cáo kết quả tại các kỳ họp thường lệ": every regular session of the council, the cycle as written.
      let start = at;
      let recurrence: string | null = null;
      if (/^tai\s+cac\s+ky hop/.test(f.slice(at))) {
        const cyc = f.slice(from + 1, at).search(/dinh ky\s/);
        if (cyc >= 0) start = from + 1 + cyc;
        recurrence = 'each regular session';
      }
      let context = contextBefore(p, recurrence ? at : start);
      // "Kết thúc đợt huấn luyện, Ban Chỉ huy quân sự xã tổng hợp kết quả, báo cáo …": what is due follows the event.
      if (words(context) < 2 && /^ket thuc\s/.test(f.slice(at))) context = clean(p.text.slice(end, to).replace(/^[\s,]+/, ''));
      if (words(context) < 2) continue;
      let responsible: string | null = leadOf.get(i) ?? null;
      if (!responsible) {
        const unitHeading = anc.find((a) => startsWithUnit(a.rest));
        if (unitHeading) responsible = clean(splitUnitsAndTask(unitHeading.rest.split(':')[0]).units);
      }
      out.push({ date: null, endDate: null, text: clean(p.text.slice(start, end)), context: trimItem(context), responsible, recurrence, ref: refAt(p, start) });
    }
  }
  return out;
}

/**
 * Events a task is due before or after (folded): Tết, the first day of the school year (khai giảng, tựu trường), the council
 * session a draft or report goes to, the seasons ("trước mùa mưa", "trước mùa nắng nóng", "trước mùa huấn luyện") and the flood
 * crest ("trước đỉnh lũ") or an alarm level ("hoàn thành trước khi lũ đạt mức báo động 3"), the end or the results of the
 * work itself; the last day of the period after ("chậm nhất vào ngày cuối cùng của tháng tiếp theo"); each round of a campaign ("báo cáo kết quả sau mỗi đợt chiến dịch", "sau khi kết thúc đợt …"). Not a count
 * of days after one ("trong 15 ngày sau khi kết thúc giám sát"): a relative time, no time limit.
 */
const EVENT_LIMIT =
  /(?:^|[\s,(])(?:ket thuc\s+(?:moi\s+|tung\s+)?(?:dot|khoa)(?:\s+[a-z]+){0,3}(?=\s*,)|(?:(?:ngay\s+)?sau|theo)\s+(?:moi|tung)\s+(?:dot|dip|ky|buoi|cuoc)(?:\s+(?:chien dich|kiem tra|tuyen truyen|thi|hoat dong|ra quan|tiem|cao diem))?(?![a-z])|(?<!\d\s+(?:ngay(?:\s+lam viec)?\s+)?)(?:ngay\s+)?sau khi ket thuc\s+(?:moi\s+|tung\s+)?(?:dot|chien dich|dip|ky|mua)(?:\s+[a-z]+){0,3}(?![a-z])|tai\s+(?:cac\s+)?ky hop\s+(?:thuong le(?:\s+(?:giua|cuoi|dau)\s+nam(?:\s+\d{4})?)?|gan nhat|(?:giua|cuoi)\s+nam(?:\s+\d{4})?)|(?:cham nhat\s+)?(?:den het|truoc)\s+ngay lam viec cuoi cung\s+(?:cua|trong)\s+(?:nam|thang|quy)(?:\s+\d{4})?(?![a-z])|cham nhat\s+(?:vao\s+)?ngay\s+(?:lam viec\s+)?cuoi cung\s+(?:cua|trong)\s+(?:nam|thang|quy)(?:\s+(?:tiep theo|sau|ke tiep))(?![a-z])|(?:hoan thanh\s+|xong\s+)?(?:(?:cham nhat\s+)?(?:\d{1,2}\s+ngay(?:\s+lam viec)?\s+)?truoc|cham nhat(?:\s+\d{1,2}\s+ngay(?:\s+lam viec)?)?\s+sau khi|(?<!\d\s+)ngay sau khi)\s+(?:(?:dip\s+)?tet nguyen dan(?:\s+(?:giap thin|at ty|binh ngo|dinh mui|mau than|ky dau|canh ty|tan suu|nham dan|quy mao))?|(?:ngay\s+)?tuu truong(?:\s+nam hoc(?:\s+moi)?)?|(?:ngay\s+)?khai giang(?:\s+nam hoc(?:\s+moi|\s+\d{4}\s*-\s*\d{4})?)?|(?:khi trinh\s+)?(?:hoi dong nhan dan(?:\s+(?:xa|phuong|huyen|tinh|thanh pho|cung cap))?|ky hop)(?:\s+(?:thu\s+[a-z]+|thuong le(?:\s+(?:giua|cuoi)\s+nam)?|chuyen de|[a-z]+\s+nhan\s+dan\s+[a-z]+)){0,2}|mua mua(?:\s*,?\s*(?:bao|lu))*|(?:dinh|mua)\s+lu(?:\s*,?\s*(?:bao|trieu cuong))*|khi\s+(?:nuoc\s+)?lu\s+(?:dat|len|xuong)(?:\s+(?:den|toi))?\s+(?:muc\s+)?bao dong(?:\s+(?:\d|[ivx]{1,3}))?|mua (?:kho|bao|nang nong|ret|dich|huan luyen|thu hoach|tuyen sinh|du lich|le hoi|thi)|(?:co|nhan duoc)\s+ket qua(?:\s+[a-z]+){0,3}|ket thuc(?:\s+[a-z]+){1,5}|nam hoc\s+\d{4}\s*-\s*\d{4}(?!\s*ket thuc)(?![\d/]))(?![a-z]))/g;

/** Is the event-relative time limit at `at` one the document sets (and not a purpose, an activity's name or a rule)? */
function eventLimitHolds(f: string, at: number, from: number, to: number): boolean {
  const clause = f.slice(from + 1, to);
  const head = f.slice(at).split(/\s+/).slice(0, 6).join(' ');
  // "(cao điểm trước Tết)", "trước và sau Tết": a window around the event.
  if (/\(\s*(?:[a-z]+\s+){0,2}$/.test(f.slice(Math.max(0, at - 14), at)) || /^truoc\s+va\s+sau/.test(f.slice(at))) return false;
  // "kiểm tra trước mùa mưa", "tiếp xúc cử tri trước kỳ họp": the name of an activity.
  if (/(?:kiem tra|tiep xuc cu tri|y kien[a-z ,]{0,40}cu tri)\s*$/.test(f.slice(Math.max(0, at - 40), at))) return false;
  // "Để nâng cao … trước mùa mưa bão": a purpose.
  if (/^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*de\s/.test(clause)) return false;
  // Before a session or after results: only for what is sent or submitted then.
  // So after each round of a campaign ("báo cáo kết quả sau mỗi đợt chiến dịch"; not "ghi nhận ý kiến khán giả sau mỗi đợt").
  if (/ky hop|hoi dong nhan dan|sau khi|(?:sau|theo) (?:moi|tung)/.test(head) && !/bao cao|gui|trinh|nop|hoan thanh|tong hop|cong khai|thong bao/.test(clause)) return false;
  // "Kết thúc đợt luân phiên, báo cáo kết quả …": at the end of each round, a report (not "Kết thúc đợt thi đua, … tổ chức sơ kết").
  // It opens its clause.
  if (/^ket thuc\s/.test(head) && (!/bao cao/.test(clause) || !/^\s*(?:[a-zđ]\)|\d+\.|[-–+•])?\s*$/.test(f.slice(from + 1, at)))) return false;
  return true;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
