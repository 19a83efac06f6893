import type { Statement } from 'better-sqlite3';
import type { BrandView, MembershipView } from '../../shared/protocol';
import type { Db } from '../db/open';

/** Brands and the advocate's memberships: written at sign-in and by sync's brand changes. */
interface Statements {
  brand: Statement;
  membership: Statement;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  const hit = cache.get(db);
  if (hit) return hit;
  const made: Statements = {
    brand: db.prepare(
      `INSERT INTO brands (id, name, currency, lease_minutes, updated_at)
       VALUES (@id, @name, @currency, @leaseMinutes, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency,
         lease_minutes = excluded.lease_minutes, updated_at = excluded.updated_at`,
    ),
    membership: db.prepare(
      `INSERT INTO memberships (brand_id, tier, skills, suspended, languages)
       VALUES (@brandId, @tier, @skills, @suspended, @languages)
       ON CONFLICT (brand_id) DO UPDATE SET tier = excluded.tier, skills = excluded.skills,
         suspended = excluded.suspended, languages = excluded.languages`,
    ),
  };
  cache.set(db, made);
  return made;
}

export function writeBrand(db: Db, brand: BrandView, at: number): void {
  statements(db).brand.run({ ...brand, updatedAt: at });
}

export function writeMembership(db: Db, m: MembershipView): void {
  statements(db).membership.run({
    brandId: m.brandId,
    tier: m.tier,
    skills: JSON.stringify(m.skills),
    suspended: m.suspended ? 1 : 0,
    languages: JSON.stringify(m.languages ?? []),
  });
}
