import { useCallback, useEffect, useId, useState } from 'react';
import type {
  NbaArticle,
  NbaHandoff,
  NbaMacro,
  NbaPanel,
  SuggestionKind,
} from '../../../../shared/contract/nba';
import { errorInfo, invoke } from '../../api';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { useMediaQuery } from '../../ui/useMediaQuery';
import './nba.css';

/** Windows this short start with the suggestions folded. */
const SHORT_QUERY = '(max-height: 860px)';

interface Props {
  taskId: string;
  /** Changes when the ticket does (e.g. its message count): the panel is computed again. */
  version: number;
  canReply: boolean;
  onInsertMacro: (macro: NbaMacro) => void;
  onInsertArticle: (article: NbaArticle) => void;
}

/** The hand-off advice and what it pays, in the advocate's words and money. */
function HandoffLine({ handoff }: { handoff: NbaHandoff }) {
  const t = useT();
  const format = useFormat();
  const money = (q: NbaHandoff['payout']) => (q ? format.money(q.totalMinor, q.currency) : '—');
  const advice =
    handoff.reason === 'hiddenData'
      ? t('nba.handoff.hiddenData', {
          tier: handoff.tier,
          fields: format.list(handoff.fields),
        })
      : handoff.reason === 'slaBeforeLease'
        ? t('nba.handoff.slaBeforeLease', { complexity: handoff.complexity })
        : t('nba.handoff.withinReach');
  const pays = handoff.payout
    ? t(handoff.action === 'escalate' ? 'nba.payout.escalate' : 'nba.payout.resolve', {
        amount: money(handoff.payout),
        instead: money(handoff.instead),
      })
    : t('nba.payout.none');
  return (
    <p className={`nba__handoff nba__handoff--${handoff.action}`} data-reason={handoff.reason}>
      <strong>{advice}</strong> <span className="muted">{pays}</span>
    </p>
  );
}

function Because({ item }: { item: NbaMacro | NbaArticle }) {
  const t = useT();
  const parts = item.because.map((b) =>
    b === 'text' ? t('nba.because.text') : t('nba.because.outcome', { count: item.wellRated }),
  );
  return <span className="nba__because muted">· {parts.join(' · ')}</span>;
}

/**
 * Next-best action (issue 20): the top macros and articles for this ticket and whether to hand it
 * on, computed offline by the core. Inserting or dismissing a suggestion is recorded, so that
 * what helps rises and what is ignored falls.
 */
export function NextBestPanel({
  taskId,
  version,
  canReply,
  onInsertMacro,
  onInsertArticle,
}: Props) {
  const t = useT();
  const shown = useShownText();
  const titleId = useId();
  const listsId = useId();
  // In a short window the suggestions start folded (the hand-off line stays), so that the
  // conversation and the composer keep the room; the advocate's choice then holds.
  const short = useMediaQuery(SHORT_QUERY);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? !short;
  const [panel, setPanel] = useState<NbaPanel | null>(null);
  const [error, setError] = useState<ShownText | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    invoke('nba:panel', { taskId }).then(
      (p) => live && (setPanel(p), setError(null)),
      (e: unknown) => live && setError(errorInfo(e)),
    );
    return () => {
      live = false;
    };
  }, [taskId, version, reload]);

  const record = useCallback(
    (kind: SuggestionKind, itemId: string, verdict: 'accepted' | 'ignored') =>
      invoke('nba:record', { taskId, kind, itemId, verdict }).then(
        () => verdict === 'ignored' && setReload((n) => n + 1),
        (e: unknown) => setError(errorInfo(e)),
      ),
    [taskId],
  );

  if (error) return <p className="muted">{shown(error)}</p>;
  if (!panel || panel.taskId !== taskId) return null;
  return (
    <section className="nba" aria-labelledby={titleId}>
      <div className="nba__head">
        <h3 id={titleId} className="nba__title">
          {t('nba.title')}
        </h3>
        <HandoffLine handoff={panel.handoff} />
        <button
          type="button"
          className="button button--small nba__toggle"
          aria-expanded={open}
          aria-controls={listsId}
          onClick={() => setChosen(!open)}
        >
          {t(open ? 'nba.hide' : 'nba.show')}
        </button>
      </div>
      <div className="nba__columns" id={listsId} hidden={!open}>
        <SuggestionGroup
          items={panel.macros}
          heading="nba.macros"
          none="nba.noMacros"
          use="nba.insert"
          useLabel="nba.insertLabel"
          disabled={!canReply}
          onUse={(m) => {
            onInsertMacro(m);
            void record('macro', m.id, 'accepted');
          }}
          onDismiss={(m) => void record('macro', m.id, 'ignored')}
        />
        <SuggestionGroup
          items={panel.articles}
          heading="nba.articles"
          none="nba.noArticles"
          use="kb.insertLink"
          useLabel="nba.linkLabel"
          disabled={false}
          onUse={(a) => {
            onInsertArticle(a);
            void record('article', a.id, 'accepted');
          }}
          onDismiss={(a) => void record('article', a.id, 'ignored')}
        />
      </div>
    </section>
  );
}

interface GroupProps<T extends NbaMacro | NbaArticle> {
  items: T[];
  heading: MessageId;
  none: MessageId;
  use: MessageId;
  useLabel: MessageId;
  disabled: boolean;
  onUse: (item: T) => void;
  onDismiss: (item: T) => void;
}

/** One kind of suggestion (macros or articles): each with why, a way to use it, and "not useful". */
function SuggestionGroup<T extends NbaMacro | NbaArticle>(props: GroupProps<T>) {
  const t = useT();
  const { items, heading, none, use, useLabel, disabled, onUse, onDismiss } = props;
  return (
    <div>
      <h4 className="nba__heading">{t(heading)}</h4>
      {items.length === 0 ? (
        <p className="muted">{t(none)}</p>
      ) : (
        <ul className="nba__list" aria-label={t(heading)}>
          {items.map((item) => (
            <li key={item.id} className="nba__item">
              <span className="nba__label">
                <span className="nba__name" dir="auto">
                  {item.title}
                </span>{' '}
                <Because item={item} />
              </span>
              <span className="nba__buttons">
                <button
                  type="button"
                  className="button button--small"
                  disabled={disabled}
                  aria-label={t(useLabel, { title: item.title })}
                  onClick={() => onUse(item)}
                >
                  {t(use)}
                </button>
                <button
                  type="button"
                  className="button button--small nba__dismiss"
                  aria-label={t('nba.dismissLabel', { title: item.title })}
                  onClick={() => onDismiss(item)}
                >
                  {t('nba.dismiss')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
