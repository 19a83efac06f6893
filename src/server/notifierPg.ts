import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type ChangeNotifier, EVERYONE, localFanOut, type LogNotice } from './notifier';

const CHANNEL = 'gigdesk_changes';
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7000;
const RECONNECT_MS = 1000;

export interface PgNotifier extends ChangeNotifier {
  /** Resolves once this process LISTENs (tests wait for it before writing on another replica). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * `ChangeNotifier` across replicas over PostgreSQL LISTEN/NOTIFY: a commit on any replica
 * reaches `/v1/events` streams on every replica, so SSE needs no sticky sessions. Listeners in
 * this process hear their own publishes at once; the echo of those from PostgreSQL is dropped by
 * origin id. Notices are hints ("pull now"), never data: one lost while the LISTEN connection
 * reconnects costs an advocate a later pull, not a change.
 */
export function pgNotifier(url: string): PgNotifier {
  const origin = randomUUID();
  const local = localFanOut();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client === c) client = undefined;
      c.removeAllListeners('notification');
      if (!closed && !retry)
        retry = setTimeout(() => ((retry = undefined), void connect()), RECONNECT_MS);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const { o, n, i } = JSON.parse(msg.payload) as {
          o: string;
          n?: LogNotice[];
          i?: string[];
        };
        if (o === origin) return;
        if (i) local.emitInvalidations(i);
        if (n) local.emitNotices(n);
      } catch {
        // Not ours (another tool on the channel): ignore.
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      client = c;
      // Invalidations sent while this process was not listening are lost: forget everything.
      local.emitInvalidations([EVERYONE]);
      markReady();
    } catch {
      c.end().catch(() => {});
      lost();
    }
  };
  void connect();

  // One query at a time on the LISTEN connection, in publish order.
  let sending: Promise<unknown> = Promise.resolve();
  const notify = (payload: string) => {
    sending = sending
      .then(() => client?.query('select pg_notify($1, $2)', [CHANNEL, payload]))
      .catch(() => {});
  };

  return {
    ready,
    publish(notices) {
      if (notices.length === 0) return;
      local.emitNotices(notices);
      for (const batch of chunked(notices)) notify(JSON.stringify({ o: origin, n: batch }));
    },
    subscribe: local.subscribe,
    invalidate(advocateIds) {
      if (advocateIds.length === 0) return;
      local.emitInvalidations(advocateIds);
      for (const batch of chunked(advocateIds)) notify(JSON.stringify({ o: origin, i: batch }));
    },
    onInvalidate: local.onInvalidate,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}

/** Batches whose JSON stays below PostgreSQL's NOTIFY payload limit. */
function chunked<T>(items: T[]): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (JSON.stringify(batch).length > MAX_PAYLOAD) {
      out.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
