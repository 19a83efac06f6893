import type { NotSent } from '../../shared/contract/notSent';
import { Action } from '../../shared/protocol';
import type { Db } from '../db/open';
import { listParked } from '../sync/outboxRepo';
import { authoredText, listUnsent, parseTextRef } from '../sync/unsentRepo';
import { listOrphanDrafts } from './draftsRepo';

/** The "Not sent" tray: refused texts, drafts of tickets that left, and parked actions. */
export function readNotSent(db: Db): NotSent {
  return {
    unsent: listUnsent(db),
    orphanDrafts: listOrphanDrafts(db),
    parked: listParked(db).map((row) => {
      const action = Action.safeParse(JSON.parse(row.payload));
      return {
        key: row.key,
        taskId: row.taskId,
        type: row.type,
        text: action.success ? authoredText(action.data) : null,
        lastError: row.lastError,
        lastErrorText: parseTextRef(row.lastErrorText),
      };
    }),
  };
}
