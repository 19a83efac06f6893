import type { MyTicket } from '../../../../shared/contract/tickets';
import { payoutLabel } from '../feed/format';
import { PendingBadges, SlaBadge, TicketState } from './badges';

interface Props {
  tickets: MyTicket[];
  selectedId: string | null;
  now: number;
  onSelect: (id: string) => void;
}

export function TicketList({ tickets, selectedId, now, onSelect }: Props) {
  return (
    <ul className="my-tickets ticket-list" aria-label="My tickets">
      {tickets.map((t) => (
        <li
          key={t.id}
          className={`my-tickets__item ticket-list__item${t.id === selectedId ? ' ticket-list__item--selected' : ''}`}
        >
          <button
            type="button"
            className="ticket-list__button"
            aria-current={t.id === selectedId ? 'true' : undefined}
            data-ticket-id={t.id}
            onClick={() => onSelect(t.id)}
          >
            <span className="ticket-list__top">
              <span className="muted">
                {t.brandName} · {t.customerName}
              </span>
              <SlaBadge dueAt={t.slaDueAt} now={now} />
            </span>
            <span className="my-tickets__subject">{t.subject}</span>
            <span className="ticket-list__side">
              <span>{payoutLabel(t.payoutMinor, t.currency)}</span>
              <TicketState
                status={t.status}
                pendingClaim={t.pendingClaim}
                leaseExpiresAt={t.leaseExpiresAt}
                now={now}
              />
              <PendingBadges types={t.pendingActions} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
