import type { Services } from '../services';
import { createAppSync } from './appSync';
import type { SyncController } from '../sync/controller';
import { appHandlers } from './appHandlers';
import { coursesHandlers } from './coursesHandlers';
import { customersHandlers } from './customersHandlers';
import { earningsHandlers } from './earningsHandlers';
import { feedHandlers } from './feedHandlers';
import { kbHandlers } from './kbHandlers';
import { kbFeedbackHandlers } from './kbFeedbackHandlers';
import { nbaHandlers } from './nbaHandlers';
import { notSentHandlers } from './notSentHandlers';
import { sessionHandlers } from './sessionHandlers';
import { syncHandlers } from './syncHandlers';
import { ticketsHandlers } from './ticketsHandlers';
import { trustHandlers } from './trustHandlers';
import type { Handlers } from './types';
import { updateHandlers } from './updateHandlers';
import { diagnosticsHandlers } from './diagnosticsHandlers';
import { gateWrites } from './writeGated';

/**
 * Every channel's handler. Typed as `Handlers`, so a channel without one fails to compile.
 * Pass the sync controller to own its lifecycle (start at launch, stop before closing the db).
 * Channels that write wait while initial sync's bulk load holds the write lock (writeGated.ts).
 */
export function createHandlers(
  services: Services,
  sync: SyncController = createAppSync(services),
): Handlers {
  const handlers: Handlers = {
    ...appHandlers(services),
    ...coursesHandlers(services, sync),
    ...customersHandlers(services, sync),
    ...earningsHandlers(services),
    ...sessionHandlers(services, sync),
    ...feedHandlers(services, sync),
    ...kbHandlers(services),
    ...kbFeedbackHandlers(services, sync),
    ...nbaHandlers(services),
    ...notSentHandlers(services, sync),
    ...syncHandlers(services, sync),
    ...ticketsHandlers(services, sync),
    ...trustHandlers(services),
    ...updateHandlers(services),
    ...diagnosticsHandlers(services),
  };
  return gateWrites(handlers, sync.writes);
}
