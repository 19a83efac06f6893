import { useCallback, useEffect, useState } from 'react';
import { ConsoleSession } from '../shared/consoleProtocol';
import { ApiError, change, getJson, onSignedOut, setCsrfToken } from './api';
import { useT } from './i18n/I18n';
import { AcceptInvite } from './pages/AcceptInvite';
import { SignIn } from './pages/SignIn';
import { useRoute } from './route';
import { SessionContext } from './session';
import { Shell } from './Shell';
import { ErrorNote, Loading } from './ui/Status';

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'signedIn'; session: ConsoleSession };

export function App() {
  const route = useRoute();
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const signedIn = useCallback((session: ConsoleSession) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signedIn', session });
  }, []);
  const signedOut = useCallback(() => {
    setCsrfToken(undefined);
    setState({ kind: 'signedOut' });
  }, []);

  useEffect(() => {
    getJson('/v1/console/session', ConsoleSession).then(signedIn, (error: unknown) =>
      error instanceof ApiError && error.status === 401
        ? signedOut()
        : setState({ kind: 'failed', error }),
    );
    return onSignedOut(signedOut);
  }, [signedIn, signedOut]);

  const signOut = async () => {
    await change('POST', '/v1/console/logout').catch(() => undefined);
    signedOut();
  };

  if (route.page === 'accept' && state.kind !== 'signedIn')
    return <AcceptInvite token={route.params.get('token') ?? ''} onSignedIn={signedIn} />;
  switch (state.kind) {
    case 'loading':
      return (
        <main className="center">
          <Loading />
        </main>
      );
    case 'failed':
      return (
        <main className="center">
          <h1>{t('app.title')}</h1>
          <ErrorNote error={state.error} />
        </main>
      );
    case 'signedOut':
      return <SignIn onSignedIn={signedIn} />;
    case 'signedIn':
      return (
        <SessionContext.Provider value={state.session}>
          <Shell page={route.page === 'accept' ? 'overview' : route.page} onSignOut={signOut} />
        </SessionContext.Provider>
      );
  }
}
