import { ChangeNotice } from '../../shared/protocol';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import type { FeedClient } from './client';

export interface EventStreamOptions {
  client: FeedClient;
  /**
   * Called on (re)connect (`null`: pull to catch up) and on every `change` event with the cursor
   * that holds it: "pull, unless you hold that cursor already".
   */
  onChange: (cursor: string | null) => void;
  /** An open stream dropped: a sync attempt tells whether the server is gone. */
  onDrop: () => void;
  signal: AbortSignal;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Reconnect when nothing (not even a heartbeat) arrived for this long. */
  idleTimeoutMs?: number;
}

/**
 * Listens to `GET /v1/events` and reconnects with capped, jittered backoff until the signal
 * aborts. Each (re)connect asks for a pull too, since changes may have happened while away.
 */
export async function listenForChanges(o: EventStreamOptions): Promise<void> {
  let attempt = 0;
  while (!o.signal.aborted) {
    const connection = new AbortController();
    const stop = () => connection.abort();
    o.signal.addEventListener('abort', stop, { once: true });
    let idle: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    const resetIdle = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(stop, o.idleTimeoutMs ?? 75_000);
    };
    try {
      const body = await o.client.openEvents(connection.signal);
      opened = true;
      attempt = 0;
      resetIdle();
      o.onChange(null);
      await readEvents(body, (event, data) => {
        resetIdle();
        if (event === 'change') o.onChange(cursorOf(data));
      });
    } catch {
      // Dropped or refused: fall through to the backoff below.
    } finally {
      if (idle) clearTimeout(idle);
      o.signal.removeEventListener('abort', stop);
      connection.abort();
    }
    if (o.signal.aborted) return;
    if (opened) o.onDrop();
    const delay = backoffDelay(attempt++, o.backoff ?? defaultBackoff, o.random ?? Math.random);
    await sleep(delay, o.signal);
  }
}

/** The cursor a `change` event carries; null when it carries none we can read (then: pull). */
function cursorOf(data: string): string | null {
  try {
    const notice = ChangeNotice.safeParse(JSON.parse(data));
    return notice.success ? notice.data.cursor : null;
  } catch {
    return null;
  }
}

/** Parses a text/event-stream body; calls `onEvent` with each event's name and data. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  let name = 'message';
  let data: string[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        onEvent(name, data.join('\n'));
        name = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        onEvent('heartbeat', '');
      } else if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
