import type { CaseDetail, ComputationLine } from '../../../../shared/contract/earnings';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat, type Formatters } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { Modal } from '../../ui/Modal';
import { caseTitle } from './caseTitle';
import { kindHelp, kindLabel, statusHelp, statusLabel } from './format';
import { payoutLineLabel } from './payoutLine';

interface Props {
  detail: CaseDetail;
  timeZone: string;
  onClose: () => void;
}

type T = ReturnType<typeof useT>;

const outcomeLabel: Record<string, MessageId> = {
  resolved: 'earnings.outcome.resolved',
  escalated: 'earnings.outcome.escalated',
  transferred: 'earnings.outcome.transferred',
};

const isEntryKind = (kind: string): kind is keyof typeof kindLabel =>
  Object.hasOwn(kindLabel, kind);

/** A line of the arithmetic, worded in the advocate's language, with one sentence on what it is. */
function describeLine(
  line: ComputationLine,
  detail: CaseDetail,
  t: T,
  f: Formatters,
): { label: string; why: string | null } {
  const facts = {
    complexity: detail.complexity,
    outcome: detail.outcome,
    stars: detail.rating?.score ?? null,
  };
  const label = payoutLineLabel(line, facts, t, f);
  switch (line.kind) {
    case 'base':
      return { label, why: t('earnings.lineHelp.base') };
    case 'multiplier':
      return {
        label,
        why:
          line.factorBps === null || detail.outcome === null
            ? t('earnings.lineHelp.multiplier')
            : t('earnings.lineHelp.multiplier', {
                percent: f.percent(line.factorBps / 10_000),
                outcome: detail.outcome,
              }),
      };
    case 'rating_bonus':
    case 'tip':
      return { label, why: t(kindHelp[line.kind]) };
    case 'ageing_bonus':
      return { label, why: t('earnings.lineHelp.ageingBonus') };
    default:
      return { label, why: isEntryKind(line.kind) ? t(kindHelp[line.kind]) : null };
  }
}

/** How one case's pay adds up, line by line, with the rule version and every entry behind it. */
export function CaseBreakdown({ detail, timeZone, onClose }: Props) {
  const { currency } = detail;
  const t = useT();
  const f = useFormat(timeZone);
  const outcome = detail.outcome ? outcomeLabel[detail.outcome] : undefined;
  return (
    <Modal
      title={caseTitle(detail, t)}
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
          {detail.lines.map((line, i) => {
            const { label, why } = describeLine(line, detail, t, f);
            return (
              <tr
                key={`${line.entryId}-${i}`}
                className={`earnings-case__line earnings-case__line--${line.kind}`}
              >
                <th scope="row">
                  {label}
                  {why ? <small className="earnings-case__why">{why}</small> : null}
                </th>
                <td>
                  {i === 0
                    ? f.money(line.amountMinor, currency)
                    : f.signedMoney(line.amountMinor, currency)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="earnings-case__total">
            <th scope="row">= {t('earnings.total')}</th>
            <td data-testid="case-total">{f.money(detail.totalMinor, currency)}</td>
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
            {t('earnings.case.worked', { time: f.duration(detail.resolvedAt - detail.claimedAt) })}
          </span>
        ) : null}
      </p>
      <p className="muted earnings-case__status-help">{t(statusHelp[detail.status])}</p>

      {detail.rating ? (
        <section className="earnings-case__rating" aria-label={t('earnings.case.rating')}>
          <h3>{t('earnings.case.rating')}</h3>
          <p>
            <span aria-label={t('earnings.case.stars', { score: detail.rating.score })}>
              {'★'.repeat(detail.rating.score)}
              {'☆'.repeat(5 - detail.rating.score)}
            </span>{' '}
            <span className="muted">{f.dateTime(detail.rating.ratedAt)}</span>
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
              <span>{f.dateTime(e.occurredAt)}</span>
              <span>{t(kindLabel[e.kind])}</span>
              <span>{f.money(e.amountMinor, e.currency)}</span>
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
