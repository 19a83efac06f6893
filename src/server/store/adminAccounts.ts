import { hash, verify } from '@node-rs/argon2';
import type { Selectable } from 'kysely';
import type { AccountPatch, AdminAccountView, AdminRole } from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import type { AdminAccountTable } from './consoleSchema';
import { type StoreContext, write } from './context';
import { hashSecret, newId, newSecret } from './secrets';

/** An admin invite link works this long, once. */
export const ADMIN_INVITE_TTL_MS = 7 * 24 * 3600_000;

export type AccountRow = Selectable<AdminAccountTable>;

export const accountView = (a: AccountRow): AdminAccountView => ({
  id: a.id,
  brandId: a.brand_id,
  email: a.email,
  name: a.name,
  role: a.role,
  active: a.password_hash !== null,
  disabled: a.disabled_at !== null,
  createdAt: a.created_at,
});

// argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes.
const hashPassword = (password: string) => hash(password, { memoryCost: 19_456, timeCost: 2 });
/** Verified against when no account matches, so a miss costs as long as a wrong password. */
let decoy: Promise<string> | undefined;

/**
 * An account offered to `email` in this brand, with a one-time invite token (only its hash is
 * stored). Inviting an address again that has not chosen a password yet issues a fresh token and
 * voids the earlier ones; an account already in use is refused.
 */
export async function inviteAccount(
  ctx: StoreContext,
  brandId: string,
  req: { email: string; name?: string | undefined; role: AdminRole },
  now: number,
): Promise<{ accountId: string; token: string; expiresAt: number }> {
  const email = req.email.toLowerCase();
  const token = newSecret('gda');
  const expiresAt = now + ADMIN_INVITE_TTL_MS;
  const accountId = await write(ctx, now, async (trx) => {
    const existing = await trx
      .selectFrom('admin_accounts')
      .selectAll()
      .where('brand_id', '=', brandId)
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing?.password_hash)
      throw new ApiFailure('conflict', 'this address already has an account in this brand');
    let id = existing?.id;
    if (!id) {
      id = newId();
      await trx
        .insertInto('admin_accounts')
        .values({
          id,
          brand_id: brandId,
          email,
          name: req.name ?? email.split('@')[0]!,
          role: req.role,
          password_hash: null,
          created_at: now,
          disabled_at: null,
        })
        .execute();
    } else {
      await trx
        .updateTable('admin_invites')
        .set({ used_at: now })
        .where('account_id', '=', id)
        .where('used_at', 'is', null)
        .execute();
      await trx
        .updateTable('admin_accounts')
        .set({ role: req.role })
        .where('id', '=', id)
        .execute();
    }
    await trx
      .insertInto('admin_invites')
      .values({
        token_hash: hashSecret(token),
        account_id: id,
        brand_id: brandId,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return id;
  });
  return { accountId, token, expiresAt };
}

/** Uses an invite token once: the account gets its password. */
export async function acceptAccountInvite(
  ctx: StoreContext,
  token: string,
  password: string,
  name: string | undefined,
  now: number,
): Promise<AccountRow> {
  const passwordHash = await hashPassword(password);
  return write(ctx, now, async (trx) => {
    const inv = await trx
      .selectFrom('admin_invites')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (!inv || inv.expires_at <= now)
      throw new ApiFailure('unauthorized', 'this invite link is not valid or has expired');
    const taken = await trx
      .updateTable('admin_invites')
      .set({ used_at: now })
      .where('token_hash', '=', inv.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new ApiFailure('unauthorized', 'this invite link was already used');
    await trx
      .updateTable('admin_accounts')
      .set({ password_hash: passwordHash, ...(name ? { name } : {}) })
      .where('id', '=', inv.account_id)
      .execute();
    return trx
      .selectFrom('admin_accounts')
      .selectAll()
      .where('id', '=', inv.account_id)
      .executeTakeFirstOrThrow();
  });
}

/**
 * The accounts this address and password open (active, not disabled), optionally in one brand.
 * Every candidate is verified, and a miss verifies a decoy, so timing does not tell whether an
 * address has an account.
 */
export async function accountsForLogin(
  ctx: StoreContext,
  email: string,
  password: string,
  brandId: string | undefined,
): Promise<AccountRow[]> {
  let q = ctx.db
    .selectFrom('admin_accounts')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .where('password_hash', 'is not', null)
    .where('disabled_at', 'is', null);
  if (brandId) q = q.where('brand_id', '=', brandId);
  const candidates = await q.execute();
  if (candidates.length === 0) {
    decoy ??= hashPassword('decoy password, never valid');
    await verify(await decoy, password);
    return [];
  }
  const opened: AccountRow[] = [];
  for (const a of candidates) if (await verify(a.password_hash!, password)) opened.push(a);
  return opened;
}

export async function listAccounts(ctx: StoreContext, brandId: string) {
  const rows = await ctx.db
    .selectFrom('admin_accounts')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('created_at')
    .execute();
  return rows.map(accountView);
}

/**
 * Role and disabling. The brand keeps at least one active owner. Disabling ends the account's
 * sessions; a role change takes effect on the next request (sessions read the account's role).
 */
export async function patchAccount(
  ctx: StoreContext,
  brandId: string,
  accountId: string,
  patch: AccountPatch,
  now: number,
): Promise<AdminAccountView> {
  return write(ctx, now, async (trx) => {
    const a = await trx
      .selectFrom('admin_accounts')
      .selectAll()
      .where('brand_id', '=', brandId)
      .where('id', '=', accountId)
      .executeTakeFirst();
    if (!a) throw new ApiFailure('not_found', 'no such account in this brand');
    const role = patch.role ?? a.role;
    const disabledAt = patch.disabled === undefined ? a.disabled_at : patch.disabled ? now : null;
    const wasOwner = a.role === 'owner' && a.disabled_at === null;
    if (wasOwner && (role !== 'owner' || disabledAt !== null)) {
      const owners = await trx
        .selectFrom('admin_accounts')
        .select('id')
        .where('brand_id', '=', brandId)
        .where('role', '=', 'owner')
        .where('disabled_at', 'is', null)
        .where('password_hash', 'is not', null)
        .execute();
      if (owners.filter((o) => o.id !== a.id).length === 0)
        throw new ApiFailure('conflict', 'the brand must keep at least one active owner');
    }
    await trx
      .updateTable('admin_accounts')
      .set({ role, disabled_at: disabledAt })
      .where('id', '=', a.id)
      .execute();
    if (disabledAt !== null)
      await trx
        .updateTable('console_sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', a.id)
        .where('revoked_at', 'is', null)
        .execute();
    return accountView({ ...a, role, disabled_at: disabledAt });
  });
}
