import { type FormEvent, useState } from 'react';
import { ConsoleSession } from '../../shared/consoleProtocol';
import { change } from '../api';
import { useT } from '../i18n/I18n';
import { LanguagePicker } from '../ui/LanguagePicker';
import { ErrorNote } from '../ui/Status';

/** The invite link's page: choose a password (and a name); the answer is a signed-in session. */
export function AcceptInvite({
  token,
  onSignedIn,
}: {
  token: string;
  onSignedIn: (s: ConsoleSession) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) return setError(new Error(t('accept.mismatch')));
    setBusy(true);
    setError(undefined);
    try {
      const body = { token, password, ...(name.trim() ? { name: name.trim() } : {}) };
      const session = await change('POST', '/v1/console/accept', body, ConsoleSession);
      // The token is spent: keep it out of the address bar and history.
      history.replaceState(null, '', '#/overview');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      onSignedIn(session);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center">
      <form className="card" onSubmit={submit} aria-labelledby="accept-title">
        <h1 id="accept-title">{t('accept.title')}</h1>
        <p>{t('accept.intro')}</p>
        {!token && <ErrorNote error={new Error(t('accept.noToken'))} />}
        <label>
          {t('accept.name')}
          <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('accept.password')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          {t('accept.repeat')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy || !token}>
          {t('accept.submit')}
        </button>
        <LanguagePicker />
      </form>
    </main>
  );
}
