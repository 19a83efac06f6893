import type { Channel } from '../../shared/contract';
import type { WriteGate } from '../db/writeGate';
import type { Handlers } from './types';

/**
 * The channels that only read the app's database: they run while initial sync's bulk load holds
 * the write lock (in WAL mode a reader never waits for a writer), so the feed's first page and
 * the rest of the app stay usable. An allow-list that fails closed: every other channel waits
 * for the load to commit (db/writeGate.ts), which only delays a reader left off it, while a
 * writer let through would freeze the main thread on SQLite's lock. Checked by
 * test/unit/sync/bulkLoadWrites.test.ts, which runs each of them on a read-only connection.
 */
export const READ_ONLY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:diagnostics',
  'settings:get',
  'session:status',
  'offers:list',
  'customers:timeline',
  'notifications:prefs',
  'feed:list',
  'feed:facets',
  'feed:prefs',
  'feed:task',
  'tasks:mine',
  'kb:search',
  'kb:suggest',
  'kb:article',
  'kb:overview',
  'nba:panel',
  'unsent:list',
  'sync:current',
  'sync:pending',
  'tickets:board',
  'tickets:macros',
  'trust:ladder',
  'courses:list',
  'update:status',
]);

/** `handlers`, each channel not in `READ_ONLY_CHANNELS` first waiting for `gate` to be open. */
export function gateWrites(handlers: Handlers, gate: WriteGate): Handlers {
  type Run = (input: unknown) => Promise<unknown>;
  const all = handlers as unknown as Record<Channel, Run>;
  const gated = { ...all };
  for (const [channel, handler] of Object.entries(all) as [Channel, Run][]) {
    if (READ_ONLY_CHANNELS.has(channel)) continue;
    // Open (nearly always): the handler starts at once, in this turn, as it would unwrapped.
    gated[channel] = (input) =>
      gate.isOpen ? handler(input) : gate.whenOpen().then(() => handler(input));
  }
  return gated as unknown as Handlers;
}
