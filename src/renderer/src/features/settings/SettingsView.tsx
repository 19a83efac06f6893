import { useEffect, useId } from 'react';
import type { Settings } from '../../../../shared/settings';
import { AccountSettings } from './AccountSettings';
import { DiagnosticsSettings } from './DiagnosticsSettings';
import { NotificationSettings } from './NotificationSettings';
import { SettingsSection } from './SettingsSection';
import { useSettings } from './settingsStore';
import { UpdateSettings } from './UpdateSettings';
import './settings.css';

export function SettingsView() {
  const { settings, error, load, update } = useSettings();
  const themeId = useId();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="view view--settings">
      <h1 className="view__title">Settings</h1>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {settings ? (
        <div className="settings">
          <SettingsSection title="Appearance">
            <div className="settings-field">
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
            </div>
          </SettingsSection>
          <NotificationSettings />
          <AccountSettings />
          <UpdateSettings />
          <DiagnosticsSettings />
        </div>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
    </div>
  );
}
