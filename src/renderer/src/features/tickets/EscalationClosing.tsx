import type { Ticket } from '../../../../shared/contract/tickets';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';

/**
 * How the contact centre closed the case this advocate escalated, with the customer's rating
 * when there is one. Nothing while the escalation is open (the server sends it only to them).
 */
export function EscalationClosing({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const format = useFormat();
  const closing = ticket.escalationOutcome;
  if (!closing) return null;
  return (
    <div className="ticket-escalation" role="status">
      <p>
        {t('tickets.escalation.closed', {
          outcome: closing.outcome,
          date: format.date(closing.closedAt),
        })}
      </p>
      {closing.rating === null ? null : (
        <p>{t('tickets.escalation.rating', { rating: closing.rating })}</p>
      )}
    </div>
  );
}
