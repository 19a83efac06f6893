import { create } from 'zustand';
import type { Notice, SyncStatus } from '../../../shared/contract/events';
import { errorMessage, invoke, onEvent } from '../api';

/** Notices kept on screen at most; older ones drop off. */
const MAX_NOTICES = 5;

interface SyncState {
  status: SyncStatus;
  notices: Notice[];
  syncing: boolean;
  /** Starts listening to `sync:status` and `notice:new`; returns the unsubscribe function. */
  listen: () => () => void;
  syncNow: () => Promise<void>;
  dismiss: (id: string) => void;
}

export const useSync = create<SyncState>((set, get) => ({
  status: { state: 'offline', lastSyncedAt: null, message: 'Not connected to a brand server yet.' },
  notices: [],
  syncing: false,
  listen: () => {
    const offStatus = onEvent('sync:status', (status) => set({ status }));
    const offNotice = onEvent('notice:new', (notice) =>
      set((s) => ({
        notices: [notice, ...s.notices.filter((n) => n.id !== notice.id)].slice(0, MAX_NOTICES),
      })),
    );
    void invoke('sync:current').then(
      (status) => set({ status }),
      () => undefined,
    );
    return () => {
      offStatus();
      offNotice();
    };
  },
  syncNow: async () => {
    if (get().syncing) return;
    set({ syncing: true });
    try {
      set({ status: await invoke('sync:now') });
    } catch (error) {
      set((s) => ({ status: { ...s.status, state: 'error', message: errorMessage(error) } }));
    } finally {
      set({ syncing: false });
    }
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
