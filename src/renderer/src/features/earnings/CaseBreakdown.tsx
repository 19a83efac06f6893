import type { CaseDetail, ComputationLine } from '../../../../shared/contract/earnings';
import type { MessageId } from '../../i18n/catalogs';
import { useT } from '../../i18n/useT';
import { Modal } from '../../ui/Modal';
import { dateTime, duration, kindLabel, money, signedMoney, statusLabel } from './format';

interface Props {
  detail: CaseDetail;
  timeZone: string;
  locale?: string | undefined;
  onClose: () => void;
}

const outcomeLabel: Record<string, MessageId> = {
  resolved: 'earnings.outcome.resolved',
  escalated: 'earnings.outcome.escalated',
  transferred: 'earnings.outcome.transferred',
};

/** The first line is the base; every later one is shown as the operation it applies. */
function lineAmount(
  line: ComputationLine,
  index: number,
  currency: string,
  locale?: string,
): string {
  if (index === 0) return money(line.amountMinor, currency, locale);
  return signedMoney(line.amountMinor, currency, locale);
}

/** How one case's pay adds up, line by line, with the rule version and every entry behind it. */
export function CaseBreakdown({ detail, timeZone, locale, onClose }: Props) {
  const { currency } = detail;
  const t = useT();
  const outcome = detail.outcome ? outcomeLabel[detail.outcome] : undefined;
  return (
    <Modal
      title={detail.subject ?? detail.taskId}
      onClose={onClose}
      placement="sheet"
      closeLabel={t('common.close')}
      className="earnings-case"
    >
      <p className="muted earnings-case__about">
        {detail.brandName}
        {detail.outcome ? ` · ${outcome ? t(outcome) : detail.outcome}` : ''}
        {detail.complexity !== null
          ? ` · ${t('feed.complexity', { level: detail.complexity })}`
          : ''}
      </p>

      <table className="earnings-case__lines" aria-label={t('earnings.case.lines')}>
        <tbody>
          {detail.lines.map((line, i) => (
            <tr
              key={`${line.entryId}-${i}`}
              className={`earnings-case__line earnings-case__line--${line.kind}`}
            >
              <th scope="row">{line.label}</th>
              <td>{lineAmount(line, i, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="earnings-case__total">
            <th scope="row">= {t('earnings.total')}</th>
            <td data-testid="case-total">{money(detail.totalMinor, currency, locale)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="earnings-case__facts">
        <span className={`earnings-status earnings-status--${detail.status}`}>
          {t(statusLabel[detail.status])}
        </span>
        <span>{t('earnings.case.rules', { version: detail.ruleVersion ?? '—' })}</span>
        {detail.claimedAt !== null &&
        detail.resolvedAt !== null &&
        detail.resolvedAt >= detail.claimedAt ? (
          <span>
            {t('earnings.case.worked', { time: duration(detail.resolvedAt - detail.claimedAt) })}
          </span>
        ) : null}
      </p>

      {detail.rating ? (
        <section className="earnings-case__rating" aria-label={t('earnings.case.rating')}>
          <h3>{t('earnings.case.rating')}</h3>
          <p>
            <span aria-label={t('earnings.case.stars', { score: detail.rating.score })}>
              {'★'.repeat(detail.rating.score)}
              {'☆'.repeat(5 - detail.rating.score)}
            </span>{' '}
            <span className="muted">{dateTime(detail.rating.ratedAt, timeZone, locale)}</span>
          </p>
          {detail.rating.comment ? (
            <blockquote dir="auto">{detail.rating.comment}</blockquote>
          ) : null}
        </section>
      ) : null}

      <section aria-label={t('earnings.case.entries')}>
        <h3>{t('earnings.ledger')}</h3>
        <ul className="earnings-case__entries">
          {detail.entries.map((e) => (
            <li
              key={e.id}
              className={e.supersededBy ? 'earnings-case__entry--replaced' : undefined}
            >
              <span>{dateTime(e.occurredAt, timeZone, locale)}</span>
              <span>{t(kindLabel[e.kind])}</span>
              <span>{money(e.amountMinor, e.currency, locale)}</span>
              <span>
                {e.supersededBy
                  ? t('earnings.case.replaced')
                  : t('earnings.case.status', {
                      status: t(statusLabel[e.status]),
                      local: e.source === 'local' ? 'yes' : 'no',
                    })}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Modal>
  );
}
