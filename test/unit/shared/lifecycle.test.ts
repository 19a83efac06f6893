import { describe, expect, it } from 'vitest';
import {
  availableActions,
  canPerform,
  claimableBy,
  type LifecycleTask,
  nextState,
} from '../../../src/shared/domain/lifecycle';
import { actionTypes } from '../../../src/shared/protocol';

const now = 1_000_000;
const p = { now, leaseMs: 30 * 60_000, offerMs: 15 * 60_000 };
const open: LifecycleTask = {
  status: 'open',
  holderId: null,
  leaseExpiresAt: null,
  offeredTo: null,
  offerExpiresAt: null,
  minTier: 0,
};
const heldBy = (id: string, expires = now + 60_000): LifecycleTask => ({
  ...open,
  status: 'claimed',
  holderId: id,
  leaseExpiresAt: expires,
});

describe('canPerform', () => {
  it('lets anyone claim an open task, and only the holder act on a claimed one', () => {
    expect(canPerform(open, 'a', 'claim', { now })).toEqual({ ok: true });
    expect(canPerform(open, 'a', 'reply', { now })).toMatchObject({
      ok: false,
      outcome: 'conflict',
    });
    const t = heldBy('a');
    const offerOnly = ['claim', 'accept', 'decline'];
    for (const action of actionTypes.filter((a) => !offerOnly.includes(a))) {
      expect(canPerform(t, 'a', action, { now }).ok).toBe(true);
      expect(canPerform(t, 'b', action, { now })).toMatchObject({ ok: false, outcome: 'conflict' });
    }
    expect(canPerform(t, 'b', 'claim', { now })).toEqual({
      ok: false,
      outcome: 'conflict',
      reason: 'another advocate has already claimed this task',
      why: 'claimedByOther',
      values: {},
    });
  });

  it('treats a lapsed lease as free for others and lost for the holder', () => {
    const lapsed = heldBy('a', now);
    expect(canPerform(lapsed, 'b', 'claim', { now }).ok).toBe(true);
    expect(canPerform(lapsed, 'a', 'resolve', { now })).toMatchObject({
      outcome: 'conflict',
      reason: expect.stringContaining('expired'),
    });
    expect(claimableBy(lapsed, 'b', now)).toBe(true);
  });

  it('reserves an offered task for its advocate until the offer lapses', () => {
    const offered = { ...open, offeredTo: 'b', offerExpiresAt: now + 1 };
    expect(canPerform(offered, 'c', 'claim', { now })).toMatchObject({ outcome: 'conflict' });
    expect(canPerform(offered, 'b', 'claim', { now }).ok).toBe(true);
    expect(canPerform({ ...offered, offerExpiresAt: now }, 'c', 'claim', { now }).ok).toBe(true);
  });

  it('rejects below the minimum tier and refuses closed tasks', () => {
    expect(canPerform({ ...open, minTier: 2 }, 'a', 'claim', { now, tier: 1 })).toMatchObject({
      outcome: 'rejected',
    });
    expect(canPerform({ ...open, minTier: 2 }, 'a', 'claim', { now, tier: 2 }).ok).toBe(true);
    expect(canPerform({ ...heldBy('a'), status: 'resolved' }, 'a', 'reply', { now })).toMatchObject(
      { outcome: 'conflict', reason: 'the task is already resolved' },
    );
  });
});

describe('nextState', () => {
  it('claims with a lease, renews it, and reopens on abandon or transfer', () => {
    const claimed = nextState(open, 'a', { type: 'claim' }, p);
    expect(claimed).toMatchObject({
      status: 'claimed',
      holderId: 'a',
      leaseExpiresAt: now + p.leaseMs,
    });
    expect(nextState(claimed, 'a', { type: 'renew' }, { ...p, now: now + 10 }).leaseExpiresAt).toBe(
      now + 10 + p.leaseMs,
    );
    expect(nextState(claimed, 'a', { type: 'abandon' }, p)).toEqual(open);
    expect(nextState(claimed, 'a', { type: 'transfer', to: { kind: 'pool' } }, p)).toEqual(open);
    expect(
      nextState(claimed, 'a', { type: 'transfer', to: { kind: 'advocate', advocateId: 'b' } }, p),
    ).toEqual({
      ...open,
      offeredTo: 'b',
      offerExpiresAt: now + p.offerMs,
    });
    expect(nextState(claimed, 'a', { type: 'resolve' }, p)).toMatchObject({
      status: 'resolved',
      holderId: 'a',
      leaseExpiresAt: null,
    });
    expect(nextState(claimed, 'a', { type: 'escalate' }, p)).toMatchObject({
      status: 'escalated',
      holderId: 'a',
    });
  });
});

describe('availableActions', () => {
  it('offers claim on the pool and the working actions to the holder', () => {
    expect(availableActions(open, 'a', { now })).toEqual(['claim']);
    expect(availableActions(heldBy('a'), 'a', { now })).toEqual([
      'renew',
      'reply',
      'note',
      'resolve',
      'escalate',
      'transfer',
      'abandon',
    ]);
    expect(availableActions(heldBy('a'), 'b', { now })).toEqual([]);
  });
});

describe('every state × action pair', () => {
  const actions = actionTypes;
  type Outcome = 'ok' | 'conflict';
  const all = (o: Outcome): Outcome[] => actions.map(() => o);
  const only = (...ok: string[]): Outcome[] =>
    actions.map((a) => (ok.includes(a) ? 'ok' : 'conflict'));
  const onlyClaim = only('claim');
  const working = actions.filter((a) => a !== 'accept' && a !== 'decline');
  // The actor is always 'a'.
  const states: [string, LifecycleTask, Outcome[]][] = [
    ['open', open, onlyClaim],
    [
      'open, offered to the actor',
      { ...open, offeredTo: 'a', offerExpiresAt: now + 1 },
      only('claim', 'accept', 'decline'),
    ],
    [
      'open, offered to another',
      { ...open, offeredTo: 'b', offerExpiresAt: now + 1 },
      all('conflict'),
    ],
    ['open, offer to another lapsed', { ...open, offeredTo: 'b', offerExpiresAt: now }, onlyClaim],
    ['claimed by the actor', heldBy('a'), only(...working)],
    ['claimed by the actor, lease lapsed', heldBy('a', now), onlyClaim],
    ['claimed by another', heldBy('b'), all('conflict')],
    ['claimed by another, lease lapsed', heldBy('b', now), onlyClaim],
    ['resolved', { ...heldBy('a'), status: 'resolved', leaseExpiresAt: null }, all('conflict')],
    ['escalated', { ...heldBy('a'), status: 'escalated', leaseExpiresAt: null }, all('conflict')],
  ];

  for (const [name, task, expected] of states) {
    for (const [i, action] of actions.entries()) {
      it(`${name} × ${action} → ${expected[i]}`, () => {
        const d = canPerform(task, 'a', action, { now });
        if (expected[i] === 'ok') {
          expect(d).toEqual({ ok: true });
          const to = { kind: 'pool' } as const;
          const next = nextState(
            task,
            'a',
            action === 'transfer' ? { type: 'transfer', to } : { type: action },
            p,
          );
          const status = {
            claim: 'claimed',
            renew: 'claimed',
            accept: 'claimed',
            decline: 'open',
            reply: task.status,
            note: task.status,
            resolve: 'resolved',
            escalate: 'escalated',
            transfer: 'open',
            abandon: 'open',
          }[action];
          expect(next.status).toBe(status);
        } else {
          expect(d).toMatchObject({ ok: false, outcome: 'conflict' });
          expect((d as { reason: string }).reason.length).toBeGreaterThan(5);
        }
        // Below the task's tier, everything is rejected, whatever the state.
        expect(canPerform({ ...task, minTier: 2 }, 'a', action, { now, tier: 1 })).toMatchObject({
          ok: false,
          outcome: 'rejected',
        });
        expect(availableActions(task, 'a', { now }).includes(action)).toBe(
          expected[i] === 'ok' && !(action === 'claim' && name === 'claimed by the actor'),
        );
      });
    }
  }
});
