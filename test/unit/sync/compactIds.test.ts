/**
 * Short ids in snapshot rows (`compact-ids`): every id written short reads back as it was,
 * whatever it is (a UUID, or any other text, including text that looks short or escaped), and an
 * app that did not name the capability gets the ids as they are.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES_HEADER } from '../../../src/shared/capabilities';
import type { TaskView } from '../../../src/shared/protocol';
import { BrandSnapshot } from '../../../src/shared/protocol';
import {
  longId,
  ownPlainRows,
  plainRows,
  shortId,
  taskOfRow,
  taskTable,
} from '../../../src/shared/snapshotRows';
import { task, type TestServer, testServer } from '../server/helpers';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const anyId = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.string({ minLength: 22, maxLength: 22 }),
  fc.string({ unit: fc.constantFrom('A', 'z', '0', '-', '_', '~'), minLength: 21, maxLength: 23 }),
);

describe('short ids', () => {
  it('read back as written, for any id', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        expect(longId(shortId(id))).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('write a lowercase UUID in 22 characters', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        fc.pre(UUID_SHAPE.test(id));
        expect(shortId(id)).toMatch(/^[A-Za-z0-9_-]{22}$/);
      }),
    );
  });

  it("write exactly a lowercase UUID's 16 bytes in base64url, and no other text short", () => {
    const nearUuid = fc
      .tuple(fc.uuid(), fc.nat(35), fc.constantFrom('A', 'F', 'g', '-', '0', 'f', 'é', 'Ā', ' '))
      .map(([id, at, c]) => id.slice(0, at) + c + id.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), nearUuid), (id) => {
        const bytes = Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
        expect(shortId(id)).toBe(UUID_SHAPE.test(id) ? bytes : id);
      }),
      { numRuns: 5000 },
    );
  });

  it('leave a table read back equal to the one written with plain ids', () => {
    fc.assert(
      fc.property(idSets, (ids) => {
        const tasks = tasksWith(ids, (brand) => brand);
        const short = taskTable(tasks, true);
        expect(short.ids).toBe('base64url');
        expect(plainRows(short)).toEqual(taskTable(tasks).rows);
      }),
    );
  });

  it('read back in place (initial sync owns its table) as a copy would, and then as plain', () => {
    fc.assert(
      fc.property(idSets, (ids) => {
        // Rows of a few brands in runs, and a brand coming back after another's rows.
        const tasks = tasksWith(ids, (brand, i) => (i % 3 === 2 ? brand : ids[0]![3]));
        const short = taskTable(tasks, true);
        const plain = taskTable(tasks).rows;
        expect(ownPlainRows(short)).toEqual(plain);
        expect(short.ids).toBeUndefined();
        expect(ownPlainRows(short)).toEqual(plain);
        expect(plainRows(short)).toEqual(plain);
      }),
    );
  });
});

const SAMPLE = taskTable([
  {
    id: '00000000-0000-4000-8000-000000000000',
    brandId: 'b',
    externalRef: 'r',
    subject: 's',
    channel: 'email',
    skills: [],
    complexity: 1,
    minTier: 0,
    status: 'open',
    holderId: null,
    leaseExpiresAt: null,
    offeredTo: null,
    offerExpiresAt: null,
    customerName: 'c',
    slaDueAt: null,
    createdAt: 0,
    updatedAt: 0,
    messages: [
      {
        id: 'm',
        author: 'customer',
        authorName: 'c',
        kind: 'message',
        body: 'b',
        redacted: false,
        createdAt: 0,
      },
    ],
    customerId: null,
    language: null,
    ageingBonusMinor: null,
  },
]).rows[0]!;

describe('brand snapshot route and compact ids', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
    expect((await s.pushTasks([task(1), task(2)])).status).toBe(200);
  });
  afterAll(() => s.close());

  it('writes ids short only for an app that names compact-ids, and both read the same', async () => {
    const { token } = await s.advocate();
    const path = `/v1/snapshot/brands/${s.brandId}`;
    const old = await s.call('GET', path, {
      token,
      headers: { [CAPABILITIES_HEADER]: 'customers' },
    });
    const compact = await s.call('GET', path, {
      token,
      headers: { [CAPABILITIES_HEADER]: 'customers, compact-ids' },
    });
    const oldSnap = BrandSnapshot.parse(old.body);
    const newSnap = BrandSnapshot.parse(compact.body);
    expect(oldSnap.tasks.ids).toBeUndefined();
    expect(oldSnap.tasks.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([expect.stringMatching(UUID_SHAPE)]),
    );
    expect(newSnap.tasks.ids).toBe('base64url');
    expect(newSnap.tasks.rows[0]![0]).toHaveLength(22);
    expect(plainRows(newSnap.tasks)).toEqual(oldSnap.tasks.rows);
  });
});

/** Per task: its id, its message's id, its holder (also offer and customer), its brand. */
const idSets = fc.array(fc.tuple(anyId, anyId, fc.option(anyId), anyId));

/** Sample tasks carrying `ids`, each of the brand `brandOf` picks. */
function tasksWith(
  ids: [string, string, string | null, string][],
  brandOf: (brand: string, i: number) => string,
): TaskView[] {
  return ids.map(([id, msg, holder, brand], i) => ({
    ...taskOfRow(SAMPLE),
    id,
    brandId: brandOf(brand, i),
    holderId: holder,
    offeredTo: holder,
    customerId: holder,
    createdAt: i,
    messages: [{ ...taskOfRow(SAMPLE).messages[0]!, id: msg }],
  }));
}
