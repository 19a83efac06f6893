/**
 * The audit entry of the request being served, written in the same transaction as its change
 * (`write()` in context.ts inserts it with the request's first committed write), so a change
 * without its entry, or an entry without its change, cannot be committed. A request whose
 * change does not go through `write()` is recorded after its answer instead (auditTrail.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEntry } from '../../shared/consoleProtocol';
import type { Trx } from './context';
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

export interface AuditScope {
  /** The entry as the request stands now; undefined while it has no admin actor or brand. */
  entry: () => AuditInput | undefined;
  /** Set once a transaction holding the entry committed. */
  recorded: boolean;
  /** Set when the answer left: later writes (background work started by it) are not its own. */
  closed: boolean;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** Runs `fn` (the rest of a request) with `scope` as its audit scope. */
export const runInAuditScope = (scope: AuditScope, fn: () => void) => scopes.run(scope, fn);

/** The current request's entry while it still has to be written, else undefined. */
export function pendingAudit(): { scope: AuditScope; entry: AuditInput } | undefined {
  const scope = scopes.getStore();
  if (!scope || scope.recorded || scope.closed) return undefined;
  const entry = scope.entry();
  return entry ? { scope, entry } : undefined;
}

/** Append-only (triggers refuse UPDATE and DELETE of `audit_log`). */
export async function insertAudit(trx: Trx, e: AuditInput, now: number): Promise<void> {
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
      detail: JSON.stringify(e.detail),
      status: e.status,
    })
    .execute();
}
