/**
 * Header metadata of an official document laid out per Nghị định 30/2020/NĐ-CP: issuing body
 * (top left), number and symbol (`Số: 35/KH-UBND`), place and date, document type in capitals,
 * title, signer block and recipients (Nơi nhận). Tolerates OCR noise that restoration leaves.
 */
import type { VFile } from 'vfile';
import type { Metadata } from '../schema/plan-document.ts';
import type { DocLine } from './lines.ts';
import { stripDiacritics } from '../text/vietnamese.ts';

/** Document types by their capitalised name, compared without diacritics. */
export const DOC_TYPES: Record<string, string> = {
  'KE HOACH': 'KẾ HOẠCH',
  'QUYET DINH': 'QUYẾT ĐỊNH',
  'BAO CAO': 'BÁO CÁO',
  'THONG BAO': 'THÔNG BÁO',
  'TO TRINH': 'TỜ TRÌNH',
  'CONG VAN': 'CÔNG VĂN',
  'CHI THI': 'CHỈ THỊ',
  'NGHI QUYET': 'NGHỊ QUYẾT',
  'CHUONG TRINH': 'CHƯƠNG TRÌNH',
  'HUONG DAN': 'HƯỚNG DẪN',
  'QUY CHE': 'QUY CHẾ',
  'QUY DINH': 'QUY ĐỊNH',
  'DE AN': 'ĐỀ ÁN',
  'BIEN BAN': 'BIÊN BẢN',
  'GIAY MOI': 'GIẤY MỜI',
};

const fold = (s: string) => stripDiacritics(s).toUpperCase().replace(/\s+/g, ' ').trim();

/** `ngày 14 tháng 11 năm 2024` → 2024-11-14 (tolerating OCR-damaged words and blanks). */
export function parseVietnameseDate(text: string): string | null {
  const f = stripDiacritics(text).toLowerCase();
  const m = f.match(/ngay\s*[^\d\s]{0,2}\s*(\d{1,2})\s*[^\d\s]{0,2}\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  const n = f.match(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/);
  if (n) return isoDate(+n[3], +n[2], +n[1]);
  return null;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMBER_RE = /S[ốôo]\s*[:;.]?\s*([0-9]{1,6}[a-zA-Z]?)?\s*\/\s*([A-ZĐ]{1,6}(?:\s*-\s*[A-ZĐa-z]{1,8}){0,3})/u;

export function extractMetadata(lines: DocLine[], file?: VFile): Metadata {
  const meta: Metadata = {
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
  const head = lines.slice(0, 40);

  // Number and symbol.
  for (const l of head) {
    const m = l.text.match(NUMBER_RE);
    if (m) {
      meta.number = m[1] ?? null;
      meta.symbol = m[2].replace(/\s+/g, '');
      break;
    }
  }

  // Place and date: "<Place>, ngày … tháng … năm …".
  for (const l of head) {
    const f = stripDiacritics(l.text).toLowerCase();
    const at = f.search(/,\s*ngay\b/);
    if (at >= 0 && /thang/.test(f)) {
      meta.issuedDate = parseVietnameseDate(l.text.slice(at));
      const before = l.text.slice(0, at);
      // The place follows the number/symbol when both share the line.
      const place = before.replace(NUMBER_RE, '').replace(/^.*\/\S*\s+/, '').trim();
      meta.place = place || null;
      break;
    }
  }

  // Document type: the first line that is one of the known types (in capitals).
  let typeIndex = -1;
  for (let i = 0; i < head.length; i++) {
    const f = fold(head[i].text).replace(/[^A-Z ]/g, '').trim();
    if (DOC_TYPES[f]) {
      meta.docType = DOC_TYPES[f];
      typeIndex = i;
      break;
    }
  }
  if (typeIndex < 0 && head.some((l) => /^V\/v\b/i.test(l.text.trim()))) meta.docType = 'CÔNG VĂN';

  // Title: the lines after the type, up to a blank/paragraph change or a body opener.
  if (typeIndex >= 0) {
    const titleLines: string[] = [];
    const block = head[typeIndex + 1]?.block;
    for (let i = typeIndex + 1; i < head.length && titleLines.length < 4; i++) {
      const t = head[i].text.trim();
      if (!t || head[i].block !== block || /^(Căn cứ|Thực hiện|Để|Nhằm)\b/u.test(t) || /^-+$/.test(t)) break;
      titleLines.push(t);
    }
    meta.title = titleLines.join(' ') || null;
  }

  // Issuer: the left column of the first header lines (before the motto on the same line).
  const issuerParts: string[] = [];
  for (const l of head.slice(0, 8)) {
    const f = fold(l.text);
    if (/^(KY BOI|CO QUAN|NGAY KY|THOI GIAN KY)/.test(f)) continue;
    if (NUMBER_RE.test(l.text) || /,\s*NGAY\b/.test(f)) break;
    const cut = l.text.search(/C[ỘO]NG\s*H[ÒO]A|Đ[ỘO]C\s*L[ẬA]P|Độc lập/iu);
    const left = (cut >= 0 ? l.text.slice(0, cut) : l.text).trim();
    if (left && left === left.toUpperCase() && /\p{L}/u.test(left)) issuerParts.push(left);
  }
  if (issuerParts.length >= 2) {
    meta.parentIssuer = issuerParts[0];
    meta.issuer = issuerParts.slice(1).join(' ');
  } else if (issuerParts.length === 1) {
    meta.issuer = issuerParts[0];
  }

  // Signer: authority line (TM./KT./Q./TL./TUQ.) near the end, then title, then a name.
  const tail = lines.slice(-60);
  for (let i = 0; i < tail.length; i++) {
    const m = tail[i].text.match(/\b(TM|KT|Q|TL|TUQ)\s*\.\s*(.*)$/u);
    if (!m || m[2].trim() !== m[2].trim().toUpperCase()) continue;
    meta.signer.authority = `${m[1]}.`;
    const after = tail.slice(i + 1).map((l) => l.text.trim()).filter(Boolean);
    const titleLine = after.find((t) => t === t.toUpperCase() && /\p{L}{2}/u.test(t));
    meta.signer.title = titleLine ?? m[2].trim();
    const name = after.reverse().find((t) => /^(\p{Lu}\p{Ll}+\s+){1,4}\p{Lu}\p{Ll}+$/u.test(t));
    meta.signer.name = name ?? null;
  }

  // Recipients: lines starting with "-" after "Nơi nhận".
  const at = lines.findIndex((l) => /^N[ơo]i\s*nh[ậa]n/iu.test(l.text.trim()));
  if (at >= 0) {
    for (const l of lines.slice(at + 1, at + 30)) {
      const t = l.text.trim();
      const m = t.match(/^[-–•+]\s*(.+?)[;.,]?$/u);
      if (!m) {
        if (meta.recipients.length) break;
        continue;
      }
      const purpose = m[1].match(/\(([^)]+)\)\s*$/);
      meta.recipients.push({ name: m[1].replace(/\s*\([^)]+\)\s*$/, '').trim(), purpose: purpose ? purpose[1] : null });
    }
  }

  if (!meta.docType) file?.message('document type not found in the header', undefined, 'extract:metadata');
  if (!meta.issuedDate) file?.message('issue date not found in the header', undefined, 'extract:metadata');
  return meta;
}
