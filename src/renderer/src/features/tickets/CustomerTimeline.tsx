import { useEffect, useState } from 'react';
import type { Timeline, TimelineItem } from '../../../../shared/contract/customers';
import { formatMoney } from '../../../../shared/domain/money';
import { errorMessage, invoke } from '../../api';
import './customer.css';

const eventLabel: Record<string, string> = {
  order: 'Order',
  return: 'Return',
  subscription: 'Subscription',
  contact: 'Earlier contact',
};
const outcomeLabel: Record<string, string> = {
  resolved: 'Resolved',
  escalated: 'Escalated',
  open: 'Reopened',
};

const hidden = (tier: number) => `Visible from tier ${tier}`;

function ItemLine({ item, dates }: { item: TimelineItem; dates: Intl.DateTimeFormat }) {
  const when = <time dateTime={new Date(item.at).toISOString()}>{dates.format(item.at)}</time>;
  if (item.type === 'case') {
    return (
      <li className="customer-timeline__item" data-kind="case">
        {when} · Earlier case · {outcomeLabel[item.outcome] ?? item.outcome}
        {item.visibleFromTier !== null ? (
          <span className="muted"> · {hidden(item.visibleFromTier)}</span>
        ) : (
          <>
            {' '}
            · <strong>{item.subject}</strong>
            {item.rating !== null ? ` · ${item.rating}★` : ''}
            {item.advocateHandle ? ` · @${item.advocateHandle}` : ''}
          </>
        )}
      </li>
    );
  }
  return (
    <li className="customer-timeline__item" data-kind="event">
      {when} · {eventLabel[item.kind] ?? item.kind}
      {item.visibleFromTier !== null ? (
        <span className="muted"> · {hidden(item.visibleFromTier)}</span>
      ) : (
        <>
          {' '}
          · {item.summary}
          {item.amountMinor !== null && item.currency
            ? ` · ${formatMoney(item.amountMinor, item.currency)}`
            : ''}
        </>
      )}
    </li>
  );
}

/** The ticket's customer: profile fields and earlier cases and events with the brand, offline. */
export function CustomerTimeline({ taskId, version }: { taskId: string; version: number }) {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    invoke('customers:timeline', { taskId, limit: 50 }).then(
      (t) => live && (setTimeline(t), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [taskId, version]);
  if (error) return <p className="muted">{error}</p>;
  if (!timeline?.customer) return null;
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="customer-timeline" aria-label="Customer history">
      <h3>Customer</h3>
      {timeline.customer.fields.length > 0 ? (
        <dl className="customer-timeline__fields">
          {timeline.customer.fields.map((f) => (
            <div key={f.name}>
              <dt>{f.label}</dt>
              <dd>{f.visibleFromTier !== null ? hidden(f.visibleFromTier) : f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {timeline.items.length > 0 ? (
        <ol className="customer-timeline__items">
          {timeline.items.map((item) => (
            <ItemLine
              key={item.type === 'case' ? `c:${item.taskId}` : `e:${item.id}`}
              item={item}
              dates={dates}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No earlier cases or events with this brand.</p>
      )}
    </section>
  );
}
