import { create } from 'zustand';
import type { SessionStatus } from '../../../../shared/contract/app';
import { errorInfo, invoke, onEvent } from '../../api';
import type { ShownText } from '../../i18n/useT';

interface SessionState {
  status: SessionStatus | null;
  error: ShownText | null;
  busy: boolean;
  /** The advocate chose to look around before connecting. */
  exploring: boolean;
  load: () => Promise<void>;
  /** Loads the session and reloads it on `session:changed`; returns the unsubscribe. */
  listen: () => () => void;
  connect: (serverUrl: string, inviteCode: string) => Promise<void>;
  openDemo: () => Promise<void>;
  explore: () => void;
}

export const useSession = create<SessionState>((set, get) => {
  const run = async (action: () => Promise<SessionStatus>) => {
    set({ busy: true, error: null });
    try {
      set({ status: await action(), busy: false });
    } catch (error) {
      set({ error: errorInfo(error), busy: false });
    }
  };
  return {
    status: null,
    error: null,
    busy: false,
    exploring: false,
    load: () => run(() => invoke('session:status')),
    listen: () => {
      void get().load();
      return onEvent('session:changed', () => void get().load());
    },
    connect: (serverUrl, inviteCode) =>
      run(() => invoke('session:connect', { serverUrl, inviteCode })),
    openDemo: () => run(() => invoke('session:openDemo')),
    explore: () => set({ exploring: true }),
  };
});
