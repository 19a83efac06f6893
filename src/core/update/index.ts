export { createUpdateController, UPDATE_CHECK_INTERVAL_MS } from './controller';
export type { UpdateController, UpdateControllerOptions } from './controller';
export { noUpdateSource } from './source';
export type { UpdateOffer, UpdateSource } from './source';
export { describeUpdateError } from './describeError';
export {
  manifestSigningBytes,
  releasePublicKey,
  signManifest,
  UpdateSignatureError,
  verifyManifest,
} from './releaseSignature';
export { RELEASE_PUBLIC_KEY_PEM } from './releaseKey';
