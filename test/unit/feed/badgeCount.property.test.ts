import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { countMatchingOpen } from '../../../src/core/feed/notifyRepo';
import { perTaskMatchingCount } from '../../support/badgeModel';

const brands = ['b0', 'b1', 'b2', 'b3'];
const skill = fc.constantFrom('billing', 'shipping', 'refunds', 'Billing');
// A task's skills from a few arrays, so that many tasks share a (brand, skills, language).
const taskSkills = fc.constantFrom(
  [],
  ['billing'],
  ['shipping', 'billing'],
  ['Billing'],
  ['refunds'],
);
const membership = fc.record({
  skills: fc.oneof(
    fc.constant(['billing', 'shipping', 'refunds', 'Billing']),
    fc.array(skill, { maxLength: 3 }),
  ),
  suspended: fc.constantFrom(false, false, false, true),
  languages: fc
    .array(fc.constantFrom('en', 'de-AT', 'ES', 'ja', 'pt-br'), { minLength: 1, maxLength: 3 })
    .chain((l) => fc.constantFrom(l, l, [])),
});
const task = fc.record({
  brand: fc.constantFrom(...brands),
  skills: taskSkills,
  language: fc.constantFrom(null, 'en', 'EN-us', 'de', 'es-MX', 'fr', 'pt'),
  payout: fc.option(fc.constantFrom(0, 300, 500, 1000)),
  localState: fc.constantFrom(null, null, 'pending_claim', 'pending_release'),
  status: fc.constantFrom('open', 'open', 'open', 'claimed', 'resolved'),
});

let db: Db;
beforeAll(() => {
  db = openDatabase(':memory:');
});
afterAll(() => db.close());

it('counts exactly the tasks the per-task rule matches, for any feed, memberships and minimum', () => {
  fc.assert(
    fc.property(
      // b3 never has a membership: its tasks never match.
      fc.tuple(
        fc.option(membership, { freq: 4 }),
        fc.option(membership, { freq: 4 }),
        fc.option(membership, { freq: 4 }),
      ),
      fc.array(task, { maxLength: 60, size: 'medium' }),
      fc.constantFrom(0, 0, 300, 301, 1000),
      (members, tasks, minPayout) => {
        db.exec('DELETE FROM tasks; DELETE FROM memberships');
        members.forEach((m, i) => {
          if (!m) return;
          db.prepare(
            'INSERT INTO memberships (brand_id, tier, skills, suspended, languages) VALUES (?, 1, ?, ?, ?)',
          ).run(
            brands[i],
            JSON.stringify(m.skills),
            m.suspended ? 1 : 0,
            JSON.stringify(m.languages),
          );
        });
        const insert = db.prepare(
          `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, skills, complexity,
             status, payout_estimate_minor, created_at, updated_at, local_state, language)
           VALUES (?, ?, ?, 's', 'email', ?, 1, ?, ?, 0, 0, ?, ?)`,
        );
        tasks.forEach((t, i) =>
          insert.run(
            `t${i}`,
            t.brand,
            `r${i}`,
            JSON.stringify(t.skills),
            t.status,
            t.payout,
            t.localState,
            t.language,
          ),
        );
        expect(countMatchingOpen(db, minPayout)).toBe(perTaskMatchingCount(db, minPayout));
      },
    ),
    { numRuns: 300 },
  );
});
