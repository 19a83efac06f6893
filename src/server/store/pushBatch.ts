/**
 * The shape every admin push shares: validate the whole batch (a rejected batch applies nothing
 * and answers each bad item by index, path and message), then write it in chunks.
 */
import type { ApiIssue, UpsertResponse } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { type ChangeWriter, type StoreContext, type Trx, write } from './context';

/** The same key twice in one batch is ambiguous: reject the later ones. */
export function duplicateRefIssues(refs: string[], path = 'externalRef'): ApiIssue[] {
  const seen = new Set<string>();
  const issues: ApiIssue[] = [];
  refs.forEach((ref, index) => {
    if (seen.has(ref)) issues.push({ index, path, message: `duplicate ${path} in this batch` });
    seen.add(ref);
  });
  return issues;
}

/** Refuses the whole batch when any item has an issue; the issues are answered in item order. */
export function rejectIfAny(issues: ApiIssue[]): void {
  if (issues.length === 0) return;
  const bad = new Set(issues.map((i) => i.index)).size;
  throw new ApiFailure(
    'invalid_input',
    `${bad} item(s) rejected; nothing was applied`,
    [...issues].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)),
  );
}

/**
 * Items per transaction of an admin push. A transaction that writes holds the change log's read
 * horizon back until it ends (changeLog.ts), so a 50,000-item push commits in chunks: readers
 * see each chunk as it lands instead of nothing until the end.
 */
export const PUSH_CHUNK = 500;

export type Upserted = keyof UpsertResponse;

/**
 * Runs `fn` over `items` in chunks of `PUSH_CHUNK`, each in its own transaction. Callers
 * validate the whole batch first (a rejected batch applies nothing); a push that fails midway
 * has applied whole chunks only, and since pushes are idempotent, sending it again completes it.
 */
export async function inChunks<T>(
  ctx: StoreContext,
  now: number,
  items: T[],
  fn: (trx: Trx, changes: ChangeWriter, item: T) => Promise<Upserted>,
): Promise<UpsertResponse> {
  const counts = { created: 0, updated: 0, unchanged: 0, reopened: 0 };
  for (let i = 0; i < items.length; i += PUSH_CHUNK) {
    // Counted once the chunk commits (`write` may run a transaction again).
    const chunk = await write(ctx, now, async (trx, changes) => {
      const done: Upserted[] = [];
      for (const item of items.slice(i, i + PUSH_CHUNK)) done.push(await fn(trx, changes, item));
      return done;
    });
    for (const outcome of chunk) {
      // A reopened case is an updated task too.
      if (outcome === 'reopened') counts.updated++;
      counts[outcome]++;
    }
  }
  const { reopened, ...rest } = counts;
  return reopened > 0 ? { ...rest, reopened } : rest;
}
