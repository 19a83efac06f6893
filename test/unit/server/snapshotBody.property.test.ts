/**
 * A brand snapshot's body written a chunk of rows at a time is byte for byte what
 * `JSON.stringify` writes for the whole snapshot (what its brotli form decodes to; its ETag is
 * the hash of those bytes), whatever the chunk size, empty chunks, and text in the snapshot that
 * looks like the writer's own marks.
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrandSnapshot, TaskRow } from '../../../src/shared/protocol';
import { taskRows, taskTable } from '../../../src/shared/snapshotRows';
import { writeSnapshotBody } from '../../../src/server/snapshotBody';
import { taskView } from '../../support/taskViews';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('"rows":[]', '["rows:"]', ']', ',', '\u2028', '"', '\\'),
);

describe('snapshot body', () => {
  it('is JSON.stringify of the whole snapshot, in any chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.uuid(), text, fc.boolean()), { maxLength: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        text,
        async (tasks, chunk, compact, name) => {
          const views = tasks.map(([id, subject], i) =>
            taskView(i, { id, subject, customerName: subject }),
          );
          // Tasks the rendering leaves out (as visibility does) leave chunks short or empty.
          const kept = (from: number, size: number) =>
            views.slice(from, from + size).filter((_, k) => tasks[from + k]![2]);
          const head: BrandSnapshot = {
            brandId: 'b',
            tier: 1,
            cursor: '0.5',
            builtAt: 1,
            brand: { id: 'b', name, currency: 'EUR', leaseMinutes: 30 },
            payoutRules: [],
            articles: [],
            macros: [],
            tasks: taskTable([], compact),
          };
          const whole: BrandSnapshot = {
            ...head,
            tasks: taskTable(kept(0, views.length), compact),
          };
          const body = await writeSnapshotBody(
            {
              head,
              sizeHint: 100,
              *rows(size): Generator<TaskRow[]> {
                for (let i = 0; i < views.length; i += size) yield taskRows(kept(i, size), compact);
              },
            },
            chunk,
          );
          const json = brotliDecompressSync(await body.br);
          expect(json.toString()).toBe(JSON.stringify(whole));
          const hash = createHash('sha256').update(json).digest('base64url').slice(0, 27);
          expect(body.etag).toBe(`"${hash}"`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
