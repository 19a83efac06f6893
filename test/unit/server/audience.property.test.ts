import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionTypes } from '../../../src/shared/protocol';
import { canPerform, nextState } from '../../../src/shared/domain/lifecycle';
import { audienceOf, lifecycleOf, type TaskRow, visibleTo } from '../../../src/server/store/views';

const people = ['ann', 'bob', 'cy'];
const person = fc.constantFrom(...people);
const row = fc
  .record({
    status: fc.constantFrom('open', 'claimed', 'resolved', 'escalated'),
    holder_id: fc.option(person, { nil: null }),
    lease_expires_at: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    offered_to: fc.option(person, { nil: null }),
    offer_expires_at: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    min_tier: fc.integer({ min: 0, max: 2 }),
  })
  .map((r) => r as unknown as TaskRow);
const viewer = fc.record({
  advocateId: person,
  tier: fc.integer({ min: 0, max: 2 }),
  suspended: fc.boolean(),
});

describe('who a task change is written for (audienceOf)', () => {
  it('names everyone who can see the task: nobody outside it ever sees it', () => {
    fc.assert(
      fc.property(row, viewer, (t, v) => {
        const audience = audienceOf(lifecycleOf(t));
        if (visibleTo(t, v))
          expect(audience === null || audience.includes(v.advocateId)).toBe(true);
      }),
    );
  });

  it('so an advocate outside both audiences of an action sees the same before and after', () => {
    fc.assert(
      fc.property(
        row,
        viewer,
        person,
        fc.constantFrom(...actionTypes),
        person,
        (t, v, actor, type, target) => {
          const before = lifecycleOf(t);
          if (!canPerform(before, actor, type, { now: 100 }).ok) return;
          const after = nextState(
            before,
            actor,
            type === 'transfer'
              ? { type, to: { kind: 'advocate', advocateId: target } }
              : { type: type as Exclude<typeof type, 'transfer'> },
            { now: 100, leaseMs: 50, offerMs: 50 },
          );
          const was = audienceOf(before);
          const is = audienceOf(after);
          if (was === null || is === null) return;
          if (was.includes(v.advocateId) || is.includes(v.advocateId)) return;
          const rowAfter = {
            ...t,
            status: after.status,
            holder_id: after.holderId,
            lease_expires_at: after.leaseExpiresAt,
            offered_to: after.offeredTo,
            offer_expires_at: after.offerExpiresAt,
          };
          expect(visibleTo(t, v)).toBe(false);
          expect(visibleTo(rowAfter, v)).toBe(false);
        },
      ),
    );
  });
});
