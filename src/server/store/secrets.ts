import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { v7 as uuidV7 } from 'uuid';

/** Only these hashes are stored; the secrets themselves are shown once and never logged. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export const newId = (): string => randomUUID();

/**
 * The id of a task or a message: a UUID whose first 48 bits are its creation time (version 7,
 * increasing within this process), so that rows written in creation order are written in id
 * order. Apps load a brand's tasks and their messages in creation order in one transaction; with
 * random ids each row's primary-key entry went to a random place in a B-tree larger than the
 * page cache (~1 µs of the app's CPU a row more than an append); PostgreSQL's primary keys of
 * these tables get the same locality. An id then tells when its row reached the server, nothing
 * more than its times already tell. Other ids stay random: an advocate's would date the account.
 */
export const newOrderedId = (): string => uuidV7();

export const newAdminKey = (): string => `gdk_${randomBytes(32).toString('base64url')}`;
export const newDeviceToken = (): string => `gdt_${randomBytes(32).toString('base64url')}`;
export const isAdminKey = (s: string): boolean => s.startsWith('gdk_');
export const isDeviceToken = (s: string): boolean => s.startsWith('gdt_');

// Crockford-style alphabet: no I, L, O, U, so codes survive being read aloud or retyped.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `XXXX-XXXX-XXXX`, 60 bits. */
export function newInviteCode(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[bytes[i]! % 32];
  }
  return out;
}

export const normalizeInviteCode = (code: string): string =>
  code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

export const hashInviteCode = (code: string): string =>
  hashSecret(`invite:${normalizeInviteCode(code)}`);

/** Content fingerprint for idempotent upserts and idempotency-key bodies. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A random bearer secret with a recognizable prefix (`gds_` session, `gda_` admin invite, …). */
export const newSecret = (prefix: string): string =>
  `${prefix}_${randomBytes(32).toString('base64url')}`;
