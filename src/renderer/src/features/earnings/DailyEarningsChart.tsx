import { useId, useMemo, useState } from 'react';
import type { PeriodSummary } from '../../../../shared/contract/earnings';
import { formatDay, parseDay } from '../../../../shared/domain/time';
import { Bars } from './Bars';
import { money, shortDay } from './format';

interface Props {
  summary: PeriodSummary;
  locale?: string | undefined;
}

/** Longest range drawn with a bar for every day, empty days included. */
const MAX_FILLED_DAYS = 120;

/** Earnings per local day of the range, one currency at a time (currencies never add up). */
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
    const byDay = new Map(
      summary.daily.filter((d) => d.currency === currency).map((d) => [d.day, d.amountMinor]),
    );
    const from = parseDay(summary.from)!;
    const to = parseDay(summary.to)!;
    const days =
      to - from < MAX_FILLED_DAYS
        ? Array.from({ length: to - from + 1 }, (_, i) => formatDay(from + i))
        : [...byDay.keys()];
    return days.map((day) => ({ day, amountMinor: byDay.get(day) ?? 0 }));
  }, [summary, currency]);

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
          formatX={(d) => shortDay(d, locale)}
          formatY={(v) => money(Math.round(v), currency, locale)}
          yWidth={72}
        />
      )}
    </figure>
  );
}
