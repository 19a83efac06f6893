import type { CaseDetail, ComputationLine } from '../../../../shared/contract/earnings';
import { Modal } from '../../ui/Modal';
import { dateTime, duration, kindLabel, money, signedMoney, statusLabel } from './format';

interface Props {
  detail: CaseDetail;
  timeZone: string;
  locale?: string | undefined;
  onClose: () => void;
}

const outcomeLabel: Record<string, string> = {
  resolved: 'Resolved',
  escalated: 'Escalated with a handoff',
  transferred: 'Transferred',
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
  return (
    <Modal
      title={detail.subject ?? detail.taskId}
      onClose={onClose}
      placement="sheet"
      closeLabel="Close"
      className="earnings-case"
    >
      <p className="muted earnings-case__about">
        {detail.brandName}
        {detail.outcome ? ` · ${outcomeLabel[detail.outcome] ?? detail.outcome}` : ''}
        {detail.complexity !== null ? ` · complexity ${detail.complexity}` : ''}
      </p>

      <table className="earnings-case__lines" aria-label="How this case's pay adds up">
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
            <th scope="row">= Total</th>
            <td data-testid="case-total">{money(detail.totalMinor, currency, locale)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="earnings-case__facts">
        <span className={`earnings-status earnings-status--${detail.status}`}>
          {statusLabel[detail.status]}
        </span>
        <span>Payout rules version {detail.ruleVersion ?? '—'}</span>
        {detail.claimedAt !== null &&
        detail.resolvedAt !== null &&
        detail.resolvedAt >= detail.claimedAt ? (
          <span>Worked {duration(detail.resolvedAt - detail.claimedAt)}</span>
        ) : null}
      </p>

      {detail.rating ? (
        <section className="earnings-case__rating" aria-label="Customer rating">
          <h3>Customer rating</h3>
          <p>
            <span aria-label={`${detail.rating.score} out of 5 stars`}>
              {'★'.repeat(detail.rating.score)}
              {'☆'.repeat(5 - detail.rating.score)}
            </span>{' '}
            <span className="muted">{dateTime(detail.rating.ratedAt, timeZone, locale)}</span>
          </p>
          {detail.rating.comment ? <blockquote>{detail.rating.comment}</blockquote> : null}
        </section>
      ) : null}

      <section aria-label="Entries of this case">
        <h3>Ledger entries</h3>
        <ul className="earnings-case__entries">
          {detail.entries.map((e) => (
            <li
              key={e.id}
              className={e.supersededBy ? 'earnings-case__entry--replaced' : undefined}
            >
              <span>{dateTime(e.occurredAt, timeZone, locale)}</span>
              <span>{kindLabel[e.kind]}</span>
              <span>{money(e.amountMinor, e.currency, locale)}</span>
              <span>
                {e.supersededBy
                  ? 'Estimate, replaced by the server’s entry'
                  : `${statusLabel[e.status]}${e.source === 'local' ? ' (this device)' : ''}`}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Modal>
  );
}
