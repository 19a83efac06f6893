import { CloudOff, RefreshCw, TriangleAlert, Wifi, type LucideIcon } from 'lucide-react';
import type { SyncStatus } from '../../../../shared/contract/events';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useSyncWords } from './useSyncWords';
import './sync.css';

const labels: Record<SyncStatus['state'], MessageId> = {
  online: 'sync.state.online',
  syncing: 'sync.state.syncing',
  offline: 'sync.state.offline',
  error: 'sync.state.error',
};

const icons: Record<SyncStatus['state'], LucideIcon> = {
  online: Wifi,
  syncing: RefreshCw,
  offline: CloudOff,
  error: TriangleAlert,
};

/**
 * The sync state in the header. A failure reads as what it means for the advocate's work
 * (shared/domain/connection.ts decides which); the raw failure text is only in the tooltip.
 */
export function SyncBadge({ status }: { status: SyncStatus }) {
  const t = useT();
  const format = useFormat();
  const words = useSyncWords();
  const lastSynced =
    status.lastSyncedAt === null
      ? t('sync.neverSynced')
      : t('sync.lastSynced', { time: format.dateTime(status.lastSyncedAt) });
  const { plain, raw, trouble } = words(status);
  const shown = status.state === 'online' ? lastSynced : (plain ?? lastSynced);
  const tooltip = [trouble ? shown : null, raw ?? lastSynced].filter(Boolean).join('\n');
  const Icon = icons[status.state];
  return (
    <div
      className={`sync-badge sync-badge--${status.state}`}
      role="status"
      aria-live="polite"
      title={tooltip}
    >
      <Icon className="sync-badge__icon" aria-hidden="true" size={14} />
      <span className="sync-badge__label">{t(labels[status.state])}</span>
      <span className="sync-badge__detail">{shown}</span>
    </div>
  );
}
