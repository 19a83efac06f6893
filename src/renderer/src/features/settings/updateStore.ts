import { create } from 'zustand';
import type { UpdateStatus } from '../../../../shared/contract/update';
import { call, onEvent } from '../../api';
import type { ShownText } from '../../i18n/useT';

type UpdateChannel = 'update:check' | 'update:download' | 'update:installNow';

interface UpdateState {
  status: UpdateStatus | null;
  /** Why the last consent button did not work. */
  message: ShownText | null;
  /** Reads the update status and follows `update:status`; returns the unsubscribe. */
  listen: () => () => void;
  run: (channel: UpdateChannel) => Promise<void>;
}

export const useUpdate = create<UpdateState>((set) => ({
  status: null,
  message: null,
  listen: () => {
    const off = onEvent('update:status', (status) => set({ status }));
    void call('update:status').then((r) => r.ok && set({ status: r.value }));
    return off;
  },
  run: async (channel) => {
    set({ message: null });
    const result = await call(channel);
    if (result.ok) set({ status: result.value });
    else set({ message: result.error });
  },
}));
