/**
 * Brand snapshots built once per (brand, tier, suspended, capabilities) and shared by every advocate asking
 * for the same one: serialized once and compressed once per encoding, so serving one costs a
 * membership lookup and a write of bytes already made.
 *
 * Staleness bound: a cached snapshot is served while the brand has at most `maxLag` change rows
 * after its cursor and it is younger than `maxAgeMs`; past either it is rebuilt (once, however
 * many ask at that moment). Serving a stale one is correct, only more work for the app: it
 * continues `/v1/sync` from the snapshot's own cursor and pulls what happened since. So while a
 * rebuild runs, a stale snapshot younger than `serveStaleMs` is served at once (a 100k-task
 * brand takes seconds to build): only the first advocate of a (brand, tier) waits for a build.
 *
 * Built ahead (`warm`): after an admin push, once the brand's pushes pause for `warmAfterMs`,
 * every snapshot of the brand already cached that the push left past the staleness bound is
 * rebuilt, and for each tier its members hold the one today's app asks for is built, before
 * anyone asks: the first advocate after a brand's
 * import does not wait for its build. One build at a time per brand; what is asked for meanwhile
 * waits for that same build (never a second one). Only in the process that took the push: other
 * replicas build on their first ask, as before.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, gzip } from 'node:zlib';
import { ALL_CAPABILITIES, type Capabilities } from '../shared/capabilities';
import { brotliOptions, writeSnapshotBody } from './snapshotBody';
import type { SnapshotReads } from './store/snapshot';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface CachedSnapshot {
  cursor: string;
  builtAt: number;
  etag: string;
  body(encoding: Encoding): Promise<Buffer>;
}

export interface SnapshotCacheOptions {
  maxLag?: number;
  maxAgeMs?: number;
  /** How often one cached entry's lag is checked against the log (the check is a query). */
  checkEveryMs?: number;
  /** A stale snapshot up to this old is served while its replacement is built. */
  serveStaleMs?: number;
  /** `warm` builds this long after the brand's last push (null: never ahead). */
  warmAfterMs?: number | null;
  /** ... and at the latest this long after the first push it waits on. */
  warmWithinMs?: number;
  /** Told when each build ends, built or failed (for the benchmark). */
  onBuilt?: () => void;
}

const brotli = promisify(brotliCompress);
const brotliDecompressAsync = promisify(brotliDecompress);
const gzipAsync = promisify(gzip);

/** `json` in `encoding`, compressed on the thread pool, off the event loop. */
export function encode(json: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'identity') return Promise.resolve(json);
  return encoding === 'br'
    ? brotli(json, brotliOptions(json.length))
    : gzipAsync(json, { level: 6 });
}

type Key = [brandId: string, tier: number, suspended: boolean, caps: Capabilities];

interface Entry {
  key: Key;
  /** When its build started (`stamp`, counting up): a build started after a push holds it. */
  born: number;
  snapshot: Promise<CachedSnapshot>;
  checkedAt: number;
  /** Its replacement, while one is being built. */
  next?: Promise<unknown>;
}

export interface SnapshotCache {
  get(
    brandId: string,
    tier: number,
    suspended: boolean,
    caps: Capabilities,
  ): Promise<CachedSnapshot>;
  /** After an admin push to the brand: builds its snapshots ahead (see the head of this file). */
  warm(brandId: string): void;
  /** Resolves once no build ahead is pending or running (for tests and the benchmark). */
  warmed(): Promise<void>;
  /** Cancels builds ahead not yet started. */
  close(): void;
  /** Entries built so far (for tests and the benchmark). */
  readonly builds: number;
}

const keyText = ([brandId, tier, suspended, caps]: Key) =>
  [brandId, tier, suspended ? 1 : 0, ...[...caps].sort()].join('\u0000');

export function snapshotCache(
  reads: SnapshotReads,
  now: () => number,
  options: SnapshotCacheOptions = {},
): SnapshotCache {
  const maxLag = options.maxLag ?? 1000;
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const serveStaleMs = options.serveStaleMs ?? 30 * 60_000;
  const warmAfterMs = options.warmAfterMs === undefined ? 2_000 : options.warmAfterMs;
  const warmWithinMs = options.warmWithinMs ?? 30_000;
  const entries = new Map<string, Entry>();
  let builds = 0;
  let stamp = 0;

  const build = (key: Key): Promise<CachedSnapshot> => {
    const built = make(key);
    // Only with a listener: `then` without handlers would make a second promise that rejects
    // with a failed build, unhandled (which ends the process). The caller handles `built`.
    const onBuilt = options.onBuilt;
    if (onBuilt) built.then(onBuilt, onBuilt);
    return built;
  };

  const make = async ([brandId, tier, suspended, caps]: Key) => {
    builds++;
    const { head, br, etag } = await reads.brandParts(
      brandId,
      tier,
      suspended,
      now(),
      caps,
      async (parts) => ({ head: parts.head, ...(await writeSnapshotBody(parts)) }),
    );
    // Only the brotli body is kept (~5 MB for 100k tasks, not the ~33 MB of JSON it was made
    // from): the app asks for brotli; another encoding is made once from its decompression.
    const encoded = new Map<Encoding, Promise<Buffer>>([['br', br]]);
    const made: CachedSnapshot = {
      cursor: head.cursor,
      builtAt: head.builtAt,
      etag,
      body(encoding) {
        let bytes = encoded.get(encoding);
        if (!bytes) {
          // Once per encoding.
          bytes = br.then((b) => brotliDecompressAsync(b)).then((j) => encode(j, encoding));
          encoded.set(encoding, bytes);
        }
        return bytes;
      },
    };
    // Built only once its compressed body is: a failed compression fails the build.
    await br;
    return made;
  };

  /** The staleness bound: older than `maxAgeMs`, or more than `maxLag` change rows behind. */
  const behind = async (brandId: string, s: CachedSnapshot): Promise<boolean> =>
    now() - s.builtAt > maxAgeMs || (await reads.lag(brandId, s.cursor, maxLag + 1)) > maxLag;

  const stale = async (brandId: string, entry: Entry): Promise<boolean> => {
    const s = await entry.snapshot;
    if (now() - s.builtAt > maxAgeMs) return true;
    if (now() - entry.checkedAt < checkEveryMs) return false;
    entry.checkedAt = now();
    return behind(brandId, s);
  };

  /** A new entry for `key`, its build under way: whoever asks meanwhile waits for this build. */
  const fresh = (text: string, key: Key): Entry => {
    const entry: Entry = { key, born: ++stamp, snapshot: build(key), checkedAt: now() };
    entries.set(text, entry);
    entry.snapshot.catch(() => {
      if (entries.get(text) === entry) entries.delete(text);
    });
    return entry;
  };

  /** Rebuilds `held`'s snapshot (once) while it is still served; settles when that is done. */
  const replace = (text: string, held: Entry): Promise<unknown> => {
    const born = ++stamp;
    return (held.next ??= build(held.key).then(
      (snapshot) => {
        if (entries.get(text) === held)
          entries.set(text, {
            key: held.key,
            born,
            snapshot: Promise.resolve(snapshot),
            checkedAt: now(),
          });
      },
      // The stale one stays; the next request past the check tries again.
      () => (held.next = undefined),
    ));
  };

  interface Warming {
    firstAt: number;
    /** `stamp` at the latest push: a build started after it needs no rebuild. */
    pushedAt: number;
    timer?: NodeJS.Timeout;
    running: boolean;
    /** Pushed to again while building: build once more after. */
    again: boolean;
    done: Promise<void>;
    finish(): void;
  }
  const warming = new Map<string, Warming>();
  let closed = false;

  const schedule = (brandId: string, w: Warming, waitMs: number) => {
    w.timer = setTimeout(() => void runWarm(brandId, w), waitMs);
    w.timer.unref();
  };

  /** Builds the brand's snapshots ahead, one at a time: those cached, and each member tier's. */
  const runWarm = async (brandId: string, w: Warming) => {
    w.timer = undefined;
    w.running = true;
    try {
      const keys = new Map<string, Key>();
      for (const [text, e] of entries) if (e.key[0] === brandId) keys.set(text, e.key);
      for (const v of await reads.viewers(brandId)) {
        const key: Key = [brandId, v.tier, v.suspended, ALL_CAPABILITIES];
        keys.set(keyText(key), key);
      }
      for (const [text, key] of keys) {
        if (closed) return;
        const held = entries.get(text);
        // Built (or building) since the push, for whoever asked first: nothing to do.
        if (held && held.born > w.pushedAt) continue;
        if (!held) {
          await fresh(text, key).snapshot.catch(() => null);
          continue;
        }
        // A build already under way may have read before the push: rebuild after it, if the
        // push left it past the staleness bound (a few new rows cost the app a short pull; a
        // rebuild of a big brand costs seconds of CPU, so a steady trickle of pushes must not
        // rebuild it every `warmWithinMs`).
        const snapshot = await held.snapshot.catch(() => null);
        if (entries.get(text) !== held) continue;
        if (snapshot === null || (await behind(brandId, snapshot))) await replace(text, held);
      }
    } catch {
      // Nothing built ahead: the next ask builds, as it would without this.
    } finally {
      w.running = false;
      if (w.again && !closed) {
        w.again = false;
        w.firstAt = now();
        schedule(brandId, w, warmAfterMs ?? 0);
      } else {
        if (warming.get(brandId) === w) warming.delete(brandId);
        w.finish();
      }
    }
  };

  return {
    get builds() {
      return builds;
    },
    async get(brandId, tier, suspended, caps) {
      const key: Key = [brandId, tier, suspended, caps];
      const text = keyText(key);
      const held = entries.get(text);
      if (held) {
        const isStale = await stale(brandId, held).catch(() => true);
        // Another request may have replaced it meanwhile: rebuild only what is still there.
        if (!isStale || entries.get(text) !== held) return (entries.get(text) ?? held).snapshot;
        const old = await held.snapshot.catch(() => null);
        if (old && now() - old.builtAt <= serveStaleMs) {
          replace(text, held);
          return held.snapshot;
        }
      }
      return fresh(text, key).snapshot;
    },
    warm(brandId) {
      if (warmAfterMs === null) return;
      let w = warming.get(brandId);
      if (!w) {
        let finish = () => {};
        const done = new Promise<void>((resolve) => (finish = resolve));
        w = { firstAt: now(), pushedAt: stamp, running: false, again: false, done, finish };
        warming.set(brandId, w);
      }
      w.pushedAt = stamp;
      if (w.running) {
        // A push during a build ahead: that build may not hold it; another follows.
        w.again = true;
        return;
      }
      // Pushes come in batches (500 items each): build once they pause, or within warmWithinMs.
      if (w.timer) clearTimeout(w.timer);
      schedule(brandId, w, Math.max(0, Math.min(warmAfterMs, w.firstAt + warmWithinMs - now())));
    },
    async warmed() {
      while (warming.size > 0) await Promise.race([...warming.values()].map((w) => w.done));
    },
    close() {
      closed = true;
      for (const w of warming.values()) if (w.timer) clearTimeout(w.timer);
      for (const w of warming.values()) w.finish();
      warming.clear();
    },
  };
}

/** The best encoding the `Accept-Encoding` header allows: brotli, then gzip, else none. */
export function negotiateEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}
