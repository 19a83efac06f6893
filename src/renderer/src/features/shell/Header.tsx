import { useSession } from '../session/sessionStore';
import { useSync } from '../sync/syncStore';
import { SyncBadge } from '../sync/SyncBadge';

export function Header() {
  const status = useSession((s) => s.status);
  const sync = useSync((s) => s.status);
  const signedIn = status?.state === 'signed_in' ? status : null;
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="logo" aria-hidden="true">
          G
        </span>
        <span className="app-header__name">Gigdesk</span>
        {signedIn?.isDemo ? <span className="pill pill--demo">Demo workspace</span> : null}
      </div>
      <SyncBadge status={sync} />
      <div className="app-header__advocate" aria-label="Signed-in advocate">
        {signedIn ? (
          <>
            <span className="avatar" aria-hidden="true">
              {signedIn.advocate.name.slice(0, 1).toUpperCase()}
            </span>
            <span>{signedIn.advocate.name}</span>
          </>
        ) : (
          <span className="muted">Not signed in</span>
        )}
      </div>
    </header>
  );
}
