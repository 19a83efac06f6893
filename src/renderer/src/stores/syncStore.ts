import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract/events';
import { onEvent } from '../api';

interface SyncState {
  status: SyncStatus;
  /** Starts listening to `sync:status`; returns the unsubscribe function. */
  listen: () => () => void;
}

export const useSync = create<SyncState>((set) => ({
  status: { state: 'offline', lastSyncedAt: null, message: 'Not connected to a brand server yet.' },
  listen: () => onEvent('sync:status', (status) => set({ status })),
}));
