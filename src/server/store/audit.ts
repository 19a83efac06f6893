import type { AuditEntry } from '../../shared/consoleProtocol';
import { type AuditInput, insertAudit } from './auditScope';
import { parseJson, type StoreContext, write } from './context';

export type { AuditInput };

/** An entry written on its own (the CLI's operator actions; a request whose change used no `write()`). */
export async function appendAudit(ctx: StoreContext, e: AuditInput, now: number): Promise<void> {
  await write(ctx, now, (trx) => insertAudit(trx, e, now));
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
