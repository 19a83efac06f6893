import type { Channel, Output, ParsedInput } from '../../shared/contract';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<Output<C>>;

/** A feature's slice of the handler map. */
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };

/** Every channel of the contract, each with its handler: a missing one is a compile error. */
export type Handlers = HandlerMap<Channel>;
