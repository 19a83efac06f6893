import type { BrandTotals } from '../../../../shared/contract/earnings';
import { money } from './format';

/** The range per brand and currency. */
export function BrandTotalsTable({
  rows,
  locale,
}: {
  rows: BrandTotals[];
  locale?: string | undefined;
}) {
  const shown = rows.filter((r) => r.amountMinor !== 0 || r.cases !== 0);
  if (shown.length < 2) return null;
  return (
    <section aria-label="By brand" className="earnings-brands">
      <h2 className="earnings-section-title">By brand</h2>
      <table className="earnings-range-totals__table">
        <thead>
          <tr>
            <th scope="col">Brand</th>
            <th scope="col">Cases</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.brandId}-${r.currency}`}>
              <th scope="row">{r.brandName}</th>
              <td>{r.cases}</td>
              <td>{money(r.amountMinor, r.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
