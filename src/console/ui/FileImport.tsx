import { type ChangeEvent, useState } from 'react';
import { change } from '../api';
import { useT } from '../i18n/I18n';
import { Done, ErrorNote } from './Status';
import { useAction } from './useAction';

/** One item of an accepted file and what became of it. */
export interface ItemResult {
  index: number;
  label: string;
  outcome: string;
}

/**
 * A batch sent from a file (tasks, ratings): the server applies all of it or nothing. A refused
 * file lists each bad item with its reason (ErrorNote); an accepted one its summary and, when
 * the answer has them, what became of each item.
 */
export function FileImport<R>({
  label,
  accept,
  path,
  parse,
  summary,
  items,
  onDone,
}: {
  label: string;
  accept: string;
  path: string;
  parse: (text: string) => unknown[];
  summary: (result: R) => string;
  /** What became of each item, from the answer and the items sent. */
  items?: (result: R, sent: unknown[]) => ItemResult[];
  onDone?: () => void;
}) {
  const t = useT();
  const action = useAction(onDone);
  const [results, setResults] = useState<ItemResult[]>([]);
  const send = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setResults([]);
    void action.run(
      async () => {
        const sent = parse(await file.text());
        const result = (await change('POST', path, sent)) as R;
        setResults(items?.(result, sent) ?? []);
        return result;
      },
      (r) => summary(r),
    );
  };
  return (
    <div className="panel">
      <label>
        {label}
        <input type="file" accept={accept} onChange={send} disabled={action.busy} />
      </label>
      <ErrorNote error={action.error} />
      <Done text={action.done} />
      {results.length > 0 && (
        <ul className="item-results" aria-label={t('common.itemResults')}>
          {results.map((r) => (
            <li key={r.index}>
              {`${t('common.item', { n: r.index + 1 })} · `}
              <code>{r.label}</code>: {r.outcome}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
