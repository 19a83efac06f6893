import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, redactPersonalData } from '../../../src/shared/domain/redact';

describe('redactPersonalData', () => {
  it.each([
    [
      'Write to anna.berg+orders@mail.example.co.uk today',
      'Write to [email removed] today',
      ['email'],
    ],
    ['Call me on +47 912 34 567 after 5', 'Call me on [phone removed] after 5', ['phone']],
    ['Mobil: 0176 98765432.', 'Mobil: [phone removed].', ['phone']],
    ['(030) 1234-5678 is the office', '[phone removed] is the office', ['phone']],
    ['Card 4539 1488 0343 6467 was charged', 'Card [card number removed] was charged', ['card']],
    ['Amex 3714-496353-98431 ok', 'Amex [card number removed] ok', ['card']],
    ['IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [IBAN removed] please', ['iban']],
    ['iban NL91ABNA0417164300.', 'iban [IBAN removed].', ['iban']],
  ])('%s', (input, output, kinds) => {
    expect(redactPersonalData(input)).toEqual({ text: output, found: kinds });
  });

  it.each([
    'Order FH-552310 arrived on 2026-03-14',
    'Order #44172231 is late',
    'Tracking 4539 1488 0343 6468 (not a valid card)',
    'It weighs 1.9 kg and costs €449',
    'Version 10.4.2 of the firmware',
    'DE00 1234 5678 9012 3456 78 is not a valid IBAN',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(redactPersonalData(input)).toEqual({ text: input, found: [] });
  });

  it('finds several kinds in one message, each once', () => {
    const r = redactPersonalData('a@b.io, c@d.io, +33 6 12 34 56 78, 4111 1111 1111 1111');
    expect(r.text).toBe('[email removed], [email removed], [phone removed], [card number removed]');
    expect(r.found).toEqual(['card', 'email', 'phone']);
  });

  it('never leaves a Luhn-valid 16-digit number in the text', () => {
    // No card number starts with 0 (ISO/IEC 7812 reserves it).
    const first = fc.integer({ min: 1, max: 9 });
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 });
    fc.assert(
      fc.property(first, digits, fc.constantFrom(' ', '-', '.', ''), (f, d, sep) => {
        const partial = `${f}${d.join('')}`;
        const check = [...Array(10).keys()].find((c) => luhnValid(partial + c))!;
        const number = (partial + check).replace(/(\d{4})(?=\d)/g, `$1${sep}`);
        const out = redactPersonalData(`pay with ${number} now`).text;
        expect(out.replace(/\D/g, '')).toBe('');
      }),
    );
  });

  it('validates checksums', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });
});
