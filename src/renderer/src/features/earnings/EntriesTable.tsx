import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { EntriesPage } from '../../../../shared/contract/earnings';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { caseTitle } from './caseTitle';
import { kindLabel, statusLabel } from './format';

interface Props {
  page: EntriesPage;
  timeZone: string;
  onOpenCase: (taskId: string) => void;
}

const ROW_HEIGHT = 44;

/** Every counted entry of the range, newest first; only the visible rows are in the DOM. */
export function EntriesTable({ page, timeZone, onOpenCase }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const t = useT();
  // Each label worded once per render, not once per row (formatMessage is not cheap).
  const words = useMemo(() => {
    const word = <K extends string>(ids: Record<K, MessageId>) =>
      Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, t(id as MessageId)])) as Record<
        K,
        string
      >;
    return { kind: word(kindLabel), status: word(statusLabel) };
  }, [t]);
  const f = useFormat(timeZone);
  const virtualizer = useVirtualizer({
    count: page.entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Before layout (and in tests) assume a modest viewport so the first rows render.
    initialRect: { width: 800, height: 440 },
  });
  return (
    <section className="earnings-entries" aria-label={t('earnings.entries')}>
      <h2 className="earnings-section-title">
        {t('earnings.entries')}{' '}
        <span className="muted">
          {t('earnings.entriesCount', {
            same: page.total > page.entries.length ? 'no' : 'yes',
            shown: page.entries.length,
            total: page.total,
          })}
        </span>
      </h2>
      {page.entries.length === 0 ? (
        <p className="muted">{t('earnings.noEntries')}</p>
      ) : (
        <div
          role="table"
          aria-label={t('earnings.ledger')}
          aria-rowcount={page.entries.length + 1}
          className="earnings-table"
        >
          <div role="rowgroup">
            <div
              role="row"
              aria-rowindex={1}
              className="earnings-table__row earnings-table__row--head"
            >
              <span role="columnheader">{t('earnings.col.when')}</span>
              <span role="columnheader">{t('earnings.col.case')}</span>
              <span role="columnheader">{t('feed.filters.brand')}</span>
              <span role="columnheader">{t('earnings.col.kind')}</span>
              <span role="columnheader">{t('earnings.col.status')}</span>
              <span role="columnheader" className="earnings-table__amount">
                {t('earnings.col.amount')}
              </span>
            </div>
          </div>
          <div
            ref={scroller}
            role="rowgroup"
            aria-label={t('earnings.entriesNewestFirst')}
            className="earnings-table__body"
            tabIndex={0}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const e = page.entries[item.index]!;
                return (
                  <div
                    key={e.id}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="earnings-table__row"
                    style={{
                      position: 'absolute',
                      top: 0,
                      insetInline: 0,
                      height: item.size,
                      transform: `translateY(${item.start}px)`,
                    }}
                  >
                    <span role="cell">{f.dateTime(e.occurredAt)}</span>
                    <span role="cell" className="earnings-table__case">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpenCase(e.taskId)}
                        title={caseTitle(e, t)}
                      >
                        {caseTitle(e, t)}
                      </button>
                    </span>
                    <span role="cell">{e.brandName}</span>
                    <span role="cell">{words.kind[e.kind]}</span>
                    <span role="cell">
                      <span className={`earnings-status earnings-status--${e.status}`}>
                        {words.status[e.status]}
                      </span>
                    </span>
                    <span
                      role="cell"
                      className={`earnings-table__amount${e.amountMinor < 0 ? ' earnings-table__amount--negative' : ''}`}
                    >
                      {f.money(e.amountMinor, e.currency)}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
