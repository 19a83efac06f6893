import { create } from 'zustand';

export type ViewId = 'feed' | 'tickets' | 'kb' | 'earnings' | 'settings';

export const views: { id: ViewId; label: string; shortcut: string }[] = [
  { id: 'feed', label: 'Feed', shortcut: '1' },
  { id: 'tickets', label: 'My tickets', shortcut: '2' },
  { id: 'kb', label: 'Knowledge base', shortcut: '3' },
  { id: 'earnings', label: 'Earnings', shortcut: '4' },
  { id: 'settings', label: 'Settings', shortcut: '5' },
];

interface NavState {
  view: ViewId;
  go: (view: ViewId) => void;
}

export const useNav = create<NavState>((set) => ({
  view: 'feed',
  go: (view) => set({ view }),
}));
