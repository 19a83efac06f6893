import type { UpdateStatus } from '../../shared/contract/update';
import type { RecentError, RuntimeInfo } from '../services';
import type { StoreFacts } from './diagnosticsRepo';
import { scrubText } from '../../shared/scrub';

export interface DiagnosticsInput {
  now: number;
  runtime: RuntimeInfo;
  schemaVersion: number;
  secureStorage: boolean;
  facts: StoreFacts;
  update: UpdateStatus;
  recentErrors: RecentError[];
}

const iso = (ms: number | null): string => (ms === null ? 'never' : new Date(ms).toISOString());

/** Scheme, host and port only: a server URL may carry credentials, a path or a query. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unreadable address)';
  }
}

/**
 * The plain-text report behind Settings › "Copy diagnostics": versions, schema, sync state,
 * outbox length and recent errors. Passed through the scrubber as a whole, last.
 */
export function formatDiagnostics(d: DiagnosticsInput): string {
  const { facts } = d;
  const lines = [
    `Gigdesk diagnostics, ${iso(d.now)}`,
    `App: ${d.runtime.name} ${d.runtime.version} on ${d.runtime.platform}`,
    `Runtime: ${
      Object.entries(d.runtime.runtime)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'unknown'
    }`,
    `Schema version: ${d.schemaVersion}`,
    `Session: ${
      facts.session
        ? `signed in to ${facts.session.isDemo ? 'the demo workspace' : originOf(facts.session.serverUrl)}`
        : 'signed out'
    }; secure token storage: ${d.secureStorage ? 'yes' : 'no'}`,
    `Sync: last synced ${iso(facts.sync?.lastSyncedAt ?? null)}; cursor ${
      facts.sync?.hasCursor ? 'set' : 'none'
    }; last error: ${facts.sync?.lastError ?? 'none'}`,
    `Outbox: ${facts.outbox.waiting} waiting; oldest ${iso(facts.outbox.oldestAt)}; most attempts ${facts.outbox.maxAttempts}`,
    ...facts.outbox.lastErrors.map((e) => `  ${e.type} (attempt ${e.attempts}): ${e.error}`),
    `Update: ${d.update.state}${d.update.version ? ` ${d.update.version}` : ''}; last checked ${iso(
      d.update.lastCheckedAt,
    )}${d.update.error ? `; ${d.update.error}` : ''}`,
    `Recent errors: ${d.recentErrors.length === 0 ? 'none' : ''}`,
    ...d.recentErrors.map((e) => `  ${iso(e.at)} ${e.level} ${e.message.replace(/\s+/g, ' ')}`),
  ];
  return scrubText(lines.join('\n'));
}
