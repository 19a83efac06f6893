import type { z } from 'zod';
import type { ArticlePush, MacroPush, TaskPush, UpsertResponse } from '../../shared/protocol';
import type { TaskPush as TaskPushSchema } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { detectLanguage } from '../language';
import { json, type StoreContext, write } from './context';
import { ensureCustomer } from './customers';
import { duplicateRefIssues, inChunks, rejectIfAny } from './pushBatch';
import { isFollowUp, reopenForFollowUp } from './reopen';
import { fingerprint, newId, newOrderedId } from './secrets';
import type { TaskRow } from './views';

type ParsedTask = z.output<typeof TaskPushSchema>;
type ParsedContent = { externalRef: string; title: string; tags: string[] } & (
  { bodyMarkdown: string } | { body: string }
);

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
  rejectIfAny(duplicateRefIssues(items.map((i) => i.externalRef)));
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
      taskId = newOrderedId();
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
            id: newOrderedId(),
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
  rejectIfAny(duplicateRefIssues(items.map((i) => i.externalRef)));
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
