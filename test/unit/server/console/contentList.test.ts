/**
 * GET /v1/admin/content: the brand's live articles or macros by title, searched, filtered by the
 * detected language, a page at a time (every row exactly once across pages, even with equal
 * titles); another brand's content, deleted content and a forged cursor never come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer } from '../helpers';
import { type BrandWorld, signIn, twoBrands } from './harness';

interface Item {
  externalRef: string;
  title: string;
  body: string;
  language: string | null;
}

describe('content listing', () => {
  let s: TestServer;
  let A: BrandWorld;
  let analyst: Awaited<ReturnType<typeof signIn>>;
  const push = (path: string, body: unknown) =>
    s.call('POST', path, { token: A.adminKey, body }).then((r) => expect(r.status).toBe(200));

  beforeAll(async () => {
    ({ s, A } = await twoBrands());
    analyst = await signIn(s, A.brandId, 'analyst');
    await push(
      '/v1/admin/articles',
      Array.from({ length: 7 }, (_, n) => ({
        externalRef: `P-${n}`,
        // Equal titles: the page boundary falls between rows the title alone cannot order.
        title: n < 4 ? 'Same title' : `Page ${n} 100%_off`,
        bodyMarkdown: 'How to reset your password when the email with the link never arrives.',
        tags: ['paging'],
      })),
    );
    await push('/v1/admin/articles', [
      {
        externalRef: 'ES-1',
        title: 'Cómo cambiar la dirección de envío',
        bodyMarkdown:
          'Puedes cambiar la dirección de envío de tu pedido antes de que salga del almacén.',
        tags: [],
      },
    ]);
    await push('/v1/admin/articles', [
      { externalRef: 'GONE', title: 'Deleted one', bodyMarkdown: 'x', tags: [] },
    ]);
    expect((await s.call('DELETE', '/v1/admin/articles/GONE', { token: A.adminKey })).status).toBe(
      200,
    );
  });
  afterAll(() => s.close());

  const list = async (query: string) => {
    const r = await analyst.call('GET', `/v1/admin/content?${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: Item[]; nextCursor: string | null };
  };

  it('pages through every live article of the brand exactly once, by title', async () => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list(
        `kind=article&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    const refs = seen.map((i) => i.externalRef);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.sort()).toEqual(['A-1', 'ES-1', 'P-0', 'P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6']);
    expect(pages).toBe(3);
    expect(seen.map((i) => i.title).join('\n')).not.toMatch(/BRAVOMARK|Deleted/);
  });

  it('searches titles and refs case-insensitively, with % and _ taken literally', async () => {
    expect((await list('q=SAME')).items.map((i) => i.externalRef).sort()).toEqual([
      'P-0',
      'P-1',
      'P-2',
      'P-3',
    ]);
    expect((await list('q=100%25_off')).items).toHaveLength(3);
    expect((await list('q=0%25off')).items).toHaveLength(0);
    expect((await list('q=es-1')).items.map((i) => i.externalRef)).toEqual(['ES-1']);
    expect((await list('kind=macro')).items.map((i) => [i.externalRef, i.body])).toEqual([
      ['M-1', 'Hello'],
    ]);
  });

  it('filters by the detected language across pages', async () => {
    const es = await list('language=es&limit=1');
    expect(es.items.map((i) => [i.externalRef, i.language])).toEqual([['ES-1', 'es']]);
    const en = await list('language=en&limit=2');
    expect(en.items.every((i) => i.language === 'en')).toBe(true);
    expect(en.nextCursor).not.toBeNull();
  });

  it('refuses a forged cursor or a bad kind with a clear 400', async () => {
    for (const q of ['cursor=bm90LWpzb24', 'cursor=WzEsMl0', 'kind=ticket', 'language=English']) {
      const r = await analyst.call('GET', `/v1/admin/content?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
    }
  });
});
