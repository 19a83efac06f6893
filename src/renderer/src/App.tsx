import { useEffect } from 'react';
import { Shell } from './components/Shell';
import { useSession } from './stores/sessionStore';
import { useSettings } from './stores/settingsStore';
import { useSync } from './stores/syncStore';
import { applyTheme } from './theme';
import { FirstRun } from './views/FirstRun';
import { onEvent } from './api';
import { FormattedMessage } from 'react-intl';

export function App() {
  const { status, exploring, load } = useSession();
  const listen = useSync((s) => s.listen);
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const loadSettings = useSettings((s) => s.load);
  useEffect(() => listen(), [listen]);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    void load();
    return onEvent('session:changed', () => void load());
  }, [load]);

  if (status === null) {
    return (
      <div className="splash" role="status">
        <FormattedMessage id="app.opening" />
      </div>
    );
  }
  if (status.state === 'signed_out' && !exploring) return <FirstRun />;
  return <Shell />;
}
