import { useEffect } from 'react';
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
import { useSettings } from '../settings/settingsStore';
import './earnings.css';

function rangeLabel(range: EarningsRange): string {
  switch (range.kind) {
    case 'today':
      return 'today';
    case 'week':
      return 'this week';
    case 'month':
      return 'this month';
    case 'custom':
      return `${range.from} to ${range.to}`;
  }
}

export function EarningsView() {
  const s = useEarnings();
  const { listen } = s;
  const locale = useSettings((st) => st.settings?.locale) ?? undefined;
  useEffect(() => listen(), [listen]);

  const { dashboard, summary, entries } = s;
  const ready = dashboard !== null && summary !== null && entries !== null;
  return (
    <div className="view view--earnings">
      <div className="earnings-header">
        <h1 className="view__title">Earnings</h1>
        {ready && dashboard.hasEntries ? (
          <div className="earnings-header__actions">
            <RangePicker
              key={s.range.kind === 'custom' ? 'custom' : 'preset'}
              range={s.range}
              from={summary.from}
              to={summary.to}
              onChange={(range) => void s.setRange(range)}
            />
            <button
              type="button"
              className="button"
              onClick={() => void s.exportCsv()}
              disabled={s.exporting}
            >
              {s.exporting ? 'Exporting…' : 'Export CSV…'}
            </button>
          </div>
        ) : null}
      </div>
      {s.error ? (
        <p className="banner banner--error" role="alert">
          {s.error}
        </p>
      ) : null}
      {s.exportMessage ? (
        <p className="banner" role="status">
          {s.exportMessage}
        </p>
      ) : null}
      {!ready ? (
        s.error ? null : (
          <p className="muted" role="status">
            Loading earnings…
          </p>
        )
      ) : !dashboard.hasEntries ? (
        <EmptyState title="No earnings yet">
          Every case you resolve, escalate or transfer shows here with exactly how its pay was
          worked out, along with your customers&apos; ratings and your totals for today, this week
          and this month.
        </EmptyState>
      ) : (
        <div className="earnings-body">
          <TotalsCards
            dashboard={dashboard}
            summary={summary}
            rangeLabel={rangeLabel(s.range)}
            locale={locale}
          />
          <div className="earnings-charts">
            <DailyEarningsChart summary={summary} locale={locale} />
            <RatingChart ratings={summary.ratings} />
          </div>
          <BrandTotalsTable rows={summary.byBrand} locale={locale} />
          <EntriesTable
            page={entries}
            timeZone={summary.timeZone}
            locale={locale}
            onOpenCase={(id) => void s.openCase(id)}
          />
          <p className="muted earnings-zone">Days are counted in {summary.timeZone}.</p>
        </div>
      )}
      {s.caseError ? (
        <p className="banner banner--error" role="alert">
          {s.caseError}
        </p>
      ) : null}
      {s.caseDetail && summary ? (
        <CaseBreakdown
          detail={s.caseDetail}
          timeZone={summary.timeZone}
          locale={locale}
          onClose={s.closeCase}
        />
      ) : null}
    </div>
  );
}
