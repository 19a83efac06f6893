import type { Ticket } from '../../shared/contract/tickets';
import { EscalationOutcomeView } from '../../shared/protocol';
import type { Db } from '../db/open';
import { readTaskDetail } from '../feed/feedRepo';
import type { SessionRow } from '../repos/sessionRepo';
import { readDrafts } from './draftsRepo';
import { payoutQuotes } from './payoutQuotes';
import { pendingActionsOf, readTicketRow } from './ticketRepo';

/** The stored outcome, or null when there is none (or it cannot be read: the thread still shows). */
function escalationOutcomeOf(json: string | null): Ticket['escalationOutcome'] {
  if (json === null) return null;
  try {
    const parsed = EscalationOutcomeView.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The ticket as the workspace shows it, from the local database only (works offline). */
export function readTicket(db: Db, taskId: string, session: SessionRow): Ticket | null {
  const detail = readTaskDetail(db, taskId);
  const row = readTicketRow(db, taskId);
  if (!detail || !row) return null;
  return {
    ...detail,
    minTier: row.minTier,
    language: row.language,
    offeredTo: row.offeredTo,
    offerExpiresAt: row.offerExpiresAt,
    pendingActions: pendingActionsOf(db, taskId),
    drafts: readDrafts(db, taskId),
    advocate: {
      id: session.advocateId,
      name: session.advocateName,
      handle: session.advocateHandle,
    },
    payouts: payoutQuotes(db, row.brandId, row.complexity, row.ageingBonusMinor),
    escalationOutcome: escalationOutcomeOf(row.escalationOutcome),
  };
}
