import type { Migration } from '../migrations';

/**
 * Issue 20: how the contact centre closed a task this advocate escalated, as the server's
 * `EscalationOutcomeView` JSON (outcome code, closing time, rating); NULL while not closed.
 */
export const m017EscalationOutcome: Migration = {
  version: 17,
  name: 'escalation_outcome',
  up(db) {
    db.exec('ALTER TABLE tasks ADD COLUMN escalation_outcome TEXT');
  },
};
