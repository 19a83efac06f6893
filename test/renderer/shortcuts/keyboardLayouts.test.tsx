import { fireEvent, render, screen, waitFor } from '../render';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { Shell } from '../../../src/renderer/src/features/shell/Shell';
import { useNav } from '../../../src/renderer/src/features/shell/navStore';
import { useTickets } from '../../../src/renderer/src/features/tickets/ticketsStore';
import { TicketsView } from '../../../src/renderer/src/features/tickets/TicketsView';
import { installGigdesk, myTicket, ticket } from '../tickets/fixtures';

/**
 * Shortcuts fire by the key pressed, whatever the keyboard layout types there: each press below
 * carries what that layout (or macOS Option, or an input method) puts in `key`, and the physical
 * key's `code`.
 */
const t1 = ticket();
const t2 = ticket({ id: 't2', subject: 'Wrong size delivered' });

beforeEach(() => {
  useTickets.setState({ list: null, selectedId: null, ticket: null, macros: [], error: null });
  useNav.setState({ view: 'feed' });
  installGigdesk({
    'tickets:board': (i?: { open: string | null }) => ({
      mine: [myTicket(t1), myTicket(t2)],
      open: i?.open === 't1' ? t1 : i?.open === 't2' ? t2 : null,
    }),
    'tickets:macros': [],
    'offers:list': [],
    'customers:timeline': null,
    'kb:suggest': { hits: [], superseded: false },
    'sync:current': { state: 'online', lastSyncedAt: null, message: null },
    'session:status': { state: 'signed_out' },
    'feed:prefs': defaultFeedPrefs,
    'feed:facets': { brands: [], skills: [] },
    'feed:list': { tasks: [], total: 0 },
  });
});

async function openTickets() {
  render(<TicketsView />);
  await screen.findByRole('heading', { name: 'Parcel never arrived' });
}

describe('ticket shortcuts on any keyboard layout', () => {
  it.each([
    ['Russian (ЙЦУКЕН)', 'у'],
    ['Greek', 'ε'],
    ['a Japanese input method', 'Process'],
  ])('e escalates on %s', async (_layout, key) => {
    await openTickets();
    fireEvent.keyDown(document.body, { key, code: 'KeyE' });
    expect(await screen.findByRole('dialog', { name: 'Escalate this ticket' })).toBeTruthy();
  });

  it('t transfers on Arabic', async () => {
    await openTickets();
    fireEvent.keyDown(document.body, { key: 'ف', code: 'KeyT' });
    expect(await screen.findByRole('dialog', { name: 'Transfer this ticket' })).toBeTruthy();
  });

  it('j and k move between tickets on Russian', async () => {
    await openTickets();
    fireEvent.keyDown(document.body, { key: 'о', code: 'KeyJ' });
    await screen.findByRole('heading', { name: 'Wrong size delivered' });
    fireEvent.keyDown(document.body, { key: 'л', code: 'KeyK' });
    await screen.findByRole('heading', { name: 'Parcel never arrived' });
  });

  it('n starts an internal note on Greek; Ctrl+K opens the palette on Russian', async () => {
    await openTickets();
    fireEvent.keyDown(document.body, { key: 'ν', code: 'KeyN' });
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label') ?? '').toMatch(/^Internal note/),
    );
    fireEvent.keyDown(document.body, { key: 'л', code: 'KeyK', ctrlKey: true });
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeTruthy();
  });

  it('a key that is part of an input method composition is text, not a shortcut', async () => {
    await openTickets();
    fireEvent.keyDown(document.body, { key: 'Process', code: 'KeyE', isComposing: true });
    fireEvent.keyDown(document.body, { key: 'e', code: 'KeyE', isComposing: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Alt+1..5 between views', () => {
  it('works with macOS Option, which types ¡ and ™ for Option+1 and Option+2', async () => {
    render(<Shell />);
    expect(screen.getByRole('main', { name: 'Feed' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '™', code: 'Digit2', altKey: true });
    expect(await screen.findByRole('main', { name: 'My tickets' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '¡', code: 'Digit1', altKey: true });
    expect(await screen.findByRole('main', { name: 'Feed' })).toBeTruthy();
  });

  it('works on AZERTY, whose unshifted digit keys type & and é', async () => {
    render(<Shell />);
    fireEvent.keyDown(window, { key: 'é', code: 'Digit2', altKey: true });
    expect(await screen.findByRole('main', { name: 'My tickets' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '&', code: 'Digit1', altKey: true });
    expect(await screen.findByRole('main', { name: 'Feed' })).toBeTruthy();
  });
});
