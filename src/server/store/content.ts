import type { z } from 'zod';
import type {
  ApiIssue,
  ArticlePush,
  MacroPush,
  TaskPush,
  UpsertResponse,
} from '../../shared/protocol';
import type { TaskPush as TaskPushSchema } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { detectLanguage } from '../language';
import { type ChangeWriter, json, type StoreContext, type Trx, write } from './context';
import { ensureCustomer } from './customers';
import { isFollowUp, reopenForFollowUp } from './reopen';
import { fingerprint, newId } from './secrets';
import type { TaskRow } from './views';

type ParsedTask = z.output<typeof TaskPushSchema>;
type ParsedContent = { externalRef: string; title: string; tags: string[] } & (
  { bodyMarkdown: string } | { body: string }
);

/** The same externalRef twice in one batch is ambiguous: reject the later ones. */
export function duplicateRefIssues(items: { externalRef: string }[]): ApiIssue[] {
  const seen = new Set<string>();
  const issues: ApiIssue[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.externalRef))
      issues.push({ index, path: 'externalRef', message: 'duplicate externalRef in this batch' });
    seen.add(item.externalRef);
  });
  return issues;
}

function rejectDuplicates(items: { externalRef: string }[]) {
  const issues = duplicateRefIssues(items);
  if (issues.length > 0)
    throw new ApiFailure(
      'invalid_input',
      `${issues.length} item(s) rejected; nothing was applied`,
      issues,
    );
}

/**
 * Items per transaction of an admin push. A transaction that writes holds the change log's read
 * horizon back until it ends (changeLog.ts), so a 50,000-item push commits in chunks: readers
 * see each chunk as it lands instead of nothing until the end.
 */
export const PUSH_CHUNK = 500;

/**
 * Runs `fn` over `items` in chunks of `PUSH_CHUNK`, each in its own transaction. Callers
 * validate the whole batch first (a rejected batch applies nothing); a push that fails midway
 * has applied whole chunks only, and since pushes are idempotent, sending it again completes it.
 */
async function inChunks<T>(
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

type Upserted = keyof UpsertResponse;

/**
 * Upserts a feed batch by externalRef, in chunks (`inChunks`). Unchanged content writes nothing,
 * so pushing the same feed twice changes nothing. Lifecycle fields (status, holder) are the
 * server's and are never touched by a push; the feed's messages are replaced, advocates' kept.
 */
export async function upsertTasks(
  ctx: StoreContext,
  brandId: string,
  items: ParsedTask[],
  now: number,
): Promise<UpsertResponse> {
  rejectDuplicates(items);
  const { reopen_window_hours: reopenWindowHours } = await ctx.db
    .selectFrom('brands')
    .select('reopen_window_hours')
    .where('id', '=', brandId)
    .executeTakeFirstOrThrow();
  return inChunks(ctx, now, items, async (trx, changes, item) => {
    const hash = fingerprint(item);
    const existing = (await trx
      .selectFrom('tasks')
      .selectAll()
      .where('brand_id', '=', brandId)
      .where('external_ref', '=', item.externalRef)
      .executeTakeFirst()) as TaskRow | undefined;
    if (existing?.content_hash === hash) return 'unchanged';
    const customerWords = item.messages.filter((m) => m.author === 'customer');
    const fields = {
      customer_id: item.customerRef
        ? await ensureCustomer(trx, changes, brandId, item.customerRef, now)
        : null,
      language: item.language ?? (await detectLanguage(customerWords.map((m) => m.body))),
      subject: item.subject,
      channel: item.channel,
      skills: json(item.skills),
      complexity: item.complexity,
      min_tier: item.minTier,
      customer_name: item.customerName,
      sla_due_at: item.slaDueAt ?? null,
      content_hash: hash,
      updated_at: now,
    };
    let taskId: string;
    if (existing) {
      taskId = existing.id;
      await trx.updateTable('tasks').set(fields).where('id', '=', taskId).execute();
      await trx
        .deleteFrom('messages')
        .where('task_id', '=', taskId)
        .where('origin', '=', 'feed')
        .execute();
    } else {
      taskId = newId();
      await trx
        .insertInto('tasks')
        .values({
          id: taskId,
          brand_id: brandId,
          external_ref: item.externalRef,
          ...fields,
          status: 'open',
          holder_id: null,
          lease_expires_at: null,
          offered_to: null,
          offer_expires_at: null,
          resolved_at: null,
          created_at: item.createdAt ?? now,
        })
        .execute();
    }
    if (item.messages.length > 0) {
      await trx
        .insertInto('messages')
        .values(
          item.messages.map((m, ord) => ({
            id: newId(),
            task_id: taskId,
            origin: 'feed',
            author: m.author,
            author_name: m.authorName ?? (m.author === 'customer' ? item.customerName : 'Support'),
            kind: 'message',
            body: m.body,
            created_at: m.createdAt,
            ord,
          })),
        )
        .execute();
    }
    const followUp =
      existing &&
      isFollowUp(
        existing,
        { customerMessageTimes: customerWords.map((m) => m.createdAt) },
        reopenWindowHours,
        now,
      );
    if (followUp) {
      await reopenForFollowUp(trx, changes, existing, now);
      return 'reopened';
    }
    await changes.add(brandId, 'task', taskId);
    return existing ? 'updated' : 'created';
  });
}

export async function upsertContent(
  ctx: StoreContext,
  table: 'articles' | 'macros',
  brandId: string,
  items: ParsedContent[],
  now: number,
): Promise<UpsertResponse> {
  rejectDuplicates(items);
  const kind = table === 'articles' ? 'article' : 'macro';
  return inChunks(ctx, now, items, async (trx, changes, item) => {
    const body = 'bodyMarkdown' in item ? item.bodyMarkdown : item.body;
    const hash = fingerprint({ title: item.title, body, tags: item.tags });
    const existing = await trx
      .selectFrom(table)
      .select(['id', 'content_hash', 'deleted_at'])
      .where('brand_id', '=', brandId)
      .where('external_ref', '=', item.externalRef)
      .executeTakeFirst();
    if (existing && existing.content_hash === hash && existing.deleted_at === null) {
      return 'unchanged';
    }
    const fields = {
      title: item.title,
      body,
      tags: json(item.tags),
      content_hash: hash,
      updated_at: now,
      deleted_at: null,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await trx.updateTable(table).set(fields).where('id', '=', id).execute();
    } else {
      id = newId();
      await trx
        .insertInto(table)
        .values({ id, brand_id: brandId, external_ref: item.externalRef, ...fields })
        .execute();
    }
    await changes.add(brandId, kind, id);
    return existing ? 'updated' : 'created';
  });
}

/** Soft delete: the row stays as the tombstone that sync renders as `*_delete`. */
export async function deleteContent(
  ctx: StoreContext,
  table: 'articles' | 'macros',
  brandId: string,
  externalRef: string,
  now: number,
): Promise<{ deleted: boolean }> {
  return write(ctx, now, async (trx, changes) => {
    const row = await trx
      .selectFrom(table)
      .select(['id', 'deleted_at'])
      .where('brand_id', '=', brandId)
      .where('external_ref', '=', externalRef)
      .executeTakeFirst();
    if (!row || row.deleted_at !== null)
      throw new ApiFailure(
        'not_found',
        `no ${table === 'articles' ? 'article' : 'macro'} with this externalRef`,
      );
    await trx
      .updateTable(table)
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await changes.add(brandId, table === 'articles' ? 'article' : 'macro', row.id);
    return { deleted: true };
  });
}

export type { ArticlePush, MacroPush, TaskPush };
