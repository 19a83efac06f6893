import { fireEvent, render, screen, waitFor, within } from '../render';
import { beforeEach, describe, expect, it } from 'vitest';
import { CustomerTimeline } from '../../../src/renderer/src/features/tickets/CustomerTimeline';
import { OffersList } from '../../../src/renderer/src/features/tickets/OffersList';
import type { Offer, Timeline } from '../../../src/shared/contract/customers';
import { installGigdesk, NOW } from './fixtures';

const timeline: Timeline = {
  customer: {
    fields: [
      { name: 'plan', label: 'Plan', value: 'Gold', visibleFromTier: null },
      { name: 'email', label: 'E-mail', value: null, visibleFromTier: 2 },
    ],
  },
  items: [
    {
      type: 'case',
      taskId: 't0',
      at: NOW - 60_000,
      subject: 'Tent pole snapped',
      outcome: 'resolved',
      rating: 5,
      advocateHandle: 'mira',
      visibleFromTier: null,
    },
    {
      type: 'event',
      id: 'e1',
      at: NOW - 120_000,
      kind: 'order',
      summary: 'Trollvind 2',
      amountMinor: 24_900,
      currency: 'EUR',
      visibleFromTier: null,
    },
    {
      type: 'event',
      id: 'e2',
      at: NOW - 180_000,
      kind: 'return',
      summary: null,
      amountMinor: null,
      currency: null,
      visibleFromTier: 3,
    },
  ],
};

const offer: Offer = {
  taskId: 'o1',
  brandId: 'b1',
  brandName: 'Acme Outdoor',
  subject: 'Parcel still missing',
  offerExpiresAt: NOW + 9 * 60_000,
  language: 'en',
  followUp: true,
};

describe('the customer in the ticket', () => {
  beforeEach(() => {
    installGigdesk({ 'customers:timeline': timeline });
  });

  it('shows fields and the timeline newest first, above-tier ones as "visible from tier N"', async () => {
    render(<CustomerTimeline taskId="t1" version={1} />);
    const history = await screen.findByRole('region', { name: 'Customer history' });
    expect(within(history).getByText('Gold')).toBeTruthy();
    expect(within(history).getByText('Visible from tier 2')).toBeTruthy();
    const items = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Tent pole snapped');
    expect(items[0]).toContain('@mira');
    expect(items[1]).toMatch(/Trollvind 2 · €249\.00/);
    expect(items[2]).toContain('Visible from tier 3');
  });
});

describe('Offered to you', () => {
  it('lists live offers with their countdown; accept answers the offer', async () => {
    const calls = installGigdesk({ 'offers:list': [offer], 'offers:answer': [] });
    render(<OffersList now={NOW} />);
    const region = await screen.findByRole('region', { name: 'Offered to you' });
    expect(region.textContent).toContain('Customer replied: Parcel still missing');
    expect(region.textContent).toMatch(/9:00 left/);
    fireEvent.click(within(region).getByRole('button', { name: 'Accept' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Offered to you' })).toBeNull(),
    );
    expect(calls.filter((c) => c.channel === 'offers:answer').map((c) => c.input)).toEqual([
      { taskId: 'o1', answer: 'accept' },
    ]);
  });
});
