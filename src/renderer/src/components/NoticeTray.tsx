import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Notice } from '../../../shared/contract/events';
import { coreCatalogs, shownValues, type CoreMessageId } from '../../../shared/i18n/catalogs';
import { useT } from '../i18n/useT';
import { useSync } from '../stores/syncStore';
import { NotSentTray } from './NotSentTray';

/**
 * What the sync engine had to tell the advocate (lost claims, undone actions, lapsing leases),
 * and the text that did not reach the server.
 */
export function NoticeTray() {
  return (
    <>
      <Notices />
      <NotSentTray />
    </>
  );
}

const isCoreMessage = (id: string): id is CoreMessageId => Object.hasOwn(coreCatalogs.en, id);

/** Words from outside the app (a subject, a server's reason) keep their own direction. */
const ownDirection = ['subject', 'reason'];

/** A notice worded now, in the current language (its English text when it has no id). */
function NoticeMessage({ notice }: { notice: Notice }) {
  const intl = useIntl();
  const text = notice.text;
  if (!text || !isCoreMessage(text.id)) return <>{notice.message}</>;
  const values: Record<string, ReactNode> = shownValues(text.values, (id) =>
    intl.formatMessage({ id }),
  );
  for (const key of ownDirection) {
    const value = values[key];
    if (typeof value === 'string' && value !== '') values[key] = <bdi>{value}</bdi>;
  }
  return <FormattedMessage id={text.id} values={values} />;
}

function Notices() {
  const notices = useSync((s) => s.notices);
  const dismiss = useSync((s) => s.dismiss);
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <ul className="notice-tray" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <li key={notice.id} className={`notice notice--${notice.level}`} role="alert">
          <span className="notice__message">
            <NoticeMessage notice={notice} />
          </span>
          <button
            type="button"
            className="notice__dismiss"
            aria-label={t('notices.dismiss')}
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
