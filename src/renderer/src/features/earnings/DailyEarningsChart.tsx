import { useId, useMemo, useState } from 'react';
import type { PeriodSummary } from '../../../../shared/contract/earnings';
import { earningsBuckets, type EarningsBucket } from '../../../../shared/domain/earningsBuckets';
import { useFormat, type Formatters } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { Bars } from './Bars';

interface Props {
  summary: PeriodSummary;
}

/** A bar's name: its day, its week ("1 – 7 Dec") or its month ("Dec 2026"). */
function bucketLabel(b: EarningsBucket, f: Formatters): string {
  if (b.size === 'day') return f.day(b.from);
  if (b.size === 'week') return f.dayRange(b.from, b.to, 'short');
  return f.month(b.from);
}

/**
 * Earnings per local day of the range (per week, or per month, for long ranges), one currency
 * at a time (currencies never add up).
 */
export function DailyEarningsChart({ summary }: Props) {
  const t = useT();
  const f = useFormat();
  const currencies = useMemo(
    () => [...new Set(summary.daily.map((d) => d.currency))].sort(),
    [summary.daily],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? null);
  const selectId = useId();
  const buckets = useMemo(
    () => (currency ? earningsBuckets(summary.daily, summary.from, summary.to, currency) : []),
    [summary, currency],
  );
  const data = useMemo(
    () => buckets.map((b) => ({ day: bucketLabel(b, f), amountMinor: b.amountMinor })),
    [buckets, f],
  );
  const title = t('earnings.chart.title', { size: buckets[0]?.size ?? 'day' });

  return (
    <figure className="earnings-chart" aria-label={title}>
      <figcaption className="earnings-chart__caption">
        <span>{title}</span>
        {currencies.length > 1 ? (
          <span className="earnings-chart__currency">
            <label htmlFor={selectId}>{t('earnings.currency')}</label>
            <select
              id={selectId}
              value={currency ?? ''}
              onChange={(e) => setPicked(e.target.value)}
            >
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </figcaption>
      {currency === null ? (
        <p className="muted">{t('earnings.chart.nothing')}</p>
      ) : (
        <Bars
          data={data}
          x="day"
          y="amountMinor"
          name={t('earnings.chart.earned')}
          color="var(--accent)"
          formatX={(label) => label}
          formatY={(v) => f.money(Math.round(v), currency)}
          yWidth={72}
        />
      )}
    </figure>
  );
}
