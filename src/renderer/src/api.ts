import type { Channel, EventName, EventPayload, Input, Output } from '../../shared/contract';
import { codeText, type ErrorInfo, type Result } from '../../shared/result';

/** A failed call, carrying the handler's error code and message. */
export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
  }
}

/** The one typed wrapper over `window.gigdesk`: answers the Result as it came. */
export function call<C extends Channel>(channel: C, input?: Input<C>): Promise<Result<Output<C>>> {
  const fn = window.gigdesk[channel] as (input?: Input<C>) => Promise<Result<Output<C>>>;
  return fn(input);
}

/** Like `call`, but resolves to the value and rejects with an ApiError. */
export async function invoke<C extends Channel>(channel: C, input?: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return window.gigdesk.on(event, listener);
}

/**
 * A failure as data, for a store or a component to keep and word only when shown (so the words
 * follow a language switch): a handler's answer as it came; anything else (a broken bridge, a
 * bug) as `internal`, its own English kept in `message` for logs, never shown.
 */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.info;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, text: codeText('internal') };
}
