import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheLifetime } from '../../../src/server/store/cacheLifetime';
import { TOKEN_CACHE_TTL_MS, TokenCache } from '../../../src/server/store/tokenCache';

const auth = (id: string) => ({ id, name: id, brandIds: ['b1'] });
const DAY = 24 * 3600_000;

describe('cached credentials lapse spread out', () => {
  it('each lifetime is between half and all of the maximum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 * DAY }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (max, r) => {
          const ms = cacheLifetime(max, () => r);
          expect(ms).toBeGreaterThanOrEqual(max / 2);
          expect(ms).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it('tokens cached in one burst are re-read over the second half of the TTL, not all at once', () => {
    let t = 1_000_000;
    const cache = new TokenCache(() => t);
    const n = 1_000;
    for (let i = 0; i < n; i++) cache.set(`h${i}`, auth(`a${i}`), t + DAY, cache.epoch);
    const held = () =>
      Array.from({ length: n }, (_, i) => cache.get(`h${i}`, t)).filter(Boolean).length;
    const start = t;
    // A held entry answers without a read until its own lifetime has passed.
    t = start + TOKEN_CACHE_TTL_MS / 2 - 1;
    expect(held()).toBe(n);
    const lapsedBy: number[] = [];
    for (const f of [0.625, 0.75, 0.875]) {
      t = start + TOKEN_CACHE_TTL_MS * f;
      lapsedBy.push(n - held());
    }
    // Uniform over [TTL/2, TTL]: about a quarter, a half and three quarters lapsed by then.
    expect(lapsedBy[0]).toBeGreaterThan(n * 0.15);
    expect(lapsedBy[0]).toBeLessThan(n * 0.35);
    expect(lapsedBy[1]).toBeGreaterThan(n * 0.4);
    expect(lapsedBy[1]).toBeLessThan(n * 0.6);
    expect(lapsedBy[2]).toBeGreaterThan(n * 0.65);
    expect(lapsedBy[2]).toBeLessThan(n * 0.85);
    t = start + TOKEN_CACHE_TTL_MS + 1;
    expect(held()).toBe(0);
  });

  it("an entry never outlives its token's expiry, whatever its lifetime", () => {
    let t = 0;
    const cache = new TokenCache(
      () => t,
      () => 0.999,
    );
    cache.set('h', auth('a'), 5_000, cache.epoch);
    expect(cache.get('h', 4_999)).toBeDefined();
    t = 5_000;
    expect(cache.get('h', 5_000)).toBeUndefined();
  });

  it('an invalidated advocate is read again at once', () => {
    const cache = new TokenCache(
      () => 0,
      () => 0.999,
    );
    cache.set('h1', auth('a'), DAY, cache.epoch);
    cache.set('h2', auth('b'), DAY, cache.epoch);
    cache.invalidate('a');
    expect(cache.get('h1', 0)).toBeUndefined();
    expect(cache.get('h2', 0)).toBeDefined();
  });
});
