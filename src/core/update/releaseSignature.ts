import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Release manifests (`latest*.yml`) carry an ed25519 signature in their `signature` field. It
 * covers every other field, so it covers what decides which bytes get installed: the version,
 * each file's url, size and sha512 (electron-updater checks the downloaded bytes, full or
 * differential, against exactly these values of the object verified here).
 *
 * Left out: the signature itself, and `stagingPercentage`, which release managers raise during
 * a staged rollout without re-signing; it only decides *who* gets the signed release.
 */
const UNSIGNED_FIELDS: ReadonlySet<string> = new Set(['signature', 'stagingPercentage']);

/** Domain separation: these bytes can never be mistaken for another signed Gigdesk message. */
const CONTEXT = 'gigdesk-update-manifest/v1\n';
const SIGNATURE_BYTES = 64;

export class UpdateSignatureError extends Error {
  readonly code = 'ERR_UPDATE_SIGNATURE';
}

/**
 * The exact bytes signed: the manifest as parsed from YAML, as JSON with object keys sorted,
 * so that the release script and the app agree whatever the YAML's layout or key order.
 */
export function manifestSigningBytes(manifest: Record<string, unknown>): Buffer {
  const signed = Object.fromEntries(
    Object.entries(manifest).filter(([key]) => !UNSIGNED_FIELDS.has(key)),
  );
  const canonical = JSON.stringify(signed, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return Buffer.from(CONTEXT + canonical, 'utf8');
}

/** Signs a parsed manifest with the release private key (scripts/signRelease.ts). */
export function signManifest(manifest: Record<string, unknown>, privateKey: KeyObject): string {
  return sign(null, manifestSigningBytes(manifest), privateKey).toString('base64');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Throws UpdateSignatureError unless `manifest` carries a valid signature by `publicKey`. */
export function verifyManifest(manifest: unknown, publicKey: KeyObject): void {
  if (!isRecord(manifest)) throw new UpdateSignatureError('The update manifest is not an object.');
  const encoded = manifest['signature'];
  if (typeof encoded !== 'string' || encoded === '') {
    throw new UpdateSignatureError('The update manifest is not signed.');
  }
  const signature = Buffer.from(encoded, 'base64');
  // Buffer.from skips characters outside base64: insist on the one canonical spelling.
  if (signature.length !== SIGNATURE_BYTES || signature.toString('base64') !== encoded) {
    throw new UpdateSignatureError('The update manifest signature is malformed.');
  }
  if (!verify(null, manifestSigningBytes(manifest), publicKey, signature)) {
    throw new UpdateSignatureError('The update manifest signature does not match the release key.');
  }
}

/** An ed25519 public key from PEM (SPKI); anything else is refused. */
export function releasePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The release key must be ed25519, not ${key.asymmetricKeyType}.`);
  }
  return key;
}
