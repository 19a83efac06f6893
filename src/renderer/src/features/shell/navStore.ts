import type { MessageId } from '../../i18n/catalogs';
import { create } from 'zustand';

export type ViewId = 'feed' | 'tickets' | 'kb' | 'earnings' | 'settings';

export const views: { id: ViewId; label: MessageId; shortcut: string }[] = [
  { id: 'feed', label: 'nav.feed', shortcut: '1' },
  { id: 'tickets', label: 'nav.tickets', shortcut: '2' },
  { id: 'kb', label: 'nav.kb', shortcut: '3' },
  { id: 'earnings', label: 'nav.earnings', shortcut: '4' },
  { id: 'settings', label: 'nav.settings', shortcut: '5' },
];

interface NavState {
  view: ViewId;
  go: (view: ViewId) => void;
}

export const useNav = create<NavState>((set) => ({
  view: 'feed',
  go: (view) => set({ view }),
}));
