import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../src/shared/domain/redact';
import { redactionMarkers } from '../../../src/shared/domain/redactionMarkers';
import { card, email, iban, leaks, ORDINARY, phone, textWithPii } from '../../support/personalData';

describe('redactPersonalData over generated personal data', () => {
  it.each([
    ['e-mail', email],
    ['phone', phone],
    ['card', card],
    ['IBAN', iban],
  ] as const)('removes every %s, alone', (_name, arb) => {
    fc.assert(
      fc.property(arb, (p) => {
        const out = redactPersonalData(p.text);
        expect(leaks(out.text, p), `${p.text} → ${out.text}`).toBe(false);
        expect(out.text).toBe(redactionMarkers[p.kind]);
      }),
      { numRuns: 300 },
    );
  });

  it('removes all personal data from text that mixes it with words', () => {
    fc.assert(
      fc.property(textWithPii, ({ text, secrets }) => {
        const out = redactPersonalData(text).text;
        for (const p of secrets) expect(leaks(out, p), `${text} → ${out}`).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it.each(ORDINARY)('leaves ordinary numbers alone: %s', (text) => {
    expect(redactPersonalData(text)).toEqual({ text, found: [] });
  });

  it.each([
    ['Ring me: 912 34 567', 'Ring me: [phone removed]'],
    ['携帯 ０９０−１２３４−５６７８ です', '携帯 [phone removed] です'],
    ['card 4111.1111.1111.1111 please', 'card [card number removed] please'],
    ['iban de89 3704 0044 0532 0130 00 ok', 'iban [IBAN removed] ok'],
    ['write to josé.garcía@correo.es now', 'write to [email removed] now'],
    ['Ｍａｉｌ ａｎｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'Ｍａｉｌ [email removed]'],
    ['4111\u200b1111\u200b1111\u200b1111', '[card number removed]'],
    ['هاتفي ٠٥٠١٢٣٤٥٦٧', 'هاتفي [phone removed]'],
    ['연락처 010-1234-5678 입니다', '연락처 [phone removed] 입니다'],
    ['Звоните 8 (912) 345-67-89', 'Звоните [phone removed]'],
    [
      'Tel. (+47) 912 34 567, Card 4111-1111-1111-1111 12/27',
      'Tel. [phone removed], Card [card number removed] 12/27',
    ],
  ])('%s', (input, output) => {
    expect(redactPersonalData(input).text).toBe(output);
  });
});
