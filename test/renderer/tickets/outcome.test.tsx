import { fireEvent, render, screen, waitFor, within } from '../render';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNav } from '../../../src/renderer/src/features/shell/navStore';
import { useTickets } from '../../../src/renderer/src/features/tickets/ticketsStore';
import { TicketsView } from '../../../src/renderer/src/features/tickets/TicketsView';
import type { Ticket } from '../../../src/shared/contract/tickets';
import { installGigdesk, myTicket, ticket } from './fixtures';

const t1 = ticket();
const t2 = ticket({ id: 't2', subject: 'Wrong size delivered', slaDueAt: null });
const pending = (type: string) => [
  { key: `k-${type}`, type, createdAt: 1, attempts: 0, lastError: null },
];

/** The view over a fake core where `tickets:act` answers `after` for the acted ticket. */
function install(others: Ticket[], after: Ticket) {
  const tickets = new Map([t1, ...others].map((t) => [t.id, t]));
  const calls = installGigdesk({
    'tickets:board': (i?: { open: string | null }) => ({
      mine: [...tickets.values()].map(myTicket),
      open: i?.open ? (tickets.get(i.open) ?? null) : null,
    }),
    'tickets:act': () => {
      tickets.set(after.id, after);
      return { mine: [...tickets.values()].map(myTicket), open: after };
    },
    'tickets:macros': [],
    'tickets:renew': { queued: true },
    'kb:suggest': { hits: [], superseded: false },
    'offers:list': [],
    'customers:timeline': null,
  });
  return calls;
}

beforeEach(() => {
  useTickets.setState(useTickets.getInitialState());
  useNav.setState({ view: 'tickets' });
});

async function resolveT1() {
  render(<TicketsView />);
  await screen.findByRole('heading', { name: 'Parcel never arrived' });
  fireEvent.click(screen.getByRole('button', { name: 'Resolve…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Resolve this ticket' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('after a closing action', () => {
  it('says what happened (the action table’s outcome), politely, and focuses Next ticket, which opens the next one', async () => {
    install(
      [t2],
      ticket({ status: 'resolved', leaseExpiresAt: null, pendingActions: pending('resolve') }),
    );
    await resolveT1();
    const status = screen
      .getAllByRole('status')
      .find((el) => el.textContent?.startsWith('Resolved.'));
    expect(status?.textContent).toContain('pays the resolved rate once the brand confirms it');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    // Still waiting to send: it says so.
    expect(status?.textContent).toContain('sent as soon as the connection allows');
    // The composer says the case is over, not that it waits to be claimed.
    const reply = document.querySelector('textarea.composer__text')!;
    expect(reply.getAttribute('placeholder')).toBe(
      'This case is closed; nothing more is sent from here.',
    );
    const next = screen.getByRole('button', { name: 'Next ticket' });
    await waitFor(() => expect(document.activeElement).toBe(next));
    fireEvent.click(next);
    await screen.findByRole('heading', { name: 'Wrong size delivered' });
    expect(screen.queryByRole('button', { name: 'Next ticket' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement?.textContent).toContain('Wrong size delivered'),
    );
  });

  it('with no other ticket to work, offers the feed instead', async () => {
    // The other ticket is itself on its way out (escalated here, waiting to send): not next.
    const leaving = ticket({
      id: 't2',
      subject: 'Wrong size delivered',
      status: 'escalated',
      pendingActions: pending('escalate'),
    });
    install([leaving], ticket({ status: 'open', holderId: null, leaseExpiresAt: null }));
    render(<TicketsView />);
    await screen.findByRole('heading', { name: 'Parcel never arrived' });
    fireEvent.click(screen.getByRole('button', { name: 'Hand back…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hand this ticket back' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hand back' }));
    expect(await screen.findByText(/^Handed back\. The ticket is open/)).toBeTruthy();
    expect(screen.queryByText(/sent as soon as the connection allows/)).toBeNull();
    // Open again: claiming it is the way back to writing.
    expect(document.querySelector('textarea.composer__text')!.getAttribute('placeholder')).toBe(
      'Claim this ticket to write.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Find a ticket in the feed' }));
    await waitFor(() => expect(useNav.getState().view).toBe('feed'));
  });

  it('says nothing once the server refused it and the ticket is held again', async () => {
    install([t2], t1);
    await resolveT1();
    expect(screen.queryByText(/^Resolved\./)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Next ticket' })).toBeNull();
  });
});
