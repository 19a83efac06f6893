import type { Db } from '../db/open';
import { refusal } from '../i18n/refusal';
import type { SyncController } from '../sync/controller';

/** The longest a sign-out or sign-in waits for its last attempt to send the outbox. */
const FINAL_PUSH_MS = 5_000;

/** Tries once more to send what is queued, bounded in time (offline, it returns at once). */
export async function finalPush(sync: SyncController): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    sync.syncNow().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, FINAL_PUSH_MS))),
  ]);
  clearTimeout(timer);
}

/**
 * Deleting local data must not silently take the advocate's unsent work with it: queued actions
 * (renewals aside), drafts and refused texts. Refuses with a count unless `discard` says the
 * advocate saw the warning and chose to go on.
 */
export function guardUnsentWork(db: Db, discard: boolean): void {
  if (discard) return;
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const actions = count("SELECT count(*) FROM outbox WHERE type <> 'renew'");
  const drafts = count('SELECT count(*) FROM drafts');
  const texts = count('SELECT count(*) FROM unsent');
  if (actions + drafts + texts === 0) return;
  throw refusal('unsent_work', 'error.session.unsentWork', { actions, drafts, texts });
}
