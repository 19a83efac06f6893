import type {
  CurrencyTotals,
  Dashboard,
  PeriodSummary,
  PeriodTotals,
} from '../../../../shared/contract/earnings';
import { money, statusLabel } from './format';

interface Props {
  dashboard: Dashboard;
  summary: PeriodSummary;
  rangeLabel: string;
  locale?: string | undefined;
}

function Amounts({ totals, locale }: { totals: CurrencyTotals[]; locale?: string | undefined }) {
  if (totals.length === 0) return <p className="earnings-card__amount">—</p>;
  return (
    <>
      {totals.map((t) => (
        <p key={t.currency} className="earnings-card__amount">
          {money(t.amountMinor, t.currency, locale)}
        </p>
      ))}
    </>
  );
}

function PeriodCard({
  title,
  period,
  locale,
}: {
  title: string;
  period: PeriodTotals;
  locale?: string | undefined;
}) {
  const cases = period.totals.reduce((n, t) => n + t.cases, 0);
  return (
    <section className="earnings-card" aria-label={title}>
      <h2 className="earnings-card__title">{title}</h2>
      <Amounts totals={period.totals} locale={locale} />
      <p className="earnings-card__meta">
        {cases} {cases === 1 ? 'case' : 'cases'}
        {period.ratings.averageScore !== null
          ? ` · ★ ${period.ratings.averageScore.toFixed(1)} (${period.ratings.count})`
          : ''}
      </p>
    </section>
  );
}

/** Today / week / month at a glance, then the selected range in detail, per currency. */
export function TotalsCards({ dashboard, summary, rangeLabel, locale }: Props) {
  return (
    <>
      <div className="earnings-cards">
        <PeriodCard title="Today" period={dashboard.today} locale={locale} />
        <PeriodCard title="This week" period={dashboard.week} locale={locale} />
        <PeriodCard title="This month" period={dashboard.month} locale={locale} />
      </div>
      <section className="earnings-range-totals" aria-label={`Totals for ${rangeLabel}`}>
        {summary.totals.length === 0 ? (
          <p className="muted">No entries in {rangeLabel}.</p>
        ) : (
          <table className="earnings-range-totals__table">
            <caption className="visually-hidden">Totals for {rangeLabel}</caption>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col">Total</th>
                <th scope="col">Cases</th>
                <th scope="col">Average per case</th>
                <th scope="col">Effective hourly rate</th>
                {(['estimated', 'pending', 'confirmed', 'paid'] as const).map((s) => (
                  <th key={s} scope="col">
                    {statusLabel[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.totals.map((t) => (
                <tr key={t.currency}>
                  <th scope="row">{t.currency}</th>
                  <td data-testid={`range-total-${t.currency}`}>
                    {money(t.amountMinor, t.currency, locale)}
                  </td>
                  <td>{t.cases}</td>
                  <td>
                    {t.averagePerCaseMinor === null
                      ? '—'
                      : money(t.averagePerCaseMinor, t.currency, locale)}
                  </td>
                  <td>
                    {t.hourlyRateMinor === null
                      ? '—'
                      : `${money(t.hourlyRateMinor, t.currency, locale)}/h`}
                  </td>
                  {(['estimated', 'pending', 'confirmed', 'paid'] as const).map((s) => (
                    <td key={s}>{money(t.byStatus[s], t.currency, locale)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
