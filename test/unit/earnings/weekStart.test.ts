import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { applyLedgerEntry } from '../../../src/core/earnings/apply';
import { saveSettings } from '../../../src/core/settings';
import type { Dashboard, PeriodSummary } from '../../../src/shared/contract/earnings';
import { createTestCore, type TestCore } from '../../support/core';
import { serverEntry } from './support';

let core: TestCore;
afterEach(() => core?.close());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

// Wednesday 2026-12-02, noon in Cairo.
const NOW = Date.UTC(2026, 11, 2, 10);

describe('"this week" starts where the locale says', () => {
  for (const [locale, from, to] of [
    ['en-US', '2026-11-29', '2026-12-05'],
    ['de', '2026-11-30', '2026-12-06'],
    ['ar-EG', '2026-11-28', '2026-12-04'],
    ['ja', '2026-11-29', '2026-12-05'],
  ] as const) {
    it(`${locale}: ${from} to ${to}`, async () => {
      core = createTestCore({ now: () => NOW });
      saveSettings(core.db, { timeZone: 'Africa/Cairo', locale });
      // Saturday 2026-11-28: in the week for ar-EG only; Sunday 11-29: not for de.
      applyLedgerEntry(
        core.db,
        serverEntry({
          id: 'sat',
          taskId: 't1',
          amountMinor: 100,
          occurredAt: Date.UTC(2026, 10, 28, 12),
        }),
      );
      applyLedgerEntry(
        core.db,
        serverEntry({
          id: 'sun',
          taskId: 't2',
          amountMinor: 20,
          occurredAt: Date.UTC(2026, 10, 29, 12),
        }),
      );
      const dashboard = await ok<Dashboard>('earnings:dashboard', {});
      expect([dashboard.week.from, dashboard.week.to]).toEqual([from, to]);
      const summary = await ok<PeriodSummary>('earnings:summary', { range: { kind: 'week' } });
      expect([summary.from, summary.to]).toEqual([from, to]);
      const expected = { 'en-US': 20, de: 0, 'ar-EG': 120, ja: 20 }[locale];
      const total = dashboard.week.totals.find((t) => t.currency === 'EUR')?.amountMinor ?? 0;
      expect(total).toBe(expected);
      expect(summary.totals.find((t) => t.currency === 'EUR')?.amountMinor ?? 0).toBe(expected);
    });
  }
});
