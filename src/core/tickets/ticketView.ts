import type { Ticket } from '../../shared/contract/tickets';
import type { Db } from '../db/open';
import { readTaskDetail } from '../feed/feedRepo';
import type { SessionRow } from '../repos/sessionRepo';
import { readDrafts } from './draftsRepo';
import { payoutQuotes } from './payoutQuotes';
import { pendingActionsOf, readTicketRow } from './ticketRepo';

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
  };
}
