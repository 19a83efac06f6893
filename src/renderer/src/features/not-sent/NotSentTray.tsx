import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { shownValues } from '../../../../shared/i18n/catalogs';
import { coreTextIn, genericRefusal } from '../../i18n/errorText';
import { useT } from '../../i18n/useT';
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
  const t = useT();
  const intl = useIntl();
  /** An action type as its name in the language shown ("reply" → "Reply"). */
  const actionName = (type: string) =>
    String(shownValues({ action: type }, (id) => intl.formatMessage({ id }))['action']);
  useEffect(() => listen(), [listen]);
  if (!tray) return null;
  const count = tray.unsent.length + tray.orphanDrafts.length + tray.parked.length;
  if (count === 0) return null;
  return (
    <section className="not-sent" aria-label={t('notSent.label')}>
      <h2 className="not-sent__title">{t('notSent.title', { count })}</h2>
      <ul className="not-sent__list">
        {tray.unsent.map((item) => (
          <li key={`u${item.id}`} className="not-sent__item">
            {/* The server's English only as a detail, where no worded reason was kept. */}
            <p className="not-sent__about" title={item.reasonText ? undefined : item.reason}>
              {t('notSent.refused', {
                action: actionName(item.type),
                subject: item.subject ?? item.taskId ?? '',
                hasSubject: (item.subject ?? item.taskId) ? 'yes' : 'no',
                reason: coreTextIn(intl, item.reasonText, genericRefusal),
              })}
            </p>
            <blockquote className="not-sent__text" dir="auto">
              {item.body}
            </blockquote>
            <button type="button" onClick={() => copy(item.body)}>
              {t('notSent.copy')}
            </button>
            <button type="button" onClick={() => void act('unsent:dismiss', { id: item.id })}>
              {t('notSent.dismiss')}
            </button>
          </li>
        ))}
        {tray.orphanDrafts.map((draft) => (
          <li key={`d${draft.taskId}:${draft.kind}`} className="not-sent__item">
            <p className="not-sent__about">
              {t('notSent.orphan', { kind: draft.kind, subject: draft.subject ?? draft.taskId })}
            </p>
            <blockquote className="not-sent__text" dir="auto">
              {draft.body}
            </blockquote>
            <button type="button" onClick={() => copy(draft.body)}>
              {t('notSent.copy')}
            </button>
            <button
              type="button"
              onClick={() =>
                void act('unsent:discardDraft', { taskId: draft.taskId, kind: draft.kind })
              }
            >
              {t('notSent.discard')}
            </button>
          </li>
        ))}
        {tray.parked.map((action) => (
          <li key={`p${action.key}`} className="not-sent__item">
            <p
              className="not-sent__about"
              title={action.lastErrorText ? undefined : (action.lastError ?? undefined)}
            >
              {t('notSent.parked', {
                action: actionName(action.type),
                hasError: action.lastError || action.lastErrorText ? 'yes' : 'no',
                error: coreTextIn(intl, action.lastErrorText),
              })}
            </p>
            {action.text ? (
              <blockquote className="not-sent__text" dir="auto">
                {action.text}
              </blockquote>
            ) : null}
          </li>
        ))}
      </ul>
      {tray.parked.length > 0 ? (
        <button type="button" onClick={() => void act('unsent:retry')}>
          {t('notSent.retry')}
        </button>
      ) : null}
    </section>
  );
}
