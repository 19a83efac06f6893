import { useState } from 'react';
import { call } from '../../api';
import { SettingsSection } from './SettingsSection';

/** Settings › Diagnostics: copies a report for support (versions, sync, errors; no secrets). */
export function DiagnosticsSettings() {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('app:diagnostics');
      if (!result.ok) {
        setMessage(result.error.message);
        return;
      }
      await navigator.clipboard.writeText(result.value);
      setMessage('Diagnostics copied. Paste them into your message to support.');
    } catch {
      setMessage('Could not copy to the clipboard. Try again with the window focused.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection
      title="Diagnostics"
      description="Versions, sync state, queued actions and recent errors. Never your token, invite code or any message."
    >
      <div className="settings-section__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void copy()}>
          Copy diagnostics
        </button>
      </div>
      <p role="status">{message}</p>
    </SettingsSection>
  );
}
