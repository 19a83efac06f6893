import { useT } from '../../i18n/useT';
import { useSession } from '../session/sessionStore';
import { useSync } from '../sync/syncStore';
import { SyncBadge } from '../sync/SyncBadge';

export function Header() {
  const status = useSession((s) => s.status);
  const sync = useSync((s) => s.status);
  const signedIn = status?.state === 'signed_in' ? status : null;
  const t = useT();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="logo" aria-hidden="true">
          G
        </span>
        <span className="app-header__name">Gigdesk</span>
        {signedIn?.isDemo ? <span className="pill pill--demo">{t('header.demo')}</span> : null}
      </div>
      <SyncBadge status={sync} />
      <div className="app-header__advocate" aria-label={t('header.advocate')}>
        {signedIn ? (
          <>
            <span className="avatar" aria-hidden="true">
              {signedIn.advocate.name.slice(0, 1).toUpperCase()}
            </span>
            <span>{signedIn.advocate.name}</span>
          </>
        ) : (
          <span className="muted">{t('header.signedOut')}</span>
        )}
      </div>
    </header>
  );
}
