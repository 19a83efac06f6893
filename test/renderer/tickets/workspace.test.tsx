import { act, fireEvent, render, screen, waitFor, within } from '../render';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../../src/core/i18n/refusal';
import { DRAFT_SAVE_MS } from '../../../src/renderer/src/features/tickets/Composer';
import { useTickets } from '../../../src/renderer/src/features/tickets/ticketsStore';
import { TicketsView } from '../../../src/renderer/src/features/tickets/TicketsView';
import { installGigdesk, myTicket, ticket } from './fixtures';

const t1 = ticket();
const t2 = ticket({
  id: 't2',
  subject: 'Wrong size delivered',
  slaDueAt: null,
  leaseExpiresAt: Date.now() + 3 * 60_000,
});
const macros = [
  { id: 'mac1', title: 'Greeting', body: 'Hi Grace,\n\nthanks for getting in touch.' },
  {
    id: 'mac2',
    title: 'Tracking: checked with carrier',
    body: 'Order {{order.number}} is on its way.',
  },
];

let calls: { channel: string; input: unknown }[];
beforeEach(() => {
  useTickets.setState({ list: null, selectedId: null, ticket: null, macros: [], error: null });
  calls = installGigdesk({
    'tickets:board': (i?: { open: string | null }) => ({
      mine: [myTicket(t1), myTicket(t2)],
      open: i?.open === 't1' ? t1 : i?.open === 't2' ? t2 : null,
    }),
    'tickets:macros': macros,
    'tickets:saveDraft': { savedAt: 1 },
    'tickets:renew': { queued: true },
    'tickets:act': { mine: [myTicket(t1), myTicket(t2)], open: t1 },
    'kb:suggest': { hits: [], superseded: false },
    'kb:search': { hits: [], superseded: false },
    'sync:current': { state: 'online', lastSyncedAt: null, message: null },
    'offers:list': [],
    'customers:timeline': null,
  });
});

const sent = (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.input);
/** What `tickets:act` was sent for actions of this type, without the type. */
const acted = (type: string) =>
  sent('tickets:act').flatMap((input) => {
    const { type: sentType, ...rest } = input as { type: string };
    return sentType === type ? [rest] : [];
  });

async function openView() {
  render(<TicketsView />);
  await screen.findByRole('heading', { name: 'Parcel never arrived' });
}

describe('My tickets', () => {
  it('lists tickets with SLA countdown (amber), lease state and a lapsing-lease warning', async () => {
    await openView();
    const list = screen.getByRole('list', { name: 'My tickets' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.querySelector('.sla--amber')?.textContent).toMatch(/Due in \d+:\d\d/);
    expect(first!.textContent).toContain('Held until');
    expect(second!.textContent).toContain('Claim lapses in');
    fireEvent.click(within(second!).getByRole('button'));
    await screen.findByRole('heading', { name: 'Wrong size delivered' });
    expect(screen.getByText(/Your claim lapses in/)).toBeTruthy();
    // An open ticket with little lease left is renewed.
    await waitFor(() => expect(sent('tickets:renew')).toContainEqual({ taskId: 't2' }));
  });

  it('j/k move between tickets and keep focus on the selected one', async () => {
    await openView();
    fireEvent.keyDown(document.body, { key: 'j' });
    await screen.findByRole('heading', { name: 'Wrong size delivered' });
    await waitFor(() =>
      expect(document.activeElement?.textContent).toContain('Wrong size delivered'),
    );
    fireEvent.keyDown(document.body, { key: 'k' });
    await screen.findByRole('heading', { name: 'Parcel never arrived' });
  });
});

describe('composer', () => {
  it('saves the draft as you type, sends with Ctrl+Enter and clears it', async () => {
    await openView();
    fireEvent.keyDown(document.body, { key: 'r' });
    const box = screen.getByRole('textbox', { name: 'Reply to the customer' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.change(box, { target: { value: 'Hello Grace' } });
    await waitFor(
      () =>
        expect(sent('tickets:saveDraft')).toContainEqual({
          taskId: 't1',
          kind: 'reply',
          body: 'Hello Grace',
        }),
      {
        timeout: DRAFT_SAVE_MS + 1000,
      },
    );
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(acted('reply')).toEqual([{ taskId: 't1', body: 'Hello Grace' }]));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
    expect(document.activeElement).toBe(box);
  });

  it('opens the macro picker from the keyboard, filters as you type, inserts the expanded macro', async () => {
    await openView();
    fireEvent.keyDown(document.body, { key: 'r' });
    const box = screen.getByRole('textbox', { name: 'Reply to the customer' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.keyDown(box, { key: 'M', ctrlKey: true, shiftKey: true });
    const filter = await screen.findByRole('combobox', { name: 'Filter macros' });
    expect(document.activeElement).toBe(filter);
    fireEvent.change(filter, { target: { value: 'greet' } });
    expect(
      within(screen.getByRole('listbox', { name: 'Macros' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('Greeting')]);
    fireEvent.keyDown(filter, { key: 'Enter' });
    await waitFor(() =>
      expect((box as HTMLTextAreaElement).value).toBe('Hi Grace,\n\nthanks for getting in touch.'),
    );
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    await waitFor(() =>
      expect(acted('reply')).toEqual([
        { taskId: 't1', body: 'Hi Grace,\n\nthanks for getting in touch.', macroId: 'mac1' },
      ]),
    );
  });

  it('will not send a reply with a placeholder left to fill', async () => {
    await openView();
    fireEvent.keyDown(document.body, { key: 'r' });
    const box = screen.getByRole('textbox', { name: 'Reply to the customer' });
    fireEvent.change(box, { target: { value: 'Order {{order.number}} is on its way.' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('Fill in {{order.number}} before sending.')).toBeTruthy();
    expect(acted('reply')).toEqual([]);
  });
});

describe('actions', () => {
  it('e opens the escalate dialog: says what it pays, requires a handoff note, then queues it', async () => {
    await openView();
    const escalateButton = screen.getByRole('button', { name: 'Escalate…' });
    escalateButton.focus();
    fireEvent.keyDown(document.body, { key: 'e' });
    const dialog = await screen.findByRole('dialog', { name: 'Escalate this ticket' });
    expect(dialog.textContent).toContain('escalation queue');
    expect(dialog.textContent).toMatch(/Pays €2\.50 under Acme Outdoor’s rules/);
    // Each line worded in the app's language from its kind, not the server's English label.
    expect(dialog.textContent).toContain(
      '(Base for complexity 3 €5.00; × 50% for escalated with a handoff -€2.50)',
    );
    fireEvent.click(within(dialog).getByRole('radio', { name: /chatbot/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Write a handoff note first.');
    expect(acted('escalate')).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Handoff note/ }), {
      target: { value: 'Refund above my limit' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(acted('escalate')).toEqual([
      { taskId: 't1', target: 'chatbot', handoffNote: 'Refund above my limit' },
    ]);
    // Focus went back where it was.
    expect(document.activeElement?.outerHTML).toBe(escalateButton.outerHTML);
  });

  it('the transfer dialog needs a note and an advocate; a server-side refusal is shown in the dialog', async () => {
    installGigdesk({
      'offers:list': [],
      'tickets:board': { mine: [myTicket(t1)], open: t1 },
      'tickets:macros': [],
      'tickets:act': refusal('rejected', 'error.lifecycle.tier', { minTier: 2, tier: 1 }),
      'kb:suggest': { hits: [], superseded: false },
    });
    await openView();
    fireEvent.keyDown(document.body, { key: 't' });
    const dialog = await screen.findByRole('dialog', { name: 'Transfer this ticket' });
    expect(dialog.textContent).toContain('Transferring pays nothing');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Note for the next advocate/ }), {
      target: { value: 'Sizes' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Name the advocate to transfer to.');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Advocate handle or ID' }), {
      target: { value: 'bo' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(
      await within(dialog).findByText('This task needs trust tier 2; yours is 1.'),
    ).toBeTruthy();
  });

  it('disables actions the lifecycle does not allow, and says why', async () => {
    const resolved = ticket({ status: 'resolved', leaseExpiresAt: null });
    installGigdesk({
      'offers:list': [],
      'tickets:board': { mine: [myTicket(resolved)], open: resolved },
      'tickets:macros': [],
      'kb:suggest': { hits: [], superseded: false },
    });
    await openView();
    const resolve = screen.getByRole('button', { name: 'Resolve…' }) as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);
    expect(resolve.title).toBe('The task is already resolved.');
    expect(
      (screen.getByRole('textbox', { name: 'Reply to the customer' }) as HTMLTextAreaElement)
        .disabled,
    ).toBe(true);
    fireEvent.keyDown(document.body, { key: 'e' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Ctrl+K lists every action in a palette; ? shows the shortcut sheet', async () => {
    await openView();
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    const names = within(palette)
      .getAllByRole('option')
      .map((o) => o.textContent);
    for (const label of [
      'Reply',
      'internal note',
      'macro',
      'Resolve',
      'Escalate',
      'Transfer',
      'Hand back',
      'Next ticket',
      'Keyboard shortcuts',
    ]) {
      expect(names.some((n) => n?.includes(label))).toBe(true);
    }
    const input = within(palette).getByRole('combobox');
    fireEvent.change(input, { target: { value: 'resolve' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('dialog', { name: 'Resolve this ticket' })).toBeTruthy();
    expect(screen.getByRole('dialog').textContent).toMatch(/Pays €5\.00/);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await act(async () => {
      fireEvent.keyDown(document.body, { key: '?' });
    });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent).toContain(
      'Command palette',
    );
  });
});
