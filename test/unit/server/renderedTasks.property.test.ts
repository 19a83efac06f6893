/**
 * Rendered task changes are cached per (task, version, tier) and shared between pulls. Whatever
 * order advocates of different tiers pull the same task in, a tier-0 answer never carries the
 * personal data a higher tier's cached render of that task holds, and a pull after the task
 * changed never gets the render of its earlier state.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaks, textWithPii } from '../../support/personalData';
import { syncAll, task, type TestServer, testServer } from './helpers';

const TIERS = [0, 1, 2, 3] as const;

describe('rendered task changes, cached across tiers', () => {
  let s: TestServer;
  const advocates = new Map<number, { token: string; cursor?: string }>();
  let n = 0;

  beforeAll(async () => {
    s = await testServer();
    for (const tier of TIERS) advocates.set(tier, { token: (await s.advocate({ tier })).token });
    // Each advocate starts at the head: every run reads only its own task's changes.
    for (const a of advocates.values()) a.cursor = (await syncAll(s, a.token)).cursor;
  });
  afterAll(() => s.close());

  it('never answer tier 0 with a higher tier render', async () => {
    await fc.assert(
      fc.asyncProperty(
        textWithPii,
        textWithPii,
        fc.constantFrom(1, 2, 3),
        fc.array(fc.constantFrom(...TIERS), { maxLength: 4 }),
        async (subject, body, first, order) => {
          const ref = ++n;
          const base = task(ref);
          const pushed = await s.pushTasks([
            {
              ...base,
              subject: subject.text,
              messages: [{ ...base.messages![0]!, body: body.text }],
            },
          ]);
          expect(pushed.status).toBe(200);
          const secrets = [...subject.secrets, ...body.secrets];
          const seen = new Map<number, string>();
          // A higher tier renders (and caches) it first, then tier 0 and the others.
          for (const tier of [first, 0, ...order]) {
            const a = advocates.get(tier)!;
            const { changes } = await syncAll(s, a.token, a.cursor);
            const mine = changes.filter(
              (c) => c.kind === 'task' && c.task.externalRef === `T-${ref}`,
            );
            if (mine.length > 0) seen.set(tier, JSON.stringify(mine));
            const text = seen.get(tier) ?? '';
            if (tier === 0) for (const p of secrets) expect(leaks(text, p)).toBe(false);
          }
          // The higher tier's answer held the personal data a shared render could have leaked.
          expect(secrets.some((p) => leaks(seen.get(first)!, p))).toBe(true);
          expect(seen.get(0)).toBeDefined();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('serve a changed task in its new state, not a cached earlier one', async () => {
    const a = advocates.get(1)!;
    const ref = ++n;
    expect((await s.pushTasks([task(ref, { subject: 'First subject' })])).status).toBe(200);
    const before = await syncAll(s, a.token, a.cursor);
    expect(JSON.stringify(before.changes)).toContain('First subject');
    expect((await s.pushTasks([task(ref, { subject: 'Second subject' })])).status).toBe(200);
    const after = await syncAll(s, a.token, a.cursor);
    const subjects = after.changes
      .filter((c) => c.kind === 'task' && c.task.externalRef === `T-${ref}`)
      .map((c) => c.task.subject);
    // Both of its change rows are read now, and both show the task as it is.
    expect(subjects.length).toBeGreaterThan(0);
    expect(new Set(subjects)).toEqual(new Set(['Second subject']));
  });
});
