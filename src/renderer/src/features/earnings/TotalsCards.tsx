import type {
  CurrencyTotals,
  Dashboard,
  PeriodSummary,
  PeriodTotals,
} from '../../../../shared/contract/earnings';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { statusHelp, statusLabel } from './format';

interface Props {
  dashboard: Dashboard;
  summary: PeriodSummary;
  rangeLabel: string;
}

const statuses = ['estimated', 'pending', 'confirmed', 'paid'] as const;

function Amounts({ totals }: { totals: CurrencyTotals[] }) {
  const f = useFormat();
  if (totals.length === 0) return <p className="earnings-card__amount">—</p>;
  return (
    <>
      {totals.map((t) => (
        <p key={t.currency} className="earnings-card__amount">
          {f.money(t.amountMinor, t.currency)}
        </p>
      ))}
    </>
  );
}

function PeriodCard({ title, period }: { title: string; period: PeriodTotals }) {
  const cases = period.totals.reduce((n, t) => n + t.cases, 0);
  const t = useT();
  return (
    <section className="earnings-card" aria-label={title}>
      <h2 className="earnings-card__title">{title}</h2>
      <Amounts totals={period.totals} />
      <p className="earnings-card__meta">
        {t('earnings.cases', { count: cases })}
        {period.ratings.averageScore !== null
          ? ` · ${t('earnings.stars', { average: period.ratings.averageScore, count: period.ratings.count })}`
          : ''}
      </p>
    </section>
  );
}

/** Today / week / month at a glance, then the selected range in detail, per currency. */
export function TotalsCards({ dashboard, summary, rangeLabel }: Props) {
  const tr = useT();
  const f = useFormat(summary.timeZone);
  return (
    <>
      <div className="earnings-cards">
        <PeriodCard title={tr('earnings.today')} period={dashboard.today} />
        <PeriodCard title={tr('earnings.week')} period={dashboard.week} />
        <PeriodCard title={tr('earnings.month')} period={dashboard.month} />
      </div>
      <section
        className="earnings-range-totals"
        aria-label={tr('earnings.totalsFor', { range: rangeLabel })}
      >
        {summary.totals.length === 0 ? (
          <p className="muted">{tr('earnings.noEntriesIn', { range: rangeLabel })}</p>
        ) : (
          <table className="earnings-range-totals__table">
            <caption className="visually-hidden">
              {tr('earnings.totalsFor', { range: rangeLabel })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tr('earnings.currency')}</th>
                <th scope="col">{tr('earnings.total')}</th>
                <th scope="col">{tr('earnings.casesHeader')}</th>
                <th scope="col">{tr('earnings.average')}</th>
                <th scope="col">{tr('earnings.hourly')}</th>
                {statuses.map((s) => (
                  <th key={s} scope="col">
                    {tr(statusLabel[s])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.totals.map((t) => (
                <tr key={t.currency}>
                  <th scope="row">{t.currency}</th>
                  <td data-testid={`range-total-${t.currency}`}>
                    {f.money(t.amountMinor, t.currency)}
                  </td>
                  <td>{f.number(t.cases)}</td>
                  <td>
                    {t.averagePerCaseMinor === null
                      ? '—'
                      : f.money(t.averagePerCaseMinor, t.currency)}
                  </td>
                  <td>
                    {t.hourlyRateMinor === null ? (
                      <span className="muted earnings-hourly--unknown">
                        {tr('earnings.hourlyUnknown')}
                      </span>
                    ) : (
                      tr('earnings.perHour', { amount: f.money(t.hourlyRateMinor, t.currency) })
                    )}
                  </td>
                  {statuses.map((s) => (
                    <td key={s}>{f.money(t.byStatus[s], t.currency)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <dl className="earnings-legend" aria-label={tr('earnings.legend')}>
          <div>
            <dt>{tr('earnings.hourly')}</dt>
            <dd>{tr('earnings.hourlyHelp')}</dd>
          </div>
          {statuses.map((s) => (
            <div key={s}>
              <dt>
                <span className={`earnings-status earnings-status--${s}`}>
                  {tr(statusLabel[s])}
                </span>
              </dt>
              <dd>{tr(statusHelp[s])}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
