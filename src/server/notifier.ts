import { EventEmitter } from 'node:events';
import type { ChangeNotice } from '../shared/protocol';

/** A committed change: the brand's (or, with `advocateId`, one advocate's) last log position. */
export interface LogNotice extends ChangeNotice {
  /** Set when the rows are meant for this advocate only: announced to nobody else. */
  advocateId?: string;
}

/**
 * "Something changed" fan-out from committed writes to `/v1/events` streams. In-process for one
 * server; with replicas (issue 9) an implementation over LISTEN/NOTIFY replaces it.
 */
export interface ChangeNotifier {
  publish(notices: LogNotice[]): void;
  subscribe(listener: (notice: LogNotice) => void): () => void;
}

export function localNotifier(): ChangeNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(notices) {
      for (const n of notices) emitter.emit('change', n);
    },
    subscribe(listener) {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
  };
}
