import { useEffect, useState } from 'react';
import { useSync } from './syncStore';

/**
 * Now by the feed server's clock as the app estimates it (leases are the server's: a laptop
 * clock running fast must not show a live claim as lapsed).
 */
export const serverNow = (): number => Date.now() + (useSync.getState().status.clockOffsetMs ?? 0);

/** The current (server) time, refreshed every `everyMs` (for "due in …" labels, lease state). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
