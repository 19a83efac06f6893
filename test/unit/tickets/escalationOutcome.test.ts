/**
 * Issue 20: how the contact centre closed an escalation reaches the advocate who escalated. A
 * pulled task change carries it; the ticket shows it; a later change without it clears it; the
 * snapshot bulk load (its rows do not carry it) stores none; a damaged stored value reads as none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { pageEstimates } from '../../../src/core/earnings/estimates';
import { writeTaskRows } from '../../../src/core/tickets/bulkTasks';
import type { EscalationOutcomeView, TaskView } from '../../../src/shared/protocol';
import { taskRow } from '../../../src/shared/snapshotRows';
import { createTestCore, type TestCore } from '../../support/core';
import { feedChanges, nextSeq, taskView } from '../../support/taskViews';
import { applyPage } from '../../support/sync';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
  writeSession(core.db, {
    serverUrl: 'http://127.0.0.1:9',
    advocateId: 'adv-1',
    advocateName: 'Ada',
    advocateHandle: 'ada',
    isDemo: false,
    signedInAt: 0,
  });
  applyPage(core.db, { changes: feedChanges(3), cursor: 'c1' }, 0);
});
afterEach(() => core.close());

const escalated = (escalationOutcome?: EscalationOutcomeView): TaskView =>
  taskView(2, {
    status: 'escalated',
    holderId: 'adv-1',
    ...(escalationOutcome ? { escalationOutcome } : {}),
  });

const push = (task: TaskView) =>
  applyPage(core.db, { changes: [{ seq: nextSeq(), kind: 'task', task }], cursor: 'c2' }, 0);

const ticket = async (id = 't2') => (await core.handlers['tickets:board']({ open: id })).open!;

const closing: EscalationOutcomeView = {
  outcome: 'resolved',
  closedAt: 1_900_000_000_000,
  rating: 4,
};

describe('escalation outcome', () => {
  it('is stored from a task change and shown on the ticket', async () => {
    push(escalated());
    expect((await ticket()).escalationOutcome).toBeNull();
    push(escalated(closing));
    expect((await ticket()).escalationOutcome).toEqual(closing);
    const unrated = { ...closing, outcome: 'duplicate' as const, rating: null };
    push(escalated(unrated));
    expect((await ticket()).escalationOutcome).toEqual(unrated);
  });

  it('goes when a later change no longer carries it', async () => {
    push(escalated(closing));
    push(escalated());
    expect((await ticket()).escalationOutcome).toBeNull();
  });

  it('is none after the snapshot bulk load, whose rows do not carry it', async () => {
    core.db.transaction(() =>
      writeTaskRows(core.db, [taskRow(escalated(closing))], pageEstimates(core.db)),
    )();
    expect((await ticket()).escalationOutcome).toBeNull();
    expect((await ticket()).subject).toBe('Subject 2');
  });

  it('reads a damaged stored value as none, the ticket still opens', async () => {
    push(escalated(closing));
    core.db
      .prepare(`UPDATE tasks SET escalation_outcome = '{"outcome":"bogus"' WHERE id = 't2'`)
      .run();
    expect((await ticket()).escalationOutcome).toBeNull();
    core.db
      .prepare(
        `UPDATE tasks SET escalation_outcome = '{"outcome":"bogus","closedAt":1,"rating":2}' WHERE id = 't2'`,
      )
      .run();
    expect((await ticket()).escalationOutcome).toBeNull();
  });
});
