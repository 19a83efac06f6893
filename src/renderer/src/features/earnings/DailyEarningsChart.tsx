import { useId, useMemo, useState } from 'react';
import type { PeriodSummary } from '../../../../shared/contract/earnings';
import { earningsBuckets, type EarningsBucket } from '../../../../shared/domain/earningsBuckets';
import { formatMonthLabel } from '../../../../shared/format/dates';
import { Bars } from './Bars';
import { money, shortDay } from './format';

interface Props {
  summary: PeriodSummary;
  locale?: string | undefined;
}

/** A bar's name: its day, its week ("1 Dec – 7 Dec") or its month ("Dec 2026"). */
function bucketLabel(b: EarningsBucket, locale?: string): string {
  if (b.size === 'day') return shortDay(b.from, locale);
  if (b.size === 'week') return `${shortDay(b.from, locale)} – ${shortDay(b.to, locale)}`;
  return formatMonthLabel(b.from, locale);
}

/**
 * Earnings per local day of the range (per week, or per month, for long ranges), one currency
 * at a time (currencies never add up).
 */
export function DailyEarningsChart({ summary, locale }: Props) {
  const currencies = useMemo(
    () => [...new Set(summary.daily.map((d) => d.currency))].sort(),
    [summary.daily],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const currency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? null);
  const selectId = useId();
  const data = useMemo(() => {
    if (!currency) return [];
    return earningsBuckets(summary.daily, summary.from, summary.to, currency).map((b) => ({
      day: bucketLabel(b, locale),
      amountMinor: b.amountMinor,
    }));
  }, [summary, currency, locale]);

  return (
    <figure className="earnings-chart" aria-label="Earnings per day">
      <figcaption className="earnings-chart__caption">
        <span>Earnings per day</span>
        {currencies.length > 1 ? (
          <span className="earnings-chart__currency">
            <label htmlFor={selectId}>Currency</label>
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
        <p className="muted">Nothing earned in this period.</p>
      ) : (
        <Bars
          data={data}
          x="day"
          y="amountMinor"
          name="Earned"
          color="var(--accent)"
          formatX={(label) => label}
          formatY={(v) => money(Math.round(v), currency, locale)}
          yWidth={72}
        />
      )}
    </figure>
  );
}
