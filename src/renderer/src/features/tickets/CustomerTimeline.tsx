import { useEffect, useState } from 'react';
import type { Timeline, TimelineItem } from '../../../../shared/contract/customers';
import { errorInfo, invoke } from '../../api';
import { useFormat } from '../../i18n/format';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import './customer.css';

function ItemLine({ item }: { item: TimelineItem }) {
  const t = useT();
  const f = useFormat();
  const when = <time dateTime={new Date(item.at).toISOString()}>{f.dateTime(item.at)}</time>;
  const hidden =
    item.visibleFromTier !== null ? (
      <span className="muted"> · {t('customer.hiddenTier', { tier: item.visibleFromTier })}</span>
    ) : null;
  if (item.type === 'case') {
    return (
      <li className="customer-timeline__item" data-kind="case">
        {when} · {t('customer.earlierCase', { outcome: item.outcome })}
        {hidden ?? (
          <>
            {' '}
            · <strong dir="auto">{item.subject}</strong>
            {item.rating !== null ? ` · ${f.number(item.rating)}★` : ''}
            {item.advocateHandle ? (
              <>
                {' · '}
                <bdi>@{item.advocateHandle}</bdi>
              </>
            ) : null}
          </>
        )}
      </li>
    );
  }
  return (
    <li className="customer-timeline__item" data-kind="event">
      {when} · {t('customer.event', { kind: item.kind })}
      {hidden ?? (
        <>
          {' '}
          · <bdi>{item.summary}</bdi>
          {item.amountMinor !== null && item.currency
            ? ` · ${f.money(item.amountMinor, item.currency)}`
            : ''}
        </>
      )}
    </li>
  );
}

/** The ticket's customer: profile fields and earlier cases and events with the brand, offline. */
export function CustomerTimeline({ taskId, version }: { taskId: string; version: number }) {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<ShownText | null>(null);
  const t = useT();
  const shown = useShownText();
  useEffect(() => {
    let live = true;
    invoke('customers:timeline', { taskId, limit: 50 }).then(
      (t) => live && (setTimeline(t), setError(null)),
      (e: unknown) => live && setError(errorInfo(e)),
    );
    return () => {
      live = false;
    };
  }, [taskId, version]);
  if (error) return <p className="muted">{shown(error)}</p>;
  if (!timeline?.customer) return null;
  return (
    <section className="customer-timeline" aria-label={t('customer.history')}>
      <h3>{t('customer.title')}</h3>
      {timeline.customer.fields.length > 0 ? (
        <dl className="customer-timeline__fields">
          {timeline.customer.fields.map((f) => (
            <div key={f.name}>
              <dt>{f.label}</dt>
              <dd dir="auto">
                {f.visibleFromTier !== null
                  ? t('customer.hiddenTier', { tier: f.visibleFromTier })
                  : f.value}
              </dd>
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
            />
          ))}
        </ol>
      ) : (
        <p className="muted">{t('customer.none')}</p>
      )}
    </section>
  );
}
