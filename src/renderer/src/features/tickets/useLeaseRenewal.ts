import { useEffect } from 'react';
import type { Ticket } from '../../../../shared/contract/tickets';
import { ticketDecision } from '../../../../shared/domain/ticketState';
import { serverNow } from '../sync/useNow';

/** Renew once less than this is left: a 30-minute lease is renewed every ~10 minutes of work. */
export const RENEW_WHEN_LEFT_MS = 20 * 60_000;
const CHECK_EVERY_MS = 30_000;

/** While a ticket is open in the workspace, keep its lease (the core skips duplicate renewals). */
export function useLeaseRenewal(
  ticket: Ticket | null,
  renew: (taskId: string) => Promise<void>,
): void {
  const id = ticket?.id ?? null;
  const lease = ticket?.leaseExpiresAt ?? null;
  useEffect(() => {
    if (!ticket || lease === null) return;
    const check = () => {
      const now = serverNow();
      if (!ticketDecision(ticket, ticket.advocate.id, 'renew', now).ok) return;
      if (lease - now < RENEW_WHEN_LEFT_MS) void renew(ticket.id);
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
    // The ticket object changes on every refresh; its id and lease are what matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, lease, renew]);
}
