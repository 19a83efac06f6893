/**
 * The feed server's one storage interface. Routes and the CLI talk to a `Store`; the
 * implementation is portable Kysely over a `SqlDialect` (SQLite now, PostgreSQL in issue 9).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Capabilities } from '../../shared/capabilities';
import type { PayoutRules } from '../../shared/domain/payout';
import type {
  Action,
  ActionResult,
  AdminAdvocate,
  AdminKeyRotateResponse,
  AdminBrand,
  AdvocatePatch,
  ArticlePush,
  BrandView,
  Escalation,
  InviteRequest,
  InviteResponse,
  MacroPush,
  MeResponse,
  Outcome,
  PayoutRulesResponse,
  RatingPush,
  RatingsResponse,
  RedeemResponse,
  ReopenCounts,
  ReopenSettings,
  RefreshResponse,
  SyncResponse,
  TaskPush,
  UpsertResponse,
} from '../../shared/protocol';
import type { ChangeNotifier } from '../notifier';
import * as adminKeys from './adminKeys';
import * as advocates from './advocates';
import * as brands from './brands';
import * as content from './content';
import * as customers from './customers';
import * as presence from './presence';
import * as reopen from './reopen';
import { type ConsoleStore, consoleStore } from './consoleStore';
import { type TrustStore, trustStore } from './trustStore';
import { type CourseStore, courseStore } from './courses';
import type { StoreContext } from './context';
import { dialectFor, type SqlDialect } from './dialect';
import { expireIdempotency } from './idempotency';
import { expireRateLimits, type RateLimitLease, rateLimitLease } from './rateLimits';
import * as ledger from './ledger';
import { migrate } from './migrations';
import { sweep } from './sweep';
import { fallbackSweep } from './fallback';
import { applyInScope } from './scope';
import { readHorizon } from './changeLog';
import { type LogTailOptions, LogTails } from './logTail';
import { TokenCache } from './tokenCache';
import { horizonGated } from '../horizonGate';
import { type SnapshotReads, snapshotReads } from './snapshot';
import { syncPage } from './sync';
import { answersSeenBy } from './tierView';
import { applyInStatements } from './actionStatement';
import * as tokens from './tokens';
import type { AdvocateAuth } from './tokens';

export type ParsedTaskPush = z.output<typeof TaskPush>;
export type ParsedArticlePush = z.output<typeof ArticlePush>;
export type ParsedMacroPush = z.output<typeof MacroPush>;
export type ParsedRatingPush = z.output<typeof RatingPush>;

export interface BrandAuth {
  id: string;
  name: string;
  currency: string;
}
export type { AdvocateAuth } from './tokens';

export interface Store {
  readonly dialect: SqlDialect['name'];
  readonly notifier: ChangeNotifier;
  /** Initial sync's reads (`GET /v1/snapshot…`). */
  readonly snapshots: SnapshotReads;
  /** The brand console's accounts, sessions, audit log, payouts, … (consoleStore.ts). */
  readonly console: ConsoleStore;
  /** Issue 20: tier ladder, promotions, certifications (trustStore.ts). */
  readonly trust: TrustStore;
  /** Certification: courses and graded attempts (courses.ts). */
  readonly courses: CourseStore;
  migrate(now: number): Promise<number>;
  close(): Promise<void>;

  // operator (CLI with database access)
  createBrand(
    input: brands.CreateBrandInput,
    now: number,
  ): Promise<{ brand: BrandView; adminKey: string }>;
  findBrandByName(name: string): Promise<BrandView | undefined>;

  // auth
  brandForAdminKey(key: string, now: number): Promise<BrandAuth | undefined>;
  advocateForToken(token: string, now: number): Promise<AdvocateAuth | undefined>;
  redeem(code: string, deviceName: string, now: number): Promise<RedeemResponse>;
  /** An invite accepted by the signed-in device holding `token`. */
  accept(auth: AdvocateAuth, token: string, code: string, now: number): Promise<MeResponse>;
  refreshToken(token: string, now: number): Promise<RefreshResponse>;
  revokeToken(token: string, now: number): Promise<void>;

  // admin (scoped to one brand)
  getBrand(brandId: string): Promise<AdminBrand>;
  rotateAdminKey(brandId: string, overlapMs: number, now: number): Promise<AdminKeyRotateResponse>;
  patchBrand(
    brandId: string,
    patch: { name?: string | undefined; leaseMinutes?: number | undefined },
    now: number,
  ): Promise<BrandView>;
  invite(brandId: string, req: InviteRequest, now: number): Promise<InviteResponse>;
  listAdvocates(brandId: string): Promise<AdminAdvocate[]>;
  patchAdvocate(
    brandId: string,
    advocateId: string,
    patch: AdvocatePatch,
    now: number,
  ): Promise<AdminAdvocate>;
  revokeAdvocateTokens(
    brandId: string,
    advocateId: string,
    now: number,
  ): Promise<{ revoked: number }>;
  upsertTasks(brandId: string, items: ParsedTaskPush[], now: number): Promise<UpsertResponse>;
  upsertArticles(brandId: string, items: ParsedArticlePush[], now: number): Promise<UpsertResponse>;
  deleteArticle(brandId: string, externalRef: string, now: number): Promise<{ deleted: boolean }>;
  upsertMacros(brandId: string, items: ParsedMacroPush[], now: number): Promise<UpsertResponse>;
  deleteMacro(brandId: string, externalRef: string, now: number): Promise<{ deleted: boolean }>;
  setPayoutRules(brandId: string, rules: PayoutRules, now: number): Promise<PayoutRulesResponse>;
  getPayoutRules(brandId: string): Promise<PayoutRulesResponse>;
  addRatings(brandId: string, items: ParsedRatingPush[], now: number): Promise<RatingsResponse>;
  listOutcomes(brandId: string, since: number | undefined, limit: number): Promise<Outcome[]>;
  listEscalations(brandId: string): Promise<Escalation[]>;

  // advocate: `brandIds` are the brands the caller's token reaches (all memberships if omitted,
  // for the operator and tests)
  me(advocateId: string, brandIds?: string[]): Promise<MeResponse>;
  sync(
    advocateId: string,
    cursor: string | undefined,
    limit: number,
    brandIds?: string[],
    /** What the app declared (shared/capabilities.ts); all of them if omitted. */
    caps?: Capabilities,
  ): Promise<SyncResponse>;
  applyActions(actor: AdvocateAuth, actions: Action[], now: number): Promise<ActionResult[]>;
  /** Reserves a slice of a shared rate limit's window (see http/sharedRateLimit.ts). */
  rateLimitLease(key: string, windowMs: number, max: number, now: number): Promise<RateLimitLease>;
  // customers (issue 16)
  upsertCustomers(
    brandId: string,
    items: customers.ParsedCustomerPush[],
    now: number,
  ): Promise<UpsertResponse>;
  upsertCustomerEvents(
    brandId: string,
    items: customers.ParsedCustomerEventPush[],
    now: number,
  ): Promise<UpsertResponse>;
  getReopenSettings(brandId: string): Promise<ReopenSettings>;
  setReopenSettings(brandId: string, s: ReopenSettings, now: number): Promise<ReopenSettings>;
  reopenCounts(brandId: string): Promise<ReopenCounts>;
  /** An event stream opened, is alive (each heartbeat), closed: who is connected. */
  streamOpened(p: presence.StreamPresence, now: number): Promise<void>;
  streamAlive(streamId: string, now: number): Promise<void>;
  streamClosed(streamId: string): Promise<void>;
  /**
   * Reopens lapsed leases and offers, steps unclaimed tasks down the fallback ladder; deletes
   * expired idempotency records and rate windows.
   */
  sweep(now: number): Promise<{ reopened: number; offersLifted: number }>;
}

export interface OpenStoreOptions {
  notifier?: ChangeNotifier;
  /**
   * Whose clock decides leases (claim, renew, every action's "is the claim live", the sweeper).
   * `database` (the default on PostgreSQL): the database's clock, one for every replica, so a
   * replica whose own clock runs fast cannot hand a live claim to a second advocate.
   * `process`: the `now` passed in (SQLite, one process, always; tests that move time).
   */
  leaseClock?: 'database' | 'process';
  /** See `StoreContext.actionPath`; benchmarks only. */
  actionPath?: 'statement' | 'transaction';
  /** See `StoreContext.interleave`; tests only. */
  interleave?: () => Promise<void>;
  /** false: every pull reads the change log (tests comparing with the tails; logTail.ts). */
  logTails?: false | LogTailOptions;
}

/** Opens (does not migrate) `db`: a SQLite file path, ':memory:' or a `postgres://` URL. */
export function openStore(db: string, options: OpenStoreOptions = {}): Store {
  const dialect = dialectFor(db);
  const own = options.notifier ? undefined : dialect.createNotifier();
  const kysely = dialect.createKysely();
  const fanOut = options.notifier ?? own!;
  // On PostgreSQL a change is announced once readers can read it (horizonGate.ts).
  const gate =
    dialect.name === 'postgres' ? horizonGated(fanOut, () => readHorizon(kysely)) : undefined;
  const notifier = gate ?? fanOut;
  const tokenCache = new TokenCache();
  const stopInvalidating = notifier.onInvalidate((id) => tokenCache.invalidate(id));
  const ctx: StoreContext = {
    db: kysely,
    dialect,
    notifier,
    tokens: tokenCache,
    ...(options.actionPath ? { actionPath: options.actionPath } : {}),
    interleave: options.interleave ?? (async () => {}),
  };
  if (options.logTails !== false) ctx.tails = new LogTails(ctx, options.logTails);
  const databaseClock = dialect.name === 'postgres' && options.leaseClock !== 'process';
  const leaseNow = async (now: number): Promise<number> => {
    if (!databaseClock) return now;
    const r = await sql<{ t: number }>`
      select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as t`.execute(ctx.db);
    return Number(r.rows[0]!.t);
  };
  const beats = presence.heartbeats(ctx);
  const allBrandsOf = async (advocateId: string) =>
    (await advocates.membershipsOf(ctx.db, advocateId)).map((m) => m.brand_id);
  return {
    dialect: dialect.name,
    notifier: ctx.notifier,
    snapshots: snapshotReads(ctx),
    console: consoleStore(ctx),
    trust: trustStore(ctx),
    courses: courseStore(ctx),
    migrate: (now) => migrate(ctx.db, dialect, now),
    close: async () => {
      stopInvalidating();
      ctx.tails?.stop();
      await beats.flush().catch(() => {});
      await gate?.flush();
      await ctx.db.destroy();
      await dialect.closed();
      await own?.close();
    },
    createBrand: (input, now) => brands.createBrand(ctx, input, now),
    findBrandByName: async (name) => {
      const b = await brands.findBrandByName(ctx, name);
      return b
        ? { id: b.id, name: b.name, currency: b.currency, leaseMinutes: b.lease_minutes }
        : undefined;
    },
    brandForAdminKey: (key, now) => adminKeys.brandForAdminKey(ctx, key, now),
    advocateForToken: (token, now) => tokens.advocateForToken(ctx, token, now),
    redeem: (code, deviceName, now) => advocates.redeem(ctx, code, deviceName, now),
    accept: (auth, token, code, now) => advocates.accept(ctx, auth, token, code, now),
    refreshToken: (token, now) => tokens.refreshToken(ctx, token, now),
    revokeToken: (token, now) => tokens.revokeToken(ctx, token, now),
    getBrand: (brandId) => brands.getAdminBrand(ctx, brandId),
    rotateAdminKey: (brandId, overlapMs, now) =>
      adminKeys.rotateAdminKey(ctx, brandId, overlapMs, now),
    patchBrand: (brandId, patch, now) => brands.patchBrand(ctx, brandId, patch, now),
    invite: (brandId, req, now) => advocates.invite(ctx, brandId, req, now),
    listAdvocates: (brandId) => advocates.listAdvocates(ctx, brandId),
    patchAdvocate: (brandId, id, patch, now) =>
      advocates.patchAdvocate(ctx, brandId, id, patch, now),
    revokeAdvocateTokens: (brandId, id, now) =>
      advocates.revokeAdvocateTokens(ctx, brandId, id, now),
    upsertTasks: (brandId, items, now) => content.upsertTasks(ctx, brandId, items, now),
    upsertArticles: (brandId, items, now) =>
      content.upsertContent(ctx, 'articles', brandId, items, now),
    deleteArticle: (brandId, ref, now) => content.deleteContent(ctx, 'articles', brandId, ref, now),
    upsertMacros: (brandId, items, now) =>
      content.upsertContent(ctx, 'macros', brandId, items, now),
    deleteMacro: (brandId, ref, now) => content.deleteContent(ctx, 'macros', brandId, ref, now),
    setPayoutRules: (brandId, rules, now) => brands.setPayoutRules(ctx, brandId, rules, now),
    getPayoutRules: (brandId) => brands.getPayoutRules(ctx, brandId),
    addRatings: (brandId, items, now) => ledger.addRatings(ctx, brandId, items, now),
    listOutcomes: (brandId, since, limit) => ledger.listOutcomes(ctx, brandId, since, limit),
    listEscalations: (brandId) => ledger.listEscalations(ctx, brandId),
    me: async (advocateId, brandIds) =>
      advocates.meOf(ctx, advocateId, brandIds ?? (await allBrandsOf(advocateId))),
    sync: async (advocateId, cursor, limit, brandIds, caps) =>
      syncPage(ctx, advocateId, cursor, limit, brandIds ?? (await allBrandsOf(advocateId)), caps),
    applyActions: async (actor, actions, now) =>
      dialect.name === 'postgres' && ctx.actionPath !== 'transaction'
        ? applyInStatements(ctx, actor, actions, databaseClock ? null : now)
        : answersSeenBy(
            ctx.db,
            actor.id,
            await applyInScope(ctx, actor, actions, await leaseNow(now)),
          ),
    rateLimitLease: (key, windowMs, max, now) => rateLimitLease(ctx, key, windowMs, max, now),
    upsertCustomers: (brandId, items, now) => customers.upsertCustomers(ctx, brandId, items, now),
    upsertCustomerEvents: (brandId, items, now) =>
      customers.upsertCustomerEvents(ctx, brandId, items, now),
    getReopenSettings: (brandId) => reopen.getReopenSettings(ctx, brandId),
    setReopenSettings: (brandId, s, now) => reopen.setReopenSettings(ctx, brandId, s, now),
    reopenCounts: (brandId) => reopen.reopenCounts(ctx, brandId),
    streamOpened: (p, now) => presence.streamOpened(ctx, p, now),
    streamAlive: (streamId, now) => beats.alive(streamId, now),
    streamClosed: (streamId) => presence.streamClosed(ctx, streamId),
    sweep: async (now) => {
      await expireIdempotency(ctx, now);
      await expireRateLimits(ctx, now);
      await presence.expirePresence(ctx, now, 10 * reopen.PRESENCE_STALE_MS);
      const at = await leaseNow(now);
      const swept = await sweep(ctx, at);
      await fallbackSweep(ctx, at);
      return swept;
    },
  };
}
