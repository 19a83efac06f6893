import type { SyncStatus } from '../../../../shared/contract/events';
import { connectionTrouble, type ConnectionTrouble } from '../../../../shared/domain/connection';
import type { MessageId } from '../../i18n/catalogs';
import { useCoreText } from '../../i18n/CoreText';
import { useT } from '../../i18n/useT';

const troubleTexts: Record<Exclude<ConnectionTrouble, null>, MessageId> = {
  offline: 'sync.trouble.offline',
  server: 'sync.trouble.server',
  stopped: 'sync.trouble.stopped',
};

/**
 * What a sync status says to the advocate: `plain`, what a failure means for their work
 * (shared/domain/connection.ts decides which), else the status's own text when it already speaks
 * plainly; `raw`, core's text with the failure's own words (a socket error, a server's English),
 * for a tooltip only. Null when the status has no text.
 */
export function useSyncWords(): (status: SyncStatus) => {
  plain: string | null;
  raw: string | null;
  trouble: boolean;
} {
  const t = useT();
  const coreText = useCoreText();
  return (status) => {
    // Core's English reaches the tooltip only as a failure's detail, when core gave no text.
    const raw = status.text ? coreText(status.text, status.message) : status.message;
    const trouble = connectionTrouble(status);
    return { plain: trouble ? t(troubleTexts[trouble]) : raw, raw, trouble: trouble !== null };
  };
}
