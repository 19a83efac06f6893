/**
 * Practice cases in the app: served with the course (model answer included), the advocate's own
 * answer kept as a local draft that survives closing and reopening the app, and nothing sent:
 * no attempt queued, no action in the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseInput } from '../../../src/shared/courseProtocol';
import { createTestCore, type TestCore } from '../../support/core';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { signedInCore } from './helpers';

let feed: TestFeedServer;
let keep: string;
const cores: TestCore[] = [];

const practice = [
  {
    id: 'late-parcel',
    subject: 'Parcel late',
    customerMessage: 'My parcel is a week late.',
    modelAnswer: 'Sorry for the wait: it left our warehouse yesterday.',
  },
];
const course = CourseInput.parse({
  title: 'Returns',
  items: [{ question: 'Within how many days?', options: ['14', '30'], correct: [1] }],
  passMark: 1,
  practice,
});

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.server.store.courses.putCourse(feed.brandId, 'returns', course, Date.now());
  keep = mkdtempSync(join(tmpdir(), 'gigdesk-practice-'));
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  await feed.close();
  rmSync(keep, { recursive: true, force: true });
});

const count = (core: TestCore, table: string) =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('practice cases in the app', () => {
  it('keep the advocate’s answer as a draft across a reopen, and send nothing', async () => {
    const dbFile = join(keep, 'gigdesk.sqlite');
    const first = await signedInCore(feed.url, await feed.invite('Ada'), {}, { dbFile });
    cores.push(first);
    const listed = (await first.handlers['courses:list'](undefined)).courses[0]!;
    expect(listed.practice).toEqual(practice);
    expect(listed.practiceDrafts).toEqual({});
    const draft = { brandId: feed.brandId, skill: 'returns', caseId: 'late-parcel' };
    await first.handlers['courses:practiceDraft']({ ...draft, answer: 'Sorry, let me che' });
    await first.handlers['courses:practiceDraft']({ ...draft, answer: 'Sorry, let me check.' });
    const outbox = count(first, 'outbox');
    expect(count(first, 'course_attempts')).toBe(0);
    await first.close();
    cores.length = 0;

    // Reopened on the same database file, offline: the draft is there, still unsent.
    const again = createTestCore({}, { dbFile });
    cores.push(again);
    const panel = await again.handlers['courses:list'](undefined);
    expect(panel.courses[0]!.practiceDrafts).toEqual({ 'late-parcel': 'Sorry, let me check.' });
    expect(panel.courses[0]!.mine).toBeNull();
    expect(count(again, 'course_attempts')).toBe(0);
    expect(count(again, 'outbox')).toBe(outbox);
  });
});
