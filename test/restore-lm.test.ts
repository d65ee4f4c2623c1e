import { describe, expect, it } from 'vitest';
import { buildKneserNey, textToSentences } from '../src/restore/lm-build.ts';
import { NgramModel } from '../src/restore/lm.ts';

const text = `Ủy ban nhân dân tỉnh ban hành kế hoạch. Ủy ban nhân dân huyện ban hành quyết định.
Ủy ban nhân dân xã thực hiện kế hoạch. Sở Nội vụ chủ trì, phối hợp thực hiện kế hoạch.`;

describe('Kneser-Ney trigram model', () => {
  const model = new NgramModel(buildKneserNey({ sentences: textToSentences(text) }));

  it('gives a proper distribution for a context', () => {
    for (const [u, v] of [['ủy', 'ban'], ['ban', 'hành'], ['thực', 'hiện']]) {
      let total = 0;
      for (let w = 0; w < model.V; w++) total += Math.exp(model.logp(model.id(u), model.id(v), w));
      expect(total, `${u} ${v}`).toBeGreaterThan(0.97);
      expect(total, `${u} ${v}`).toBeLessThan(1.03);
    }
  });

  it('prefers seen continuations', () => {
    const ban = model.id('ban');
    expect(model.logp(model.id('ủy'), ban, model.id('nhân'))).toBeGreaterThan(model.logp(model.id('ủy'), ban, model.id('xã')));
  });

  it('survives serialisation', () => {
    const back = NgramModel.deserialise(NgramModel.serialise(buildKneserNey({ sentences: textToSentences(text) }), { kind: 'test' }));
    expect(back.meta.kind).toBe('test');
    const [u, v, w] = ['nhân', 'dân', 'tỉnh'].map((t) => model.id(t));
    expect(back.logp(u, v, w)).toBeCloseTo(model.logp(u, v, w), 5);
  });
});
