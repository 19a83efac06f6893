import { act } from 'react';
import { expect, it } from 'vitest';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import { useTickets } from '../../../src/renderer/src/features/tickets/ticketsStore';
import { TicketsView } from '../../../src/renderer/src/features/tickets/TicketsView';
import { defaultSettings } from '../../../src/shared/settings';
import { expectNoEnglish } from '../../support/noEnglish';
import { installGigdesk, myTicket, ticket } from '../tickets/fixtures';
import { fireEvent, render, screen, waitFor } from '../render';

/** A disabled action says why in the language shown: the lifecycle's refusal, worded. */
const setLocale = (locale: string) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

const resolved = ticket({ status: 'resolved', leaseExpiresAt: null });

for (const [locale, why] of [
  ['ja', 'このタスクはすでに解決済みです。'],
  ['ar', 'المهمة محلولة بالفعل.'],
] as const) {
  it(`says in ${locale} why an action is disabled, with no English`, async () => {
    useTickets.setState({ list: null, selectedId: null, ticket: null, macros: [], error: null });
    installGigdesk({
      'offers:list': [],
      'tickets:board': { mine: [myTicket(resolved)], open: resolved },
      'tickets:macros': [],
      'kb:suggest': { hits: [], superseded: false },
    });
    setLocale(locale);
    render(<TicketsView />);
    await screen.findByRole('heading', { name: resolved.subject });
    const disabled = await waitFor(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[title]:disabled')];
      expect(buttons.length).toBeGreaterThan(0);
      return buttons;
    });
    for (const button of disabled) {
      expectNoEnglish(button.title);
      expect(button.title).toContain(why);
    }
    // The command palette says the same beside each disabled action.
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const palette = await screen.findByRole('dialog');
    expect(palette.querySelector('.picker__preview')?.textContent).toBe(why);
  });
}
