import { useEffect, useId } from 'react';
import { useSettings } from './settingsStore';
import type { Settings } from '../../../../shared/settings';
import { UpdateSettings } from './UpdateSettings';
import { DiagnosticsSettings } from './DiagnosticsSettings';
import { AccountSettings } from './AccountSettings';
import { NotificationSettings } from './NotificationSettings';
import { RegionSettings } from './RegionSettings';
import './settings.css';

export function SettingsView() {
  const { settings, error, load, update } = useSettings();
  const themeId = useId();
  const notifyId = useId();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="view">
      <h1 className="view__title">Settings</h1>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {settings ? (
        <form className="settings" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Appearance</legend>
            <label htmlFor={themeId}>Theme</label>
            <select
              id={themeId}
              value={settings.theme}
              onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}
            >
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </fieldset>
          <fieldset>
            <legend>Notifications</legend>
            <div className="checkbox">
              <input
                id={notifyId}
                type="checkbox"
                checked={settings.notifications.enabled}
                onChange={(e) =>
                  void update({
                    notifications: { ...settings.notifications, enabled: e.target.checked },
                  })
                }
              />
              <label htmlFor={notifyId}>Notify me about new tasks that match my skills</label>
            </div>
          </fieldset>
        </form>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
      <RegionSettings />
      <NotificationSettings />
      <AccountSettings />
      <UpdateSettings />
      <DiagnosticsSettings />
    </div>
  );
}
