/**
 * Header metadata of an official document laid out per Nghị định 30/2020/NĐ-CP: issuing body and
 * its parent (top left), number and symbol (`Số: 35/KH-UBND`), place and date, document type in
 * capitals, title (or the `V/v` subject of a letter), signer block (authority TM./KT./Q./TL./TUQ.,
 * title, name) and recipients (Nơi nhận, with their purpose such as `b/c`). Tolerates what OCR
 * leaves behind: `S6:17§KH-UBND`, `ngay /7 thang 02`, the two header columns read as one line,
 * a missing header line.
 */
import type { VFile } from 'vfile';
import type { Metadata } from '../schema/plan-document.ts';
import type { DocLine } from './lines.ts';
import { isoDate, parseVietnameseDate } from './dates.ts';
import { clean, fold, isUpper } from './text.ts';

export { isoDate, parseVietnameseDate };

/** Document types by their folded name. */
export const DOC_TYPES: Record<string, string> = {
  'ke hoach': 'KẾ HOẠCH',
  'quyet dinh': 'QUYẾT ĐỊNH',
  'bao cao': 'BÁO CÁO',
  'thong bao': 'THÔNG BÁO',
  'to trinh': 'TỜ TRÌNH',
  'cong van': 'CÔNG VĂN',
  'chi thi': 'CHỈ THỊ',
  'nghi quyet': 'NGHỊ QUYẾT',
  'chuong trinh': 'CHƯƠNG TRÌNH',
  'huong dan': 'HƯỚNG DẪN',
  'quy che': 'QUY CHẾ',
  'quy dinh': 'QUY ĐỊNH',
  'de an': 'ĐỀ ÁN',
  'bien ban': 'BIÊN BẢN',
  'giay moi': 'GIẤY MỜI',
  'cong dien': 'CÔNG ĐIỆN',
  'phuong an': 'PHƯƠNG ÁN',
};

/** `Số: 35/KH-UBND`, `Số: 12/2024/QĐ-UBND`, `S6:17§KH-UBND`, `Số:   /KH-UBND` (number left blank). */
const NUMBER_RE =
  /(?:^|\s)S[ốôoóồổỗộơớờởỡợ6ỏ0Ố]\s*[:;.,]?\s*(\d{1,6}[a-z]?)?\s*(?:\/\s*((?:19|20)\d\d)\s*)?[/§|\\]\s*([A-ZĐ][A-ZĐ]{0,5}(?:r|g)?(?:\s*-\s*[A-ZĐ][A-ZĐa-z0-9&]{0,11}){0,3})/u;

/**
 * The same with OCR debris between "Số:" and the symbol, where a handwritten number was
 * read as scribbles (`Số: g/) 0 /KH-UBND`): the digits among the debris are the number.
 */
const NUMBER_NOISY_RE =
  /(?:^|\s)S[ốôoóồổỗộơớờởỡợ6ỏ0Ố]\s*[:;.,]\s*([^\p{L}\s]{0,4}|\p{Ll}[^\p{L}]{0,4}|[^\p{L}]{0,3}\p{Ll}[^\p{L}]{0,3})\s*[/§|\\]\s*([A-ZĐ][A-ZĐ]{0,5}(?:r|g)?(?:\s*-\s*[A-ZĐ][A-ZĐa-z0-9&]{0,11}){1,3})/u;

interface NumberMatch {
  index: number;
  length: number;
  number: string | null;
  symbol: string;
  noisy: boolean;
}

function matchNumber(text: string): NumberMatch | null {
  const m = text.match(NUMBER_RE);
  if (m) return { index: m.index ?? 0, length: m[0].length, number: m[1] ? (m[2] ? `${m[1]}/${m[2]}` : m[1]) : null, symbol: m[3].replace(/\s+/g, ''), noisy: false };
  const n = text.match(NUMBER_NOISY_RE);
  if (!n) return null;
  const digits = n[1].match(/\d+/g);
  return { index: n.index ?? 0, length: n[0].length, number: digits ? digits[digits.length - 1] : null, symbol: n[2].replace(/\s+/g, ''), noisy: true };
}

const STAMP = /^(ky boi|co quan|ngay ky|thoi gian ky|email|to chuc|chuc vu)\b/;
const MOTTO = /cong\s*hoa\s*xa\s*hoi|doc\s*lap\s*-?\s*tu\s*do|doc lap|tu do - hanh phuc/;
const ADMIN_LEVEL = /^(huyen|xa|tinh|thanh pho|thi xa|phuong|thi tran|quan|dac khu|tp\.?)\b/;
const GENERIC_BODY = /^(uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd|uy ban mat tran to quoc viet nam)$/;
const AUTHORITY = /(?:^|\s)(TM|KT|Q|TL|TUQ|T\/M)\s*\.\s*(\p{Lu}[\p{Lu}\s.,-]*)/u;
const TITLE_WORDS = /\b(chu tich|giam doc|truong|pho|chanh|bi thu|thu truong|vien truong|cuc truong|tong giam doc|chu nhiem|uy vien|thu tuong|bo truong)\b/;
/** What a recipient gets the document for: b/c (báo cáo), t/h (thực hiện), để biết, phối hợp… */
const PURPOSE = /\/|^de\b|thuc hien|bao cao|chi dao|\bbiet\b|phoi hop|theo doi|giam sat|^t\.?h\.?$|^b\.?c\.?$/;
/** A syllable of a name: `Nguyễn`, and the apostrophe forms of Central Highlands names (`H'Bliêng`, `H'`, `M'gar`). */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:['’ʼ](?:\p{Lu}?[\p{Ll}\p{M}]+)?)?`;
const NAME_LAST = String.raw`\p{Lu}(?:[\p{Ll}\p{M}]+|[\p{Ll}\p{M}]*['’ʼ]\p{Lu}?[\p{Ll}\p{M}]+)`;
const NAME = new RegExp(String.raw`^(?:${NAME_WORD}\.?\s+){1,5}${NAME_LAST}$`, 'u');
const NAME_AT_END = new RegExp(String.raw`((?:${NAME_WORD}\s+){1,4}${NAME_LAST})$`, 'u');

function emptyMetadata(): Metadata {
  return {
    docType: null,
    number: null,
    symbol: null,
    issuedDate: null,
    place: null,
    issuer: null,
    parentIssuer: null,
    title: null,
    signer: { name: null, title: null, authority: null },
    recipients: [],
  };
}

/** The run of capitals that ends a line (the right-hand column of a two-column line). */
function trailingCapitals(text: string): string | null {
  // Words must be separated by spaces: "(?:X+\s*)+$" could split a word many ways and backtrack
  // exponentially on a long capital line that does not end in capitals ("… ĐẾN NĂM 2026").
  const m = text.match(/((?:[\p{Lu}Đ][\p{Lu}Đ.]*(?:\s+|$))+)$/u);
  if (!m) return null;
  const t = clean(m[1]);
  return t.replace(/[^\p{L}]/gu, '').length >= 4 ? t : null;
}

function isSignerTitle(t: string): boolean {
  return isUpper(t) && TITLE_WORDS.test(fold(t)) && t.length <= 60;
}

export interface MetadataResult {
  metadata: Metadata;
  /** Index (in `lines`) of the last header line (type + title), or -1. */
  headerEnd: number;
  /** Index (in `lines`) where the closing block (Nơi nhận / signature) starts, or lines.length. */
  closingStart: number;
}

/** Below this OCR confidence a digit of the number or the date is a guess worth checking. */
const DOUBTFUL_DIGITS = 0.6;

/** Warns when OCR was unsure of the digits a header field was read from (a seal or a smudge over them). */
function doubtfulDigits(line: DocLine, what: string, file?: VFile): void {
  if (line.digitConfidence === undefined || line.digitConfidence >= DOUBTFUL_DIGITS) return;
  file?.message(`${what} read with low OCR confidence (${Math.round(line.digitConfidence * 100)}%): check it against the scan`, { line: line.line, column: 1 }, 'extract:metadata');
}

export function extractMetadataDetailed(lines: DocLine[], file?: VFile): MetadataResult {
  const meta = emptyMetadata();
  const limit = Math.min(lines.length, 45);
  const head = lines.slice(0, limit);
  const folded = head.map((l) => fold(l.text).trim());

  // Document type: the first line that is one of the known types, in capitals.
  let typeIndex = -1;
  for (let i = 0; i < head.length; i++) {
    const f = folded[i].replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
    if (DOC_TYPES[f] && isUpper(head[i].text)) {
      meta.docType = DOC_TYPES[f];
      typeIndex = i;
      break;
    }
  }
  const headerZone = typeIndex >= 0 ? typeIndex : Math.min(limit, 15);

  // Number and symbol.
  let numberIndex = -1;
  for (let i = 0; i < Math.min(head.length, Math.max(headerZone, 15)); i++) {
    const m = matchNumber(head[i].text);
    if (m) {
      meta.number = m.number;
      meta.symbol = m.symbol;
      numberIndex = i;
      if (!m.number) file?.message('document number left blank in the header', { line: head[i].line, column: 1 }, 'extract:metadata');
      else if (m.noisy) file?.message(`document number read among OCR debris: "${clean(head[i].text.slice(m.index, m.index + m.length))}"`, { line: head[i].line, column: 1 }, 'extract:metadata');
      else doubtfulDigits(head[i], `document number "${m.number}/${m.symbol}"`, file);
      break;
    }
  }

  // Place and date: "<Place>, ngày … tháng … năm …".
  let dateIndex = -1;
  for (let i = 0; i < Math.min(head.length, Math.max(headerZone + 1, 15)); i++) {
    const f = folded[i];
    const at = f.search(/,?\s*ngay\s*\S{0,3}\s*\S{0,3}\s*thang/);
    if (at < 0 || !/nam\s*\d{4}|\d{4}\s*$/.test(f)) continue;
    meta.issuedDate = parseVietnameseDate(head[i].text.slice(at));
    if (!meta.issuedDate) file?.message(`issue date not readable: "${clean(head[i].text.slice(at))}"`, { line: head[i].line, column: at + 1 }, 'extract:metadata');
    else doubtfulDigits(head[i], `issue date ${meta.issuedDate}`, file);
    let before = head[i].text.slice(0, at);
    const num = matchNumber(before);
    if (num) before = before.slice(num.index + num.length);
    const cut = fold(before).search(MOTTO);
    if (cut >= 0) before = before.slice(0, cut);
    const place = clean(before).replace(/^[,;:.\s-]+|[,;:.\s-]+$/g, '');
    meta.place = place && !isUpper(place) ? place : place || null;
    dateIndex = i;
    break;
  }

  // Issuer: the left column of the header lines before the number/date/type.
  const stop = [numberIndex, dateIndex, typeIndex].filter((i) => i >= 0);
  const issuerEnd = stop.length ? Math.min(...stop) : Math.min(limit, 6);
  const parts: string[] = [];
  for (let i = 0; i < Math.min(issuerEnd, head.length); i++) {
    const f = folded[i];
    if (STAMP.test(f)) continue;
    const cut = f.search(MOTTO);
    let left = cut >= 0 ? head[i].text.slice(0, cut) : head[i].text;
    left = clean(left).replace(/[-_=.*]{3,}/g, '').trim();
    if (left && isUpper(left) && /\p{L}{2}/u.test(left)) parts.push(left);
  }
  // Join "ỦY BAN NHÂN DÂN" + "HUYỆN CƯ KUIN": one body written over two lines.
  const groups: string[] = [];
  for (const p of parts) {
    const prev = groups[groups.length - 1];
    // A name wrapped over two lines ("SỞ VĂN HÓA, THỂ THAO" + "VÀ DU LỊCH", "SỞ NÔNG NGHIỆP VÀ" + "PHÁT
    // TRIỂN NÔNG THÔN"): the line that opens or follows a "và", a comma or a dash goes on the name.
    const wrapped = prev && (/^(?:va|&)\s/.test(fold(p)) || /(?:\s(?:va|&)|[,\-–])$/.test(fold(prev).trim()));
    if (prev && (wrapped || (ADMIN_LEVEL.test(fold(p)) && GENERIC_BODY.test(fold(prev))))) groups[groups.length - 1] = `${prev} ${p}`;
    else groups.push(p);
  }
  if (groups.length >= 2) {
    meta.parentIssuer = groups.slice(0, -1).join(' ');
    meta.issuer = groups[groups.length - 1];
  } else if (groups.length === 1) meta.issuer = groups[0];

  // Title: the lines after the type, in its paragraph; a letter's subject line ("V/v …").
  let headerEnd = typeIndex;
  if (typeIndex >= 0) {
    const titleLines: string[] = [];
    // Scanner noise between the type and the title (". ~ ,") is no title: skip letterless lines.
    const hasWords = (t: string) => (t.match(/\p{L}/gu) ?? []).length >= 2;
    let first = typeIndex + 1;
    while (first < head.length && head[first].text.trim() && !hasWords(head[first].text)) first++;
    const block = head[first]?.block;
    const page = head[first]?.page;
    for (let i = first; i < head.length && titleLines.length < 5; i++) {
      const t = head[i].text.trim();
      const f = folded[i];
      if (t && !hasWords(t) && !/^[-_]+$/.test(t)) continue;
      if (!t || head[i].block !== block || head[i].page !== page || /^[-_]+$/.test(t)) break;
      if (titleLines.length && /^(can cu|thuc hien|de |nham|xet|theo de nghi|kinh gui|i\.|phan)/.test(f)) break;
      if (titleLines.length && isUpper(t) && !isUpper(titleLines[0])) break;
      titleLines.push(t);
      headerEnd = i;
    }
    meta.title = titleLines.length ? clean(titleLines.join(' ')) : null;
  }
  for (let i = 0; i < head.length; i++) {
    const m = head[i].text.match(/(?:^|\s)V\/v\s*[:.]?\s*(.+)$/iu);
    if (!m) continue;
    if (!meta.docType) meta.docType = 'CÔNG VĂN';
    if (!meta.title) {
      const t = [m[1]];
      for (let j = i + 1; j < head.length && head[j].block === head[i].block && !MOTTO.test(folded[j]) && !/ngay\s*\S*\s*thang/.test(folded[j]); j++) t.push(head[j].text);
      meta.title = clean(t.join(' '));
      headerEnd = Math.max(headerEnd, i);
    }
    break;
  }

  // Closing block: recipients (Nơi nhận) and signature, searched from the end of the main text.
  let closingStart = lines.length;
  let recipientsAt = -1;
  for (let i = lines.length - 1; i > headerEnd; i--) {
    if (/^noi\s*nhan\b/.test(fold(lines[i].text.trim()))) {
      recipientsAt = i;
      break;
    }
  }
  if (recipientsAt < 0) {
    for (let i = Math.max(0, headerEnd); i < lines.length; i++) {
      if (/^kinh\s*gui\b/.test(fold(lines[i].text.trim()))) {
        recipientsAt = i;
        break;
      }
    }
  }
  if (recipientsAt < 0) {
    // "Nơi nhận" lost to OCR: the main text ends with "./." and the recipients are the "- …" list
    // that follows (its heading, if any, is the line just before the first entry).
    for (let i = Math.max(0, headerEnd + 1); i < lines.length; i++) {
      if (!/\.\s*\/\s*\.?\s*$/.test(lines[i].text)) continue;
      let seen = 0;
      for (let j = i + 1; j < lines.length && seen < 4; j++) {
        const t = lines[j].text.trim();
        if (!t) continue;
        seen++;
        if (/^[-–+•]\s*\p{L}/u.test(t)) {
          const prev = lines[j - 1]?.text.trim() ? j - 1 : j;
          recipientsAt = prev > i ? prev : j;
          file?.message('recipients found after the end of the text ("./."): no "Nơi nhận" line', { line: lines[j].line, column: 1 }, 'extract:metadata');
          break;
        }
      }
      if (recipientsAt >= 0) break;
    }
  }
  // Signature block: authority lines, title, name, near the recipients (or at the end).
  const sigFrom = recipientsAt >= 0 ? Math.max(headerEnd + 1, recipientsAt - 4) : Math.max(headerEnd + 1, lines.length - 40);
  const sigTo = Math.min(lines.length, (recipientsAt >= 0 ? recipientsAt : sigFrom) + 40);
  const authorities: string[] = [];
  let titleAt = -1;
  for (let i = sigFrom; i < sigTo; i++) {
    const t = lines[i].text;
    const a = t.match(AUTHORITY);
    if (a && isUpper(a[2])) {
      // (An authority line never ends in punctuation: "KT.CHỦ TỊCH." is a speck of the seal.)
      authorities.push(`${a[1]}. ${clean(a[2]).replace(/[\s.,;:-]+$/u, '')}`);
      titleAt = i;
      continue;
    }
    if (authorities.length && recipientsAt < 0 && titleAt >= 0 && i > titleAt + 3) break;
  }
  for (let i = titleAt >= 0 ? titleAt + 1 : sigFrom; i < sigTo; i++) {
    const t = lines[i].text;
    if (AUTHORITY.test(t)) continue;
    const cap = trailingCapitals(t.replace(/^.*?:\s*/, (x) => (fold(x).startsWith('noi nhan') || fold(x).startsWith('gui ban') ? '' : x)));
    if (cap && isSignerTitle(cap)) {
      meta.signer.title = cap;
      titleAt = i;
      break;
    }
    if (authorities.length && i > titleAt + 6) break;
  }
  if (!meta.signer.title && authorities.length) {
    // No title line (or one OCR could not read): the title is the one signed for, and one who
    // signs "KT." (ký thay) for the head is a deputy (Nghị định 30/2020: KT. CHỦ TỊCH /
    // PHÓ CHỦ TỊCH).
    const last = authorities[authorities.length - 1];
    const signedFor = last.replace(/^\S+\s*/, '');
    meta.signer.title = /^KT\./u.test(last) && !/^PHÓ\b/u.test(signedFor) ? `PHÓ ${signedFor}` : signedFor;
  }
  meta.signer.authority = authorities.length ? authorities.join('; ') : null;
  if (titleAt >= 0) {
    for (let i = titleAt + 1; i < Math.min(lines.length, titleAt + 25); i++) {
      const t = clean(lines[i].text);
      if (NAME.test(t) && t.split(' ').length >= 2 && !/\d/.test(t)) {
        meta.signer.name = t;
        break;
      }
      if (/^[-–+•]/.test(t) || /^(luu|noi nhan)/.test(fold(t))) continue;
      // Two columns on one line: "- Lưu: VT, VP. Nguyễn Văn A".
      const m = t.match(NAME_AT_END);
      if (m && /[;.]\s+\S+/.test(t) && NAME.test(m[1]) && m[1].split(' ').length >= 3) {
        meta.signer.name = m[1];
        break;
      }
    }
  }

  // Recipients: each "- …" entry after "Nơi nhận:" (or "Kính gửi:"), with its purpose in brackets.
  if (recipientsAt >= 0) {
    closingStart = recipientsAt;
    const firstLine = lines[recipientsAt].text.replace(/^.*?:\s*/, '');
    const entries: { text: string; line: DocLine }[] = [];
    if (/^[-–+•]/.test(firstLine.trim())) entries.push({ text: firstLine, line: lines[recipientsAt] });
    for (let i = recipientsAt + 1; i < Math.min(lines.length, recipientsAt + 40); i++) {
      // (Scanner debris before an entry's dash: ".- TT Huyện ủy …".)
      let t = lines[i].text.trim().replace(/^[.,'`·]{1,2}\s*(?=[-–+•])/u, '');
      const a = t.search(AUTHORITY);
      if (a > 0) t = t.slice(0, a).trim();
      const cap = trailingCapitals(t);
      if (cap && isSignerTitle(cap) && cap !== t) t = t.slice(0, t.length - cap.length).trim();
      if (/^[-–+•]/.test(t)) {
        entries.push({ text: t, line: lines[i] });
        continue;
      }
      if (!t) continue;
      // A wrapped entry: its next line opens in lower case, or after a comma ("…, Chi cục THADS huyện," / "PGD NHCSXH huyện;").
      const prevText = entries.length ? entries[entries.length - 1].text.trim() : '';
      if (entries.length && (/^\p{Ll}/u.test(t) || /,$/.test(prevText)) && !/[;.]$/.test(prevText)) {
        entries[entries.length - 1].text += ` ${t}`;
        continue;
      }
      // The signer's authority and title lines beside the list, read in among its entries when the
      // two columns share lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"): the list goes on after them.
      if (a === 0 || isSignerTitle(t)) continue;
      // A few words of the signature column that OCR garbled (a title under the seal: "mm Tịch"),
      // with the list going on right after them.
      if (entries.length && t.split(/\s+/).length <= 3 && !/[;.]$/.test(t) && lines.slice(i + 1, i + 3).some((l) => /^[-–+•]/.test(l.text.trim()))) continue;
      if (entries.length) break;
    }
    for (const e of entries) {
      let body = clean(e.text.replace(/^[-–+•]\s*/, ''));
      let purpose: string | null = null;
      const pm = body.match(/\s*\(([^()]{1,30})\)\s*[;,.]?\s*$/);
      if (pm && PURPOSE.test(fold(pm[1]))) {
        purpose = clean(pm[1]);
        // The abbreviations are written in lower case ("b/c", "t/h"): "b/C" is OCR's.
        if (/^\p{L}\/\p{L}$/u.test(purpose)) purpose = purpose.toLowerCase();
        // "(b/)", "(b/o)": OCR's "(b/c)", the only abbreviation of that shape.
        if (/^b\s*\/\s*[co]?$/i.test(purpose)) purpose = 'b/c';
        body = body.slice(0, pm.index);
      }
      // Scanner debris after the entry's semicolon ("Văn phòng UBND tỉnh; U").
      body = body.replace(/;\s*[^\s;]{1,2}\s*$/u, '');
      // (A colon at the end is OCR's semicolon: "- Các phòng, đơn vị thuộc UBND phường:".)
      body = body.replace(/\s*[;,:]+\s*$/, '').replace(/\.$/, '').trim();
      // "Lưu:VT" (a scan's narrow space lost): "Lưu: VT", as it is written.
      body = body.replace(/(?<=\p{L}):(?=\p{L})/gu, ': ');
      if (body) meta.recipients.push({ name: body, purpose });
    }
    if (!meta.signer.name && entries.length) {
      // No signer title found (lost to OCR): the name is the first name-like line after the list.
      let seen = 0;
      for (let i = lines.indexOf(entries[entries.length - 1].line) + 1; i < lines.length && seen < 6; i++) {
        const t = clean(lines[i].text);
        if (!t) continue;
        seen++;
        if (NAME.test(t) && t.split(' ').length >= 2 && !/\d/.test(t)) {
          meta.signer.name = t;
          break;
        }
      }
    }
  }

  if (!meta.docType) file?.message('document type not found in the header', undefined, 'extract:metadata');
  if (!meta.issuedDate && dateIndex < 0) file?.message('issue date not found in the header', undefined, 'extract:metadata');
  if (!meta.symbol) file?.message('number and symbol (Số: …/…) not found in the header', undefined, 'extract:metadata');
  if (!meta.signer.name) file?.message('signer name not found', undefined, 'extract:metadata');
  return { metadata: meta, headerEnd, closingStart };
}

export function extractMetadata(lines: DocLine[], file?: VFile): Metadata {
  return extractMetadataDetailed(lines, file).metadata;
}
