/**
 * A pull's answer is written with each shared task view's JSON made once (syncJson.ts): the
 * bytes are JSON.stringify's, and a task's new state (a new view) is never written with the JSON
 * of an earlier one. (Through the route: renderedTasks.property.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, SyncResponse } from '../../../src/shared/protocol';
import { taskAtTier } from '../../../src/server/store/renderedTasks';
import type { MessageRow, TaskRow } from '../../../src/server/store/views';
import { syncJson } from '../../../src/server/syncJson';

const row = (id: string, subject: string): TaskRow => ({
  id,
  brand_id: 'b1',
  external_ref: `ext-${id}`,
  subject,
  channel: 'email',
  skills: '["billing"]',
  complexity: 2,
  min_tier: 0,
  customer_name: 'Ada Lovelace',
  sla_due_at: null,
  status: 'open',
  holder_id: null,
  lease_expires_at: null,
  offered_to: null,
  offer_expires_at: null,
  content_hash: 'h',
  created_at: 1,
  updated_at: 2,
  customer_id: null,
  language: 'en',
  resolved_at: null,
  pool_skills: null,
  fallback_step: 0,
  ageing_bonus_minor: null,
});

const message = (taskId: string, body: string, ord: number): MessageRow => ({
  id: `${taskId}-m${ord}`,
  task_id: taskId,
  origin: 'feed',
  author: 'customer',
  author_name: 'Ada "the customer" Lovelace',
  kind: 'message',
  body,
  created_at: 10 + ord,
  ord,
});

describe('syncJson', () => {
  it('writes what JSON.stringify writes', async () => {
    let n = 0;
    await fc.assert(
      fc.property(
        fc.array(
          fc.record({
            subject: fc.string(),
            bodies: fc.array(fc.string(), { maxLength: 3 }),
            tier: fc.constantFrom(0, 1, 2, 3),
            kind: fc.constantFrom('task', 'revoke', 'membership'),
          }),
          { maxLength: 6 },
        ),
        fc.string(),
        fc.boolean(),
        (items, cursor, hasMore) => {
          const changes: Change[] = items.map((it, i) => {
            const id = `t${++n}`;
            if (it.kind === 'revoke') return { seq: i, kind: 'revoke', taskId: id, brandId: 'b1' };
            if (it.kind === 'membership')
              return {
                seq: i,
                kind: 'membership',
                membership: { brandId: 'b1', tier: it.tier, skills: ['x'], suspended: false },
              } as unknown as Change;
            const messages = it.bodies.map((b, k) => message(id, b, k));
            return {
              seq: i,
              kind: 'task',
              task: taskAtTier(row(id, it.subject), messages, it.tier),
            };
          });
          const page: SyncResponse = { changes, cursor, hasMore };
          // Twice: the second time from the views' JSON made the first time.
          expect(syncJson(page)).toBe(JSON.stringify(page));
          expect(syncJson(page)).toBe(JSON.stringify(page));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes a task in its new state once it changed, the earlier view still as it was', () => {
    const task = row('t-change', 'First subject');
    const first = taskAtTier(task, [message('t-change', 'Where is it?', 0)], 1);
    const page = (t: typeof first): SyncResponse => ({
      changes: [{ seq: 1, kind: 'task', task: t }],
      cursor: 'c',
      hasMore: false,
    });
    expect(syncJson(page(first))).toContain('First subject');
    const changed = { ...task, subject: 'Second subject' };
    const second = taskAtTier(
      changed,
      [message('t-change', 'Where is it?', 0), message('t-change', 'On its way.', 1)],
      1,
    );
    expect(syncJson(page(second))).toBe(JSON.stringify(page(second)));
    expect(syncJson(page(second))).toContain('Second subject');
    expect(syncJson(page(second))).toContain('On its way.');
    expect(syncJson(page(first))).toBe(JSON.stringify(page(first)));
  });
});
