import type { BrandTotals } from '../../../../shared/contract/earnings';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';

/** The range per brand and currency. */
export function BrandTotalsTable({ rows }: { rows: BrandTotals[] }) {
  const t = useT();
  const f = useFormat();
  const shown = rows.filter((r) => r.amountMinor !== 0 || r.cases !== 0);
  if (shown.length < 2) return null;
  return (
    <section aria-label={t('earnings.byBrand')} className="earnings-brands">
      <h2 className="earnings-section-title">{t('earnings.byBrand')}</h2>
      <table className="earnings-range-totals__table">
        <thead>
          <tr>
            <th scope="col">{t('feed.filters.brand')}</th>
            <th scope="col">{t('earnings.casesHeader')}</th>
            <th scope="col">{t('earnings.total')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.brandId}-${r.currency}`}>
              <th scope="row">{r.brandName}</th>
              <td>{f.number(r.cases)}</td>
              <td>{f.money(r.amountMinor, r.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
