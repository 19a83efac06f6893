import type { ReactNode } from 'react';
import { defuseFormula } from '../../shared/domain/csv';
import { useT } from '../i18n/I18n';
import { csvText, download } from './download';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  /** The cell as a CSV field: raw values (minor units, ISO times), not the formatted text. */
  csv?: (row: R) => string;
  numeric?: boolean;
}

/** A data table with its caption and a CSV export of exactly what it lists. */
export function Table<R>({
  caption,
  columns,
  rows,
  rowKey,
  csvName,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  csvName?: string;
}) {
  const t = useT();
  const exported = columns.filter((c) => c.csv);
  const exportCsv = () =>
    download(
      `${csvName}.csv`,
      csvText([
        exported.map((c) => c.header),
        ...rows.map((r) => exported.map((c) => defuseFormula(c.csv!(r)))),
      ]),
    );
  return (
    <div className="table-wrap">
      <div className="table-tools">
        {csvName && exported.length > 0 && (
          <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
            {t('common.exportCsv')}
          </button>
        )}
      </div>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {t('common.none')}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c, i) => (
                  <td key={i} className={c.numeric ? 'num' : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
