import { timingSafeEqual } from 'node:crypto';
import type { StoreContext } from './context';
import { write } from './context';
import { type AccountRow } from './adminAccounts';
import { hashSecret, newSecret } from './secrets';

/** A console session lasts this long from sign-in (no sliding renewal). */
export const SESSION_TTL_MS = 12 * 3600_000;

export interface ConsoleSessionAuth {
  idHash: string;
  account: AccountRow;
  brand: { id: string; name: string; currency: string };
  csrfToken: string;
  expiresAt: number;
}

/**
 * A new session for this account: a new random id every sign-in (never one the browser brought,
 * so a planted cookie cannot be promoted to a signed-in one), with its own CSRF token.
 */
export async function createSession(ctx: StoreContext, account: AccountRow, now: number) {
  const sessionId = newSecret('gds');
  const csrfToken = newSecret('csrf');
  const expiresAt = now + SESSION_TTL_MS;
  await write(ctx, now, async (trx) => {
    await trx
      .insertInto('console_sessions')
      .values({
        id_hash: hashSecret(sessionId),
        account_id: account.id,
        brand_id: account.brand_id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
  });
  return { sessionId, csrfToken, expiresAt };
}

/** The live session this cookie value names (account enabled, session not revoked or expired). */
export async function sessionFor(
  ctx: StoreContext,
  sessionId: string,
  now: number,
): Promise<ConsoleSessionAuth | undefined> {
  const r = await ctx.db
    .selectFrom('console_sessions')
    .innerJoin('admin_accounts', 'admin_accounts.id', 'console_sessions.account_id')
    .innerJoin('brands', 'brands.id', 'console_sessions.brand_id')
    .selectAll('admin_accounts')
    .select([
      'console_sessions.id_hash',
      'console_sessions.csrf_token',
      'console_sessions.expires_at',
      'brands.name as brand_name',
      'brands.currency as brand_currency',
    ])
    .where('console_sessions.id_hash', '=', hashSecret(sessionId))
    .where('console_sessions.revoked_at', 'is', null)
    .where('console_sessions.expires_at', '>', now)
    .where('admin_accounts.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!r) return undefined;
  const { id_hash, csrf_token, expires_at, brand_name, brand_currency, ...account } = r;
  return {
    idHash: id_hash,
    account,
    brand: { id: account.brand_id, name: brand_name, currency: brand_currency },
    csrfToken: csrf_token,
    expiresAt: expires_at,
  };
}

export async function endSession(ctx: StoreContext, idHash: string, now: number) {
  await write(ctx, now, async (trx) => {
    await trx
      .updateTable('console_sessions')
      .set({ revoked_at: now })
      .where('id_hash', '=', idHash)
      .where('revoked_at', 'is', null)
      .execute();
  });
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(session: ConsoleSessionAuth, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
