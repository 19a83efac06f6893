import type { MyTicket } from '../../../../shared/contract/tickets';
import { useT } from '../../i18n/useT';
import { useTaskLabels } from '../feed/format';
import { PendingBadges, SlaBadge, TicketState } from './badges';

interface Props {
  tickets: MyTicket[];
  selectedId: string | null;
  now: number;
  onSelect: (id: string) => void;
}

export function TicketList({ tickets, selectedId, now, onSelect }: Props) {
  const t = useT();
  const labels = useTaskLabels();
  return (
    <ul className="my-tickets ticket-list" aria-label={t('nav.tickets')}>
      {tickets.map((ticket) => (
        <li
          key={ticket.id}
          className={`my-tickets__item ticket-list__item${ticket.id === selectedId ? ' ticket-list__item--selected' : ''}`}
        >
          <button
            type="button"
            className="ticket-list__button"
            aria-current={ticket.id === selectedId ? 'true' : undefined}
            data-ticket-id={ticket.id}
            onClick={() => onSelect(ticket.id)}
          >
            <span className="ticket-list__top">
              <span className="muted">
                {ticket.brandName} · <bdi>{ticket.customerName}</bdi>
              </span>
              <SlaBadge dueAt={ticket.slaDueAt} now={now} />
            </span>
            <span className="my-tickets__subject" dir="auto">
              {ticket.subject}
            </span>
            <span className="ticket-list__side">
              <span>{labels.payout(ticket.payoutMinor, ticket.currency)}</span>
              <TicketState
                status={ticket.status}
                pendingClaim={ticket.pendingClaim}
                leaseExpiresAt={ticket.leaseExpiresAt}
                now={now}
              />
              <PendingBadges types={ticket.pendingActions} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
