import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core';
import { applyLedgerEntry, applyRating, recordEstimate } from '../../../src/core/earnings/apply';
import { saveSettings } from '../../../src/core/settings';
import type { ExportResult, PeriodSummary } from '../../../src/shared/contract/earnings';
import { parseCsv } from '../../../src/shared/domain/csv';
import { computeCasePayout } from '../../../src/shared/domain/payout';
import { createTestCore, type TestCore } from '../../support/core';
import { rating, rules, serverEntry } from './support';

let core: TestCore;
afterEach(() => core?.close());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('earnings CSV export', () => {
  it('escapes commas, quotes and newlines, and re-imports to the same totals', async () => {
    core = createTestCore({ now: () => Date.UTC(2026, 2, 20, 12) });
    saveSettings(core.db, { timeZone: 'Europe/Berlin' });
    const day = (d: number, h = 12) => Date.UTC(2026, 2, d, h);
    applyLedgerEntry(
      core.db,
      serverEntry({ id: 'A', taskId: 't1', amountMinor: 500, occurredAt: day(2) }),
    );
    applyLedgerEntry(
      core.db,
      serverEntry({
        id: 'B',
        taskId: 't1',
        kind: 'tip',
        outcome: null,
        amountMinor: 125,
        occurredAt: day(3),
      }),
    );
    applyLedgerEntry(
      core.db,
      serverEntry({
        id: 'C',
        taskId: 't2',
        amountMinor: 900,
        currency: 'USD',
        brandId: 'brand-b',
        occurredAt: day(4),
      }),
    );
    applyLedgerEntry(
      core.db,
      serverEntry({
        id: 'D',
        taskId: 't1',
        amountMinor: -200,
        status: 'confirmed',
        occurredAt: day(5),
      }),
    );
    recordEstimate(core.db, {
      taskId: 't3',
      brandId: 'brand-a',
      computation: computeCasePayout(rules, 2, { complexity: 5, outcome: 'resolved' }),
      occurredAt: day(6),
    });
    // Outside the range: not exported.
    applyLedgerEntry(
      core.db,
      serverEntry({ id: 'E', taskId: 't4', amountMinor: 777, occurredAt: Date.UTC(2026, 3, 2) }),
    );
    const comment = 'Fast, "friendly"\nand =SUM(A1) fixed it';
    applyRating(core.db, rating({ taskId: 't1', comment }));

    const range = { kind: 'custom', from: '2026-03-01', to: '2026-03-31' } as const;
    const exported = await ok<ExportResult>('earnings:export', { range });
    expect(exported.rows).toBe(5);
    expect(exported.path).toMatch(/gigdesk-earnings-2026-03-01-to-2026-03-31\.csv$/);
    const text = readFileSync(exported.path!, 'utf8');
    expect(text).toContain('"Fast, ""friendly""\nand =SUM(A1) fixed it"');
    expect(text.endsWith('\r\n')).toBe(true);

    const [header, ...records] = parseCsv(text);
    const col = (name: string) => header!.indexOf(name);
    expect(col('currency')).toBeGreaterThan(-1);
    expect(col('status')).toBeGreaterThan(-1);
    expect(records).toHaveLength(5);
    expect(
      records
        .filter((r) => r[col('case_id')] === 't1')
        .every((r) => r[col('rating_comment')] === comment),
    ).toBe(true);

    const reimported = new Map<string, number>();
    for (const r of records) {
      const currency = r[col('currency')]!;
      reimported.set(currency, (reimported.get(currency) ?? 0) + Number(r[col('amount_minor')]));
      // The decimal column says the same as the minor units.
      expect(Math.round(Number(r[col('amount')]) * 100)).toBe(Number(r[col('amount_minor')]));
    }
    const summary = await ok<PeriodSummary>('earnings:summary', { range });
    expect(Object.fromEntries(reimported)).toEqual(
      Object.fromEntries(summary.totals.map((t) => [t.currency, t.amountMinor])),
    );
    expect(Object.fromEntries(reimported)).toEqual({ EUR: 500 + 125 - 200 + 1200, USD: 900 });
    expect(records.map((r) => r[col('status')])).toEqual([
      'pending',
      'pending',
      'pending',
      'confirmed',
      'estimated',
    ]);
  });

  it('writes a UTF-8 byte-order mark for Excel when asked, keeping names and defusing', async () => {
    core = createTestCore({ now: () => Date.UTC(2026, 2, 20, 12) });
    applyLedgerEntry(
      core.db,
      serverEntry({ id: 'A', taskId: 't1', amountMinor: 500, occurredAt: Date.UTC(2026, 2, 2) }),
    );
    const comment = '=María y 佐藤さん, gracias';
    applyRating(core.db, rating({ taskId: 't1', comment }));
    const range = { kind: 'custom', from: '2026-03-01', to: '2026-03-31' } as const;

    const plain = readFileSync((await ok<ExportResult>('earnings:export', { range })).path!);
    const excel = readFileSync(
      (await ok<ExportResult>('earnings:export', { range, bom: true })).path!,
    );
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.subarray(3).equals(plain)).toBe(true);
    const [header, record] = parseCsv(new TextDecoder().decode(excel));
    expect(header![0]).toBe('date');
    expect(record![header!.indexOf('rating_comment')]).toBe(`'${comment}`);
  });

  it('answers null when the save dialog is cancelled', async () => {
    core = createTestCore({ saveFile: async () => null });
    const exported = await ok<ExportResult>('earnings:export', { range: { kind: 'month' } });
    expect(exported).toEqual({ path: null, rows: 0 });
  });

  it('rejects a range that ends before it starts', async () => {
    core = createTestCore();
    const result = await dispatch(core.handlers, 'earnings:summary', {
      range: { kind: 'custom', from: '2026-03-31', to: '2026-03-01' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notADate = await dispatch(core.handlers, 'earnings:entries', {
      range: { kind: 'custom', from: '2026-02-30', to: '2026-03-01' },
    });
    expect(notADate).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
