// @vitest-environment jsdom
// The sanitizer (DOMPurify) needs a DOM it supports; happy-dom lets markup through, so jsdom here.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Thread } from '../../../src/renderer/src/features/tickets/Thread';
import { ticket } from './fixtures';

describe('Thread', () => {
  it('tells customer, agent, chatbot, advocate and system apart, and marks notes and waiting messages', () => {
    const { container } = render(<Thread ticket={ticket()} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.className.match(/thread-message--(\w+)/)![1])).toEqual([
      'customer',
      'agent',
      'chatbot',
      'advocate',
      'system',
      'advocate',
    ]);
    expect(items[0]!.getAttribute('aria-label')).toBe('Message from Grace Hopper (Customer)');
    expect(items[2]!.textContent).toContain('Chatbot');
    expect(items[1]!.textContent).toContain('Contact-center agent');
    expect(items[3]!.className).toContain('thread-message--internal');
    expect(items[3]!.textContent).toContain('Internal note · not visible to the customer');
    expect(items[3]!.getAttribute('aria-label')).toBe('Internal note from Ada Lovelace (Advocate)');
    expect(items[5]!.textContent).toContain('Waiting to send');
    expect(items[4]!.textContent).not.toContain('Waiting to send');
    expect(container.textContent).toContain('Ada Lovelace (you)');
  });

  it('shows redaction markers as such and renders bodies through the sanitizer', () => {
    const { container } = render(<Thread ticket={ticket()} />);
    const mark = container.querySelector('.thread-message--customer mark.redaction');
    expect(mark?.textContent).toBe('[email removed]');
    expect(screen.getByText(/removed for your trust tier/)).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
  });

  it('says nothing about redaction when nothing was redacted', () => {
    const t = ticket();
    render(<Thread ticket={{ ...t, messages: t.messages.slice(1) }} />);
    expect(screen.queryByText(/removed for your trust tier/)).toBeNull();
  });
});
