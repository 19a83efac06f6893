import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../../shared/settings';
import { errorInfo, invoke } from '../../api';
import type { ShownText } from '../../i18n/useT';

interface SettingsState {
  settings: Settings | null;
  error: ShownText | null;
  load: () => Promise<void>;
  update: (patch: SettingsPatch) => Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  load: async () => {
    try {
      set({ settings: await invoke('settings:get'), error: null });
    } catch (error) {
      set({ error: errorInfo(error) });
    }
  },
  update: async (patch) => {
    try {
      set({ settings: await invoke('settings:set', patch), error: null });
    } catch (error) {
      set({ error: errorInfo(error) });
    }
  },
}));
