import { actionTable } from '../../../../shared/domain/actions';
import { countdown, leaseLevel, slaLevel } from '../../../../shared/domain/ticketState';
import { dueLabel } from '../feed/format';

const pendingName = (type: string): string =>
  Object.hasOwn(actionTable, type)
    ? actionTable[type as keyof typeof actionTable].pending.en
    : type;

/** "2 replies waiting to send"-style badges, one per action type, in queue order. */
export function PendingBadges({ types }: { types: string[] }) {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return (
    <>
      {[...counts].map(([type, n]) => (
        <span key={type} className="pill pill--waiting">
          {pendingName(type)}
          {n > 1 ? ` ×${n}` : ''} waiting to send
        </span>
      ))}
    </>
  );
}

/** The SLA countdown: amber within the hour, red within 15 minutes or overdue. */
export function SlaBadge({ dueAt, now }: { dueAt: number | null; now: number }) {
  const level = slaLevel(dueAt, now);
  const text =
    dueAt === null
      ? 'No SLA'
      : dueAt - now < 60 * 60_000 && dueAt > now
        ? `Due in ${countdown(dueAt - now)}`
        : dueLabel(dueAt, now);
  return (
    <span className={`sla sla--${level}`}>
      {level === 'red' || level === 'amber' ? (
        <span className="tickets-sr">SLA {level === 'red' ? 'critical' : 'soon'}: </span>
      ) : null}
      {text}
    </span>
  );
}

/** Who holds the ticket and for how long. */
export function LeaseBadge({
  leaseExpiresAt,
  pendingClaim,
  now,
}: {
  leaseExpiresAt: number | null;
  pendingClaim: boolean;
  now: number;
}) {
  if (pendingClaim) return <span className="pill pill--pending">Pending claim</span>;
  const level = leaseLevel(leaseExpiresAt, now);
  if (level === 'none') return null;
  if (level === 'lapsed') return <span className="lease lease--lapsed">Claim lapsed</span>;
  if (level === 'lapsing')
    return (
      <span className="lease lease--lapsing">
        Claim lapses in {countdown(leaseExpiresAt! - now)}
      </span>
    );
  return (
    <span className="lease">
      Held until{' '}
      {new Date(leaseExpiresAt!).toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
      })}
    </span>
  );
}

const closedLabel: Record<string, string> = {
  open: 'Handed on',
  resolved: 'Resolved',
  escalated: 'Escalated',
};

/** The lease while the advocate holds the ticket; otherwise where the ticket went. */
export function TicketState(p: {
  status: string;
  pendingClaim: boolean;
  leaseExpiresAt: number | null;
  now: number;
}) {
  if (p.status === 'claimed' || p.pendingClaim) {
    return (
      <LeaseBadge leaseExpiresAt={p.leaseExpiresAt} pendingClaim={p.pendingClaim} now={p.now} />
    );
  }
  return <span className="pill">{closedLabel[p.status] ?? p.status}</span>;
}
