/**
 * A shared snapshot's rows rendered straight from the stored rows (`sharedTaskRows`) are the rows
 * of the views `/v1/sync` sends (`seenTask`, the one redaction rule, then `taskRows`): the same
 * JSON, at every tier, with ids short or as they are, over generated tasks and threads (personal
 * data in their texts, ids that are UUIDs or not, every optional field null or set).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskRows } from '../../../src/shared/snapshotRows';
import { seenTask, sharedTaskRows } from '../../../src/server/store/sharedTaskRows';
import type { MessageViewRow, TaskViewRow } from '../../../src/server/store/views';
import { leaks, textWithPii } from '../../support/personalData';

const id = fc.oneof(
  fc.uuid().map((u) => u.toLowerCase()),
  fc.string({ maxLength: 24 }),
);
const text = fc.oneof(
  fc.string(),
  textWithPii.map((t) => t.text),
);
const when = fc.integer({ min: 0, max: 2 ** 42 });
const skills = fc.array(fc.constantFrom('billing', 'shipping', 'fr', 'ç'), { maxLength: 3 });

const message = (taskId: string): fc.Arbitrary<MessageViewRow> =>
  fc.record({
    id,
    task_id: fc.constant(taskId),
    author: fc.constantFrom('customer', 'advocate', 'system'),
    author_name: text,
    kind: fc.constantFrom('message', 'note'),
    body: text,
    created_at: when,
  });

const task: fc.Arbitrary<TaskViewRow> = fc.record({
  id,
  brand_id: id,
  external_ref: text,
  subject: text,
  channel: fc.constantFrom('email', 'chat', 'voice'),
  skills: skills.map((s) => JSON.stringify(s)),
  pool_skills: fc.option(skills.map((s) => JSON.stringify(s))),
  complexity: fc.integer({ min: 1, max: 5 }),
  min_tier: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom('open', 'claimed', 'resolved'),
  holder_id: fc.option(id),
  lease_expires_at: fc.option(when),
  offered_to: fc.option(id),
  offer_expires_at: fc.option(when),
  customer_name: text,
  customer_id: fc.option(id),
  language: fc.option(fc.constantFrom('en', 'de', 'ja')),
  ageing_bonus_minor: fc.option(fc.integer({ min: 0, max: 10_000 })),
  sla_due_at: fc.option(when),
  created_at: when,
  updated_at: when,
});

const withThread = task.chain((t) =>
  fc.tuple(fc.constant(t), fc.array(message(t.id), { maxLength: 3 })),
);

describe('shared snapshot rows rendered from stored rows', () => {
  it('are the rows of the views /v1/sync sends, at every tier', () => {
    fc.assert(
      fc.property(
        fc.array(withThread, { maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (pairs, tier, shortIds) => {
          const tasks = pairs.map(([t]) => t);
          const threads = pairs.map(([, m]) => m);
          const direct = sharedTaskRows(tasks, threads, tier, shortIds);
          const viaViews = taskRows(
            tasks.map((t, i) => seenTask(t, threads[i]!, tier)),
            shortIds,
          );
          expect(JSON.stringify(direct)).toBe(JSON.stringify(viaViews));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('carry no personal data at tier 0', () => {
    fc.assert(
      fc.property(task, textWithPii, textWithPii, (t, subject, body) => {
        const stored = { ...t, subject: subject.text };
        const thread = [
          {
            id: 'm',
            task_id: t.id,
            author: 'customer',
            author_name: 'c',
            kind: 'message',
            body: body.text,
            created_at: 1,
          },
        ];
        const json = JSON.stringify(sharedTaskRows([stored], [thread], 0, true));
        for (const p of [...subject.secrets, ...body.secrets]) expect(leaks(json, p)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
