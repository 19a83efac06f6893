import { type FormEvent, useState } from 'react';
import { ConsoleSession } from '../../shared/consoleProtocol';
import { change } from '../api';
import { useT } from '../i18n/I18n';
import { LanguagePicker } from '../ui/LanguagePicker';
import { ErrorNote } from '../ui/Status';

export function SignIn({ onSignedIn }: { onSignedIn: (s: ConsoleSession) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [brandId, setBrandId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = { email, password, ...(brandId ? { brandId } : {}) };
      onSignedIn(await change('POST', '/v1/console/login', body, ConsoleSession));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center">
      <form className="card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <details>
          <summary>{t('signIn.severalBrands')}</summary>
          <label>
            {t('signIn.brandId')}
            <input value={brandId} onChange={(e) => setBrandId(e.target.value.trim())} />
          </label>
        </details>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
        <LanguagePicker />
      </form>
    </main>
  );
}
