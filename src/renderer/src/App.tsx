import { useEffect } from 'react';
import { Shell } from './features/shell/Shell';
import { useSession } from './features/session/sessionStore';
import { useSettings } from './features/settings/settingsStore';
import { useSync } from './features/sync/syncStore';
import { useNotices } from './features/notices/noticesStore';
import { listenNotificationClicks } from './features/shell/notificationClicks';
import { applyTheme } from './ui/theme';
import { FirstRun } from './features/session/FirstRun';
import { FormattedMessage } from 'react-intl';

export function App() {
  const { status, exploring, listen: listenSession } = useSession();
  const listenSync = useSync((s) => s.listen);
  const listenNotices = useNotices((s) => s.listen);
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const loadSettings = useSettings((s) => s.load);
  useEffect(() => listenSync(), [listenSync]);
  // Notices arrive on any view; the trays on Feed and My tickets show them.
  useEffect(() => listenNotices(), [listenNotices]);
  useEffect(() => listenNotificationClicks(), []);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => listenSession(), [listenSession]);

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
