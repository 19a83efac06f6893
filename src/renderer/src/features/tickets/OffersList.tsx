import { useCallback, useEffect, useState } from 'react';
import type { Offer } from '../../../../shared/contract/customers';
import { countdown } from '../../../../shared/domain/ticketState';
import { errorInfo, invoke, onEvent } from '../../api';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import './customer.css';

/**
 * "Offered to you": transfers to this advocate and customers' follow-ups on cases they resolved,
 * each with its countdown and accept/decline. Refreshed whenever the feed changes.
 */
export function OffersList({
  now,
  onAccepted,
}: {
  now: number;
  onAccepted?: (taskId: string) => void;
}) {
  const [offers, setOffers] = useState<Offer[]>([]);
  const [error, setError] = useState<ShownText | null>(null);
  const t = useT();
  const shown = useShownText();
  const load = useCallback(() => {
    invoke('offers:list', {}).then(setOffers, (e: unknown) => setError(errorInfo(e)));
  }, []);
  useEffect(() => {
    load();
    return onEvent('feed:changed', load);
  }, [load]);
  const answer = async (taskId: string, choice: 'accept' | 'decline') => {
    try {
      setOffers(await invoke('offers:answer', { taskId, answer: choice }));
      setError(null);
      if (choice === 'accept') onAccepted?.(taskId);
    } catch (e) {
      setError(errorInfo(e));
    }
  };
  const live = offers.filter((o) => o.offerExpiresAt > now);
  if (live.length === 0 && !error) return null;
  return (
    <section className="offers" aria-label={t('offers.title')}>
      <h3>{t('offers.title')}</h3>
      {error ? <p role="alert">{shown(error)}</p> : null}
      <ul>
        {live.map((o) => (
          <li key={o.taskId} className="offers__item">
            <span className="offers__subject">
              {t('offers.subject', {
                followUp: o.followUp ? 'yes' : 'no',
                subject: o.subject,
              })}
            </span>
            <span className="muted">
              {t('offers.left', { brand: o.brandName, time: countdown(o.offerExpiresAt - now) })}
            </span>
            <button type="button" onClick={() => void answer(o.taskId, 'accept')}>
              {t('action.accept.label')}
            </button>
            <button type="button" onClick={() => void answer(o.taskId, 'decline')}>
              {t('action.decline.label')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
