/**
 * A case pays once (docs/server.md, "Who is paid"): random action sequences by several advocates
 * against an independent model of the lifecycle; the ledger must equal the model's payments.
 * And the ledger is append-only in the database itself.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, ActionResult } from '../../../src/shared/protocol';
import { rawQuery } from '../../support/rawDb';
import { testBackend } from '../../support/serverBackends';
import { key, rules, syncAll, task, type TestServer, testServer } from './helpers';

const MIN = 60_000;
const LEASE = 30 * MIN;
const OFFER = 15 * MIN;
const ADVOCATES = 3;
const TASKS = 2;

type Status = 'open' | 'claimed' | 'resolved' | 'escalated';
interface ModelTask {
  status: Status;
  holder: number | null;
  leaseExp: number;
  offeredTo: number | null;
  offerExp: number;
}

type Cmd =
  | { kind: 'act'; who: number; task: number; type: ActionKind; to: number | null }
  | { kind: 'replay'; pick: number }
  | { kind: 'tick'; minutes: number };
type ActionKind = 'claim' | 'renew' | 'resolve' | 'escalate' | 'abandon' | 'transfer';

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      who: fc.nat(ADVOCATES - 1),
      task: fc.nat(TASKS - 1),
      type: fc.constantFrom<ActionKind>(
        'claim',
        'claim',
        'renew',
        'resolve',
        'escalate',
        'abandon',
        'transfer',
        'transfer',
      ),
      // null = to the pool; else to that advocate (possibly oneself: rejected).
      to: fc.option(fc.nat(ADVOCATES - 1)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      minutes: fc.integer({ min: 1, max: 40 }),
    }),
  },
);

/** The expected answer status and the model's next state; written apart from the server's rules. */
function decide(
  t: ModelTask,
  who: number,
  type: ActionKind,
  to: number | null,
  now: number,
): { status: ActionResult['status']; next: ModelTask; pays: 'resolved' | 'escalated' | null } {
  const same = { next: t, pays: null };
  if (t.status === 'resolved' || t.status === 'escalated') return { status: 'conflict', ...same };
  const live = t.status === 'claimed' && t.leaseExp > now;
  const holds = live && t.holder === who;
  const lease = {
    status: 'claimed' as const,
    holder: who,
    leaseExp: now + LEASE,
    offeredTo: null,
    offerExp: 0,
  };
  if (type === 'claim') {
    if (holds) return { status: 'applied', next: lease, pays: null };
    if (live) return { status: 'conflict', ...same };
    if (t.offeredTo !== null && t.offerExp > now && t.offeredTo !== who)
      return { status: 'conflict', ...same };
    return { status: 'applied', next: lease, pays: null };
  }
  if (!holds) return { status: 'conflict', ...same };
  const reopened: ModelTask = {
    status: 'open',
    holder: null,
    leaseExp: 0,
    offeredTo: null,
    offerExp: 0,
  };
  switch (type) {
    case 'renew':
      return { status: 'applied', next: lease, pays: null };
    case 'resolve':
      return { status: 'applied', next: { ...t, status: 'resolved' }, pays: 'resolved' };
    case 'escalate':
      return { status: 'applied', next: { ...t, status: 'escalated' }, pays: 'escalated' };
    case 'abandon':
      return { status: 'applied', next: reopened, pays: null };
    case 'transfer':
      if (to === who) return { status: 'rejected', ...same };
      return {
        status: 'applied',
        next: to === null ? reopened : { ...reopened, offeredTo: to, offerExp: now + OFFER },
        pays: null,
      };
  }
}

const amount = (outcome: 'resolved' | 'escalated') =>
  (rules.basePerComplexity['2'] * rules.outcomeMultiplierBps[outcome]) / 10_000;

describe('a case pays once', () => {
  let s: TestServer;
  let people: { id: string; name: string; token: string; brandIds: string[] }[];
  let cursor: string | undefined;
  let runs = 0;

  beforeAll(async () => {
    s = await testServer();
    people = [];
    for (let i = 0; i < ADVOCATES; i++) {
      const a = await s.advocate();
      people.push({ id: a.id, name: `Advocate ${i}`, token: a.token, brandIds: [s.brandId] });
    }
  });
  afterAll(() => s.close());

  /** Pushes `n` new tasks of complexity 2 and returns their ids. */
  async function newTasks(n: number): Promise<string[]> {
    const refs = Array.from({ length: n }, () => 9000 + ++runs);
    await s.pushTasks(refs.map((r) => task(r, { skills: ['billing'] })));
    const page = await syncAll(s, people[0]!.token, cursor);
    cursor = page.cursor;
    return refs.map(
      (r) => page.changes.find((c) => c.kind === 'task' && c.task.externalRef === `T-${r}`).task.id,
    );
  }

  const ledgerOf = async (ids: string[]) =>
    (
      await rawQuery(
        s.db,
        `select task_id, advocate_id, kind, outcome, amount_minor from ledger
          where task_id in (${ids.map((i) => `'${i}'`).join(',')})`,
      )
    ).map((r) => ({ ...r, task_id: String(r.task_id), amount_minor: Number(r.amount_minor) }));

  it('claim → transfer to the pool → claim, 20 times over, then resolve: one case entry', async () => {
    const [id] = await newTasks(1);
    const a = people[0]!;
    const act = async (body: Record<string, unknown>) =>
      (
        await s.store.applyActions(
          a,
          [{ key: key(), taskId: id!, ...body } as unknown as Action],
          s.clock.t,
        )
      )[0]!;
    for (let i = 0; i < 20; i++) {
      expect((await act({ type: 'claim' })).status).toBe('applied');
      expect((await act({ type: 'transfer', to: { kind: 'pool' } })).status).toBe('applied');
    }
    await act({ type: 'claim' });
    expect((await act({ type: 'resolve' })).status).toBe('applied');
    expect(await ledgerOf([id!])).toEqual([
      { task_id: id, advocate_id: a.id, kind: 'case', outcome: 'resolved', amount_minor: 200 },
    ]);
  });

  it('random actions by several advocates, with replays: ledger = model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 30 }), async (cmds) => {
        const ids = await newTasks(TASKS);
        const model: ModelTask[] = ids.map(() => ({
          status: 'open',
          holder: null,
          leaseExp: 0,
          offeredTo: null,
          offerExp: 0,
        }));
        const sent: { who: number; action: Action; answer: ActionResult }[] = [];
        const paid: {
          task_id: string;
          advocate_id: string;
          kind: string;
          outcome: string;
          amount_minor: number;
        }[] = [];
        for (const c of cmds) {
          if (c.kind === 'tick') {
            s.clock.advance(c.minutes * MIN);
            continue;
          }
          if (c.kind === 'replay') {
            if (sent.length === 0) continue;
            const first = sent[c.pick % sent.length]!;
            const [again] = await s.store.applyActions(
              people[first.who]!,
              [first.action],
              s.clock.t,
            );
            expect(again).toEqual(first.answer);
            continue;
          }
          const taskId = ids[c.task]!;
          const base = { key: key(), taskId };
          const action: Action =
            c.type === 'escalate'
              ? {
                  ...base,
                  type: 'escalate',
                  target: 'contact_center',
                  handoffNote: 'Needs a refund.',
                }
              : c.type === 'transfer'
                ? {
                    ...base,
                    type: 'transfer',
                    to:
                      c.to === null
                        ? { kind: 'pool' }
                        : { kind: 'advocate', advocateId: people[c.to]!.id },
                  }
                : { ...base, type: c.type };
          const expected = decide(model[c.task]!, c.who, c.type, c.to, s.clock.t);
          const [answer] = await s.store.applyActions(people[c.who]!, [action], s.clock.t);
          expect(answer!.status, `${c.type} by ${c.who} on ${c.task}: ${answer!.message}`).toBe(
            expected.status,
          );
          model[c.task] = expected.next;
          if (expected.pays) {
            paid.push({
              task_id: taskId,
              advocate_id: people[c.who]!.id,
              kind: 'case',
              outcome: expected.pays,
              amount_minor: amount(expected.pays),
            });
          }
          sent.push({ who: c.who, action, answer: answer! });
        }
        const order = (r: { task_id: unknown }) => String(r.task_id);
        const ledger = await ledgerOf(ids);
        expect(ledger.sort((x, y) => order(x).localeCompare(order(y)))).toEqual(
          paid.sort((x, y) => order(x).localeCompare(order(y))),
        );
        expect(ledger.length).toBeLessThanOrEqual(TASKS);
      }),
      { numRuns: testBackend() === 'postgres' ? 25 : 60 },
    );
  });

  it('refuses UPDATE and DELETE of ledger rows in the database itself', async () => {
    const [id] = await newTasks(1);
    const a = people[1]!;
    await s.store.applyActions(a, [{ key: key(), type: 'claim', taskId: id! }], s.clock.t);
    await s.store.applyActions(a, [{ key: key(), type: 'resolve', taskId: id! }], s.clock.t);
    const where = `where task_id = '${id}'`;
    await expect(
      rawQuery(s.db, `update ledger set amount_minor = 999999 ${where}`),
    ).rejects.toThrow(/append-only/);
    await expect(rawQuery(s.db, `delete from ledger ${where}`)).rejects.toThrow(/append-only/);
    if (testBackend() === 'postgres')
      await expect(rawQuery(s.db, 'truncate ledger')).rejects.toThrow(/append-only/);
    // A second case entry for the same task is refused by the unique index.
    await expect(
      rawQuery(
        s.db,
        `insert into ledger (id, brand_id, task_id, advocate_id, kind, outcome, amount_minor,
           currency, status, rule_version, lines, occurred_at)
         select 'dup', brand_id, task_id, advocate_id, kind, outcome, amount_minor, currency,
           status, rule_version, lines, occurred_at from ledger ${where}`,
      ),
    ).rejects.toThrow(/unique|duplicate/i);
    expect(await ledgerOf([id!])).toEqual([
      { task_id: id, advocate_id: a.id, kind: 'case', outcome: 'resolved', amount_minor: 200 },
    ]);
  });
});
