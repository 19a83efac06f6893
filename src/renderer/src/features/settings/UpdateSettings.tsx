import { useEffect } from 'react';
import type { UpdateStatus } from '../../../../shared/contract/update';
import { SettingsSection } from './SettingsSection';
import { useUpdate } from './updateStore';

function describe(status: UpdateStatus): string {
  switch (status.state) {
    case 'idle':
      return status.lastCheckedAt
        ? `Gigdesk ${status.currentVersion} is up to date (checked ${new Date(status.lastCheckedAt).toLocaleString()}).`
        : `Gigdesk ${status.currentVersion}. Updates are checked at start and every few hours.`;
    case 'checking':
      return 'Checking for updates…';
    case 'available':
      return `Version ${status.version} is available. It downloads only when you say so.`;
    case 'downloading':
      return `Downloading version ${status.version}…`;
    case 'downloaded':
      return `Version ${status.version} is ready. It installs when you quit Gigdesk.`;
    case 'error':
      return 'The last update attempt did not work.';
  }
}

/** Settings › Updates: the auto-update policy's state, with the advocate's consent buttons. */
export function UpdateSettings() {
  const { status, message, listen, run } = useUpdate();
  useEffect(() => listen(), [listen]);

  if (!status) return null;
  const busy = status.state === 'checking' || status.state === 'downloading';
  const percent = Math.round(status.progress?.percent ?? 0);
  return (
    <SettingsSection title="Updates" className="update-settings">
      <p role="status">{describe(status)}</p>
      {status.state === 'downloading' ? (
        <progress max={100} value={percent} aria-label="Update download progress">
          {percent}%
        </progress>
      ) : null}
      {status.releaseNotes && status.state !== 'idle' ? (
        <details>
          <summary>What’s new in {status.version}</summary>
          <p className="update-settings__notes" tabIndex={0}>
            {status.releaseNotes}
          </p>
        </details>
      ) : null}
      {status.error ? <p className="muted">{status.error}</p> : null}
      {message ? <p className="muted">{message}</p> : null}
      <div className="settings-section__actions">
        {status.state === 'available' ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run('update:download')}
          >
            Download version {status.version}
          </button>
        ) : null}
        {status.state === 'downloaded' ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run('update:installNow')}
          >
            Restart and install now
          </button>
        ) : null}
        {status.state !== 'downloaded' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('update:check')}
          >
            Check for updates
          </button>
        ) : null}
      </div>
    </SettingsSection>
  );
}
