import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeOf, PageAppliers } from '../../../src/core/sync/appliers';
import { applyPage as applyPageWith } from '../../../src/core/sync/applyPage';
import { readSyncState } from '../../../src/core/sync/syncStateRepo';
import { Change, type ChangeKind } from '../../../src/shared/protocol';
import { createTestCore, type TestCore } from '../../support/core';
import { appAppliers, applyPage } from '../../support/sync';
import { taskView, testPayoutRules } from '../../support/taskViews';

const at = 1_800_000_000_000;
const article = (id: string) => ({
  id,
  brandId: 'b1',
  externalRef: `kb-${id}`,
  title: `Article ${id}`,
  bodyMarkdown: 'How to refund',
  tags: ['billing'],
  updatedAt: at,
});
const macro = (id: string) => ({
  id,
  brandId: 'b1',
  externalRef: `mc-${id}`,
  title: `Macro ${id}`,
  body: 'Hello {{customer.firstName}}',
  tags: [],
  updatedAt: at,
});

/**
 * Changes of every kind, typed by kind so that a new kind of the protocol is a compile error
 * here too. Within a kind, in page order (an upsert before the delete of another row).
 */
const everyKind: { [K in ChangeKind]: Omit<ChangeOf<K>, 'seq'>[] } = {
  brand: [{ kind: 'brand', brand: { id: 'b1', name: 'Acme', currency: 'EUR', leaseMinutes: 30 } }],
  membership: [
    {
      kind: 'membership',
      membership: { brandId: 'b1', tier: 1, skills: ['billing'], suspended: false },
    },
  ],
  payout_rules: [
    { kind: 'payout_rules', brandId: 'b1', version: 1, rules: testPayoutRules, effectiveAt: 0 },
  ],
  task: [
    { kind: 'task', task: taskView(1) },
    { kind: 'task', task: taskView(2) },
  ],
  revoke: [{ kind: 'revoke', taskId: 't2', brandId: 'b1' }],
  article: [
    { kind: 'article', article: article('a1') },
    { kind: 'article', article: article('a2') },
  ],
  article_delete: [{ kind: 'article_delete', articleId: 'a2', brandId: 'b1' }],
  macro: [
    { kind: 'macro', macro: macro('c1') },
    { kind: 'macro', macro: macro('c2') },
  ],
  macro_delete: [{ kind: 'macro_delete', macroId: 'c2', brandId: 'b1' }],
  ledger: [
    {
      kind: 'ledger',
      entry: {
        id: 'e1',
        taskId: 't1',
        brandId: 'b1',
        kind: 'case',
        outcome: 'resolved',
        amountMinor: 350,
        currency: 'EUR',
        status: 'pending',
        ruleVersion: 1,
        lines: [{ kind: 'base', label: 'Base', amountMinor: 350 }],
        occurredAt: at,
      },
    },
  ],
  rating: [
    {
      kind: 'rating',
      rating: { taskId: 't1', brandId: 'b1', score: 5, comment: null, tipMinor: null, ratedAt: at },
    },
  ],
  customer: [
    {
      kind: 'customer',
      customer: {
        id: 'cu1',
        brandId: 'b1',
        fields: [{ name: 'plan', label: 'Plan', value: 'Gold', visibleFromTier: null }],
        updatedAt: at,
      },
    },
  ],
  customer_event: [
    {
      kind: 'customer_event',
      event: {
        id: 'ev1',
        brandId: 'b1',
        customerId: 'cu1',
        kind: 'order',
        occurredAt: at,
        summary: null,
        amountMinor: null,
        currency: null,
        visibleFromTier: 2,
      },
    },
  ],
  customer_case: [
    {
      kind: 'customer_case',
      case: {
        taskId: 't0',
        brandId: 'b1',
        customerId: 'cu1',
        subject: 'Earlier',
        outcome: 'resolved',
        rating: 4,
        closedAt: at - 1,
        advocateHandle: 'mira',
        visibleFromTier: null,
      },
    },
  ],
};
const page = (): Change[] =>
  Object.values(everyKind)
    .flat()
    .map((change, i) => Change.parse({ ...change, seq: i + 1 }));

const count = (table: string) =>
  core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const ids = (table: string) =>
  core.db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

describe("the features' change appliers", () => {
  it('have an applier for every change kind of the protocol, at runtime', () => {
    const kinds = Change.options.map((option) => option.shape.kind.value).sort();
    const appliers = core.db.transaction(() => appAppliers.page(core.db, at))();
    expect(kinds.length).toBeGreaterThan(0);
    // One per kind, and the run of task changes.
    expect(Object.keys(appliers).sort()).toEqual([...kinds, 'tasks'].sort());
    for (const kind of kinds) expect(typeof appliers[kind]).toBe('function');
    expect(Object.keys(everyKind).sort()).toEqual(kinds);
  });

  it('apply a page with every kind, and its cursor', () => {
    const summary = applyPage(core.db, { changes: page(), cursor: 'c1' }, at);
    expect([...summary.kinds].sort()).toEqual(Object.keys(everyKind).sort());
    expect([count('brands'), count('memberships'), count('payout_rules')]).toEqual([1, 1, 1]);
    expect(ids('tasks')).toEqual(['t1']);
    // The estimate comes from the rules earlier in the same page: complexity 2 resolved.
    expect(
      core.db.prepare("SELECT payout_estimate_minor FROM tasks WHERE id = 't1'").pluck().get(),
    ).toBe(350);
    expect(ids('articles')).toEqual(['a1']);
    expect(ids('macros')).toEqual(['c1']);
    expect(ids('ledger_entries')).toEqual(['e1']);
    expect(count('ratings')).toBe(1);
    expect([count('customers'), count('customer_events'), count('customer_cases')]).toEqual([
      1, 1, 1,
    ]);
    expect(readSyncState(core.db).cursor).toBe('c1');
  });

  it('apply the whole page and its cursor in one transaction: a failing last change leaves nothing', () => {
    const seen: boolean[] = [];
    const failing = {
      ...appAppliers,
      page(db: Parameters<typeof appAppliers.page>[0], now: number): PageAppliers {
        const real = appAppliers.page(db, now);
        const wrapped = Object.fromEntries(
          Object.entries(real).map(([kind, apply]) => [
            kind,
            // `tasks` takes a run of task changes: one entry in `seen` per change.
            (changes: Change | Change[]) => {
              for (const _ of [changes].flat()) seen.push(db.inTransaction);
              if (kind === 'customer_case') throw new Error('disk full');
              (apply as (c: Change | Change[]) => void)(changes);
            },
          ]),
        );
        return wrapped as unknown as PageAppliers;
      },
    };
    expect(() => applyPageWith(core.db, { changes: page(), cursor: 'c1' }, at, failing)).toThrow(
      'disk full',
    );
    expect(seen).toHaveLength(page().length);
    expect(seen.every(Boolean)).toBe(true);
    for (const table of ['brands', 'memberships', 'payout_rules', 'tasks', 'messages']) {
      expect(count(table), table).toBe(0);
    }
    for (const table of ['articles', 'macros', 'ledger_entries', 'ratings', 'customers']) {
      expect(count(table), table).toBe(0);
    }
    expect(readSyncState(core.db).cursor).toBeNull();
  });

  it('flush a page to the disk at commit only when it carries earnings (ledger entries, ratings)', () => {
    // SQLite's `synchronous` while each page applies: 1 NORMAL (not flushed), 2 FULL.
    const seen: number[] = [];
    const recording = {
      ...appAppliers,
      page(db: Parameters<typeof appAppliers.page>[0], now: number): PageAppliers {
        seen.push(db.pragma('synchronous', { simple: true }) as number);
        return appAppliers.page(db, now);
      },
    };
    const without = (...kinds: ChangeKind[]) => page().filter((c) => !kinds.includes(c.kind));
    applyPageWith(core.db, { changes: without('ledger', 'rating'), cursor: 'c1' }, at, recording);
    applyPageWith(core.db, { changes: without('rating'), cursor: 'c2' }, at, recording);
    applyPageWith(core.db, { changes: without('ledger'), cursor: 'c3' }, at, recording);
    expect(seen).toEqual([1, 2, 2]);
    // The connection's own setting is back after each (the outbox's commits are flushed).
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(readSyncState(core.db).cursor).toBe('c3');
    // Inside a transaction of the caller's, its commit decides (SQLite refuses the setting there).
    core.db.transaction(() =>
      applyPageWith(core.db, { changes: without('ledger', 'rating'), cursor: 'c4' }, at, recording),
    )();
    expect(seen).toEqual([1, 2, 2, 2]);
    expect(readSyncState(core.db).cursor).toBe('c4');
  });

  it('write nothing for an empty page whose cursor is held, and move the cursor of one that moves it', () => {
    applyPage(core.db, { changes: page(), cursor: 'c1' }, at);
    const changes = () => core.db.prepare('SELECT total_changes()').pluck().get() as number;
    let pages = 0;
    const counting = {
      ...appAppliers,
      page(db: Parameters<typeof appAppliers.page>[0], now: number): PageAppliers {
        pages++;
        return appAppliers.page(db, now);
      },
    };
    const before = changes();
    const summary = applyPageWith(core.db, { changes: [], cursor: 'c1' }, at, counting);
    expect(summary.changes).toBe(0);
    expect([pages, changes() - before]).toEqual([0, 0]);

    applyPageWith(core.db, { changes: [], cursor: 'c2' }, at, counting);
    expect(readSyncState(core.db).cursor).toBe('c2');
  });
});
