import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One date, number and money policy: in the renderer only the i18n folder (`format.ts`; and
 * `locales.ts`, which names each language in itself) builds `Intl`
 * formatters or calls `toLocale…String`/`formatMoney`, so every figure follows the locale and
 * zone the advocate chose (a bare `new Intl.DateTimeFormat(undefined, …)` silently uses the
 * machine's). Everything else takes `useFormat()`.
 */
const root = join(import.meta.dirname, '../../..');
const rendererDir = join(root, 'src/renderer/src');
const i18nDir = join(rendererDir, 'i18n') + sep;

/** What formats a figure outside the policy. `Intl.supportedValuesOf` formats nothing. */
const formatting =
  /new\s+Intl\.\w+|\.toLocale(?:Date|Time)?String\s*\(|\bformatMoney\b|shared\/format\//g;

export function offences(text: string): string[] {
  return [...text.matchAll(formatting)].map((m) => m[0]);
}

describe('one formatting policy', () => {
  it('nothing in the renderer formats dates, numbers or money but i18n/', () => {
    const found = readdirSync(rendererDir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .filter((file) => !file.startsWith(i18nDir))
      .flatMap((file) =>
        offences(readFileSync(file, 'utf8')).map((o) => `${relative(root, file)}: ${o}`),
      );
    expect(found).toEqual([]);
  });

  it('recognises each way of formatting around the policy', () => {
    expect(
      offences(`
        new Intl.DateTimeFormat(undefined, {}); new Intl.ListFormat('en');
        x.toLocaleString(); d.toLocaleDateString('de'); formatMoney(1, 'EUR');
        import { formatDate } from '../../../../shared/format/dates';
        Intl.supportedValuesOf('timeZone'); f.money(1, 'EUR');
      `),
    ).toEqual([
      'new Intl.DateTimeFormat',
      'new Intl.ListFormat',
      '.toLocaleString(',
      '.toLocaleDateString(',
      'formatMoney',
      'shared/format/',
    ]);
  });
});
