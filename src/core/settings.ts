import { Settings, defaultSettings, type SettingsPatch } from '../shared/settings';
import type { Db } from './db/open';
import { readSettingsRows, writeSettingsRows } from './repos/settingsRepo';

/** Stored values over the defaults; a stored value that no longer parses falls back to its default. */
export function loadSettings(db: Db): Settings {
  const stored = readSettingsRows(db);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings)) {
    if (stored.has(key)) merged[key] = stored.get(key);
  }
  const parsed = Settings.safeParse(merged);
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in defaultSettings) {
      repaired[key] = defaultSettings[key as keyof Settings];
    }
  }
  return Settings.parse(repaired);
}

export function saveSettings(db: Db, patch: SettingsPatch): Settings {
  // A key sent as `undefined` (structured clone keeps those) means "leave it as it is".
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as SettingsPatch;
  const next = Settings.parse({ ...loadSettings(db), ...changes });
  writeSettingsRows(db, changes);
  return next;
}
