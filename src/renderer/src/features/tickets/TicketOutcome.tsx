import { CircleCheck } from 'lucide-react';
import type { Ref } from 'react';
import type { Ticket } from '../../../../shared/contract/tickets';
import { actionTable } from '../../../../shared/domain/actions';
import type { MessageId } from '../../i18n/catalogs';
import { useT } from '../../i18n/useT';
import type { TicketOutcome as Outcome } from './ticketsStore';

/**
 * The outcome applies while the ticket is out of this advocate's hands; a refusal from the server
 * (the local effect undone, the ticket held again) takes it away.
 */
export function outcomeOf(ticket: Ticket, outcome: Outcome | null): Outcome | null {
  if (!outcome || outcome.taskId !== ticket.id) return null;
  const heldByMe = ticket.status === 'claimed' && ticket.holderId === ticket.advocate.id;
  return heldByMe ? null : outcome;
}

interface Props {
  ticket: Ticket;
  outcome: Outcome | null;
  /** Whether another ticket is waiting; if not, the button opens the feed. */
  hasNext: boolean;
  onNext: () => void;
  nextRef: Ref<HTMLButtonElement>;
}

/**
 * What a closing action did and what comes next, with the way on. The live region stays mounted,
 * so a screen reader hears the outcome politely when it appears.
 */
export function TicketOutcome({ ticket, outcome, hasNext, onNext, nextRef }: Props) {
  const t = useT();
  const shown = outcomeOf(ticket, outcome);
  const waiting = shown ? ticket.pendingActions.some((a) => a.type === shown.type) : false;
  return (
    <div className={shown ? 'ticket-outcome' : undefined}>
      <div className="ticket-outcome__text" role="status" aria-live="polite">
        {shown ? (
          <>
            <CircleCheck className="ticket-outcome__icon" aria-hidden="true" size={18} />
            <p>{t(actionTable[shown.type].outcome.key as MessageId)}</p>
            {waiting ? <p className="muted">{t('tickets.outcome.waiting')}</p> : null}
          </>
        ) : null}
      </div>
      {shown ? (
        <button ref={nextRef} type="button" className="button button--primary" onClick={onNext}>
          {t(hasNext ? 'tickets.outcome.next' : 'tickets.outcome.feed')}
        </button>
      ) : null}
    </div>
  );
}
