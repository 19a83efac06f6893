import type { CriterionProgress } from '../../shared/domain/ladder';
import {
  PromotionDecisionView,
  PromotionsResponse,
  type PromotionSuggestion,
} from '../../shared/trustProtocol';
import { ApiError, change, getJson } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { canChange, useSession } from '../session';
import { useAdvocateNames } from '../useAdvocateNames';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { criterionCsv, criterionText } from './criterionText';

/** Each criterion with what the advocate has, what the rung asks, and whether it is met. */
function Evidence({ criteria }: { criteria: CriterionProgress[] }) {
  const t = useT();
  const f = useFormat();
  if (criteria.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <ul className="evidence">
      {criteria.map((c, i) => (
        <li key={i} className={c.met ? 'met' : 'unmet'}>
          <span aria-hidden="true">{c.met ? '✓' : '✗'}</span> {criterionText(c, t, f)} —{' '}
          <strong>{c.met ? t('promotions.met') : t('promotions.unmet')}</strong>
        </li>
      ))}
    </ul>
  );
}

/**
 * The moves the brand's ladder suggests, with their evidence, to approve or decline (analysts
 * read only), and the decisions made. A decision another admin made first answers a conflict.
 */
export function Promotions() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const nameOf = useAdvocateNames();
  const list = useLoad(() => getJson('/v1/admin/promotions', PromotionsResponse), []);
  // A refused decision (another admin was first) reloads the list as well as a done one.
  const action = useAction();
  const moveText = (m: { fromTier: number; toTier: number }) =>
    t(m.toTier > m.fromTier ? 'promotions.promote' : 'promotions.demote', {
      from: m.fromTier,
      to: m.toTier,
    });
  const decide = (s: PromotionSuggestion, verb: 'approve' | 'decline') =>
    void action
      .run(
        () =>
          change(
            'POST',
            `/v1/admin/promotions/${s.advocateId}/${verb}`,
            { toTier: s.toTier },
            PromotionDecisionView,
          ),
        t(verb === 'approve' ? 'promotions.approved' : 'promotions.declined', {
          handle: s.handle,
          tier: s.toTier,
        }),
      )
      .then(list.reload);

  const suggestionColumns: Column<PromotionSuggestion>[] = [
    { header: t('promotions.advocate'), cell: (s) => nameOf(s.advocateId), csv: (s) => s.handle },
    {
      header: t('promotions.move'),
      cell: (s) => moveText(s),
      csv: (s) => `${s.fromTier}>${s.toTier}`,
    },
    {
      header: t('promotions.evidence'),
      cell: (s) => <Evidence criteria={s.evidence} />,
      csv: (s) => s.evidence.map(criterionCsv).join('; '),
    },
    ...(editable
      ? [
          {
            header: t('common.actions'),
            cell: (s: PromotionSuggestion) => (
              <span className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={action.busy}
                  aria-label={t('promotions.approveOne', { handle: s.handle, tier: s.toTier })}
                  onClick={() => decide(s, 'approve')}
                >
                  {t('promotions.approve')}
                </button>{' '}
                <button
                  type="button"
                  disabled={action.busy}
                  aria-label={t('promotions.declineOne', { handle: s.handle, tier: s.toTier })}
                  onClick={() => decide(s, 'decline')}
                >
                  {t('promotions.decline')}
                </button>
              </span>
            ),
          },
        ]
      : []),
  ];
  const decisionColumns: Column<PromotionDecisionView>[] = [
    {
      header: t('promotions.decidedAt'),
      cell: (d) => f.dateTime(d.decidedAt),
      csv: (d) => new Date(d.decidedAt).toISOString(),
    },
    {
      header: t('promotions.advocate'),
      cell: (d) => nameOf(d.advocateId),
      csv: (d) => d.advocateId,
    },
    {
      header: t('promotions.move'),
      cell: (d) => moveText(d),
      csv: (d) => `${d.fromTier}>${d.toTier}`,
    },
    {
      header: t('promotions.decision'),
      cell: (d) =>
        d.decision === 'approved'
          ? t('promotions.decisionApproved')
          : t('promotions.decisionDeclined'),
      csv: (d) => d.decision,
    },
    { header: t('promotions.decidedBy'), cell: (d) => d.decidedBy, csv: (d) => d.decidedBy },
    {
      header: t('promotions.evidence'),
      cell: (d) => <Evidence criteria={d.evidence} />,
      csv: (d) => d.evidence.map(criterionCsv).join('; '),
    },
  ];

  return (
    <section aria-labelledby="promotions-title">
      <h1 id="promotions-title">{t('nav.promotions')}</h1>
      <p className="muted">{editable ? t('promotions.intro') : t('promotions.readOnly')}</p>
      <ErrorNote error={list.error ?? action.error} />
      {action.error instanceof ApiError && action.error.status === 409 && (
        <p className="muted">{t('promotions.conflict')}</p>
      )}
      <Done text={action.done} />
      {list.data ? (
        <>
          <Table
            caption={t('promotions.suggestions')}
            columns={suggestionColumns}
            rows={list.data.suggestions}
            rowKey={(s) => s.advocateId}
            csvName="promotion-suggestions"
          />
          <Table
            caption={t('promotions.decisions')}
            columns={decisionColumns}
            rows={list.data.decisions}
            rowKey={(d) => d.id}
            csvName="promotion-decisions"
          />
        </>
      ) : (
        list.loading && <Loading />
      )}
    </section>
  );
}
