import { defaultFeedPrefs, FeedPrefs } from '../../shared/contract/feed';
import type { Db } from '../db/open';
import { readSettingsRows, writeSettingsRows } from '../repos/settingsRepo';

// Stored as one row of the settings table, under a key the app settings never use.
const KEY = 'feedPrefs';

/** The feed's filters and sort as last chosen; a stored value that no longer parses is reset. */
export function loadFeedPrefs(db: Db): FeedPrefs {
  const parsed = FeedPrefs.safeParse(readSettingsRows(db).get(KEY));
  return parsed.success ? parsed.data : defaultFeedPrefs;
}

export function saveFeedPrefs(db: Db, prefs: FeedPrefs): FeedPrefs {
  writeSettingsRows(db, { [KEY]: prefs });
  return prefs;
}
