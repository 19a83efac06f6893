import { create } from 'zustand';
import type { Channel, Input } from '../../../../shared/contract';
import type { NotSent } from '../../../../shared/contract/notSent';
import { invoke, onEvent } from '../../api';

type TrayChannel = 'unsent:list' | 'unsent:dismiss' | 'unsent:discardDraft' | 'unsent:retry';

interface NotSentState {
  tray: NotSent | null;
  /** Loads the tray and reloads it whenever sync changed something; returns the unsubscribe. */
  listen: () => () => void;
  act: <C extends TrayChannel & Channel>(channel: C, input?: Input<C>) => Promise<void>;
}

export const useNotSent = create<NotSentState>((set) => {
  const load = () =>
    void invoke('unsent:list').then(
      (tray) => set({ tray }),
      () => undefined,
    );
  return {
    tray: null,
    listen: () => {
      load();
      const offFeed = onEvent('feed:changed', load);
      const offNotice = onEvent('notice:new', load);
      return () => {
        offFeed();
        offNotice();
      };
    },
    act: async (channel, input) => {
      set({ tray: (await invoke(channel, input)) as NotSent });
    },
  };
});
