import { EVERYONE } from '../notifier';
import type { AdvocateAuth } from './tokens';
import { cacheLifetime } from './cacheLifetime';

/**
 * A cached answer is re-checked against the database at least this often (missed invalidations);
 * each entry after a random part of it (cacheLifetime.ts).
 */
export const TOKEN_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  auth: AdvocateAuth;
  /** The token's own expiry: past it the entry answers nothing, whatever the cache's age. */
  expiresAt: number;
  /** Past this (clock time) the entry is read again. */
  staleAt: number;
}

/**
 * Device token (by hash) → who holds it and which brands it reaches, so an authenticated request
 * costs no query. Every write that changes that answer (revocation, refresh, a brand's access cut,
 * an accepted invite) invalidates the advocate through the notifier after its commit, in every
 * process (store/context.ts `ChangeWriter.invalidate`); an entry also lapses at the token's
 * expiry and after `TOKEN_CACHE_TTL_MS`. Only live tokens are cached: an unknown one is looked
 * up every time.
 */
export class TokenCache {
  private readonly byHash = new Map<string, Entry>();
  private readonly hashesOf = new Map<string, Set<string>>();
  private invalidations = 0;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get(tokenHash: string, now: number): AdvocateAuth | undefined {
    const e = this.byHash.get(tokenHash);
    if (!e) return undefined;
    if (now >= e.expiresAt || this.clock() > e.staleAt) {
      this.drop(tokenHash, e.auth.id);
      return undefined;
    }
    return e.auth;
  }

  /** Moves at every invalidation: take it before reading what `set` is to keep. */
  get epoch(): number {
    return this.invalidations;
  }

  /**
   * Keeps what a read begun at `readAt` (the `epoch` then) answered, unless an invalidation came
   * since: that read may have seen the token before its revocation committed, and keeping it
   * would let the revoked token in until the entry lapsed.
   */
  set(tokenHash: string, auth: AdvocateAuth, expiresAt: number, readAt: number) {
    if (readAt !== this.invalidations) return;
    if (this.byHash.size >= MAX_ENTRIES) this.clear();
    const staleAt = this.clock() + cacheLifetime(TOKEN_CACHE_TTL_MS, this.random);
    this.byHash.set(tokenHash, { auth, expiresAt, staleAt });
    let hashes = this.hashesOf.get(auth.id);
    if (!hashes) this.hashesOf.set(auth.id, (hashes = new Set()));
    hashes.add(tokenHash);
  }

  /** Forgets every token of this advocate (`EVERYONE`: of all advocates). */
  invalidate(advocateId: string) {
    this.invalidations++;
    if (advocateId === EVERYONE) return this.clear();
    for (const h of this.hashesOf.get(advocateId) ?? []) this.byHash.delete(h);
    this.hashesOf.delete(advocateId);
  }

  private drop(tokenHash: string, advocateId: string) {
    this.byHash.delete(tokenHash);
    this.hashesOf.get(advocateId)?.delete(tokenHash);
  }

  private clear() {
    this.byHash.clear();
    this.hashesOf.clear();
  }
}
