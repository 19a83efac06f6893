import type { SyncStatus } from '../../../../shared/contract/events';
import type { MessageId } from '../../i18n/catalogs';
import { useCoreText } from '../../i18n/CoreText';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import './sync.css';

const labels: Record<SyncStatus['state'], MessageId> = {
  online: 'sync.state.online',
  syncing: 'sync.state.syncing',
  offline: 'sync.state.offline',
  error: 'sync.state.error',
};

export function SyncBadge({ status }: { status: SyncStatus }) {
  const t = useT();
  const format = useFormat();
  const lastSynced =
    status.lastSyncedAt === null
      ? t('sync.neverSynced')
      : t('sync.lastSynced', { time: format.dateTime(status.lastSyncedAt) });
  const coreText = useCoreText();
  const detail = coreText(status.text, status.message) ?? lastSynced;
  return (
    <div
      className={`sync-badge sync-badge--${status.state}`}
      role="status"
      aria-live="polite"
      title={detail}
    >
      <span className="sync-badge__dot" aria-hidden="true" />
      <span className="sync-badge__label">{t(labels[status.state])}</span>
      <span className="sync-badge__detail">{status.state === 'online' ? lastSynced : detail}</span>
    </div>
  );
}
