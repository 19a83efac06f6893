// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '../render';
import { describe, expect, it, vi } from 'vitest';
import { articleLinkMarkdown, excerptMarkdown } from '../../../src/renderer/src/features/kb/format';
import { KbPanel } from '../../../src/renderer/src/features/kb/KbPanel';
import { contract } from '../../../src/shared/contract';
import { fullArticle, hit, mockGigdesk, result } from './gigdeskMock';

const refund = fullArticle(
  'refund-101',
  'Refund a damaged parcel',
  '# Refunds\n\nAsk for **two photos** of the damage, then refund in full.\n\nMore text.',
);

// jsdom role queries are slow on a busy machine.
describe('<KbPanel>', { timeout: 20_000 }, () => {
  it('suggests articles for the ticket and inserts a link or an excerpt', async () => {
    const calls = mockGigdesk({
      'kb:suggest': () => result([hit('refund-101', 'Refund a damaged parcel')]),
      'kb:article': () => refund,
    });
    const onInsertLink = vi.fn();
    const onInsertExcerpt = vi.fn();
    render(
      <KbPanel
        subject="Parcel arrived damaged"
        firstMessage="The box was crushed."
        brandId="acme"
        onInsertLink={onInsertLink}
        onInsertExcerpt={onInsertExcerpt}
      />,
    );
    const suggestion = await screen.findByRole('button', { name: /Refund a damaged parcel/ });
    expect(calls[0]).toEqual({
      channel: 'kb:suggest',
      input: {
        text: 'Parcel arrived damaged\nThe box was crushed.',
        brandId: 'acme',
        tag: null,
        limit: 8,
        language: null,
      },
    });
    fireEvent.click(suggestion);
    await screen.findByRole('heading', { name: 'Refund a damaged parcel', level: 3 });
    expect(screen.getByText('two photos').tagName).toBe('STRONG');

    fireEvent.click(screen.getByRole('button', { name: 'Insert link' }));
    expect(onInsertLink).toHaveBeenCalledWith(refund);
    fireEvent.click(screen.getByRole('button', { name: 'Insert excerpt' }));
    expect(onInsertExcerpt).toHaveBeenCalledWith(
      refund,
      'Ask for two photos of the damage, then refund in full.',
    );
  });

  it('suggests for a maximum-size message: what it sends passes the contract', async () => {
    const calls = mockGigdesk({
      'kb:suggest': () => result([hit('refund-101', 'Refund a damaged parcel')]),
    });
    render(
      <KbPanel
        subject={'S'.repeat(300)}
        firstMessage={'Damaged parcel, please refund. '.repeat(700).slice(0, 20_000)}
        onInsertLink={vi.fn()}
        onInsertExcerpt={vi.fn()}
      />,
    );
    await screen.findByRole('button', { name: /Refund a damaged parcel/ });
    expect(contract['kb:suggest'].input.safeParse(calls[0]!.input).success).toBe(true);
    expect(String((calls[0]!.input as { text: string }).text).startsWith('S'.repeat(300))).toBe(
      true,
    );
  });

  it('searches as you type and ignores answers to older queries', async () => {
    const pending: ((v: unknown) => void)[] = [];
    mockGigdesk({
      'kb:suggest': () => result([]),
      'kb:search': () => new Promise((resolve) => pending.push(resolve)),
    });
    render(
      <KbPanel subject="x" firstMessage="y" onInsertLink={vi.fn()} onInsertExcerpt={vi.fn()} />,
    );
    await screen.findByText('No suggestions for this ticket.');
    const box = screen.getByLabelText('Search articles for this ticket');
    fireEvent.change(box, { target: { value: 'ref' } });
    fireEvent.change(box, { target: { value: 'refund' } });
    await waitFor(() => expect(pending).toHaveLength(2));
    pending[1]!(result([hit('new', 'Newest answer')]));
    await screen.findByRole('button', { name: /Newest answer/ });
    pending[0]!(result([hit('old', 'Stale answer')]));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: /Stale answer/ })).toBeNull();
  });

  it('formats links and quoted excerpts as markdown', () => {
    expect(articleLinkMarkdown({ id: 'r1', title: 'Refunds [EU]' })).toBe('[Refunds EU](kb:r1)');
    expect(excerptMarkdown({ id: 'r1', title: 'Refunds' }, 'Line one\nLine two')).toBe(
      '> Line one\n> Line two\n>\n> — [Refunds](kb:r1)',
    );
  });
});
