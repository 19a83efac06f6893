import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core';
import { migrations } from '../../../src/core/db/migrations';
import { detectLanguage } from '../../../src/core/kb/analyze';
import { ArticleSearch } from '../../../src/core/kb/search';
import { SearchRunner } from '../../../src/core/kb/searchRunner';
import { editDistance } from '../../../src/core/kb/spelling';
import { article, put } from './fixtures';

let dir: string;
let db: Db;
const idsIn = (d: Db, query: string, limit = 10) =>
  new ArticleSearch(d).search({ query, brandId: null, tag: null, limit }).hits.map((h) => h.id);
const ids = (query: string) => idsIn(db, query);
/** A database file as schema version `version` left it. */
function databaseAt(file: string, version: number): Database.Database {
  const old = new Database(file);
  for (const m of migrations.filter((x) => x.version <= version)) m.up(old);
  old.pragma(`user_version = ${version}`);
  return old;
}
const suggest = (text: string) =>
  new ArticleSearch(db).suggest({ text, brandId: null, tag: null, limit: 5 }).hits.map((h) => h.id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigdesk-kb-'));
  db = openDatabase(join(dir, 'kb.sqlite'));
  put(
    db,
    article('address', {
      title: 'Changing the delivery address of an order',
      bodyMarkdown: 'You can change where an order is delivered until it ships. Open the order.',
    }),
    article('refund', {
      title: 'Refunds for damaged parcels',
      bodyMarkdown: 'If a parcel arrives damaged, we refund it once you send photos.',
    }),
    article('student', {
      title: 'Student discount',
      bodyMarkdown: 'Students get ten percent off with a verified student card.',
    }),
    article('password', {
      title: 'Resetting your password',
      bodyMarkdown: 'Use the reset link we e-mail you. Passwords expire after a year.',
    }),
    article('decoy', {
      title: 'How do I sign in?',
      bodyMarkdown: 'How do I change my name? I do it in my profile, and how I like.',
    }),
    article('es', {
      title: 'Cómo cambiar la dirección de entrega',
      bodyMarkdown: 'Puedes cambiar la dirección de tus entregas desde la aplicación.',
    }),
    article('de', {
      title: 'Lieferadresse ändern',
      bodyMarkdown: 'Sie können die Adresse Ihrer Lieferungen in der App ändern.',
    }),
    article('ja', {
      title: '返金について',
      bodyMarkdown: '返金処理には数日かかります。返品ポリシーをご確認ください。',
    }),
    article('ar', {
      title: 'استرداد الأموال',
      bodyMarkdown: 'يمكنك طلب استرداد المبلغ خلال ثلاثين يوما من تاريخ الشراء.',
    }),
  );
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search that understands people', () => {
  it('answers question-shaped queries: function words need not match, words match on stems', () => {
    expect(ids('how do i change my delivery address')[0]).toBe('address');
    expect(ids('refund damaged parcel ')[0]).toBe('refund');
    expect(ids('what happens when my passwords expire? ')[0]).toBe('password');
  });

  it('matches word forms in Spanish, German and Arabic', () => {
    expect(ids('cambio de direccion ')[0]).toBe('es');
    expect(ids('Lieferungen ')).toEqual(['de']);
    expect(ids('الاسترداد ')).toContain('ar');
  });

  it('finds Japanese words inside sentences', () => {
    expect(ids('処理 ')).toEqual(['ja']);
    expect(ids('ポリシー ')).toEqual(['ja']);
    expect(ids('返金処理の時間 ')[0]).toBe('ja');
  });

  it("corrects a misspelled word from the index's own words", () => {
    expect(ids('refnud ')[0]).toBe('refund');
    expect(ids('delivrey adress ')[0]).toBe('address');
    expect(ids('pasword ')).toEqual(['password']);
  });

  it('ranks articles holding every word above those holding some', () => {
    expect(ids('damaged student card ')[0]).toBe('student');
    expect(ids('damaged student card ')).toContain('refund');
  });

  it('ranks a title holding most of the words above an article holding all in passing', () => {
    // How people paraphrase a heading: "custom metadata types" for "Custom metadata".
    const filler = 'Install it, configure the server, start it and read the logs. '.repeat(12);
    put(
      db,
      article('metadata', {
        title: 'Custom metadata',
        bodyMarkdown: 'Add your own fields to every record you write.',
      }),
      article('passing', {
        title: 'Changelog',
        bodyMarkdown: `${filler} Custom builds now check metadata of all types. ${filler}`,
      }),
      article('fonts', { title: 'Custom fonts', bodyMarkdown: 'Upload a font file in settings.' }),
      article('export', { title: 'Metadata export', bodyMarkdown: 'Download it as a CSV file.' }),
    );
    expect(ids('custom metadata types ')[0]).toBe('metadata');
    // Still found when every word is in the title.
    expect(ids('custom metadata ')[0]).toBe('metadata');
  });

  it('corrects a misspelling even when its stem is a word ("noed" stems to "no")', () => {
    put(
      db,
      article('node', {
        title: 'Node.js-only APIs',
        bodyMarkdown: 'These APIs work in Node.js only.',
      }),
      article('browser', {
        title: 'Browser APIs',
        bodyMarkdown: 'No Node.js here: these APIs run in browsers, with no server.',
      }),
    );
    expect(ids('noed apis ')[0]).toBe('node');
  });

  it('meets "connection" and "connect" on one English stem', () => {
    put(db, article('wifi', { title: 'Connect to the Wi-Fi', bodyMarkdown: 'It takes a minute.' }));
    expect(ids('connection ')).toEqual(['wifi']);
  });

  it('stems English the Porter2 (Snowball) way: adverbs meet their adjectives and nouns', () => {
    put(
      db,
      article('strict', {
        title: 'Strictness of phone number validation',
        bodyMarkdown: 'Validation can accept numbers that merely look possible.',
      }),
    );
    expect(ids('strictly ')).toEqual(['strict']);
  });

  it('ranks a title with the word as typed above one with another word of its stem', () => {
    const body = 'Open the app and sign in with your e-mail address.';
    put(
      db,
      article('get', { title: 'Get started', bodyMarkdown: body }),
      article('getting', { title: 'Getting started', bodyMarkdown: body }),
    );
    expect(ids('started get ')[0]).toBe('get');
    expect(ids('getting started ')[0]).toBe('getting');
  });

  it('does not index what readers do not read: link targets, URLs, HTML tags', () => {
    put(
      db,
      article('links', {
        title: 'Where to read more',
        bodyMarkdown:
          'See [our policy](https://shop.example/policy) or <img src="banner.png"> https://docs.example/faq',
      }),
    );
    expect(ids('policy ')).toEqual(['links']);
    expect(ids('example ')).toEqual([]);
    expect(ids('banner ')).toEqual([]);
  });

  it('keeps prefix-as-you-type', () => {
    expect(ids('pass')).toEqual(['password']);
    expect(ids('refund dam')[0]).toBe('refund');
    expect(ids('返')).toContain('ja');
  });

  it("completes the word being typed from the articles' words, whose stems can be shorter", () => {
    put(
      db,
      article('auth', {
        title: 'Connect with authentication',
        bodyMarkdown: 'Send credentials with the connect request.',
      }),
      article('bills', { title: 'Utilities', bodyMarkdown: 'Paying for water and power.' }),
    );
    expect(ids('authenticat')).toEqual(['auth']);
    expect(ids('utili')).toEqual(['bills']);
  });

  it('suggests articles from the distinctive words of a ticket, not incidental ones', () => {
    expect(
      suggest(
        "Hi, I'm a student and I really need help: my parcel arrived damaged and I want a refund.",
      )[0],
    ).toBe('refund');
  });

  it('picks the rarest words of a long ticket, wherever they are in it', () => {
    put(
      db,
      ...Array.from({ length: 12 }, (_, i) =>
        article(`common-${i}`, {
          title: `Order help ${i}`,
          bodyMarkdown: 'We really want to help today: your order, your account, e-mail or phone.',
        }),
      ),
      article('zipper', {
        title: 'Repairing a backpack zipper',
        bodyMarkdown: 'A broken zipper on a backpack is repaired for free.',
      }),
    );
    const ticket =
      'Hi, I really need help today with my order and my account, please reply by e-mail ' +
      'or phone this week, thanks. The zipper on my backpack broke.';
    expect(suggest(ticket)[0]).toBe('zipper');
  });

  it('highlights the forms of a word it matched', () => {
    const hit = new ArticleSearch(db).search({
      query: 'deliveries ',
      brandId: null,
      tag: null,
      limit: 10,
    }).hits[0]!;
    expect(hit.id).toBe('address');
    expect(hit.titleHighlights.map(([s, e]) => hit.title.slice(s, e))).toEqual(['delivery']);
  });
});

describe('the vocabulary for spelling', () => {
  it('keeps the words of an article written after a page with the same words rolled back', () => {
    const failedPage = db.transaction(() => {
      put(db, article('lost', { title: 'Xylophone tuning', bodyMarkdown: 'Tune the xylophone.' }));
      throw new Error('the page fails');
    });
    expect(() => failedPage()).toThrow('the page fails');
    put(db, article('kept', { title: 'Xylophone repairs', bodyMarkdown: 'We fix them.' }));
    expect(ids('xylopohne ')).toEqual(['kept']);
  });
});

describe('long and odd queries', () => {
  it('keeps the words that must match when a question has more than eight words', () => {
    put(
      db,
      article('socks', {
        title: 'Proxy request with a global dispatcher',
        bodyMarkdown: 'Send every request through the proxy by setting the global dispatcher.',
      }),
      article('local', {
        title: 'Proxy request with a local dispatcher',
        bodyMarkdown: 'Send one request through the proxy with a local dispatcher.',
      }),
    );
    expect(
      ids(
        'where can i read about how it is that i make a proxy request with a global dispatcher?',
      )[0],
    ).toBe('socks');
  });

  it('corrects a word to its stem in every language the articles use', () => {
    // "settings" is first seen in a Spanish article, which stems it its own way.
    put(
      db,
      article('es-settings', {
        title: 'Los settings de la aplicación',
        bodyMarkdown: 'Puedes cambiar los settings de la aplicación desde el menú.',
      }),
      article('en-settings', {
        title: 'Notification settings',
        bodyMarkdown: 'Choose which notifications the app sends you.',
      }),
    );
    expect(ids('notification settinggs ')[0]).toBe('en-settings');
  });
});

describe('stems in the languages the articles use', () => {
  it('does not match an English word by its German stem ("helpers" → "help") when no article is German', () => {
    const file = join(dir, 'english.sqlite');
    const english = openDatabase(file);
    put(english, article('help', { title: 'Help centre', bodyMarkdown: 'Ask us for help here.' }));
    const found = idsIn(english, 'helpers ', 5);
    put(
      english,
      article('de', {
        title: 'Hilfe',
        bodyMarkdown: 'Wir helfen Ihnen gern, wenn Sie Fragen haben.',
      }),
    );
    const withGerman = idsIn(english, 'helpers ', 5);
    english.close();
    expect(found).toEqual([]);
    expect(withGerman).toContain('help');
  });
});

describe('analysis', () => {
  it('detects the language of an article', () => {
    expect(detectLanguage('How do I change my delivery address? You can do it in the app.')).toBe(
      'en',
    );
    expect(detectLanguage('¿Cómo cambio la dirección? Puedes hacerlo en la aplicación.')).toBe(
      'es',
    );
    expect(detectLanguage('Wie ändere ich die Adresse? Sie können das in der App tun.')).toBe('de');
    expect(detectLanguage('返金処理には数日かかります。')).toBe('ja');
    expect(detectLanguage('يمكنك طلب استرداد المبلغ')).toBe('ar');
  });

  it('does not read code or a list of names as Spanish for its one-letter words', () => {
    const code =
      'const S = require("schema")\nS.object().prop("a", S.string()).prop("b", S.array())';
    expect(detectLanguage(`Basic settings\n${code}`)).toBe('en');
    expect(detectLanguage('Contributors\nA. B. C. u v s a a a b')).toBe('en');
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('adress', 'address', 2)).toBe(1);
    expect(editDistance('refnud', 'refund', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
  });
});

describe('snippets on long articles', () => {
  const search = (query: string) =>
    new ArticleSearch(db).search({ query, brandId: null, tag: null, limit: 10 }).hits[0]!;

  it('show the best stretch near the first match', () => {
    const filler = 'lorem ipsum dolor sit amet consectetur '.repeat(1000);
    put(
      db,
      article('long', {
        title: 'A very long article',
        bodyMarkdown: `${filler}\n\nThe warranty covers batteries. ${'battery '.repeat(20000)}`,
      }),
    );
    const hit = search('warranty battery ');
    expect(hit.id).toBe('long');
    expect(hit.snippet).toContain('warranty covers batteries');
    const marked = hit.snippetHighlights.map(([s, e]) => hit.snippet.slice(s, e));
    expect(marked.slice(0, 2)).toEqual(['warranty', 'batteries']);
    expect(hit.snippet.length).toBeLessThan(260);
  });

  it('read no further than the scan window for a snippet: past it, the opening shows', () => {
    const filler = 'lorem ipsum dolor sit amet consectetur '.repeat(2000);
    put(
      db,
      article('deep', { title: 'Deep', bodyMarkdown: `${filler} The warranty covers batteries.` }),
    );
    const hit = search('warranty ');
    expect(hit.id).toBe('deep');
    expect(hit.snippet.startsWith('lorem ipsum')).toBe(true);
    expect(hit.snippetHighlights).toEqual([]);
  });
});

describe('migration 008', () => {
  it('leaves the articles a database already holds to be analyzed in the background', async () => {
    const file = join(dir, 'old.sqlite');
    const old = databaseAt(file, 5);
    old
      .prepare(
        `INSERT INTO articles (id, brand_id, title, body, tags, updated_at)
         VALUES ('old', 'acme', 'Refunds for damaged parcels', 'We refund parcels.', '[]', 1)`,
      )
      .run();
    old.close();
    const upgraded = openDatabase(file);
    const before = idsIn(upgraded, 'refunded parcel ', 5);
    // The KB's search runner analyzes them once it has started (no worker starts until a search).
    const runner = new SearchRunner(upgraded, { file: 'unused', execArgv: [] });
    await runner.analysis.done;
    void runner.close();
    const found = idsIn(upgraded, 'refunded parcel ', 5);
    upgraded.prepare("DELETE FROM articles WHERE id = 'old'").run();
    const after = idsIn(upgraded, 'refunded parcel ', 5);
    upgraded.close();
    expect(before).toEqual([]);
    expect(found).toEqual(['old']);
    expect(after).toEqual([]);
  });
});

describe('migrations 011 and 013', () => {
  // 011: language detection changed; 013: English stems changed (Porter2).
  it.each([10, 11, 12])(
    'analyze every article of a version %i database again in the background, searchable meanwhile',
    async (version) => {
      const file = join(dir, `v${version}.sqlite`);
      const old = databaseAt(file, version);
      // As an older analysis left it: read as Spanish, indexed under a Spanish stem.
      old
        .prepare(
          `INSERT INTO articles (doc_id, id, brand_id, title, body, tags, updated_at, language)
         VALUES (1, 'old', 'acme', 'Basic settings', 'const S = require("a")', '[]', 1, 'es')`,
        )
        .run();
      old
        .prepare(
          "INSERT INTO articles_terms (rowid, title, body, tags) VALUES (1, 'basic setting', 'const s requir a', '')",
        )
        .run();
      old
        .prepare(
          "INSERT INTO kb_vocab (word, term, tail) VALUES ('settings', 'setting', 'ettings')",
        )
        .run();
      old.close();
      const upgraded = openDatabase(file);
      // The upgrade analyzes nothing: the old terms still answer.
      const before = idsIn(upgraded, 'basic ');
      const pending = upgraded
        .prepare('SELECT count(*) FROM articles WHERE language IS NULL')
        .pluck()
        .get();
      const runner = new SearchRunner(upgraded, { file: 'unused', execArgv: [] });
      await runner.analysis.done;
      void runner.close();
      const language = upgraded
        .prepare("SELECT language FROM articles WHERE id = 'old'")
        .pluck()
        .get();
      const vocab = upgraded
        .prepare("SELECT term FROM kb_vocab WHERE word = 'settings'")
        .pluck()
        .get();
      const found = idsIn(upgraded, 'basic setting ');
      upgraded.close();
      expect(before).toEqual(['old']);
      expect(pending).toBe(1);
      expect(language).toBe('en');
      expect(vocab).toBe('set');
      expect(found).toEqual(['old']);
    },
  );
});

describe('migration 009', () => {
  it("keeps the vocabulary's words, each now with a rowid", () => {
    const file = join(dir, 'v8.sqlite');
    const old = databaseAt(file, 8);
    old
      .prepare("INSERT INTO kb_vocab (word, term, tail) VALUES ('parcels', 'parcel', 'arcels')")
      .run();
    // Migration 009 alone: a later one (011) analyzes everything again.
    migrations.find((x) => x.version === 9)!.up(old);
    const rows = old.prepare('SELECT id, word, term, tail FROM kb_vocab').all();
    old.close();
    expect(rows).toEqual([{ id: 1, word: 'parcels', term: 'parcel', tail: 'arcels' }]);
  });
});

describe('background analysis', () => {
  it('goes a page at a time, keeps what a stop (or crash) left done, and resumes', async () => {
    const count = 130;
    const file = join(dir, 'many.sqlite');
    const many = openDatabase(file);
    put(
      many,
      ...Array.from({ length: count }, (_, i) =>
        article(`a${i}`, { title: `Parcel rule ${i}`, bodyMarkdown: `Parcels travel ${i}.` }),
      ),
    );
    many.exec('DELETE FROM kb_vocab; UPDATE articles SET language = NULL');
    const pending = () =>
      many.prepare('SELECT count(*) FROM articles WHERE language IS NULL').pluck().get() as number;
    const first = new SearchRunner(many, { file: 'unused', execArgv: [] });
    // Nothing is analyzed while the opening code runs: the first page waits for the event loop.
    expect(pending()).toBe(count);
    await new Promise((resolve) => setImmediate(resolve));
    void first.close();
    await first.analysis.done;
    const left = pending();
    expect(left).toBeLessThan(count);
    expect(left).toBeGreaterThan(0);
    const second = new SearchRunner(many, { file: 'unused', execArgv: [] });
    await second.analysis.done;
    void second.close();
    expect(pending()).toBe(0);
    // Every article under its new terms ('travelled' stems to 'travel'), each once.
    const indexed = many
      .prepare("SELECT count(*) FROM articles_terms WHERE articles_terms MATCH 'travel'")
      .pluck()
      .get();
    expect(indexed).toBe(count);
    expect(idsIn(many, 'parcel rule 7 ')[0]).toBe('a7');
    many.close();
  });
});
