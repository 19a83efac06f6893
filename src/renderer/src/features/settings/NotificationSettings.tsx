import { useId } from 'react';
import type { Settings } from '../../../../shared/settings';
import { useSettings } from './settingsStore';

/** Settings › Notifications: quiet hours and the payout a new task needs to notify. */
export function NotificationSettings() {
  const { settings, update } = useSettings();
  const ids = { quiet: useId(), start: useId(), end: useId(), pay: useId() };
  if (!settings) return null;
  const n = settings.notifications;
  const save = (patch: Partial<Settings['notifications']>) =>
    void update({ notifications: { ...n, ...patch } });
  return (
    <section className="settings notification-settings" aria-labelledby={`${ids.quiet}-title`}>
      <h2 id={`${ids.quiet}-title`}>New-task notifications</h2>
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
        <label htmlFor={ids.quiet}>Quiet hours (no notifications)</label>
      </div>
      {n.quietHours ? (
        <div className="notification-settings__row">
          <label htmlFor={ids.start}>From</label>
          <input
            id={ids.start}
            type="time"
            value={n.quietHours.start}
            onChange={(e) =>
              e.target.value && save({ quietHours: { ...n.quietHours!, start: e.target.value } })
            }
          />
          <label htmlFor={ids.end}>until</label>
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
      <label htmlFor={ids.pay}>Only for tasks paying at least (in your brands’ currency)</label>
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
      <p className="muted">
        The dock or taskbar badge counts the open tasks that match your skills and this minimum.
      </p>
    </section>
  );
}
