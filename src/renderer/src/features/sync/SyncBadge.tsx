import type { SyncStatus } from '../../../../shared/contract/events';
import './sync.css';

const labels: Record<SyncStatus['state'], string> = {
  online: 'Online',
  syncing: 'Syncing…',
  offline: 'Offline',
  error: 'Sync error',
};

function lastSynced(at: number | null): string {
  if (at === null) return 'Never synced';
  const time = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
  return `Last synced ${time}`;
}

export function SyncBadge({ status }: { status: SyncStatus }) {
  const detail = status.message ?? lastSynced(status.lastSyncedAt);
  return (
    <div
      className={`sync-badge sync-badge--${status.state}`}
      role="status"
      aria-live="polite"
      title={detail}
    >
      <span className="sync-badge__dot" aria-hidden="true" />
      <span className="sync-badge__label">{labels[status.state]}</span>
      <span className="sync-badge__detail">
        {status.state === 'online' ? lastSynced(status.lastSyncedAt) : detail}
      </span>
    </div>
  );
}
