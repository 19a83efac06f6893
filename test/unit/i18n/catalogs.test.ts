import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { actionTable } from '../../../src/shared/domain/actions';

const root = join(import.meta.dirname, '../../..');
const languages = ['en', 'es', 'de', 'ja', 'ar'] as const;
/**
 * Where catalogs live: the renderer's, those of texts core builds (src/shared/i18n), and the
 * brand console's (a separate web app with its own catalogs).
 */
const catalogDirs = [
  'src/renderer/src/i18n/messages',
  'src/shared/i18n/messages',
  'src/console/i18n/messages',
];

const load = (dir: string, language: string): Record<string, string> =>
  JSON.parse(readFileSync(join(root, dir, `${language}.json`), 'utf8')) as Record<string, string>;

/** The argument names a message uses (with their kind), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()) {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.set(el.value, into.get(el.value) ?? 'text');
    if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      into.set(el.value, 'format');
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      into.set(el.value, el.type === TYPE.select ? 'select' : 'plural');
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/** Every `.ts`/`.tsx` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Message ids written in code: `<FormattedMessage id="x.y">`, `{ id: 'x.y' }` descriptors,
 * `t('x.y')` and `msg('x.y')` calls. Ids are dotted, so `id: 'abc'` elsewhere is not taken.
 */
function idsUsedIn(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bid=["']([a-zA-Z]+(?:\.[\w-]+)+)["']/g,
    /\bid:\s*["']([a-zA-Z]+(?:\.[\w-]+)+)["']/g,
    /\b(?:t|msg)\(\s*["']([a-zA-Z]+(?:\.[\w-]+)+)["']/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]!);
  return found;
}

describe('message catalogs', () => {
  for (const dir of catalogDirs) {
    const en = load(dir, 'en');
    for (const language of languages) {
      const catalog = load(dir, language);
      it(`${dir}/${language}.json has exactly the English keys`, () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      });
      // Sorted keys let parallel branches add messages without colliding at the end of the file.
      it(`${dir}/${language}.json lists its keys in sorted order`, () => {
        const keys = Object.keys(catalog);
        expect(keys).toEqual([...keys].sort());
      });
      it(`${dir}/${language}.json parses as ICU MessageFormat, with the English arguments`, () => {
        for (const [key, message] of Object.entries(catalog)) {
          let parsed: MessageFormatElement[];
          try {
            parsed = parse(message, {
              requiresOtherClause: true,
              locale: new Intl.Locale(language),
            });
          } catch (error) {
            throw new Error(`${language} ${key}: ${String(error)}`, { cause: error });
          }
          expect(message.trim(), `${language} ${key} is empty`).not.toBe('');
          const source = en[key];
          if (source === undefined) continue;
          const expected = argumentsOf(parse(source));
          const actual = argumentsOf(parsed);
          // A translation may word a plural without `plural` (Japanese counts take no forms).
          const names = (m: Map<string, string>) => [...m.keys()].sort();
          expect(names(actual), `${language} ${key}`).toEqual(names(expected));
        }
      });
    }
  }

  it('shares no key between the renderer and the core catalogs', () => {
    const [renderer, core] = catalogDirs.map((dir) => Object.keys(load(dir, 'en')));
    expect(renderer!.filter((k) => core!.includes(k))).toEqual([]);
  });

  it('knows every id the console uses', () => {
    const known = new Set(Object.keys(load('src/console/i18n/messages', 'en')));
    const missing: string[] = [];
    for (const file of sources('src/console'))
      for (const id of idsUsedIn(readFileSync(file, 'utf8')))
        if (!known.has(id)) missing.push(`${relative(root, file)}: ${id}`);
    expect(missing).toEqual([]);
  });

  it('knows every id the renderer and core use', () => {
    const known = new Set(catalogDirs.flatMap((dir) => Object.keys(load(dir, 'en'))));
    const missing: string[] = [];
    for (const file of [...sources('src/renderer/src'), ...sources('src/core')]) {
      for (const id of idsUsedIn(readFileSync(file, 'utf8')))
        if (!known.has(id)) missing.push(`${relative(root, file)}: ${id}`);
    }
    expect(missing).toEqual([]);
  });

  it('has every text of the action table, in its English wording', () => {
    const en = load('src/shared/i18n/messages', 'en');
    for (const spec of Object.values(actionTable)) {
      for (const text of [spec.label, spec.pending]) expect(en[text.key]).toBe(text.en);
    }
  });

  it('finds ids the way code writes them', () => {
    const code = `<FormattedMessage id="feed.title" /> t('feed.count', { n }) { id: 'x.y' } id: 'plain'`;
    expect(idsUsedIn(code)).toEqual(['feed.title', 'x.y', 'feed.count']);
  });
});
