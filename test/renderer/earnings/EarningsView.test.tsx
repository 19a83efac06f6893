import { fireEvent, render, screen, waitFor, within } from '../render';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import {
  applyLedgerEntry,
  applyRating,
  recordClaim,
  recordEstimate,
} from '../../../src/core/earnings/apply';
import { saveSettings } from '../../../src/core/settings';
import { useEarnings } from '../../../src/renderer/src/features/earnings/earningsStore';
import { EarningsView } from '../../../src/renderer/src/features/earnings/EarningsView';
import { computeCasePayout } from '../../../src/shared/domain/payout';
import { createTestCore, type TestCore } from '../../support/core';
import { rules, serverEntry } from '../../unit/earnings/support';

const NOW = Date.UTC(2026, 2, 18, 15); // Wednesday 18 March 2026, 16:00 in Berlin
let core: TestCore;
const initial = useEarnings.getState();

/** `window.gigdesk` answered by the real handlers over a real SQLite file. */
function bridge(c: TestCore) {
  const api = new Proxy(
    {},
    {
      get: (_t, channel: string) =>
        channel === 'on'
          ? () => () => undefined
          : (input: unknown) => dispatch(c.handlers, channel, input),
    },
  );
  Object.defineProperty(window, 'gigdesk', { value: api, configurable: true });
}

/** Where happy-dom defines a layout property, and its own definition. */
function owner(name: string): [object, PropertyDescriptor] {
  for (
    let p: object | null = HTMLDivElement.prototype;
    p;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return [p, d];
  }
  throw new Error(`no ${name}`);
}
const clientHeight = owner('clientHeight');
const clientWidth = owner('clientWidth');

/** happy-dom lays nothing out: give the virtualized list's viewport a size. */
function sizeViewport([proto, real]: [object, PropertyDescriptor], name: string, px: number) {
  Object.defineProperty(proto, name, {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('earnings-table__body') ? px : real.get!.call(this);
    },
  });
}

beforeEach(() => {
  sizeViewport(clientHeight, 'clientHeight', 440);
  sizeViewport(clientWidth, 'clientWidth', 800);
  useEarnings.setState(initial, true);
  core = createTestCore({ now: () => NOW });
  saveSettings(core.db, { timeZone: 'Europe/Berlin', locale: 'en-US' });
  bridge(core);
});
afterEach(() => {
  Object.defineProperty(clientHeight[0], 'clientHeight', clientHeight[1]);
  Object.defineProperty(clientWidth[0], 'clientWidth', clientWidth[1]);
  core.close();
});

function seed() {
  core.db
    .prepare(
      "INSERT INTO brands (id, name, currency, updated_at) VALUES ('brand-a', 'Acme Outdoor', 'EUR', 0)",
    )
    .run();
  core.db
    .prepare(
      `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status, created_at, updated_at)
       VALUES ('t1', 'brand-a', 'r1', 'Refund for a torn tent', 'email', 4, 'resolved', 0, 0)`,
    )
    .run();
  const c = computeCasePayout(rules, 3, { complexity: 4, outcome: 'escalated' });
  applyLedgerEntry(
    core.db,
    serverEntry({
      id: 'L1',
      taskId: 't1',
      outcome: 'escalated',
      amountMinor: c.totalMinor,
      ruleVersion: 3,
      lines: c.lines,
      occurredAt: NOW - 3_600_000,
    }),
  );
  applyLedgerEntry(
    core.db,
    serverEntry({
      id: 'L2',
      taskId: 't1',
      kind: 'rating_bonus',
      outcome: null,
      amountMinor: 150,
      lines: [{ kind: 'rating_bonus', label: 'Bonus for a 5-star rating', amountMinor: 150 }],
      occurredAt: NOW - 1_800_000,
    }),
  );
  applyRating(core.db, {
    taskId: 't1',
    brandId: 'brand-a',
    score: 5,
    comment: 'Quick, "kind", helpful',
    tipMinor: null,
    ratedAt: NOW - 1_800_000,
  });
  recordClaim(core.db, { taskId: 't2', brandId: 'brand-a', claimedAt: Date.UTC(2026, 2, 2, 9) });
  recordEstimate(core.db, {
    taskId: 't2',
    brandId: 'brand-a',
    computation: computeCasePayout(rules, 3, { complexity: 1, outcome: 'resolved' }),
    occurredAt: Date.UTC(2026, 2, 2, 10),
  });
}

describe('EarningsView', () => {
  it('says what will appear before there are any earnings', async () => {
    render(<EarningsView />);
    expect(await screen.findByRole('heading', { name: 'No earnings yet' })).toBeTruthy();
  });

  it('shows totals, the entries and a case worked out line by line', async () => {
    seed();
    render(<EarningsView />);
    const today = await screen.findByRole('region', { name: 'Today' });
    // 480 (800 × 60%) + 150 bonus today; the 200 estimate was two weeks ago.
    expect(within(today).getByText('€6.30')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'This month' })).getByText('€8.30'),
    ).toBeTruthy();
    expect(within(today).getByText('1 case · ★ 5.0 (1)')).toBeTruthy();
    expect(screen.getByTestId('range-total-EUR').textContent).toBe('€8.30');
    // The estimate's case has 1 h of work for €2.00; the server case has no claim time.
    expect(screen.getByText('€2.00/h')).toBeTruthy();
    // Every status and the hourly rate are explained beside the totals.
    const legend = screen.getByLabelText('What the figures mean');
    for (const status of ['Estimated', 'Pending', 'Confirmed', 'Paid', 'Effective hourly rate'])
      expect(within(legend).getByText(status)).toBeTruthy();
    expect(within(legend).getByText(/divided by the time from claiming each one/)).toBeTruthy();
    expect(within(legend).getByText(/The brand has sent you this money/)).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Ledger entries' });
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + 3 entries
    expect(within(table).getByText('Estimated')).toBeTruthy();

    fireEvent.click(within(table).getAllByRole('button', { name: 'Refund for a torn tent' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Refund for a torn tent' });
    const lines = within(dialog).getByRole('table', { name: /adds up/ });
    // Each line: its label (worded by the app, not the server's stored English) and amount…
    const label = (th: Element) =>
      [...th.childNodes]
        .filter((n) => n.nodeName !== 'SMALL')
        .map((n) => n.textContent)
        .join('');
    const text = within(lines)
      .getAllByRole('row')
      .map((r) => label(r.querySelector('th')!) + r.querySelector('td')!.textContent);
    expect(text).toEqual([
      'Base for complexity 4€8.00',
      '× 60% for escalated with a handoff-€3.20',
      'Bonus for a 5-star rating+€1.50',
      '= Total€6.30',
    ]);
    // …and, in place, what that line is.
    expect(
      within(lines).getByText(/for a case of this complexity, from 1 \(simple\)/),
    ).toBeTruthy();
    expect(
      within(lines).getByText(/share of the base for each outcome: 60% when a case is escalated/),
    ).toBeTruthy();
    expect(within(lines).getByText(/the more stars, the more it pays/)).toBeTruthy();
    // The case's status says what it means for the money.
    expect(within(dialog).getByText(/can still be checked or corrected/)).toBeTruthy();
    expect(within(dialog).getByText('Payout rules version 3')).toBeTruthy();
    expect(within(dialog).getByText('Quick, "kind", helpful')).toBeTruthy();
    // Escape where focus is: inside the dialog (it took focus when it opened).
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Today has only the server's case, which has no claim time: the rate says why it is missing.
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByText('Needs tracked time on at least one case')).toBeTruthy();
  });

  it('coming back shows the figures at once, then what changed meanwhile', async () => {
    seed();
    const first = render(<EarningsView />);
    const today = () => within(screen.getByRole('region', { name: 'Today' }));
    await waitFor(() => expect(today().getByText('€6.30')).toBeTruthy());
    first.unmount();
    applyLedgerEntry(
      core.db,
      serverEntry({
        id: 'L3',
        taskId: 't1',
        kind: 'tip',
        outcome: null,
        amountMinor: 100,
        lines: [{ kind: 'tip', label: 'Tip', amountMinor: 100 }],
        occurredAt: NOW - 60_000,
      }),
    );
    render(<EarningsView />);
    // No waiting for the queries: the figures already here are on the first render.
    expect(today().getByText('€6.30')).toBeTruthy();
    await waitFor(() => expect(today().getByText('€7.30')).toBeTruthy());
  });

  it('switches to a custom range and refuses one that ends before it starts', async () => {
    seed();
    render(<EarningsView />);
    await screen.findByRole('region', { name: 'Today' });
    fireEvent.click(screen.getByRole('button', { name: 'Custom range' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-01' } });
    expect(screen.getByRole('alert').textContent).toMatch(/must not end before/);
    expect((screen.getByRole('button', { name: 'Show' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(screen.getByTestId('range-total-EUR').textContent).toBe('€2.00'));
    expect(useEarnings.getState().range).toEqual({
      kind: 'custom',
      from: '2026-03-01',
      to: '2026-03-05',
    });
  });

  it('exports the range to CSV through the save dialog', async () => {
    seed();
    render(<EarningsView />);
    await screen.findByRole('region', { name: 'Today' });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV…' }));
    const status = await screen.findByText(/Saved 3 entries to/);
    const path = status.textContent!.replace(/^Saved 3 entries to /, '');
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('currency');
    expect(csv).toContain('"Quick, ""kind"", helpful"');
  });

  it('adds a UTF-8 BOM for Excel when the box is ticked, formulas still defused', async () => {
    seed();
    core.db
      .prepare("UPDATE tasks SET subject = '=HYPERLINK(\"x\") für María' WHERE id = 't1'")
      .run();
    render(<EarningsView />);
    await screen.findByRole('region', { name: 'Today' });
    const exportTo = async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV…' }));
      const status = await screen.findByText(/Saved 3 entries to/);
      const bytes = readFileSync(status.textContent!.replace(/^Saved 3 entries to /, ''));
      fireEvent.click(screen.getByRole('button', { name: 'This month' })); // clears the message
      await waitFor(() => expect(screen.queryByText(/Saved 3 entries to/)).toBeNull());
      return bytes;
    };
    const box = screen.getByRole('checkbox', { name: 'Add BOM for Excel' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    const plain = await exportTo();
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    const excel = await exportTo();
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.subarray(3).equals(plain)).toBe(true);
    expect(excel.toString('utf8')).toContain(`'=HYPERLINK(""x"") für María`);
  });
});
