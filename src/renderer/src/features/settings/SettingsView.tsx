import { useEffect, useId } from 'react';
import type { Settings } from '../../../../shared/settings';
import { CoursesSettings } from '../courses/CoursesSettings';
import { AccountSettings } from './AccountSettings';
import { DiagnosticsSettings } from './DiagnosticsSettings';
import { LadderSettings } from './LadderSettings';
import { NotificationSettings } from './NotificationSettings';
import { RegionSettings } from './RegionSettings';
import { SettingsSection } from './SettingsSection';
import { useSettings } from './settingsStore';
import { UpdateSettings } from './UpdateSettings';
import { useShownText, useT } from '../../i18n/useT';
import './settings.css';

export function SettingsView() {
  const { settings, error, load, update } = useSettings();
  const themeId = useId();
  const t = useT();
  const shown = useShownText();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="view view--settings">
      <h1 className="view__title">{t('nav.settings')}</h1>
      {error ? (
        <p className="banner banner--error" role="alert">
          {shown(error)}
        </p>
      ) : null}
      {settings ? (
        <div className="settings">
          <SettingsSection title={t('settings.appearance')}>
            <div className="settings-field">
              <label htmlFor={themeId}>{t('settings.theme')}</label>
              <select
                id={themeId}
                value={settings.theme}
                onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}
              >
                <option value="system">{t('settings.theme.system')}</option>
                <option value="light">{t('settings.theme.light')}</option>
                <option value="dark">{t('settings.theme.dark')}</option>
              </select>
            </div>
          </SettingsSection>
          <RegionSettings />
          <NotificationSettings />
          <AccountSettings />
          <LadderSettings />
          <CoursesSettings />
          <UpdateSettings />
          <DiagnosticsSettings />
        </div>
      ) : (
        <p className="muted">{t('settings.loading')}</p>
      )}
    </div>
  );
}
