import type { AuditEntry } from '../../shared/consoleProtocol';
import { json, parseJson, type StoreContext, write } from './context';
import { newId } from './secrets';

export interface AuditInput {
  brandId: string;
  actorKind: AuditEntry['actorKind'];
  actorId: string;
  actorLabel: string;
  action: string;
  detail: Record<string, unknown>;
  status: number;
}

/** Append-only (triggers refuse UPDATE and DELETE of `audit_log`). */
export async function appendAudit(ctx: StoreContext, e: AuditInput, now: number): Promise<void> {
  await write(ctx, now, async (trx) => {
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        brand_id: e.brandId,
        at: now,
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        actor_label: e.actorLabel,
        action: e.action,
        detail: json(e.detail),
        status: e.status,
      })
      .execute();
  });
}

/** The brand's audit log, newest first. */
export async function listAudit(
  ctx: StoreContext,
  brandId: string,
  since: number | undefined,
  limit: number,
): Promise<AuditEntry[]> {
  let q = ctx.db.selectFrom('audit_log').selectAll().where('brand_id', '=', brandId);
  if (since !== undefined) q = q.where('at', '>=', since);
  const rows = await q.orderBy('at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorKind: r.actor_kind as AuditEntry['actorKind'],
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    detail: parseJson<Record<string, unknown>>(r.detail),
    status: r.status,
  }));
}
