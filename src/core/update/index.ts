export { createUpdateController, UPDATE_CHECK_INTERVAL_MS } from './controller';
export type { UpdateController, UpdateControllerOptions } from './controller';
export { noUpdateSource } from './source';
export type { UpdateOffer, UpdateSource } from './source';
export { describeUpdateError } from './describeError';
