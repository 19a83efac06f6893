/**
 * Sends due webhook deliveries, signed: `x-gigdesk-signature: t=<unix ms>,v1=<hex>` where v1 is
 * HMAC-SHA256 with the endpoint's secret over `<t>.<body>`. A receiver recomputes it, compares
 * in constant time and refuses an old `t` (replays). Anything but a 2xx within the timeout is a
 * failed attempt, retried with capped exponential backoff (store/webhooks.ts).
 */
import { createHmac } from 'node:crypto';
import type { Store } from '../store';
import { refusedDelivery } from './targets';

export const SIGNATURE_HEADER = 'x-gigdesk-signature';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export interface DispatchOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Development only: also deliver to loopback, private and link-local addresses. */
  allowInternalTargets?: boolean;
}

/** Queues new events, then attempts every due delivery once. */
export async function deliverWebhooks(store: Store, now: number, options: DispatchOptions = {}) {
  const send = options.fetch ?? fetch;
  const queued = await store.console.queueWebhookEvents(now);
  const due = await store.console.dueDeliveries(now);
  let delivered = 0;
  for (const d of due) {
    let result: { ok: boolean; status: number | null; error: string | null };
    const refused = options.allowInternalTargets ? null : await refusedDelivery(d.url);
    if (refused) {
      await store.console.recordAttempt(d, { ok: false, status: null, error: refused }, now);
      continue;
    }
    try {
      const res = await send(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(d.secret, now, d.payload),
          'x-gigdesk-event': d.event,
          'x-gigdesk-delivery': d.id,
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      await res.body?.cancel();
      result = { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      result = { ok: false, status: null, error: cause?.code ?? (err as Error).name };
    }
    await store.console.recordAttempt(d, result, now);
    if (result.ok) delivered++;
  }
  return { queued, attempted: due.length, delivered };
}
