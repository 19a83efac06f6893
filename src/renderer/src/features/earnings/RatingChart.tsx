import { Bars } from './Bars';
import type { RatingSummary } from '../../../../shared/contract/earnings';

/** How customers rated the period's cases, 1 to 5 stars. */
export function RatingChart({ ratings }: { ratings: RatingSummary }) {
  const data = ratings.distribution.map((count, i) => ({ stars: `${i + 1}★`, count }));
  return (
    <figure className="earnings-chart" aria-label="Rating distribution">
      <figcaption className="earnings-chart__caption">
        <span>Ratings</span>
        <span className="muted">
          {ratings.averageScore === null
            ? 'No ratings yet'
            : `Average ${ratings.averageScore.toFixed(2)} from ${ratings.count} ${ratings.count === 1 ? 'rating' : 'ratings'}`}
        </span>
      </figcaption>
      <Bars data={data} x="stars" y="count" name="Ratings" color="var(--ok)" />
    </figure>
  );
}
