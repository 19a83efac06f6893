import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { createTestCore, type TestCore } from '../../support/core';
import { article, put, remove } from './fixtures';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

describe('kb handlers (search on the worker thread)', () => {
  it('searches on its own connection and sees what sync wrote since', async () => {
    put(core.db, article('a1', { title: 'Refund a parcel', tags: ['billing'] }));
    const first = await core.handlers['kb:search']({
      query: 'refund ',
      brandId: null,
      tag: null,
      limit: 20,
    });
    expect(first).toMatchObject({ superseded: false, mode: 'ranked' });
    expect(first.hits.map((h) => h.id)).toEqual(['a1']);

    put(core.db, article('a2', { title: 'Refund times' }));
    remove(core.db, 'a1');
    const second = await core.handlers['kb:search']({
      query: 'refund ',
      brandId: null,
      tag: null,
      limit: 20,
    });
    expect(second.hits.map((h) => h.id)).toEqual(['a2']);
  });

  it('drops an older search when a newer one arrives', async () => {
    put(core.db, article('a1', { title: 'Refund a parcel' }), article('a2', { title: 'Returns' }));
    const input = (query: string) => ({ query, brandId: null, tag: null, limit: 20 });
    const results = await Promise.all([
      core.handlers['kb:search'](input('r')),
      core.handlers['kb:search'](input('re')),
      core.handlers['kb:search'](input('ref')),
      core.handlers['kb:search'](input('refu')),
    ]);
    // The first was already running; the two queued in between never ran.
    expect(results.map((r) => r.superseded)).toEqual([true, true, true, false]);
    expect(results[3]!.hits.map((h) => h.id)).toEqual(['a1']);
    // A suggestion is not superseded by a search.
    const [search, suggest] = await Promise.all([
      core.handlers['kb:search'](input('returns ')),
      core.handlers['kb:suggest']({ text: 'parcel refund', brandId: null, tag: null, limit: 5 }),
    ]);
    expect(search.hits.map((h) => h.id)).toEqual(['a2']);
    expect(suggest.hits.map((h) => h.id)).toEqual(['a1']);
  });

  it('keeps the event loop free while the worker searches', async () => {
    put(
      core.db,
      ...Array.from({ length: 300 }, (_, i) =>
        article(`x${i}`, { title: `Topic ${i}`, bodyMarkdown: 'common words '.repeat(200) }),
      ),
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const searches = Array.from({ length: 20 }, (_, i) =>
      core.handlers['kb:search']({
        query: `common words topic ${i} `,
        brandId: null,
        tag: null,
        limit: 20,
      }),
    );
    const results = await Promise.all(searches);
    clearInterval(timer);
    // Only x19 holds every word; the others follow as partial matches.
    expect(results.at(-1)!.hits[0]!.id).toBe('x19');
    expect(ticks).toBeGreaterThan(0);
  });

  it('answers an article, not_found for a missing one, and an overview', async () => {
    put(
      core.db,
      article('a1', { title: 'Refund', bodyMarkdown: '**Bold**', tags: ['billing', 'refunds'] }),
    );
    await expect(core.handlers['kb:article']({ id: 'a1' })).resolves.toMatchObject({
      title: 'Refund',
      bodyMarkdown: '**Bold**',
      tags: ['billing', 'refunds'],
    });
    // `kb:` links in bodies name the brand's own reference.
    await expect(core.handlers['kb:article']({ id: 'ref-a1' })).resolves.toMatchObject({
      id: 'a1',
    });
    expect(await dispatch(core.handlers, 'kb:article', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const overview = await core.handlers['kb:overview'](undefined);
    expect(overview.articleCount).toBe(1);
    expect(overview.brands).toEqual([{ id: 'acme', name: 'acme' }]);
    expect(overview.tags.map((t) => t.tag).sort()).toEqual(['billing', 'refunds']);
  });

  it('suggests for a ticket whose message has the maximum size', async () => {
    put(core.db, article('a1', { title: 'Broken zipper on a tent', tags: ['warranty'] }));
    // Subject at its maximum, a 20,000-character message whose telling words come first, and
    // redaction markers that make the message longer than the customer wrote it.
    const subject = `Zipper ${'x'.repeat(292)}`;
    const message = `The zipper on my tent broke. ${'[email removed] '.repeat(1_600)}`.slice(
      0,
      20_000,
    );
    for (const text of [
      `${subject}\n${message}`,
      `${subject}\n${message}${'[phone removed] '.repeat(500)}`,
    ]) {
      const result = await dispatch(core.handlers, 'kb:suggest', {
        text,
        brandId: null,
        tag: null,
        limit: 8,
      });
      expect(result).toMatchObject({ ok: true });
      const value = result.ok ? (result.value as { hits: { id: string }[] }) : { hits: [] };
      expect(value.hits.map((h) => h.id)).toEqual(['a1']);
    }
  });

  it('rejects bad input at the contract', async () => {
    const result = await dispatch(core.handlers, 'kb:search', { query: 'x'.repeat(301) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
