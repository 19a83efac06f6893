import type { Ticket } from '../../shared/contract/tickets';
import { expandMacro } from '../../shared/domain/macros';
import { AppError } from '../../shared/result';
import { readSession, type SessionRow } from '../repos/sessionRepo';
import type { Services } from '../services';
import type { SyncController } from '../sync/controller';
import { saveDraft } from '../tickets/draftsRepo';
import { listBrandMacros } from '../tickets/macrosRepo';
import {
  abandonTicket,
  addNote,
  escalateTicket,
  renewTicket,
  replyTo,
  resolveTicket,
  transferTicket,
  type TicketCtx,
} from '../tickets/ticketActions';
import { listMyTicketRows, readTicketRow } from '../tickets/ticketRepo';
import { readTicket } from '../tickets/ticketView';
import type { HandlerMap } from './types';

export function ticketsHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<
  | 'tickets:mine'
  | 'tickets:get'
  | 'tickets:reply'
  | 'tickets:note'
  | 'tickets:resolve'
  | 'tickets:escalate'
  | 'tickets:transfer'
  | 'tickets:abandon'
  | 'tickets:renew'
  | 'tickets:saveDraft'
  | 'tickets:macros'
> {
  const session = (): SessionRow => {
    const row = readSession(s.db);
    if (!row) throw new AppError('not_signed_in', 'Sign in to a brand server to work tickets.');
    return row;
  };
  const ctx = (me: SessionRow): TicketCtx => ({
    db: s.db,
    actor: { id: me.advocateId, name: me.advocateName, handle: me.advocateHandle },
    // Leases are the server's: decide them by its clock (a fast laptop clock must not refuse).
    now: sync.serverNow(),
  });
  /** Runs an action, tells every view, sends it at once when online; answers the ticket now. */
  const acting = async (taskId: string, run: (c: TicketCtx) => unknown): Promise<Ticket | null> => {
    const me = session();
    run(ctx(me));
    s.emit('feed:changed', {});
    void sync.syncNow();
    return readTicket(s.db, taskId, me);
  };
  return {
    'tickets:mine': async () => {
      const me = readSession(s.db);
      return me ? listMyTicketRows(s.db, me.advocateId) : [];
    },
    'tickets:get': async ({ taskId }) => {
      const ticket = readTicket(s.db, taskId, session());
      if (!ticket) throw new AppError('not_found', 'This ticket is no longer on this device.');
      return ticket;
    },
    'tickets:reply': ({ taskId, body, macroId }) =>
      acting(taskId, (c) => replyTo(c, taskId, body, macroId)),
    'tickets:note': ({ taskId, body }) => acting(taskId, (c) => addNote(c, taskId, body)),
    'tickets:resolve': ({ taskId, summary }) =>
      acting(taskId, (c) => resolveTicket(c, taskId, summary)),
    'tickets:escalate': ({ taskId, target, handoffNote }) =>
      acting(taskId, (c) => escalateTicket(c, taskId, target, handoffNote)),
    'tickets:transfer': ({ taskId, to, note }) =>
      acting(taskId, (c) => transferTicket(c, taskId, to, note)),
    'tickets:abandon': ({ taskId, reason }) =>
      acting(taskId, (c) => abandonTicket(c, taskId, reason)),
    'tickets:renew': async ({ taskId }) => {
      const queued = renewTicket(ctx(session()), taskId);
      if (queued) void sync.syncNow();
      return { queued };
    },
    'tickets:saveDraft': async ({ taskId, kind, body }) => {
      if (!readTicketRow(s.db, taskId))
        throw new AppError('not_found', 'This ticket is no longer on this device.');
      const savedAt = s.now();
      saveDraft(s.db, taskId, kind, body, savedAt);
      return { savedAt };
    },
    'tickets:macros': async ({ taskId }) => {
      const me = session();
      const row = readTicketRow(s.db, taskId);
      if (!row) throw new AppError('not_found', 'This ticket is no longer on this device.');
      const context = {
        customerName: row.customerName ?? '',
        advocateName: me.advocateName,
        advocateHandle: me.advocateHandle,
        brandName: row.brandName ?? '',
        ticketSubject: row.subject,
      };
      return listBrandMacros(s.db, row.brandId).map((m) => ({
        id: m.id,
        title: m.title,
        body: expandMacro(m.body, context),
      }));
    },
  };
}
