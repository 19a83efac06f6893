import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNav } from '../../../src/renderer/src/features/shell/navStore';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import { useTickets } from '../../../src/renderer/src/features/tickets/ticketsStore';
import { TicketsView } from '../../../src/renderer/src/features/tickets/TicketsView';
import type { Ticket } from '../../../src/shared/contract/tickets';
import { defaultSettings } from '../../../src/shared/settings';
import { render, screen } from '../render';
import { installGigdesk, myTicket, ticket } from './fixtures';

// 20:00 UTC on 3 Dec 2026 is already 4 Dec in Tokyo: the date is the advocate's, not UTC's.
const CLOSED_AT = Date.UTC(2026, 11, 3, 20, 0);

function show(t: Ticket, locale: string) {
  act(() =>
    useSettings.setState({
      settings: { ...defaultSettings, locale, timeZone: 'Asia/Tokyo' },
      error: null,
    }),
  );
  installGigdesk({
    'tickets:board': () => ({ mine: [myTicket(t)], open: t }),
    'tickets:macros': [],
    'tickets:renew': { queued: true },
    'kb:suggest': { hits: [], superseded: false },
    'offers:list': [],
    'customers:timeline': null,
  });
  render(<TicketsView />);
}

const escalated = (escalationOutcome: Ticket['escalationOutcome']) =>
  ticket({ status: 'escalated', leaseExpiresAt: null, escalationOutcome });

beforeEach(() => {
  useTickets.setState(useTickets.getInitialState());
  useNav.setState({ view: 'tickets' });
});

describe('an escalation the contact centre closed', () => {
  it('says how and when, in the advocate’s zone, with the customer’s rating', async () => {
    show(escalated({ outcome: 'resolved', closedAt: CLOSED_AT, rating: 4 }), 'en-GB');
    expect(
      await screen.findByText('The contact centre resolved this case on 4 Dec 2026.'),
    ).toBeTruthy();
    expect(screen.getByText('Customer rating: 4★')).toBeTruthy();
  });

  it('words each outcome, leaves out a rating there is none of, in the advocate’s language', async () => {
    show(escalated({ outcome: 'duplicate', closedAt: CLOSED_AT, rating: null }), 'de-DE');
    expect(
      await screen.findByText(
        'Das Kontaktcenter hat diesen Fall am 04.12.2026 als Duplikat geschlossen.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/★/)).toBeNull();
  });

  it('says nothing while the escalation is open', async () => {
    show(escalated(null), 'en-GB');
    await screen.findByRole('heading', { name: 'Parcel never arrived' });
    expect(screen.queryByText(/contact centre/)).toBeNull();
  });
});
