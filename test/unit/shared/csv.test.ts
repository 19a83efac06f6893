import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, defuseFormula, parseCsv, toCsv, UTF8_BOM } from '../../../src/shared/domain/csv';

describe('RFC 4180 CSV', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(
      toCsv([
        ['a', 'b'],
        ['1', 'x,y'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('parses what it writes back to the same fields', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', 'é', '€', '1'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          // A record of one empty field is an empty line; RFC 4180 cannot tell it from nothing.
          fc.pre(rows.every((r) => !(r.length === 1 && r[0] === '')));
          expect(parseCsv(toCsv(rows))).toEqual(rows);
        },
      ),
    );
  });

  it('rejects malformed quoting', () => {
    expect(() => parseCsv('"open')).toThrow(/unterminated/);
    expect(() => parseCsv('"a"b,c')).toThrow(/closing quote/);
  });

  it('defuses spreadsheet formulas in free text only', () => {
    expect(defuseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(defuseFormula('@me')).toBe("'@me");
    expect(defuseFormula('fine')).toBe('fine');
  });
});

describe('UTF-8 for Excel', () => {
  const rows = [
    ['name', 'comment'],
    ['María', '=SUM(A1)'],
    ['佐藤', 'ありがとう'],
  ];

  it('starts with a byte-order mark only when asked, and keeps every character', () => {
    const plain = toCsv(rows);
    const withBom = toCsv(rows, { bom: true });
    expect(plain.startsWith(UTF8_BOM)).toBe(false);
    const bytes = Buffer.from(withBom, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.slice(1)).toBe(plain);
    const decoded = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    expect(parseCsv(decoded)).toEqual(rows);
  });

  it('keeps formula defusing on non-Latin text', () => {
    expect(defuseFormula('=佐藤')).toBe("'=佐藤");
    expect(defuseFormula('María')).toBe('María');
  });
});
