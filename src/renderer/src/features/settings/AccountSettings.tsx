import { useId, useState } from 'react';
import { ApiError, errorMessage, invoke } from '../../api';
import { useSession } from '../session/sessionStore';
import { SettingsSection } from './SettingsSection';

/** Settings › Account: who is signed in where, how safely the token is kept, and signing out. */
export function AccountSettings() {
  const status = useSession((s) => s.status);
  const load = useSession((s) => s.load);
  const wipeId = useId();
  const [wipe, setWipe] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The core refused to delete unsent work until the advocate confirms. */
  const [unsentWarning, setUnsentWarning] = useState(false);
  if (status?.state !== 'signed_in') return null;
  const signOut = async (discardUnsent = false) => {
    setBusy(true);
    setError(null);
    setUnsentWarning(false);
    try {
      await invoke('session:signOut', { wipeLocalData: wipe, discardUnsent });
      await load();
    } catch (e) {
      setError(errorMessage(e));
      setUnsentWarning(e instanceof ApiError && e.info.code === 'unsent_work');
    } finally {
      setBusy(false);
    }
  };
  return (
    <SettingsSection title="Account" className="account-settings">
      <p>
        Signed in as <strong>{status.advocate.name}</strong> (@{status.advocate.handle}) at{' '}
        {status.isDemo ? 'the demo workspace on this computer' : status.serverUrl}.
      </p>
      {status.secureStorage ? null : (
        <p className="banner banner--warning" role="note">
          This system offers no secret store (keyring), so your device token is kept encrypted with
          a fixed key only. Anyone with access to your user account could read it. Install and
          unlock a keyring (for example GNOME Keyring or KWallet) to protect it.
        </p>
      )}
      <div className="checkbox">
        <input
          id={wipeId}
          type="checkbox"
          checked={wipe}
          onChange={(e) => setWipe(e.target.checked)}
        />
        <label htmlFor={wipeId}>
          Also delete this computer’s copy of my tasks, articles and earnings
        </label>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {unsentWarning ? (
        <button
          type="button"
          className="button button--danger"
          onClick={() => void signOut(true)}
          disabled={busy}
        >
          Delete it and sign out
        </button>
      ) : null}
      <div className="settings-section__actions">
        <button type="button" className="button" onClick={() => void signOut()} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </SettingsSection>
  );
}
