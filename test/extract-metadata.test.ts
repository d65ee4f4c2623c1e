import { describe, expect, it } from 'vitest';
import { extract, fixture, stripMarks } from './fixtures/extract/helpers.ts';
import { VFile } from 'vfile';
import { extractPlan } from '../src/extract/index.ts';
import { line, type DocumentRoot, type PageNode } from '../src/tree/types.ts';

describe('extractMetadata', () => {
  /** The small plan's text up to its Nơi nhận, then `lines` as its closing. */
  const closing = (lines: string[]) => [...fixture('plan-small.txt').split('Nơi nhận:')[0].split('\n'), ...lines].join('\n');

  it('reads the header, signer and recipients of a clean plan', () => {
    const { metadata: m } = extract(fixture('plan-small.txt'));
    expect(m).toMatchObject({
      docType: 'KẾ HOẠCH',
      number: '35',
      symbol: 'KH-STP',
      issuedDate: '2024-04-06',
      place: 'Bắc Kạn',
      parentIssuer: 'ỦY BAN NHÂN DÂN TỈNH BẮC KẠN',
      issuer: 'SỞ TƯ PHÁP',
      title: 'Phổ biến, giáo dục pháp luật năm 2024',
    });
    expect(m.signer).toEqual({ name: 'Hoàng Thị Lan', title: 'PHÓ GIÁM ĐỐC', authority: 'KT. GIÁM ĐỐC' });
    expect(m.recipients).toEqual([
      { name: 'UBND tỉnh', purpose: 'b/c' },
      { name: 'Các phòng, đơn vị', purpose: 't/h' },
      { name: 'Lưu: VT, PBGDPL', purpose: null },
    ]);
  });

  it('tolerates OCR damage: two columns on a line, S6:17§, a handwritten day, no motto line', () => {
    const text = [
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HUYỆN CƯ KUIN',
      'S6:17§KH-UBND Cư Kuin, ngay /7 thang 02 năm 2024',
      'KẾ HOẠCH',
      '',
      'Triển khai thực hiện chuyển đổi số năm 2024',
      '',
      'I. MỤC ĐÍCH',
      'Nơi nhận: TM. ỦY BAN NHÂN DÂN',
      '- Sở Nội vụ; (b/c) CHỦ TỊCH',
      '- Lưu: VT.',
      '',
      'Nguyễn Văn An',
    ].join('\n');
    const { metadata: m } = extract(text);
    expect(m.number).toBe('17');
    expect(m.symbol).toBe('KH-UBND');
    expect(m.issuedDate).toBe('2024-02-17');
    expect(m.place).toBe('Cư Kuin');
    expect(m.issuer).toBe('ỦY BAN NHÂN DÂN HUYỆN CƯ KUIN');
    expect(m.parentIssuer).toBeNull();
    expect(m.title).toBe('Triển khai thực hiện chuyển đổi số năm 2024');
    expect(m.signer).toEqual({ name: 'Nguyễn Văn An', title: 'CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN' });
    expect(m.recipients[0]).toEqual({ name: 'Sở Nội vụ', purpose: 'b/c' });
  });

  it('keeps an issuer name wrapped over two lines whole, under its parent body', () => {
    const header = (issuer: string[]) =>
      [...issuer, 'Số: 245/KH-SVHTTDL', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Bắc Long, ngày 25 tháng 4 năm 2025', '', 'KẾ HOẠCH', 'Tổ chức Tuần lễ Văn hóa - Du lịch năm 2025', '', 'I. MỤC ĐÍCH, YÊU CẦU', 'Quảng bá hình ảnh của tỉnh.'].join('\n');
    for (const [lines, parent, issuer] of [
      [['UBND TỈNH BẮC LONG', 'SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'], 'UBND TỈNH BẮC LONG', 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'],
      [['UBND TỈNH BẮC LONG', 'SỞ NÔNG NGHIỆP VÀ', 'PHÁT TRIỂN NÔNG THÔN'], 'UBND TỈNH BẮC LONG', 'SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN'],
      [['UBND TỈNH BẮC LONG', 'SỞ TÀI CHÍNH'], 'UBND TỈNH BẮC LONG', 'SỞ TÀI CHÍNH'],
    ] as const) {
      for (const strip of [false, true]) {
        const { metadata: m } = extract(strip ? stripMarks(header([...lines])) : header([...lines]));
        expect(m.parentIssuer).toBe(strip ? stripMarks(parent) : parent);
        expect(m.issuer).toBe(strip ? stripMarks(issuer) : issuer);
      }
    }
  });

  it('writes a recipient\'s purpose in lower case, as OCR may not ("(b/C)")', () => {
    const text = fixture('plan-small.txt').replace(/\(b\/c\)/, '(b/C)');
    expect(text).toContain('(b/C)');
    expect(extract(text).metadata.recipients.some((r) => r.purpose === 'b/c')).toBe(true);
    expect(extract(text).metadata.recipients.some((r) => r.purpose === 'b/C')).toBe(false);
  });

  it('puts back the space after "Lưu:" that a scan lost', () => {
    const text = fixture('plan-small.txt').replace(/Lưu: ?VT/, 'Lưu:VT');
    expect(text).toContain('Lưu:VT');
    expect(extract(text).metadata.recipients.map((r) => r.name)).toContain('Lưu: VT, PBGDPL');
  });

  it('reads the whole Nơi nhận list when the signer\'s lines are read in among its entries, through OCR debris', () => {
    const text = closing([
      'Nơi nhận:',
      '- Ban Chỉ đạo tỉnh (b/);',
      '- Cục Thống kê tỉnh;',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '.- TT Huyện ủy, TT HĐND huyện (b/o);',
      '- Các cơ quan, đơn vị thuộc huyện:',
      '-Lưu: VT, TK.',
      '',
      'Phạm Văn Thành',
    ]);
    expect(extract(text).metadata.recipients).toEqual([
      { name: 'Ban Chỉ đạo tỉnh', purpose: 'b/c' },
      { name: 'Cục Thống kê tỉnh', purpose: null },
      { name: 'TT Huyện ủy, TT HĐND huyện', purpose: 'b/c' },
      { name: 'Các cơ quan, đơn vị thuộc huyện', purpose: null },
      { name: 'Lưu: VT, TK', purpose: null },
    ]);
  });

  it('reads on past a garbled title line of the signature column, and takes a KT. signer for a deputy', () => {
    const text = closing([
      'Nơi nhận:',
      '- UBND tỉnh (b/c);',
      '- Sở Nông nghiệp và PTNT;',
      'TM. ỦY BAN NHÂN DÂN',
      'KT.CHỦ TỊCH.',
      'mm Tịch',
      '- UBMTTQVN huyện;',
      '- Lưu: VT, NN.',
      '',
      'Võ Thành Nhân',
    ]);
    const { metadata } = extract(text);
    expect(metadata.recipients.map((r) => r.name)).toEqual(['UBND tỉnh', 'Sở Nông nghiệp và PTNT', 'UBMTTQVN huyện', 'Lưu: VT, NN']);
    expect(metadata.signer).toEqual({ name: 'Võ Thành Nhân', title: 'PHÓ CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH' });
    // A list that ends: the next few words are not an entry when no entry follows them.
    const ended = extract(closing(['Nơi nhận:', '- UBND tỉnh (b/c);', '- Lưu: VT.', 'Ghi chú khác', 'Nội dung tiếp', '', 'Võ Thành Nhân'])).metadata.recipients;
    expect(ended.map((r) => r.name)).toEqual(['UBND tỉnh', 'Lưu: VT']);
  });

  it('reads a header whose diacritics were lost', () => {
    const { metadata: m } = extract(stripMarks(fixture('plan-small.txt')));
    expect(m.docType).toBe('KẾ HOẠCH');
    expect(m.issuedDate).toBe('2024-04-06');
    expect(m.symbol).toBe('KH-STP');
  });

  it('warns when the header has no type, date or number', () => {
    const { messages } = extract('Một đoạn văn không có tiêu đề.\n');
    expect(messages.join('\n')).toMatch(/extract:metadata/);
  });

  it('reads a short document whose long capital heading ends in a year at once (no runaway backtracking)', () => {
    const text = ['KẾ HOẠCH', 'Thử nghiệm', '', 'VI. CHỈ TIÊU DIỆN TÍCH CÂY ĂN QUẢ ĐƯỢC CẤP MÃ SỐ VÙNG TRỒNG ĐẾN NĂM 2026', '', 'Nội dung.'].join('\n');
    const t0 = performance.now();
    const { metadata } = extract(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(metadata.docType).toBe('KẾ HOẠCH');
    expect(metadata.title).toBe('Thử nghiệm');
  });
  it('reads a recipient entry that wraps after a comma onto a line opening in capitals, and the entries after it', () => {
    const text = [
      'KẾ HOẠCH',
      'Thử',
      '',
      'Nội dung.',
      '',
      'Nơi nhận:',
      '- UBND tỉnh (b/c);',
      '- Các cơ quan: Công an huyện, Phòng Tư pháp, Chi cục THADS huyện,',
      'PGD NHCSXH huyện;',
      '- UBND các xã, thị trấn;',
      '- Lưu: VT.',
      '',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '',
      'Đặng Văn Hoàng',
    ].join('\n');
    const names = (t: string) => extract(t).metadata.recipients.map((r) => r.name);
    expect(names(text)).toEqual(['UBND tỉnh', 'Các cơ quan: Công an huyện, Phòng Tư pháp, Chi cục THADS huyện, PGD NHCSXH huyện', 'UBND các xã, thị trấn', 'Lưu: VT']);
    expect(names(stripMarks(text))).toHaveLength(4);
    expect(extract(text).metadata.signer.name).toBe('Đặng Văn Hoàng');
  });

  it('warns when OCR was unsure of the digits of the number or the date, and only then', () => {
    // A scanned header whose lines carry OCR's words and their confidences.
    const scanned = (numberConfidence: number, dateConfidence: number): DocumentRoot => {
      const words = (text: string, digits: number) => text.split(' ').map((w) => ({ text: w, confidence: /\d/.test(w) ? digits : 0.95 }));
      const texts: [string, number][] = [
        ['ỦY BAN NHÂN DÂN', 1],
        ['HUYỆN AN LẠC', 1],
        ['Số: 538/KH-UBND', numberConfidence],
        ['An Lạc, ngày 14 tháng 3 năm 2025', dateConfidence],
        ['KẾ HOẠCH', 1],
        ['Chuyển đổi số năm 2025', 0.95],
      ];
      const children = texts.map(([t, c], i) => ({ type: 'paragraph' as const, children: [line(t, i + 1, { words: words(t, c) })] }));
      return { type: 'root', children: [{ type: 'page', data: { number: 1, kind: 'scanned', confidence: 0.9 }, children } as PageNode] };
    };
    const warnings = (tree: DocumentRoot) => {
      const file = new VFile();
      const { metadata } = extractPlan(tree, file);
      expect(metadata.number).toBe('538');
      expect(metadata.issuedDate).toBe('2025-03-14');
      return file.messages.map((m) => String(m.reason)).filter((r) => /confidence/.test(r));
    };
    expect(warnings(scanned(0.48, 0.93))).toEqual(['document number "538/KH-UBND" read with low OCR confidence (48%): check it against the scan']);
    expect(warnings(scanned(0.9, 0.41))).toEqual(['issue date 2025-03-14 read with low OCR confidence (41%): check it against the scan']);
    expect(warnings(scanned(0.9, 0.93))).toEqual([]);
  });
});
