import { describe, expect, it } from 'vitest';
import { loadRestorer } from '../src/restore/restorer.ts';
import { romanLabel } from '../src/restore/decoder.ts';

const restorer = loadRestorer();
const restore = (line: string) => restorer.restoreLine(line);

describe('restoring diacritics and OCR confusions', () => {
  it('restores a diacritic-stripped administrative phrase', () => {
    const out = restore('Ke hoach trien khai thuc hien thu tuc hanh chinh tren dia ban tinh').text;
    expect(out).toBe('Kế hoạch triển khai thực hiện thủ tục hành chính trên địa bàn tỉnh');
  });

  it('reads digits and symbols that stand for letters', () => {
    expect(restore('Quyết định s6 766 của UBND').text).toContain('số 766');
    expect(restore('ty 1é hồ sơ trực tuyến').text).toContain('lệ');
    expect(restore('hoàn thành 1a nhiệm vụ').text).toContain('là');
  });

  it('repairs document codes and keeps numbers and dates', () => {
    const out = restore('Quyết định số 3478/QD-UBND ngày 10/12/2021 và 766/QP-TTg').text;
    expect(out).toContain('3478/QĐ-UBND');
    expect(out).toContain('10/12/2021');
    expect(out).toContain('766/QĐ-TTg');
  });

  it('keeps known abbreviations in running text', () => {
    const out = restore('tỷ lệ DVC trực tuyến và TTHC của UBND').text;
    expect(out).toContain('DVC');
    expect(out).toContain('TTHC');
    expect(out).toContain('UBND');
  });

  it('preserves case, punctuation and spacing', () => {
    const out = restore('  KE HOACH:  “Nang cao hieu qua”,  (DVC) - xa;  ').text;
    expect(out.startsWith('  KẾ HOẠCH:  “')).toBe(true);
    expect(out).toContain('”,  (DVC) - ');
    expect(out.endsWith(';  ')).toBe(true);
  });

  it('keeps list labels and repairs OCR-damaged Roman section numbers', () => {
    expect(restore('a) Tap trung chi dao').text.startsWith('a) ')).toBe(true);
    expect(romanLabel('IL')).toBe('II');
    expect(romanLabel('111')).toBe('III');
    expect(romanLabel('11')).toBeNull();
    expect(romanLabel('IV')).toBe('IV');
  });

  it('keeps the letters of text typed without marks, and academic titles', () => {
    // "dinh gia" is định giá (valuation): đánh giá is commoner, but its letters differ, and text
    // that lost its marks wholesale kept its letters.
    const out = restorer.restoreLines([
      'Hoi dong dinh gia tai san to tung huyen tien hanh dinh gia theo quy dinh.',
      'Ket qua dinh gia duoc cac thanh vien thong nhat; ThS. Tran Duc Loc trinh bay.',
    ]);
    expect(out[0].text).toBe('Hội đồng định giá tài sản tố tụng huyện tiến hành định giá theo quy định.');
    expect(out[1].text).toContain('Kết quả định giá được');
    expect(out[1].text).toContain('ThS. Trần Đức Lộc');
  });

  it('keeps codes of letters and digits in text typed without marks', () => {
    const out = restorer.restoreLines(['Dieu tri lao tiem an bang phac do 3HP cho nguoi benh co CD4 duoi 200, deo khau trang N95 va phu song 4G.'])[0].text;
    for (const code of ['3HP', 'CD4', 'N95', '4G']) expect(out).toContain(` ${code}`);
    expect(out).toContain('Điều trị');
  });

  it('gives every change its original, a confidence and alternatives', () => {
    const { changes } = restore('Ké hoach thuc hién');
    expect(changes.length).toBeGreaterThanOrEqual(3);
    for (const c of changes) {
      expect(c.original).not.toBe(c.restored);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(c.alternatives)).toBe(true);
    }
    expect(changes[0]).toMatchObject({ column: 1, original: 'Ké', restored: 'Kế' });
  });

  it('takes NFD input and returns NFC, one output line per input line', () => {
    const input = ['Kế hoạch'.normalize('NFD'), '', 'thuc hien', '   '];
    const out = restorer.restoreLines(input);
    expect(out).toHaveLength(4);
    expect(out[0].text).toBe('Kế hoạch');
    expect(out[1].text).toBe('');
    expect(out[3].text).toBe('   ');
    for (const o of out) expect(o.text).toBe(o.text.normalize('NFC'));
  });

  it('writes the modern tone style when asked', () => {
    const modern = loadRestorer({ toneStyle: 'modern' });
    expect(modern.restoreLine('Cộng hòa xã hội').text).toBe('Cộng hoà xã hội');
    expect(restore('Cộng hoà xã hội').text).toBe('Cộng hòa xã hội');
  });
});

describe('one sense per document', () => {
  const earlier = ['Cam hut thuoc la noi cong cong.', 'Su dung thuoc dung lieu.', 'Ke don thuoc cho benh nhan.', ''];
  const last = 'quay thuoc cap xa, nha thuoc cap xa';
  const count = (text: string) => text.split(/[^\p{L}]+/u).filter((w) => w === 'thuốc').length;

  it('prefers, where the context cannot tell, the word the document already chose with confidence', () => {
    const alone = restorer.restoreLines([last])[0].text;
    const inDocument = restorer.restoreLines([...earlier, last]).at(-1)!.text;
    expect(count(inDocument)).toBeGreaterThan(count(alone));
  });

  it('forgets a document\'s choices when the next document begins', () => {
    const before = restorer.restoreLines([last])[0].text;
    restorer.restoreLines([...earlier, last]);
    expect(restorer.restoreLines([last])[0].text).toBe(before);
  });
});
