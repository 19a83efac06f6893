import { create } from 'zustand';
import type { Notice } from '../../../../shared/contract/events';
import { onEvent } from '../../api';

/** Notices kept on screen at most; older ones drop off. */
const MAX_NOTICES = 5;

interface NoticesState {
  notices: Notice[];
  /** Starts collecting `notice:new`; returns the unsubscribe function. */
  listen: () => () => void;
  dismiss: (id: string) => void;
}

export const useNotices = create<NoticesState>((set) => ({
  notices: [],
  listen: () =>
    onEvent('notice:new', (notice) =>
      set((s) => ({
        notices: [notice, ...s.notices.filter((n) => n.id !== notice.id)].slice(0, MAX_NOTICES),
      })),
    ),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
