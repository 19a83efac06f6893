import { create } from 'zustand';
import type { SyncStatus } from '../../../../shared/contract/events';
import { coreCatalogs } from '../../../../shared/i18n/catalogs';
import { errorInfo, invoke, onEvent } from '../../api';

interface SyncState {
  status: SyncStatus;
  syncing: boolean;
  /** Starts listening to `sync:status`; returns the unsubscribe function. */
  listen: () => () => void;
  syncNow: () => Promise<void>;
}

export const useSync = create<SyncState>((set, get) => ({
  status: {
    state: 'offline',
    lastSyncedAt: null,
    message: coreCatalogs.en['sync.notConnected'],
    text: { id: 'sync.notConnected', values: {} },
  },
  syncing: false,
  listen: () => {
    const off = onEvent('sync:status', (status) => set({ status }));
    void invoke('sync:current').then(
      (status) => set({ status }),
      () => undefined,
    );
    return off;
  },
  syncNow: async () => {
    if (get().syncing) return;
    set({ syncing: true });
    try {
      set({ status: await invoke('sync:now') });
    } catch (error) {
      const { message, text } = errorInfo(error);
      set((s) => ({
        status: { state: 'error', lastSyncedAt: s.status.lastSyncedAt, message, text },
      }));
    } finally {
      set({ syncing: false });
    }
  },
}));
