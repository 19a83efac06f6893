import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ApiError, errorInfo, invoke } from '../../api';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { useSession } from '../session/sessionStore';
import { SettingsSection } from './SettingsSection';

/** Settings › Account: who is signed in where, how safely the token is kept, and signing out. */
export function AccountSettings() {
  const status = useSession((s) => s.status);
  const load = useSession((s) => s.load);
  const wipeId = useId();
  const [wipe, setWipe] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownText | null>(null);
  /** The core refused to delete unsent work until the advocate confirms. */
  const [unsentWarning, setUnsentWarning] = useState(false);
  const t = useT();
  const shown = useShownText();
  if (status?.state !== 'signed_in') return null;
  const signOut = async (discardUnsent = false) => {
    setBusy(true);
    setError(null);
    setUnsentWarning(false);
    try {
      await invoke('session:signOut', { wipeLocalData: wipe, discardUnsent });
      await load();
    } catch (e) {
      setError(errorInfo(e));
      setUnsentWarning(e instanceof ApiError && e.info.code === 'unsent_work');
    } finally {
      setBusy(false);
    }
  };
  return (
    <SettingsSection title={t('settings.account.title')} className="account-settings">
      <p>
        <FormattedMessage
          id="settings.account.signedInAs"
          values={{
            name: status.advocate.name,
            handle: status.advocate.handle,
            demo: status.isDemo ? 'yes' : 'no',
            server: status.serverUrl,
            b: (chunks) => <strong>{chunks}</strong>,
          }}
        />
      </p>
      {status.secureStorage ? null : (
        <p className="banner banner--warning" role="note">
          {t('settings.account.noKeyring')}
        </p>
      )}
      <div className="checkbox">
        <input
          id={wipeId}
          type="checkbox"
          checked={wipe}
          onChange={(e) => setWipe(e.target.checked)}
        />
        <label htmlFor={wipeId}>{t('settings.account.wipe')}</label>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {shown(error)}
        </p>
      ) : null}
      {unsentWarning ? (
        <button
          type="button"
          className="button button--danger"
          onClick={() => void signOut(true)}
          disabled={busy}
        >
          {t('settings.account.discardAndSignOut')}
        </button>
      ) : null}
      <div className="settings-section__actions">
        <button type="button" className="button" onClick={() => void signOut()} disabled={busy}>
          {t(busy ? 'settings.account.signingOut' : 'settings.account.signOut')}
        </button>
      </div>
    </SettingsSection>
  );
}
