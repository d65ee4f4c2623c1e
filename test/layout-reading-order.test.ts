/**
 * Layout on hand-placed words (no OCR): the two-column official header and signature foot are
 * read column by column, paragraphs split where Vietnamese plans split them, table words land in
 * their cells (cut at a rule when the reader glued two cells together).
 */
import { describe, expect, it } from 'vitest';
import { layoutPage, type RawLine, type RawWord } from '../src/layout/index.ts';
import type { GridTable } from '../src/layout/grid.ts';
import type { BlockNode, HeadingNode, TableNode } from '../src/tree/types.ts';

const H = 40; // word height in pixels (a 13 pt line at 300 dpi)

/** Words of `text` starting at x, on the line whose top is y; 22 px per character. */
function words(text: string, x: number, y: number, confidence = 0.9): RawWord[] {
  const out: RawWord[] = [];
  for (const w of text.split(' ')) {
    const width = w.length * 22;
    out.push({ text: w, confidence, bbox: { x0: x, y0: y, x1: x + width, y1: y + H } });
    x += width + 14;
  }
  return out;
}

/** Words spread to fill x0..x1, as in justified text. */
function justified(text: string, x0: number, x1: number, y: number): RawWord[] {
  const ws = words(text, x0, y);
  const spare = (x1 - ws[ws.length - 1].bbox.x1) / (ws.length - 1);
  return ws.map((w, i) => ({ ...w, bbox: { ...w.bbox, x0: w.bbox.x0 + i * spare, x1: w.bbox.x1 + i * spare } }));
}

function centred(text: string, cx: number, y: number): RawWord[] {
  const width = text.length * 22 + (text.split(' ').length - 1) * 14 - text.split(' ').length * 0;
  return words(text, cx - width / 2, y);
}

function texts(blocks: BlockNode[]): string[] {
  return blocks.flatMap((b) => (b.type === 'table' ? [] : b.children.map((l) => l.value)));
}

const page = (lines: RawLine[], tables: GridTable[] = []) => ({ width: 2480, height: 3508, dpi: 300, lines, tables });

describe('official header', () => {
  // Issuer centred at x=650, motto at x=1620; the reader returns each row as one line.
  const rows: RawLine[] = [
    { words: [...centred('ỦY BAN NHÂN DÂN', 650, 240), ...centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 1620, 240)] },
    { words: [...centred('HUYỆN AN LẠC', 650, 300), ...centred('Độc lập - Tự do - Hạnh phúc', 1620, 300)] },
    { words: [...centred('Số: 58/KH-UBND', 650, 400), ...centred('An Lạc, ngày 14 tháng 3 năm 2025', 1620, 400)] },
    { words: centred('KẾ HOẠCH', 1330, 560) },
    { words: centred('Triển khai chuyển đổi số năm 2025', 1330, 620) },
    { words: words('I. MỤC ĐÍCH, YÊU CẦU', 500, 760) },
    { words: justified('Nâng cao chất lượng giải quyết thủ tục hành chính; phấn đấu 100%', 500, 2300, 840) },
    { words: justified('hồ sơ được tiếp nhận, giải quyết đúng hạn và 80% hồ sơ nộp', 354, 2300, 900) },
    { words: words('trực tuyến.', 354, 960) },
  ];

  it('reads the left column, then the right one, then the body', () => {
    const blocks = layoutPage(page(rows));
    expect(texts(blocks)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'HUYỆN AN LẠC',
      'Số: 58/KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Lạc, ngày 14 tháng 3 năm 2025',
      'KẾ HOẠCH',
      'Triển khai chuyển đổi số năm 2025',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Nâng cao chất lượng giải quyết thủ tục hành chính; phấn đấu 100%',
      'hồ sơ được tiếp nhận, giải quyết đúng hạn và 80% hồ sơ nộp',
      'trực tuyến.',
    ]);
  });

  it('gives header parts their roles and keeps a paragraph whole', () => {
    const blocks = layoutPage(page(rows));
    const roles = blocks.map((b) => (b.type === 'heading' ? (b as HeadingNode).data?.role : b.type));
    expect(roles).toEqual(['issuer', 'number', 'motto', 'date', 'doctype', 'title', 'section', 'paragraph']);
    expect(blocks[7].children).toHaveLength(3);
  });

  it('numbers lines 1.. in reading order', () => {
    const blocks = layoutPage(page(rows));
    const numbers = blocks.flatMap((b) => (b.type === 'table' ? [] : b.children.map((l) => l.position?.start.line)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('a long title', () => {
  // Body text from 354 to 2300 (centre 1327); the title's first line is centred and about as
  // wide as the body, or wider; its second line is short and centred.
  const body: RawLine[] = [
    { words: justified('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi', 500, 2300, 860) },
    { words: justified('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công', 500, 2300, 920) },
    { words: justified('tác văn thư; Kế hoạch số 12/KH-UBND ngày 04 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh', 354, 2300, 980) },
    { words: justified('về cải cách hành chính năm 2025 và Kế hoạch số 20/KH-UBND ngày 10 tháng 01 năm 2025', 354, 2300, 1040) },
    { words: justified('của Ủy ban nhân dân tỉnh về chuyển đổi số, Ủy ban nhân dân huyện ban hành Kế hoạch', 354, 2300, 1100) },
    { words: words('như sau:', 354, 1160) },
  ];
  // The first line spread over `width` pixels around the body's centre.
  const title = (first: string, width: number): RawLine[] => [
    { words: centred('KẾ HOẠCH', 1327, 560) },
    { words: justified(first, 1327 - width / 2, 1327 + width / 2, 640) },
    { words: centred('trên địa bàn huyện Thạnh Phú', 1327, 700) },
  ];
  const roles = (blocks: BlockNode[]) => blocks.map((b) => (b.type === 'heading' ? (b as HeadingNode).data?.role : b.type));

  it('is one title block when its first line falls just short of both margins', () => {
    const blocks = layoutPage(page([...title('Phòng, chống hạn hán, thiếu nước, xâm nhập mặn mùa khô năm 2024 - 2025', 1880), ...body]));
    expect(roles(blocks).slice(0, 3)).toEqual(['doctype', 'title', 'paragraph']);
    expect(texts([blocks[1]])).toEqual([
      'Phòng, chống hạn hán, thiếu nước, xâm nhập mặn mùa khô năm 2024 - 2025',
      'trên địa bàn huyện Thạnh Phú',
    ]);
  });

  it('is one title block when its first line reaches past both margins of the body', () => {
    const blocks = layoutPage(page([...title('Phòng, chống hạn hán, thiếu nước, xâm nhập mặn, sạt lở bờ sông mùa khô năm 2024 - 2025', 2120), ...body]));
    expect(roles(blocks).slice(0, 3)).toEqual(['doctype', 'title', 'paragraph']);
    expect(blocks[1].children).toHaveLength(2);
  });

  it('does not take a justified body line after the document type for a centred one', () => {
    const lines: RawLine[] = [
      { words: centred('KẾ HOẠCH', 1327, 560) },
      { words: centred('Cải cách hành chính năm 2025', 1327, 620) },
      { words: justified('Ủy ban nhân dân huyện ban hành Kế hoạch cải cách hành chính năm 2025,', 354, 2300, 700) },
      { words: words('như sau:', 354, 760) },
      ...body,
    ];
    const blocks = layoutPage(page(lines));
    expect(roles(blocks).slice(0, 3)).toEqual(['doctype', 'title', 'paragraph']);
    expect(blocks[1].children).toHaveLength(1);
  });
});

describe('signature foot', () => {
  it('reads the recipients, then the signature', () => {
    const lines: RawLine[] = [
      { words: words('Các cơ quan tổ chức thực hiện Kế hoạch này đúng thời hạn quy định./.', 354, 200) },
      { words: [...words('Nơi nhận:', 354, 300), ...centred('TM. ỦY BAN NHÂN DÂN', 1700, 300)] },
      { words: [...words('- UBND tỉnh (b/c);', 354, 350), ...centred('CHỦ TỊCH', 1700, 350)] },
      { words: words('- Lưu: VT.', 354, 400) },
      { words: centred('Trần Văn Hưng', 1700, 620) },
    ];
    expect(texts(layoutPage(page(lines)))).toEqual([
      'Các cơ quan tổ chức thực hiện Kế hoạch này đúng thời hạn quy định./.',
      'Nơi nhận:',
      '- UBND tỉnh (b/c);',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Trần Văn Hưng',
    ]);
  });
});

describe('tables', () => {
  // Two columns (x 354 | 600 | 2300), header row and one row.
  const table: GridTable = {
    bbox: { x0: 354, y0: 1000, x1: 2300, y1: 1300 },
    xs: [354, 600, 2300],
    ys: [1000, 1100, 1300],
    cells: [
      { row: 0, col: 0, rowSpan: 1, colSpan: 1, bbox: { x0: 354, y0: 1000, x1: 600, y1: 1100 } },
      { row: 0, col: 1, rowSpan: 1, colSpan: 1, bbox: { x0: 600, y0: 1000, x1: 2300, y1: 1100 } },
      { row: 1, col: 0, rowSpan: 1, colSpan: 1, bbox: { x0: 354, y0: 1100, x1: 600, y1: 1300 } },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1, bbox: { x0: 600, y0: 1100, x1: 2300, y1: 1300 } },
    ],
  };

  it('puts words in cells, joins a cell’s wrapped lines, and cuts a word glued across a rule', () => {
    const glued: RawWord = {
      text: '1Rà',
      confidence: 0.8,
      bbox: { x0: 560, y0: 1120, x1: 680, y1: 1160 },
      symbols: [
        { text: '1', bbox: { x0: 560, y0: 1120, x1: 580, y1: 1160 } },
        { text: 'R', bbox: { x0: 620, y0: 1120, x1: 650, y1: 1160 } },
        { text: 'à', bbox: { x0: 652, y0: 1120, x1: 680, y1: 1160 } },
      ],
    };
    const lines: RawLine[] = [
      { words: [...words('STT', 400, 1030), ...words('Nội dung', 1300, 1030)] },
      { words: [glued, ...words('soát, chuẩn hóa dữ liệu', 694, 1120)] },
      { words: words('hộ tịch', 620, 1200) },
      { words: words('Đoạn sau bảng.', 354, 1400) },
    ];
    const blocks = layoutPage(page(lines, [table]));
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    const t = blocks[0] as TableNode;
    expect(t.children.map((r) => r.children.map((c) => c.children[0].value))).toEqual([
      ['STT', 'Nội dung'],
      ['1', 'Rà soát, chuẩn hóa dữ liệu hộ tịch'],
    ]);
    expect(t.children[1].children[1].children[0].data?.words?.[0]).toMatchObject({ text: 'Rà', confidence: 0.8 });
  });
});
