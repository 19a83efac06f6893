import { EventEmitter } from 'node:events';
import type { ChangeNotice } from '../shared/protocol';

/**
 * "Something changed" fan-out from committed writes to `/v1/events` streams. In-process for one
 * server; with replicas (issue 9) an implementation over LISTEN/NOTIFY replaces it.
 */
export interface ChangeNotifier {
  publish(notices: ChangeNotice[]): void;
  subscribe(listener: (notice: ChangeNotice) => void): () => void;
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
