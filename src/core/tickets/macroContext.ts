import type { MacroContext } from '../../shared/domain/macros';
import type { SessionRow } from '../repos/sessionRepo';
import type { TicketRow } from './ticketRepo';

/** What a macro's placeholders are filled from on this ticket. */
export function macroContext(row: TicketRow, me: SessionRow): MacroContext {
  return {
    customerName: row.customerName ?? '',
    advocateName: me.advocateName,
    advocateHandle: me.advocateHandle,
    brandName: row.brandName ?? '',
    ticketSubject: row.subject,
  };
}
