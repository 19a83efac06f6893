import type { Channel, EventName, EventPayload, Input, Output } from './contract';
import type { Result } from './result';

/** What `window.gigdesk` looks like: one function per channel, plus `on` for contract events. */
export type GigdeskApi = {
  [C in Channel]: (input?: Input<C>) => Promise<Result<Output<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
