import type { Services } from '../services';
import { appHandlers } from './appHandlers';
import { sessionHandlers } from './sessionHandlers';
import type { Handlers } from './types';

/** Every channel's handler. Typed as `Handlers`, so a channel without one fails to compile. */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...sessionHandlers(services),
  };
}
