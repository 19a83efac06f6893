import type { TicketBoard } from '../../shared/contract/tickets';
import { expandMacro } from '../../shared/domain/macros';
import { readSession, type SessionRow } from '../repos/sessionRepo';
import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import { saveDraft } from '../tickets/draftsRepo';
import { macroContext } from '../tickets/macroContext';
import { listBrandMacros } from '../tickets/macrosRepo';
import { performAction, renewTicket, type TicketCtx } from '../tickets/ticketActions';
import { listMyTicketRows, readTicketRow } from '../tickets/ticketRepo';
import { readTicket } from '../tickets/ticketView';
import type { HandlerMap } from './types';
import { refusal } from '../i18n/refusal';

export function ticketsHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<
  'tickets:board' | 'tickets:act' | 'tickets:renew' | 'tickets:saveDraft' | 'tickets:macros'
> {
  const session = (): SessionRow => {
    const row = readSession(s.db);
    if (!row) throw refusal('not_signed_in', 'error.tickets.signIn');
    return row;
  };
  const ctx = (me: SessionRow): TicketCtx => ({
    db: s.db,
    actor: { id: me.advocateId, name: me.advocateName, handle: me.advocateHandle },
    // Leases are the server's: decide them by its clock (a fast laptop clock must not refuse).
    now: sync.serverNow(),
  });
  const board = (open: string | null): TicketBoard => {
    const me = readSession(s.db);
    if (!me) return { mine: [], open: null };
    return {
      mine: listMyTicketRows(s.db, me.advocateId),
      open: open === null ? null : readTicket(s.db, open, me),
    };
  };
  return {
    'tickets:board': async (input) => board(input?.open ?? null),
    'tickets:act': async (input) => {
      const me = session();
      performAction(ctx(me), input);
      void sync.syncNow();
      return board(input.taskId);
    },
    'tickets:renew': async ({ taskId }) => {
      const queued = renewTicket(ctx(session()), taskId);
      if (queued) void sync.syncNow();
      return { queued };
    },
    'tickets:saveDraft': async ({ taskId, kind, body }) => {
      if (!readTicketRow(s.db, taskId)) throw refusal('not_found', 'error.ticket.gone');
      const savedAt = s.now();
      saveDraft(s.db, taskId, kind, body, savedAt);
      return { savedAt };
    },
    'tickets:macros': async ({ taskId }) => {
      const me = session();
      const row = readTicketRow(s.db, taskId);
      if (!row) throw refusal('not_found', 'error.ticket.gone');
      const context = macroContext(row, me);
      return listBrandMacros(s.db, row.brandId).map((m) => ({
        id: m.id,
        title: m.title,
        body: expandMacro(m.body, context),
      }));
    },
  };
}
