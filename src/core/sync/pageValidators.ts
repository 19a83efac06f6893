/**
 * The sync client's response checks, compiled ahead of time from the zod schemas (see
 * scripts/syncValidators.mts): the same accept/reject answers as `Schema.safeParse`, without
 * walking a 10,000-change page through zod. Accepted values are the parsed JSON itself (no
 * schema here transforms or defaults anything, so zod would return an equal value).
 */
import type { BrandSnapshot, OwnSnapshot, SyncResponse } from '../../shared/protocol';
import {
  validateBrandSnapshot,
  validateOwnSnapshot,
  validateSyncResponse,
} from './syncValidators.generated';

/** What the client needs of a schema: zod schemas and compiled checks both are one. */
export interface ResponseCheck<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const compiled = <T>(validate: (value: unknown) => boolean): ResponseCheck<T> => ({
  safeParse: (value) =>
    validate(value) ? { success: true, data: value as T } : { success: false },
});

export const syncResponseCheck = compiled<SyncResponse>(validateSyncResponse);
export const brandSnapshotCheck = compiled<BrandSnapshot>(validateBrandSnapshot);
export const ownSnapshotCheck = compiled<OwnSnapshot>(validateOwnSnapshot);
