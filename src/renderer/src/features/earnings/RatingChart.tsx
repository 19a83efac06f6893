import type { RatingSummary } from '../../../../shared/contract/earnings';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { Bars } from './Bars';

/** How customers rated the period's cases, 1 to 5 stars. */
export function RatingChart({ ratings }: { ratings: RatingSummary }) {
  const t = useT();
  const f = useFormat();
  const data = ratings.distribution.map((count, i) => ({ stars: `${f.number(i + 1)}★`, count }));
  return (
    <figure className="earnings-chart" aria-label={t('earnings.ratings.label')}>
      <figcaption className="earnings-chart__caption">
        <span>{t('earnings.ratings.title')}</span>
        <span className="muted">
          {ratings.averageScore === null
            ? t('earnings.ratings.none')
            : t('earnings.ratings.average', {
                average: ratings.averageScore,
                count: ratings.count,
              })}
        </span>
      </figcaption>
      <Bars
        data={data}
        x="stars"
        y="count"
        name={t('earnings.ratings.title')}
        color="var(--ok)"
        formatY={(v) => f.number(v)}
      />
    </figure>
  );
}
