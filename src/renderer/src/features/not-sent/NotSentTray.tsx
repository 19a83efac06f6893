import { useEffect } from 'react';
import { useNotSent } from './notSentStore';
import './not-sent.css';

const copy = (text: string) => void navigator.clipboard?.writeText(text).catch(() => undefined);

/**
 * Text written here that did not reach the server and is not on its way: refused replies and
 * notes, drafts of tickets that left this device, and actions parked after repeated failures.
 * Kept on disk until the advocate copies it somewhere and lets it go.
 */
export function NotSentTray() {
  const tray = useNotSent((s) => s.tray);
  const listen = useNotSent((s) => s.listen);
  const act = useNotSent((s) => s.act);
  useEffect(() => listen(), [listen]);
  if (!tray) return null;
  const count = tray.unsent.length + tray.orphanDrafts.length + tray.parked.length;
  if (count === 0) return null;
  return (
    <section className="not-sent" aria-label="Not sent">
      <h2 className="not-sent__title">Not sent ({count})</h2>
      <ul className="not-sent__list">
        {tray.unsent.map((item) => (
          <li key={`u${item.id}`} className="not-sent__item">
            <p className="not-sent__about">
              Your {item.type} on “{item.subject ?? item.taskId ?? 'a ticket'}” was not accepted:{' '}
              {item.reason}
            </p>
            <blockquote className="not-sent__text">{item.body}</blockquote>
            <button type="button" onClick={() => copy(item.body)}>
              Copy text
            </button>
            <button type="button" onClick={() => void act('unsent:dismiss', { id: item.id })}>
              Dismiss
            </button>
          </li>
        ))}
        {tray.orphanDrafts.map((draft) => (
          <li key={`d${draft.taskId}:${draft.kind}`} className="not-sent__item">
            <p className="not-sent__about">
              Draft {draft.kind} for “{draft.subject ?? draft.taskId}”, a ticket no longer on this
              device
            </p>
            <blockquote className="not-sent__text">{draft.body}</blockquote>
            <button type="button" onClick={() => copy(draft.body)}>
              Copy text
            </button>
            <button
              type="button"
              onClick={() =>
                void act('unsent:discardDraft', { taskId: draft.taskId, kind: draft.kind })
              }
            >
              Discard
            </button>
          </li>
        ))}
        {tray.parked.map((action) => (
          <li key={`p${action.key}`} className="not-sent__item">
            <p className="not-sent__about">
              Your {action.type} kept failing at the server
              {action.lastError ? ` (${action.lastError})` : ''} and is held here.
            </p>
            {action.text ? <blockquote className="not-sent__text">{action.text}</blockquote> : null}
          </li>
        ))}
      </ul>
      {tray.parked.length > 0 ? (
        <button type="button" onClick={() => void act('unsent:retry')}>
          Retry sending
        </button>
      ) : null}
    </section>
  );
}
