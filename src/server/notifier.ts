import { EventEmitter } from 'node:events';
import type { ChangeNotice } from '../shared/protocol';

/** A committed change: the brand's (or, with `advocateId`, one advocate's) last log position. */
export interface LogNotice extends ChangeNotice {
  /** Set when the rows are meant for this advocate only: announced to nobody else. */
  advocateId?: string;
}

/**
 * Fan-out from committed writes to every process serving this database: change notices for
 * `/v1/events` streams ("pull now", events/announcer.ts), and invalidations of what a process
 * caches about an advocate's credentials (store/tokenCache.ts). In-process for one server;
 * LISTEN/NOTIFY across replicas (notifierPg.ts).
 */
export interface ChangeNotifier {
  publish(notices: LogNotice[]): void;
  subscribe(listener: (notice: LogNotice) => void): () => void;
  /** Every process forgets what it cached about these advocates' tokens (local ones at once). */
  invalidate(advocateIds: string[]): void;
  onInvalidate(listener: (advocateId: string) => void): () => void;
}

/** An invalidation of every advocate (after a notifier could not hear for a while). */
export const EVERYONE = '*';

/** The in-process part every notifier shares: listeners in this process hear at once. */
export function localFanOut() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const on = <T>(event: string, listener: (value: T) => void) => {
    emitter.on(event, listener);
    return () => void emitter.off(event, listener);
  };
  return {
    emitNotices: (notices: LogNotice[]) => {
      for (const n of notices) emitter.emit('change', n);
    },
    emitInvalidations: (advocateIds: string[]) => {
      for (const id of advocateIds) emitter.emit('invalidate', id);
    },
    subscribe: (listener: (notice: LogNotice) => void) => on('change', listener),
    onInvalidate: (listener: (advocateId: string) => void) => on('invalidate', listener),
  };
}

export function localNotifier(): ChangeNotifier {
  const local = localFanOut();
  return {
    publish: local.emitNotices,
    subscribe: local.subscribe,
    invalidate: local.emitInvalidations,
    onInvalidate: local.onInvalidate,
  };
}
