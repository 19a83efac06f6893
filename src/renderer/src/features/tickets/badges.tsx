import { actionTable } from '../../../../shared/domain/actions';
import { countdown, leaseLevel, slaLevel } from '../../../../shared/domain/ticketState';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useTaskLabels } from '../feed/format';

const pendingName = (type: string): MessageId | null =>
  Object.hasOwn(actionTable, type)
    ? (actionTable[type as keyof typeof actionTable].pending.key as MessageId)
    : null;

/** "2 replies waiting to send"-style badges, one per action type, in queue order. */
export function PendingBadges({ types }: { types: string[] }) {
  const t = useT();
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return (
    <>
      {[...counts].map(([type, n]) => (
        <span key={type} className="pill pill--waiting">
          {t('tickets.pending', {
            action: pendingName(type) ? t(pendingName(type)!) : type,
            count: n,
          })}
        </span>
      ))}
    </>
  );
}

/** The SLA countdown: amber within the hour, red within 15 minutes or overdue. */
export function SlaBadge({ dueAt, now }: { dueAt: number | null; now: number }) {
  const level = slaLevel(dueAt, now);
  const t = useT();
  const labels = useTaskLabels();
  const text =
    dueAt !== null && dueAt - now < 60 * 60_000 && dueAt > now
      ? t('tickets.dueIn', { countdown: countdown(dueAt - now) })
      : labels.due(dueAt, now);
  return (
    <span className={`sla sla--${level}`}>
      {level === 'red' || level === 'amber' ? (
        <span className="tickets-sr">{t('tickets.sla', { level })} </span>
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
  const t = useT();
  const format = useFormat();
  if (pendingClaim) return <span className="pill pill--pending">{t('feed.row.pending')}</span>;
  const level = leaseLevel(leaseExpiresAt, now);
  if (level === 'none') return null;
  if (level === 'lapsed')
    return <span className="lease lease--lapsed">{t('tickets.lease.lapsed')}</span>;
  if (level === 'lapsing')
    return (
      <span className="lease lease--lapsing">
        {t('tickets.lease.lapsing', { countdown: countdown(leaseExpiresAt! - now) })}
      </span>
    );
  return (
    <span className="lease">
      {t('tickets.lease.heldUntil', { time: format.time(leaseExpiresAt!) })}
    </span>
  );
}

const closedLabel: Record<string, MessageId> = {
  open: 'tickets.closed.open',
  resolved: 'tickets.closed.resolved',
  escalated: 'tickets.closed.escalated',
};

/** The lease while the advocate holds the ticket; otherwise where the ticket went. */
export function TicketState(p: {
  status: string;
  pendingClaim: boolean;
  leaseExpiresAt: number | null;
  now: number;
}) {
  const t = useT();
  if (p.status === 'claimed' || p.pendingClaim) {
    return (
      <LeaseBadge leaseExpiresAt={p.leaseExpiresAt} pendingClaim={p.pendingClaim} now={p.now} />
    );
  }
  const label = closedLabel[p.status];
  return <span className="pill">{label ? t(label) : p.status}</span>;
}
