import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ChannelModel, type ChannelData } from '../src/restore/channel.ts';
import { CandidateIndex } from '../src/restore/candidates.ts';
import { NgramModel } from '../src/restore/lm.ts';
import { buildKneserNey, textToSentences } from '../src/restore/lm-build.ts';
import { createRestorer, loadModels, loadRestorer } from '../src/restore/restorer.ts';

const data = JSON.parse(readFileSync(new URL('../dictionaries/channel/channel.json', import.meta.url), 'utf8')) as ChannelData;

describe('channel model', () => {
  it('gives up past the limit, and costs a diacritic slip less than a letter change', () => {
    const channel = new ChannelModel(data);
    expect(channel.cost('nghiệp', 'xyzxyz', 2)).toBe(Infinity);
    expect(channel.cost('huyện', 'huyén')).toBeLessThan(channel.cost('huyện', 'buyén'));
  });
});

describe('language model lookups', () => {
  it('the context API scores exactly as logp, and the bound is never below a score', () => {
    const text = 'Ủy ban nhân dân xã ban hành kế hoạch. Ủy ban nhân dân huyện chỉ đạo. Kế hoạch của xã được ban hành.';
    const lm = new NgramModel(buildKneserNey({ sentences: textToSentences(text) }));
    const ids = [-1, lm.bos, ...['ủy', 'ban', 'nhân', 'dân', 'xã', 'kế', 'hoạch', 'của', 'lạ'].map((w) => lm.id(w))];
    for (const u of ids) for (const v of ids) for (const w of ids) {
      const p = lm.logp(u, v, w);
      expect(lm.score(lm.context(u, v), w)).toBeCloseTo(p, 10);
      expect(lm.bound(w)).toBeGreaterThanOrEqual(p);
    }
  });
});

describe('restoration does not depend on what was restored before', () => {
  it('the same document gives the same result after documents of another kind', () => {
    const fresh = () => createRestorer(loadModels());
    const doc = ['Ke hoach so 12/KH-UBND cua Uy ban nhan dan xa ve chuyen doi so', 'tỷ 1é hồ sơ trực tuyến đạt 80%'];
    const alone = fresh().restoreLines(doc).map((l) => l.text);
    const after = fresh();
    after.restoreLines(['Văn bản có đầy đủ dấu tiếng Việt, không cần khôi phục.', 'Các đơn vị thực hiện nghiêm túc.']);
    expect(after.restoreLines(doc).map((l) => l.text)).toEqual(alone);
  });
});

describe('case as evidence', () => {
  it('a capitalised syllable inside a sentence reads as a name, a lower-case one as a common word', () => {
    const restorer = loadRestorer();
    // "Lâm" (a name) against "làm" (to do): the capital decides inside a sentence.
    const named = restorer.restoreLine('giao ong Nguyen Van Lam phu trach').text;
    expect(named).toContain('Lâm');
    const common = restorer.restoreLine('giao cho can bo lam viec').text;
    expect(common).toContain('làm việc');
  });
});

describe('the document as evidence', () => {
  it('counts the words a document prints intact (marked valid syllables), not bare or broken ones', async () => {
    const { documentCache } = await import('../src/restore/restorer.ts');
    const lm = loadModels().lm;
    const counts = documentCache(['Thuốc bảo vệ thực vật: thuốc cấm, kho thuoc, huyén 2025.'], lm);
    expect(counts.get(lm.id('thuốc'))).toBe(2);
    expect(counts.get(lm.id('thực'))).toBe(1);
    expect(counts.has(lm.id('thuoc'))).toBe(false); // no marks: no evidence
    expect(counts.has(lm.id('bảo'))).toBe(true);
    expect([...counts.keys()].every((id) => id >= 0)).toBe(true);
  });

  it('a paragraph that lost its marks is restored even when the rest of the document kept them', () => {
    const restorer = createRestorer(loadModels());
    const marked = 'Ủy ban nhân dân xã ban hành kế hoạch kiểm tra an toàn thực phẩm tại các chợ, cửa hàng và bếp ăn tập thể trên địa bàn xã trong năm 2025.';
    const doc = [marked, marked, marked, '', 'Kiem tra kho va cua hang tai cho xa.'];
    const out = restorer.restoreLines(doc);
    expect(out[4].text).toContain('cửa hàng');
    expect(out[0].text).toBe(marked);
  });
});

describe('list labels', () => {
  it('a second "d)" in a run of labels is the "đ)" that lost its stroke; a lone "d)" stays', () => {
    const restorer = createRestorer(loadModels());
    const out = restorer.restoreLines(['a) Tuyen truyen', 'b) Kiem tra', 'c) Bao cao', 'd) Tong ket', 'd) Khen thuong', 'e) Kinh phi']).map((l) => l.text);
    expect(out[3].startsWith('d) ')).toBe(true);
    expect(out[4].startsWith('đ) ')).toBe(true);
    expect(out[5].startsWith('e) ')).toBe(true);
    const lone = restorer.restoreLines(['c) Bao cao', 'd) Tong ket']).map((l) => l.text);
    expect(lone[1].startsWith('d) ')).toBe(true);
  });
});

describe('document codes', () => {
  it('a number and symbol closes its field: the place after it is not read as a measure ("112 tấn")', () => {
    const restorer = createRestorer(loadModels());
    const out = restorer.restoreLines(['So: 112/BC-UBND Tan My, ngay 20 thang 6 nam 2025'])[0].text;
    expect(out).toContain('112/BC-UBND');
    expect(out).not.toMatch(/112\/BC-UBND tấn/);
    // Tân Mỹ and Tấn Mỹ are both communes' names: either reading is a place, not a measure.
    expect(out).toMatch(/112\/BC-UBND T[âấ]n Mỹ, ngày 20 tháng 6 năm 2025/);
  });
});

describe('candidate lookup', () => {
  it("a token's own letters stay among its skeleton variants however many confusions the fold table holds", () => {
    // Every letter may stand for several others, and two-letter segments for one: the variants
    // are capped, and the token's own spelling must not be crowded out.
    const fold = { t: ['u', 'f'], r: ['u'], i: ['u', 'a', 'o', 'j'], e: ['f'], u: ['f'] };
    const foldMulti = { tr: ['u'], ie: ['u'] };
    const index = new CandidateIndex([{ id: 0, text: 'triệu' }], fold, foldMulti);
    const variants = index.foldVariants('trieu');
    expect(variants[0]).toBe('trieu');
    expect(index.nearGroups(variants, 0).map(([s]) => s)).toEqual(['trieu']);
  });
});
