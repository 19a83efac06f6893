import { X } from 'lucide-react';
import { CoreText } from '../../i18n/CoreText';
import { useT } from '../../i18n/useT';
import { NotSentTray } from '../not-sent/NotSentTray';
import { useNotices } from './noticesStore';
import './notices.css';

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

function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <ul className="notice-tray" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        // The list stays a list; each notice's text is the alert (announced when it appears).
        <li key={notice.id} className={`notice notice--${notice.level}`}>
          <span className="notice__message" role="alert">
            <CoreText text={notice.text} fallback={notice.message} />
          </span>
          <button
            type="button"
            className="notice__dismiss"
            aria-label={t('notices.dismiss')}
            title={t('notices.dismiss')}
            onClick={() => dismiss(notice.id)}
          >
            <X aria-hidden="true" size={16} />
          </button>
        </li>
      ))}
    </ul>
  );
}
