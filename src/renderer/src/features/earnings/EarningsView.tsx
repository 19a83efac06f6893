import { useDeferredValue, useEffect, useId } from 'react';
import type { EarningsRange } from '../../../../shared/contract/earnings';
import { EmptyState } from '../../ui/EmptyState';
import { BrandTotalsTable } from './BrandTotalsTable';
import { CaseBreakdown } from './CaseBreakdown';
import { DailyEarningsChart } from './DailyEarningsChart';
import { EntriesTable } from './EntriesTable';
import { RangePicker } from './RangePicker';
import { RatingChart } from './RatingChart';
import { TotalsCards } from './TotalsCards';
import { useEarnings } from './earningsStore';
import { useFormat, type Formatters } from '../../i18n/format';
import { useShownText, useT } from '../../i18n/useT';
import './earnings.css';

function rangeLabel(range: EarningsRange, t: ReturnType<typeof useT>, f: Formatters): string {
  switch (range.kind) {
    case 'today':
    case 'week':
    case 'month':
      return t('earnings.rangeName', { kind: range.kind });
    case 'custom':
      return f.dayRange(range.from, range.to);
  }
}

export function EarningsView() {
  const s = useEarnings();
  const { listen } = s;
  const t = useT();
  const shown = useShownText();
  const f = useFormat();
  const bomId = useId();
  useEffect(() => listen(), [listen]);
  // The figures and the chart come first; the tables below them render right after, in a
  // deferred pass that does not hold up the switch to this view.
  const below = useDeferredValue(true, false);

  const { dashboard, summary, entries } = s;
  const ready = dashboard !== null && summary !== null && entries !== null;
  return (
    <div className="view view--earnings">
      <div className="earnings-header">
        <h1 className="view__title">{t('nav.earnings')}</h1>
        {ready && dashboard.hasEntries ? (
          <div className="earnings-header__actions">
            <RangePicker
              key={s.range.kind === 'custom' ? 'custom' : 'preset'}
              range={s.range}
              from={summary.from}
              to={summary.to}
              onChange={(range) => void s.setRange(range)}
            />
            <div className="earnings-export">
              <button
                type="button"
                className="button"
                onClick={() => void s.exportCsv()}
                disabled={s.exporting}
              >
                {t(s.exporting ? 'earnings.exporting' : 'earnings.export')}
              </button>
              <div className="checkbox">
                <input
                  id={bomId}
                  type="checkbox"
                  checked={s.exportBom}
                  onChange={(e) => s.setExportBom(e.target.checked)}
                  aria-describedby={`${bomId}-help`}
                />
                <label htmlFor={bomId}>{t('earnings.export.bom')}</label>
              </div>
              <small id={`${bomId}-help`} className="muted">
                {t('earnings.export.bomHelp')}
              </small>
            </div>
          </div>
        ) : null}
      </div>
      {s.error ? (
        <p className="banner banner--error" role="alert">
          {shown(s.error)}
        </p>
      ) : null}
      {s.exportMessage ? (
        <p className="banner" role="status">
          {shown(s.exportMessage)}
        </p>
      ) : null}
      {!ready ? (
        s.error ? null : (
          <p className="muted" role="status">
            {t('earnings.loading')}
          </p>
        )
      ) : !dashboard.hasEntries ? (
        <EmptyState title={t('earnings.empty.title')}>{t('earnings.empty.body')}</EmptyState>
      ) : (
        <div className="earnings-body">
          <TotalsCards
            dashboard={dashboard}
            summary={summary}
            rangeLabel={rangeLabel(s.range, t, f)}
          />
          <div className="earnings-charts">
            <DailyEarningsChart summary={summary} />
            <RatingChart ratings={summary.ratings} />
          </div>
          {below ? (
            <>
              <BrandTotalsTable rows={summary.byBrand} />
              <EntriesTable
                page={entries}
                timeZone={summary.timeZone}
                onOpenCase={(id) => void s.openCase(id)}
              />
              <p className="muted earnings-zone">
                {t('earnings.zone', { zone: summary.timeZone })}
              </p>
            </>
          ) : null}
        </div>
      )}
      {s.caseError ? (
        <p className="banner banner--error" role="alert">
          {shown(s.caseError)}
        </p>
      ) : null}
      {s.caseDetail && summary ? (
        <CaseBreakdown detail={s.caseDetail} timeZone={summary.timeZone} onClose={s.closeCase} />
      ) : null}
    </div>
  );
}
