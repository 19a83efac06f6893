import type { Db } from '../../src/core/db/open';
import { speaksSql } from '../../src/core/feed/languageSql';

/**
 * The badge count as the app computed it before it counted per (brand, skills, language): the
 * matching rule checked once per task. The property test's model, and the sync bench's reference.
 */
export const perTaskMatchingCount = (db: Db, minPayout: number): number =>
  db
    .prepare(
      `SELECT COUNT(*) FROM tasks t JOIN memberships m ON m.brand_id = t.brand_id
        WHERE t.status = 'open' AND t.local_state IS NULL AND m.suspended = 0
          AND coalesce(t.payout_estimate_minor, 0) >= @minPayout
          AND NOT EXISTS (SELECT 1 FROM json_each(t.skills) s
                           WHERE s.value NOT IN (SELECT value FROM json_each(m.skills)))
          AND ${speaksSql('t')}`,
    )
    .pluck()
    .get({ minPayout }) as number;
