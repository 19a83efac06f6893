import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RELEASE_PUBLIC_KEY_PEM,
  releasePublicKey,
  signManifest,
  verifyManifest,
} from '../../../src/core/update';

const keys = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Manifests shaped like latest*.yml, with room for fields electron-builder may add later. */
const manifest = fc.record(
  {
    version: fc.stringMatching(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/),
    files: fc.array(
      fc.record({
        url: fc.string({ minLength: 1 }),
        sha512: fc.base64String({ minLength: 88, maxLength: 88 }),
        size: fc.nat(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    path: fc.string(),
    sha512: fc.base64String(),
    releaseDate: fc.string(),
    releaseNotes: fc.option(fc.string({ unit: 'grapheme' })),
    extra: fc.jsonValue(),
  },
  { requiredKeys: ['version', 'files'] },
) as fc.Arbitrary<Record<string, Json>>;

/** Every path to a leaf value (what a compromised host could change). */
function leaves(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  const inner = entries.flatMap(([k, v]) => leaves(v, [...at, k]));
  return inner.length > 0 ? inner : [at];
}

function changedAt(root: Json, path: (string | number)[]): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return copy;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const key = path.at(-1)!;
  const old = parent[key];
  parent[key] =
    typeof old === 'string'
      ? `${old}x`
      : typeof old === 'number'
        ? old === 0
          ? 1
          : -old
        : typeof old === 'boolean'
          ? !old
          : old === null
            ? 0
            : null;
  return copy;
}

const signed = (m: Record<string, Json>): Record<string, Json> => ({
  ...m,
  signature: signManifest(m, keys.privateKey),
});

describe('release manifest signatures (ed25519)', () => {
  it('accepts what the release key signed, whatever the key order and staging percentage', () => {
    fc.assert(
      fc.property(manifest, fc.integer({ min: 0, max: 100 }), (m, staging) => {
        const s = signed(m);
        expect(() => verifyManifest(s, keys.publicKey)).not.toThrow();
        const reordered = Object.fromEntries(Object.entries(s).reverse());
        expect(() => verifyManifest(reordered, keys.publicKey)).not.toThrow();
        expect(() =>
          verifyManifest({ ...s, stagingPercentage: staging }, keys.publicKey),
        ).not.toThrow();
      }),
    );
  });

  it('refuses any change to any signed value', () => {
    fc.assert(
      fc.property(
        manifest.chain((m) => fc.tuple(fc.constant(m), fc.constantFrom(...leaves(m)))),
        ([m, path]) => {
          const s = signed(m);
          const changed = changedAt(s, path) as Record<string, Json>;
          fc.pre(path[0] !== 'signature');
          expect(() => verifyManifest(changed, keys.publicKey)).toThrow(/does not match/);
        },
      ),
    );
  });

  it('refuses a manifest that is unsigned, signed by another key, or carries a malformed signature', () => {
    fc.assert(
      fc.property(manifest, (m) => {
        expect(() => verifyManifest(m, keys.publicKey)).toThrow(/not signed/);
        const foreign = { ...m, signature: signManifest(m, stranger.privateKey) };
        expect(() => verifyManifest(foreign, keys.publicKey)).toThrow(/does not match/);
        const good = signed(m).signature as string;
        for (const bad of [good.slice(4), `${good} `, `*${good}`, 42]) {
          expect(() => verifyManifest({ ...m, signature: bad }, keys.publicKey)).toThrow(
            /malformed|not signed/,
          );
        }
      }),
    );
    for (const notAManifest of [null, 'version: 1.1.0', [], 7]) {
      expect(() => verifyManifest(notAManifest, keys.publicKey)).toThrow(/not an object/);
    }
  });

  it('builds in an ed25519 public key, and takes no other kind', () => {
    expect(releasePublicKey(RELEASE_PUBLIC_KEY_PEM).asymmetricKeyType).toBe('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(() => releasePublicKey(rsa.export({ type: 'spki', format: 'pem' }) as string)).toThrow(
      /must be ed25519/,
    );
  });
});
