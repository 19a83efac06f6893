import { useId } from 'react';
import type { Settings } from '../../../../shared/settings';
import { useT } from '../../i18n/useT';
import { SettingsSection } from './SettingsSection';
import { useSettings } from './settingsStore';

/** Settings › Notifications: on or off, quiet hours and the payout a new task needs to notify. */
export function NotificationSettings() {
  const { settings, update } = useSettings();
  const t = useT();
  const ids = { on: useId(), quiet: useId(), start: useId(), end: useId(), pay: useId() };
  if (!settings) return null;
  const n = settings.notifications;
  const save = (patch: Partial<Settings['notifications']>) =>
    void update({ notifications: { ...n, ...patch } });
  return (
    <SettingsSection
      title={t('settings.notifications.title')}
      className="notification-settings"
      description={t('settings.notifications.description')}
    >
      <div className="checkbox">
        <input
          id={ids.on}
          type="checkbox"
          checked={n.enabled}
          onChange={(e) => save({ enabled: e.target.checked })}
        />
        <label htmlFor={ids.on}>{t('settings.notifications.enabled')}</label>
      </div>
      <div className="checkbox">
        <input
          id={ids.quiet}
          type="checkbox"
          checked={n.quietHours !== null}
          disabled={!n.enabled}
          onChange={(e) =>
            save({ quietHours: e.target.checked ? { start: '22:00', end: '07:00' } : null })
          }
        />
        <label htmlFor={ids.quiet}>{t('settings.notifications.quietHours')}</label>
      </div>
      {n.quietHours ? (
        <div className="notification-settings__row">
          <label htmlFor={ids.start}>{t('settings.notifications.quietFrom')}</label>
          <input
            id={ids.start}
            type="time"
            value={n.quietHours.start}
            onChange={(e) =>
              e.target.value && save({ quietHours: { ...n.quietHours!, start: e.target.value } })
            }
          />
          <label htmlFor={ids.end}>{t('settings.notifications.quietUntil')}</label>
          <input
            id={ids.end}
            type="time"
            value={n.quietHours.end}
            onChange={(e) =>
              e.target.value && save({ quietHours: { ...n.quietHours!, end: e.target.value } })
            }
          />
        </div>
      ) : null}
      <div className="settings-field">
        <label htmlFor={ids.pay}>{t('settings.notifications.minPayout')}</label>
        <input
          id={ids.pay}
          type="number"
          min={0}
          step={0.5}
          value={n.minPayoutMinor / 100}
          onChange={(e) => {
            const value = Math.round(Number(e.target.value) * 100);
            if (Number.isFinite(value) && value >= 0) save({ minPayoutMinor: value });
          }}
        />
      </div>
    </SettingsSection>
  );
}
