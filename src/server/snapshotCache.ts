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
 */
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import type { Capabilities } from '../shared/capabilities';
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
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `json` in `encoding`, compressed on the thread pool, off the event loop. */
export function encode(json: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'identity') return Promise.resolve(json);
  return encoding === 'br'
    ? brotli(json, brotliOptions(json.length))
    : gzipAsync(json, { level: 6 });
}

interface Entry {
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
  /** Entries built so far (for tests and the benchmark). */
  readonly builds: number;
}

export function snapshotCache(
  reads: SnapshotReads,
  now: () => number,
  options: SnapshotCacheOptions = {},
): SnapshotCache {
  const maxLag = options.maxLag ?? 1000;
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const serveStaleMs = options.serveStaleMs ?? 30 * 60_000;
  const entries = new Map<string, Entry>();
  let builds = 0;

  const build = async (brandId: string, tier: number, suspended: boolean, caps: Capabilities) => {
    builds++;
    const parts = await reads.brandParts(brandId, tier, suspended, now(), caps);
    const body = await writeSnapshotBody(parts);
    let json: Buffer | undefined;
    const whole = () => (json ??= Buffer.concat(body.json));
    const encoded = new Map<Encoding, Promise<Buffer>>([['br', body.br]]);
    const made: CachedSnapshot = {
      cursor: parts.head.cursor,
      builtAt: parts.head.builtAt,
      etag: body.etag,
      body(encoding) {
        let bytes = encoded.get(encoding);
        if (!bytes) {
          // Once per encoding.
          bytes = encode(whole(), encoding);
          encoded.set(encoding, bytes);
        }
        return bytes;
      },
    };
    // Built only once its compressed body is: a failed compression fails the build.
    await body.br;
    return made;
  };

  const stale = async (brandId: string, entry: Entry): Promise<boolean> => {
    const s = await entry.snapshot;
    if (now() - s.builtAt > maxAgeMs) return true;
    if (now() - entry.checkedAt < checkEveryMs) return false;
    entry.checkedAt = now();
    return (await reads.lag(brandId, s.cursor, maxLag + 1)) > maxLag;
  };

  return {
    get builds() {
      return builds;
    },
    async get(brandId, tier, suspended, caps) {
      const key = [brandId, tier, suspended ? 1 : 0, ...[...caps].sort()].join('\u0000');
      const held = entries.get(key);
      if (held) {
        const isStale = await stale(brandId, held).catch(() => true);
        // Another request may have replaced it meanwhile: rebuild only what is still there.
        if (!isStale || entries.get(key) !== held) return (entries.get(key) ?? held).snapshot;
        const old = await held.snapshot.catch(() => null);
        if (old && now() - old.builtAt <= serveStaleMs) {
          held.next ??= build(brandId, tier, suspended, caps).then(
            (snapshot) => {
              if (entries.get(key) === held)
                entries.set(key, { snapshot: Promise.resolve(snapshot), checkedAt: now() });
            },
            // The stale one stays; the next request past the check tries again.
            () => (held.next = undefined),
          );
          return held.snapshot;
        }
      }
      const entry: Entry = { snapshot: build(brandId, tier, suspended, caps), checkedAt: now() };
      entries.set(key, entry);
      entry.snapshot.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.snapshot;
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
