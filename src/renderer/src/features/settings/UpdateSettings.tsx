import { useEffect } from 'react';
import type { UpdateStatus } from '../../../../shared/contract/update';
import { CoreText } from '../../i18n/CoreText';
import { useFormat, type Formatters } from '../../i18n/format';
import { useShownText, useT } from '../../i18n/useT';
import { SettingsSection } from './SettingsSection';
import { useUpdate } from './updateStore';

function describe(status: UpdateStatus, t: ReturnType<typeof useT>, f: Formatters): string {
  const version = status.version ?? '';
  switch (status.state) {
    case 'idle':
      return status.lastCheckedAt
        ? t('settings.update.upToDate', {
            version: status.currentVersion,
            time: f.dateTime(status.lastCheckedAt),
          })
        : t('settings.update.idle', { version: status.currentVersion });
    case 'checking':
      return t('settings.update.checking');
    case 'available':
      return t('settings.update.available', { version });
    case 'downloading':
      return t('settings.update.downloading', { version });
    case 'downloaded':
      return t('settings.update.downloaded', { version });
    case 'error':
      return t('settings.update.error');
  }
}

/** Settings › Updates: the auto-update policy's state, with the advocate's consent buttons. */
export function UpdateSettings() {
  const { status, message, listen, run } = useUpdate();
  const t = useT();
  const shown = useShownText();
  const f = useFormat();
  useEffect(() => listen(), [listen]);

  if (!status) return null;
  const busy = status.state === 'checking' || status.state === 'downloading';
  const percent = Math.round(status.progress?.percent ?? 0);
  return (
    <SettingsSection title={t('settings.update.title')} className="update-settings">
      <p role="status">{describe(status, t, f)}</p>
      {status.state === 'downloading' ? (
        <progress max={100} value={percent} aria-label={t('settings.update.progress')}>
          {percent}%
        </progress>
      ) : null}
      {status.releaseNotes && status.state !== 'idle' ? (
        <details>
          <summary>{t('settings.update.notes', { version: status.version ?? '' })}</summary>
          <p className="update-settings__notes" tabIndex={0}>
            {status.releaseNotes}
          </p>
        </details>
      ) : null}
      {status.error ? (
        <p className="muted">
          <CoreText text={status.errorText} fallback={status.error} />
        </p>
      ) : null}
      {message ? <p className="muted">{shown(message)}</p> : null}
      <div className="settings-section__actions">
        {status.state === 'available' ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run('update:download')}
          >
            {t('settings.update.download', { version: status.version ?? '' })}
          </button>
        ) : null}
        {status.state === 'downloaded' ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run('update:installNow')}
          >
            {t('settings.update.installNow')}
          </button>
        ) : null}
        {status.state !== 'downloaded' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('update:check')}
          >
            {t('settings.update.check')}
          </button>
        ) : null}
      </div>
    </SettingsSection>
  );
}
