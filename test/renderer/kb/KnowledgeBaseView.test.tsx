// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useKb } from '../../../src/renderer/src/features/kb/kbStore';
import { useSync } from '../../../src/renderer/src/features/sync/syncStore';
import { KnowledgeBaseView } from '../../../src/renderer/src/features/kb/KnowledgeBaseView';
import { fullArticle, hit, mockGigdesk, result } from './gigdeskMock';

const overview = {
  articleCount: 2,
  brands: [{ id: 'acme', name: 'Acme' }],
  tags: [{ tag: 'billing', count: 2 }],
};

beforeEach(() => {
  useKb.setState({ query: '', hits: [], article: null, overview: null, error: null });
  useSync.setState({
    status: { state: 'offline', lastSyncedAt: Date.UTC(2026, 0, 5, 9), message: 'No network' },
  });
});

// jsdom role queries are slow on a busy machine.
describe('KnowledgeBaseView', { timeout: 20_000 }, () => {
  it('says there are no articles before the first sync', async () => {
    mockGigdesk({ 'kb:overview': () => ({ articleCount: 0, brands: [], tags: [] }) });
    render(<KnowledgeBaseView />);
    await screen.findByRole('heading', { name: 'No articles yet' });
  });

  it('searches as you type, highlights matches, and opens a sanitized article offline', async () => {
    const calls = mockGigdesk({
      'kb:overview': () => overview,
      'kb:search': () =>
        result([
          hit('r1', 'Refund policy', {
            titleHighlights: [[0, 6]],
            snippet: 'How a <b>refund</b> works',
            snippetHighlights: [[9, 15]],
            tags: ['billing'],
          }),
        ]),
      'kb:article': () =>
        fullArticle(
          'r1',
          'Refund policy',
          'Read [this](javascript:alert(1)) <img src=x onerror=alert(1)>',
        ),
    });
    render(<KnowledgeBaseView />);
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Offline · searching the copy on this computer',
    );
    expect(screen.getByText(/Last synced/)).toBeTruthy();
    await screen.findByText('2 articles');

    fireEvent.change(screen.getByLabelText('Search the knowledge base'), {
      target: { value: 'refu' },
    });
    const result1 = await screen.findByRole('button', { name: /Refund policy/ });
    const marks = Array.from(result1.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['Refund', 'refund']);
    // Article text is shown as text, never parsed as HTML.
    expect(result1.querySelector('b')).toBeNull();
    expect(result1.textContent).toContain('<b>refund</b>');
    expect(calls.find((c) => c.channel === 'kb:search')?.input).toEqual({
      query: 'refu',
      brandId: null,
      tag: null,
      limit: 30,
    });
    expect(screen.getByText('1 best match')).toBeTruthy();

    fireEvent.click(result1);
    const article = await screen.findByRole('article', { name: 'Refund policy' });
    const link = within(article).getByText('this');
    expect(link.getAttribute('href')).toBeNull();
    expect(article.querySelector('img')).toBeNull();
    expect(article.innerHTML).not.toMatch(/onerror|javascript:/);
  });

  it('filters by tag', async () => {
    const calls = mockGigdesk({ 'kb:overview': () => overview, 'kb:search': () => result([]) });
    render(<KnowledgeBaseView />);
    fireEvent.change(screen.getByLabelText('Search the knowledge base'), {
      target: { value: 'refund ' },
    });
    fireEvent.change(await screen.findByLabelText('Tag'), { target: { value: 'billing' } });
    await screen.findByText('No articles match every word.');
    expect(calls.filter((c) => c.channel === 'kb:search').at(-1)?.input).toMatchObject({
      query: 'refund ',
      tag: 'billing',
    });
  });
});
