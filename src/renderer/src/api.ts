import type { Channel, EventName, EventPayload, Input, Output } from '../../shared/contract';
import type { ErrorInfo, Result } from '../../shared/result';
import { errorText } from './i18n/errorText';

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

/** What to show for a failure: a core error in the language shown, else the error's own text. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return errorText(error.info);
  return error instanceof Error ? error.message : String(error);
}
