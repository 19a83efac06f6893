/**
 * The recent end of each brand's change log, held in memory by this process, so that the
 * thousand advocates of a brand pulling after the same change are answered without reading the
 * log (or the tasks it names) a thousand times.
 *
 * A brand's tail holds EVERY row of the brand (shared rows and rows meant for one advocate) with
 * `floor < position ≤ upTo`, in log order. It is read incrementally from `upTo` with the log's
 * own horizon rule (changeLog.ts): below the horizon no row can later appear at a position
 * already passed, so once read, the interval is final and a pull is answered from it exactly as
 * `readChangeLog` would answer at that horizon. Refreshes are single-flight and happen when a
 * pull finds the tail older than `MAX_AGE_MS` (or its cursor past `upTo`).
 *
 * Tasks named by the tail are loaded once and shared by every pull; an entry is dropped when a
 * newer row names the task (any row: a change meant for one advocate still changes what the
 * task renders to for everyone who reads an older row of it), so a cached task is never older
 * than the rows read. Bounds: `MAX_BRANDS` tails (least recently pulled dropped), each at most
 * `MAX_ROWS` rows (oldest trimmed, `floor` moving up) and `MAX_TASKS` loaded tasks (LRU): about
 * 32 × (10,000 rows × ~200 B + 2,000 tasks × their threads), plus 50,000 advocates' memberships.
 */
import { LRUCache } from 'lru-cache';
import type { Selectable } from 'kysely';
import { comparePositions, parseCursor, type Position } from '../../shared/domain/syncCursor';
import type { StoreContext } from './context';
import { type LogRow, positionOf, readBrandAfter, readBrandLast } from './changeLog';
import { type LoadedTask, loadTasks } from './views';
import { EVERYONE } from '../notifier';
import type { MembershipTable } from './schema';
import { cacheLifetime } from './cacheLifetime';

export type MembershipRow = Selectable<MembershipTable>;

/** Every membership of the advocate (sync.ts keeps those its token reaches). */
export const readMemberships = (ctx: StoreContext, advocateId: string): Promise<MembershipRow[]> =>
  ctx.db.selectFrom('memberships').selectAll().where('advocate_id', '=', advocateId).execute();

/** A pull finding its brand's tail older than this reads the log's new rows first. */
const MAX_AGE_MS = 75;
const MAX_BRANDS = 32;
const MAX_ROWS = 10_000;
const MAX_TASKS = 2_000;
const MAX_MEMBERS = 50_000;
/** Cached memberships live at most this long (each a random part of it: cacheLifetime.ts). */
const MEMBERS_TTL_MS = 30_000;
/** Rows a new tail starts with; it grows from there up to MAX_ROWS. */
const FIRST_READ = 1_000;
/** Rows read per statement while catching up. */
const CHUNK = 2_000;

/** Row kinds whose entity is a task whose rendering they change (the rating feeds its outcome). */
const TASK_KINDS = new Set(['task', 'rating', 'customer_case']);

const ORIGIN: Position = { xid: 0n, seq: 0n };

class BrandTail {
  rows: LogRow[] = [];
  positions: Position[] = [];
  floor: Position = ORIGIN;
  upTo: Position | null = null;
  refreshedAt = -Infinity;
  private refreshing: Promise<void> | null = null;
  readonly tasks = new LRUCache<string, Promise<LoadedTask | undefined>>({ max: MAX_TASKS });

  constructor(
    private readonly ctx: StoreContext,
    readonly brandId: string,
    private readonly maxRows: number,
    /** Told of each membership row read: what is cached about that advocate is stale. */
    private readonly membershipChanged: (advocateId: string) => void,
  ) {}

  /** Brings the tail up to the database's horizon now; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.catchUp().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async catchUp() {
    const startedAt = performance.now();
    if (this.upTo === null) {
      // Apps pulling after a change event hold cursors near the head: a short first read.
      const n = Math.min(this.maxRows, FIRST_READ);
      const first = await readBrandLast(this.ctx, this.brandId, n);
      this.append(first.rows, first.upTo);
      // Fewer rows than asked for: the brand's whole log is here.
      if (first.rows.length === n) this.floor = this.positions[0]!;
    } else {
      for (;;) {
        const next = await readBrandAfter(this.ctx, this.brandId, this.upTo, CHUNK);
        this.append(next.rows, next.upTo);
        if (next.rows.length < CHUNK) break;
      }
    }
    this.refreshedAt = startedAt;
  }

  private append(rows: LogRow[], upTo: Position) {
    for (const r of rows) {
      this.rows.push(r);
      this.positions.push(positionOf(r));
      if (TASK_KINDS.has(r.kind)) this.tasks.delete(r.entity_id);
      if (r.kind === 'membership') this.membershipChanged(r.advocate_id ?? EVERYONE);
    }
    this.upTo = upTo;
    const excess = this.rows.length - this.maxRows;
    if (excess > 0) {
      // Every row after the last one dropped is still here.
      this.floor = this.positions[excess - 1]!;
      this.rows = this.rows.slice(excess);
      this.positions = this.positions.slice(excess);
    }
  }

  /** Rows after `after` up to `cut` that this advocate reads, at most `limit`. */
  rowsFor(advocateId: string, after: Position, cut: Position, limit: number): LogRow[] {
    const out: LogRow[] = [];
    for (let i = firstAfter(this.positions, after); i < this.rows.length; i++) {
      if (comparePositions(this.positions[i]!, cut) > 0 || out.length >= limit) break;
      const r = this.rows[i]!;
      if (r.advocate_id === null || r.advocate_id === advocateId) out.push(r);
    }
    return out;
  }

  /** The tasks, each loaded once for every pull asking until a newer row names it. */
  async loadTasks(ids: string[]): Promise<Map<string, LoadedTask>> {
    const held = new Map<string, Promise<LoadedTask | undefined>>();
    const missing: string[] = [];
    for (const id of ids) {
      const known = this.tasks.get(id);
      if (known) held.set(id, known);
      else missing.push(id);
    }
    if (missing.length) {
      const loading = loadTasks(this.ctx.db, this.ctx.dialect, missing);
      for (const id of missing) {
        const one = loading.then((m) => m.get(id));
        held.set(id, one);
        this.tasks.set(id, one);
      }
      // A failed load is not remembered: the next pull tries again.
      loading.catch(() => {
        for (const id of missing) if (this.tasks.peek(id) === held.get(id)) this.tasks.delete(id);
      });
    }
    const out = new Map<string, LoadedTask>();
    const loaded = await Promise.all([...held].map(async ([id, p]) => [id, await p] as const));
    for (const [id, t] of loaded) if (t) out.set(id, t);
    return out;
  }
}

/** Index of the first position after `after` (positions ascending). */
function firstAfter(positions: Position[], after: Position): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(positions[mid]!, after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pulls answered from the tails and pulls that read the log instead (tests, benchmarks). */
export const tailReads = { served: 0, fellBack: 0 };
const fellBack = () => {
  tailReads.fellBack++;
  return null;
};

/** Tests: 0 ms reads new rows before every pull; a few rows make cursors fall behind the tail. */
export interface LogTailOptions {
  maxAgeMs?: number;
  maxRows?: number;
}

/** What a pull takes from the tails: its rows, or null when the tails cannot answer it. */
export interface TailRead {
  rows: LogRow[];
  tasks: (ids: string[]) => Promise<Map<string, LoadedTask>>;
}

export class LogTails {
  private readonly tails = new LRUCache<string, BrandTail>({
    max: MAX_BRANDS,
    dispose: (_tail, brandId) => this.announced.delete(brandId),
  });
  /** Per brand, the furthest position written here or announced, and when it was heard of. */
  private readonly announced = new Map<string, { at: Position; time: number }>();
  private readonly stopListening: () => void;

  private readonly maxAgeMs: number;
  private readonly maxRows: number;
  /**
   * Advocate → its membership rows (tier, suspension: how every change is rendered for it).
   * Dropped when a tail reads a membership row of the advocate, or the notifier invalidates it
   * (tokenCache.ts: access cut, invite accepted) in any process.
   */
  private readonly members = new LRUCache<string, MembershipRow[]>({
    max: MAX_MEMBERS,
    // A missed invalidation (a notifier that could not hear) lasts no longer than this.
    ttl: MEMBERS_TTL_MS,
  });
  /** Moves whenever cached memberships may be stale: a pull that saw it move reads them again. */
  membershipEpoch = 0;
  private readonly stopInvalidations: () => void;

  constructor(
    private readonly ctx: StoreContext,
    options: LogTailOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
    this.maxRows = options.maxRows ?? MAX_ROWS;
    this.stopInvalidations = ctx.notifier.onInvalidate((id) => this.forgetMemberships(id));
    // An app pulls because it heard of a change: the tail must hold it, however young.
    this.stopListening = ctx.notifier.subscribe((n) => {
      const at = parseCursor(n.cursor);
      if (at) this.heard(n.brandId, at);
    });
  }

  /** A change was written or announced at `at`: the next pull of the brand reads up to it. */
  heard(brandId: string, at: Position) {
    const known = this.announced.get(brandId);
    // Heard again (written here, then announced once readable): read again.
    if (this.tails.has(brandId) && (!known || comparePositions(at, known.at) >= 0))
      this.announced.set(brandId, { at, time: performance.now() });
  }

  stop() {
    this.stopListening();
    this.stopInvalidations();
  }

  /** The advocate's memberships, the cached rows when they cover `brandIds`. */
  async membershipsOf(advocateId: string, brandIds: string[]): Promise<MembershipRow[]> {
    const held = this.members.get(advocateId);
    if (held && brandIds.every((b) => held.some((m) => m.brand_id === b))) return held;
    const epoch = this.membershipEpoch;
    const rows = await readMemberships(this.ctx, advocateId);
    // Read before an invalidation that came meanwhile: maybe stale, so not kept.
    if (epoch === this.membershipEpoch)
      this.members.set(advocateId, rows, { ttl: cacheLifetime(MEMBERS_TTL_MS) });
    return rows;
  }

  /**
   * Keeps memberships read elsewhere (with the advocate's token: tokens.ts) when no invalidation
   * came since `readAt` (`membershipEpoch` before that read). For the whole TTL, so that they
   * outlive the token's cache entry (at most the same TTL) and are read again with it.
   */
  keepMemberships(advocateId: string, rows: MembershipRow[], readAt: number) {
    if (readAt === this.membershipEpoch)
      this.members.set(advocateId, rows, { ttl: MEMBERS_TTL_MS });
  }

  private forgetMemberships(advocateId: string) {
    this.membershipEpoch++;
    if (advocateId === EVERYONE) this.members.clear();
    else this.members.delete(advocateId);
  }

  private stale(t: BrandTail, after: Position, now: number): boolean {
    if (t.upTo === null || now - t.refreshedAt > this.maxAgeMs) return true;
    if (comparePositions(after, t.upTo) > 0) return true;
    // Read again once after hearing of it; not readable yet (PostgreSQL, an older transaction
    // still open) it waits for the next refresh by age.
    const heard = this.announced.get(t.brandId);
    return !!heard && heard.time > t.refreshedAt && comparePositions(heard.at, t.upTo) > 0;
  }

  /**
   * The rows `readChangeLog` returns for this query at the tails' horizon, or null when a brand's
   * tail starts after the cursor (the caller reads the log instead).
   */
  async read(
    brandIds: string[],
    advocateId: string,
    after: Position,
    limit: number,
  ): Promise<TailRead | null> {
    const forget = (advocateId: string) => this.forgetMemberships(advocateId);
    const tails = brandIds.map((id) => {
      let t = this.tails.get(id);
      if (!t) {
        this.tails.set(id, (t = new BrandTail(this.ctx, id, this.maxRows, forget)));
        // Membership rows written while this process had no tail of the brand went unread.
        forget(EVERYONE);
      }
      return t;
    });
    const now = performance.now();
    // Twice: a refresh already running when this pull came may have started before its change.
    for (let round = 0; round < 2; round++) {
      const due = tails.filter((t) => this.stale(t, after, now));
      if (due.length === 0) break;
      await Promise.all(due.map((t) => t.refresh()));
    }
    // One horizon for every brand: a row of one brand above another's `upTo` could be followed,
    // below it, by a row of the other brand not read yet, which the next cursor would pass.
    let cut: Position | null = null;
    for (const t of tails) {
      if (t.upTo === null || comparePositions(after, t.floor) < 0) return fellBack();
      if (cut === null || comparePositions(t.upTo, cut) < 0) cut = t.upTo;
    }
    // A cursor from a replica that has read further than this one: its log answers it.
    if (cut === null || comparePositions(after, cut) > 0) return fellBack();
    tailReads.served++;
    const rows = tails
      .flatMap((t) => t.rowsFor(advocateId, after, cut, limit))
      .sort((a, b) => comparePositions(positionOf(a), positionOf(b)))
      .slice(0, limit);
    const byBrand = new Map(tails.map((t) => [t.brandId, t]));
    return {
      rows,
      tasks: async (ids) => {
        const out = new Map<string, LoadedTask>();
        const brandOf = new Map(rows.map((r) => [r.entity_id, r.brand_id]));
        const perBrand = new Map<string, string[]>();
        for (const id of ids) {
          const b = brandOf.get(id)!;
          const list = perBrand.get(b);
          if (list) list.push(id);
          else perBrand.set(b, [id]);
        }
        for (const [b, list] of perBrand)
          for (const [id, t] of await byBrand.get(b)!.loadTasks(list)) out.set(id, t);
        return out;
      },
    };
  }
}
