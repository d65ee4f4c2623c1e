/**
 * The converter from a corpus text to a typeset document (scripts/render-samples/from-text.ts):
 * every word kept in reading order, a pipe table made a ruled table of the right shape, and a
 * scan rendered from it. Needs Liberation Serif (Debian: fonts-liberation2).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Block } from '../scripts/render-samples/draw.ts';
import { documentFromText, renderTextAsScan, tableGrid } from '../scripts/render-samples/from-text.ts';

const PLAN = `ỦY BAN NHÂN DÂN
XÃ BÌNH MINH

Số: 12/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Bình Minh, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Phòng, chống dịch bệnh trên đàn gia súc
năm 2025

Căn cứ Kế hoạch số 30/KH-UBND ngày 10 tháng 02 năm 2025 của Ủy ban nhân dân huyện,
Ủy ban nhân dân xã ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Tiêm phòng đạt trên 90% tổng đàn trâu, bò trong diện tiêm.

II. NHIỆM VỤ

STT | Nội dung | Chủ trì | Thời hạn
--- | --- | --- | ---
1 | Tiêm phòng lở mồm long móng đợt 1 cho đàn trâu, bò | Thú y viên
xã | Tháng 4/2025
2 | Tổng vệ sinh, tiêu độc khử trùng chuồng trại | Trưởng các thôn | Trước ngày 30/5/2025

Nơi nhận:
- UBND huyện (b/c);
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
`;

/** The words of the blocks in the order draw.ts reads them out. */
function blockWords(blocks: Block[]): string[] {
  const out: string[] = [];
  const push = (...s: string[]) => out.push(...s.join(' ').split(/\s+/).filter(Boolean));
  for (const b of blocks) {
    if (b.kind === 'header') push(...b.left.map((l) => l.text));
    else if (b.kind === 'numberDate') {
      const header = blocks.find((x) => x.kind === 'header');
      push(b.number, ...(b.subject ?? []), ...(header?.kind === 'header' ? header.right.map((l) => l.text) : []), b.date);
    } else if (b.kind === 'centred') push(...b.lines);
    else if (b.kind === 'para') push(b.text);
    else if (b.kind === 'table') push(...b.columns.map((c) => c.title), ...b.rows.flat());
    else if (b.kind === 'signature') push(...b.recipients, ...b.signer.map((l) => l.text), b.name);
  }
  return out;
}

describe('a corpus text made a typeset document', () => {
  it('keeps every word of the text in reading order', () => {
    const doc = documentFromText(PLAN);
    const expected = PLAN.split(/\s+/).filter((w) => w && w !== '|' && w !== '---');
    expect(blockWords(doc.blocks)).toEqual(expected);
    expect(doc.blocks.map((b) => b.kind)).toEqual(expect.arrayContaining(['header', 'numberDate', 'centred', 'para', 'table', 'signature']));
    const sig = doc.blocks.find((b) => b.kind === 'signature');
    expect(sig?.kind === 'signature' && sig.name).toBe('Nguyễn Văn An');
  });

  it('makes a pipe table a table block of its rows × columns, a wrapped row one row', () => {
    const tables = documentFromText(PLAN).blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0];
    if (t.kind !== 'table') throw new Error('not a table');
    expect(t.columns.map((c) => c.title)).toEqual(['STT', 'Nội dung', 'Chủ trì', 'Thời hạn']);
    expect(t.rows).toEqual([
      ['1', 'Tiêm phòng lở mồm long móng đợt 1 cho đàn trâu, bò', 'Thú y viên xã', 'Tháng 4/2025'],
      ['2', 'Tổng vệ sinh, tiêu độc khử trùng chuồng trại', 'Trưởng các thôn', 'Trước ngày 30/5/2025'],
    ]);
  });

  it('reads a header wrapped after a closing pipe and a total row opening with one', () => {
    expect(tableGrid(['STT | Thôn | Số hộ |', 'thoát nghèo', '1 | Thôn A | 9', '| Cộng | 9'])).toEqual([
      ['STT', 'Thôn', 'Số hộ', 'thoát nghèo'],
      ['1', 'Thôn A', '9', ''],
      ['', 'Cộng', '9', ''],
    ]);
  });

  it('renders a scanned PDF of one JPEG page per page, the same for the same seed', async () => {
    const pdf = await renderTextAsScan(PLAN, { seed: 4, dpi: 200 });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(Buffer.from(await renderTextAsScan(PLAN, { seed: 4, dpi: 200 })).equals(Buffer.from(pdf))).toBe(true);
  }, 20_000);
});
