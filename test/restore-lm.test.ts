import { describe, expect, it } from 'vitest';
import { buildKneserNey, textToSentences } from '../src/restore/lm-build.ts';
import { EOS, NgramModel } from '../src/restore/lm.ts';

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

  it('learns which words end sentences', () => {
    // "kế hoạch" and "quyết định" end the sentences of the text; "ban" and "thực" never do.
    const eos = model.id(EOS);
    expect(eos).toBeGreaterThan(0);
    const [ke, hoach, uy, ban] = ['kế', 'hoạch', 'ủy', 'ban'].map((t) => model.id(t));
    expect(model.logp(ke, hoach, eos)).toBeGreaterThan(Math.log(0.2));
    expect(model.logp(uy, ban, eos)).toBeLessThan(model.logp(ke, hoach, eos) - 1);
  });

  it('survives serialisation', () => {
    const back = NgramModel.deserialise(NgramModel.serialise(buildKneserNey({ sentences: textToSentences(text) }), { kind: 'test' }));
    expect(back.meta.kind).toBe('test');
    const [u, v, w] = ['nhân', 'dân', 'tỉnh'].map((t) => model.id(t));
    expect(back.logp(u, v, w)).toBeCloseTo(model.logp(u, v, w), 5);
  });
});
