/**
 * The compiled sync-page validators (scripts/syncValidators.mts) accept exactly what the zod
 * schemas accept: random valid pages and snapshots, and the same with one random mutation
 * (a field deleted, replaced by a value of another type or out of range, an unknown key added),
 * must get the same answer from both. And the committed generated file is what the script writes.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brandSnapshotCheck,
  ownSnapshotCheck,
  type ResponseCheck,
  syncResponseCheck,
} from '../../../src/core/sync/pageValidators';
import {
  BrandSnapshot,
  type Change,
  OwnSnapshot,
  SyncResponse,
  type TaskView,
} from '../../../src/shared/protocol';
import { taskRow } from '../../../src/shared/snapshotRows';
import { GENERATED, syncValidatorsSource } from '../../../scripts/syncValidators.mjs';
import { testPayoutRules } from '../../support/taskViews';

const id = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('a'.repeat(128)));
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '😀', 'a\u0000b'));
const epoch = fc.oneof(fc.nat(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER));
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const message = fc.record({
  id,
  author: fc.constantFrom('customer', 'agent', 'advocate', 'system' as const),
  authorName: text,
  kind: fc.constantFrom('message', 'note', 'handoff' as const),
  body: text,
  redacted: fc.boolean(),
  createdAt: epoch,
});

const task: fc.Arbitrary<TaskView> = fc.record({
  id,
  brandId: id,
  externalRef: text,
  subject: text,
  channel: fc.constantFrom('email', 'chat', 'social' as const),
  skills: fc.array(text, { maxLength: 3 }),
  complexity: fc.integer({ min: 1, max: 5 }),
  minTier: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom('open', 'claimed', 'resolved', 'escalated' as const),
  holderId: nullable(id),
  leaseExpiresAt: nullable(epoch),
  offeredTo: nullable(id),
  offerExpiresAt: nullable(epoch),
  customerName: text,
  slaDueAt: nullable(epoch),
  createdAt: epoch,
  updatedAt: epoch,
  messages: fc.array(message, { maxLength: 2 }),
});

const brand = fc.record({
  id,
  name: text,
  currency: fc.constantFrom('EUR', 'USD', 'JPY'),
  leaseMinutes: fc.integer({ min: 1, max: 600 }),
});
const article = fc.record({
  id,
  brandId: id,
  externalRef: text,
  title: text,
  bodyMarkdown: text,
  tags: fc.array(text, { maxLength: 2 }),
  updatedAt: epoch,
});
const macro = article.map(({ bodyMarkdown, ...a }) => ({ ...a, body: bodyMarkdown }));
const ledgerEntry = fc.record({
  id,
  taskId: id,
  brandId: id,
  kind: fc.constantFrom('case', 'rating_bonus', 'tip' as const),
  outcome: nullable(fc.constantFrom('resolved', 'escalated', 'transferred' as const)),
  amountMinor: fc.integer(),
  currency: fc.constantFrom('EUR', 'USD'),
  status: fc.constantFrom('pending', 'confirmed', 'paid' as const),
  ruleVersion: fc.nat(),
  lines: fc.array(
    fc.record(
      {
        kind: fc.constantFrom('base', 'multiplier', 'rating_bonus', 'tip' as const),
        label: text,
        amountMinor: fc.integer(),
        factorBps: fc.integer(),
      },
      { requiredKeys: ['kind', 'label', 'amountMinor'] },
    ),
    { maxLength: 2 },
  ),
  occurredAt: epoch,
});
const rating = fc.record({
  taskId: id,
  brandId: id,
  score: fc.integer({ min: 1, max: 5 }),
  comment: nullable(text),
  tipMinor: nullable(fc.nat()),
  ratedAt: epoch,
});
const membership = fc.record({
  brandId: id,
  tier: fc.integer({ min: 0, max: 3 }),
  skills: fc.array(text, { maxLength: 2 }),
  suspended: fc.boolean(),
});

const seq = fc.integer({ min: 1, max: 2 ** 40 });
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ seq, kind: fc.constant('brand' as const), brand }),
  fc.record({ seq, kind: fc.constant('membership' as const), membership }),
  fc.record({ seq, kind: fc.constant('task' as const), task }),
  fc.record({ seq, kind: fc.constant('revoke' as const), taskId: id, brandId: id }),
  fc.record({ seq, kind: fc.constant('article' as const), article }),
  fc.record({ seq, kind: fc.constant('article_delete' as const), articleId: id, brandId: id }),
  fc.record({ seq, kind: fc.constant('macro' as const), macro }),
  fc.record({ seq, kind: fc.constant('macro_delete' as const), macroId: id, brandId: id }),
  fc.record({
    seq,
    kind: fc.constant('payout_rules' as const),
    brandId: id,
    version: fc.integer({ min: 1, max: 50 }),
    rules: fc.constant(testPayoutRules),
    effectiveAt: epoch,
  }),
  fc.record({ seq, kind: fc.constant('ledger' as const), entry: ledgerEntry }),
  fc.record({ seq, kind: fc.constant('rating' as const), rating }),
);

const page = fc.record({
  changes: fc.array(change, { maxLength: 6 }),
  cursor: text,
  hasMore: fc.boolean(),
});

const taskTable = fc.array(task, { maxLength: 3 }).map((tasks) => ({
  columns: ['id'],
  messageColumns: ['id'],
  rows: tasks.map(taskRow),
}));
const brandSnapshot = fc.record({
  brandId: id,
  tier: fc.integer({ min: 0, max: 3 }),
  cursor: text,
  builtAt: epoch,
  brand,
  payoutRules: fc.array(
    fc.record({
      version: fc.integer({ min: 1, max: 9 }),
      rules: fc.constant(testPayoutRules),
      effectiveAt: epoch,
    }),
    { maxLength: 2 },
  ),
  articles: fc.array(article, { maxLength: 2 }),
  macros: fc.array(macro, { maxLength: 2 }),
  tasks: taskTable,
});
const ownSnapshot = fc.record({
  cursor: text,
  memberships: fc.array(membership, { maxLength: 2 }),
  tasks: taskTable,
  ledger: fc.array(ledgerEntry, { maxLength: 2 }),
  ratings: fc.array(rating, { maxLength: 2 }),
});

/** Values a broken or hostile server might put anywhere. */
const replacement = fc.constantFrom<unknown>(
  null,
  undefined,
  '',
  'x',
  'a'.repeat(129),
  '😀'.repeat(64),
  '😀'.repeat(65),
  // Lone and reversed surrogates count one code point each (129 > 128; 128 + 1 pair = 129).
  '\uD83D'.repeat(129),
  '\uDE00\uD83D'.repeat(64),
  `${'a'.repeat(127)}😀`,
  `${'a'.repeat(128)}😀`,
  'eur',
  0,
  -1,
  1.5,
  6,
  2 ** 53,
  -(2 ** 53),
  true,
  [],
  {},
  { kind: 'brand' },
  'brand',
  'payout_rules',
);

/** Every path into `value` (objects' keys, arrays' indexes), the root excluded. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => {
    const p = [...at, k];
    return [p, ...paths((value as Record<string | number, unknown>)[k], p)];
  });
}

type Mutation = { path: number; kind: 'set' | 'delete' | 'extra'; value: unknown };

function mutate(value: unknown, m: Mutation): unknown {
  const copy = structuredClone(value);
  const all = paths(copy);
  if (all.length === 0) return copy;
  const path = all[m.path % all.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (m.kind === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (m.kind === 'extra') {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>)['unexpected'] = m.value;
    else parent[last] = m.value;
  } else parent[last] = m.value;
  // JSON is what arrives: `undefined` becomes an absent key or null, as on the wire.
  return JSON.parse(JSON.stringify(copy) ?? 'null');
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.nat(),
  kind: fc.constantFrom('set', 'delete', 'extra' as const),
  value: replacement,
});

function agree<T>(
  name: string,
  valid: fc.Arbitrary<T>,
  zod: { safeParse(v: unknown): { success: boolean } },
  compiled: ResponseCheck<unknown>,
) {
  it(`${name}: the compiled validator accepts and rejects exactly what zod does`, () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(valid, fc.array(mutation, { maxLength: 2 }), (v, ms) => {
        const input = ms.reduce<unknown>((x, m) => mutate(x, m), JSON.parse(JSON.stringify(v)));
        const expected = zod.safeParse(input).success;
        expect(compiled.safeParse(input).success, JSON.stringify(input)).toBe(expected);
        if (expected) accepted++;
        else rejected++;
      }),
      { numRuns: 1500 },
    );
    // Both answers were exercised, not one of them only.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
}

describe('compiled sync validators', () => {
  agree('sync page', page, SyncResponse, syncResponseCheck);
  agree('brand snapshot', brandSnapshot, BrandSnapshot, brandSnapshotCheck);
  agree('own snapshot', ownSnapshot, OwnSnapshot, ownSnapshotCheck);

  it('the committed generated file is what the script writes from the current schemas', async () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(await syncValidatorsSource());
  });
});
