import { useState } from 'react';
import { call } from '../../api';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { SettingsSection } from './SettingsSection';

/** Settings › Diagnostics: copies a report for support (versions, sync, errors; no secrets). */
export function DiagnosticsSettings() {
  const [message, setMessage] = useState<ShownText | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  const shown = useShownText();

  const copy = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('app:diagnostics');
      if (!result.ok) {
        setMessage(result.error);
        return;
      }
      await navigator.clipboard.writeText(result.value);
      setMessage({ id: 'settings.diagnostics.copied' });
    } catch {
      setMessage({ id: 'settings.diagnostics.copyFailed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection
      title={t('settings.diagnostics.title')}
      description={t('settings.diagnostics.description')}
    >
      <div className="settings-section__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
          {t('settings.diagnostics.copy')}
        </button>
      </div>
      <p role="status">{message ? shown(message) : null}</p>
    </SettingsSection>
  );
}
