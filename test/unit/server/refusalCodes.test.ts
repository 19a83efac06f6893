import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/server/store/actionDecision';
import { recordOf, replayOf } from '../../../src/server/store/idempotency';
import type { LifecycleTask } from '../../../src/shared/domain/lifecycle';
import { ActionRefusalCode, type Action } from '../../../src/shared/protocol';

/**
 * Every refusal the server decides carries a documented code (and its figures) for the app to
 * word in the advocate's language; a replayed answer carries the same.
 */
const now = 1_000_000;
const task: LifecycleTask = {
  status: 'claimed',
  holderId: 'other',
  leaseExpiresAt: now + 60_000,
  offeredTo: null,
  offerExpiresAt: null,
  minTier: 2,
};
const member = { tier: 1, suspended: false };
const reply: Action = { key: 'k1', type: 'reply', taskId: 't1', body: 'Hi' } as Action;

describe('refusal codes', () => {
  it('carries a documented code and its figures with each refusal, also when replayed', () => {
    const refusals = [
      decide(reply, 'me', now, undefined, member, undefined),
      decide(reply, 'me', now, task, { tier: 3, suspended: true }, undefined),
      decide(reply, 'me', now, task, member, undefined),
      decide(reply, 'me', now, { ...task, minTier: 0 }, member, undefined),
    ];
    expect(refusals.map((r) => r?.code)).toEqual(['noTask', 'suspended', 'tier', 'heldByOther']);
    expect(refusals[2]?.values).toEqual({ minTier: 2, tier: 1 });
    for (const refusal of refusals) {
      expect(ActionRefusalCode.options).toContain(refusal!.code);
      expect(replayOf(reply, 'h', { body_hash: 'h', result: recordOf(reply, refusal!) })).toEqual(
        refusal,
      );
    }
    expect(replayOf(reply, 'h', { body_hash: 'other', result: '{}' })?.code).toBe('keyReused');
  });
});
