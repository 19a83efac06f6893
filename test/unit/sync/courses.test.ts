/**
 * Certification in the app: the courses are kept for offline reading, a quiz answered offline is
 * queued (never lost) and sent by the sync engine when the server is back, graded once, and the
 * result shows; a refusal keeps the answers with the server's reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseInput } from '../../../src/shared/courseProtocol';
import { FaultProxy } from '../../support/faultProxy';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import type { TestCore } from '../../support/core';
import { advocateIdOf, signedInCore, waitFor } from './helpers';

let feed: TestFeedServer;
let proxy: FaultProxy;
let core: TestCore;

const course = CourseInput.parse({
  title: 'Returns',
  items: [
    { question: 'Within how many days?', options: ['14', '30'], correct: [1] },
    {
      question: 'Which need a receipt?',
      options: ['Shoes', 'Tents', 'Gift cards'],
      correct: [0, 1],
    },
  ],
  passMark: 2,
});

beforeEach(async () => {
  feed = await startTestFeedServer();
  await feed.server.store.courses.putCourse(feed.brandId, 'returns', course, Date.now());
  proxy = FaultProxy.forUrl(feed.url);
  core = await signedInCore(await proxy.start(), await feed.invite('Ada'));
});
afterEach(async () => {
  await core.close();
  await proxy.close();
  await feed.close();
});

const list = () => core.handlers['courses:list'](undefined);
const serverSkills = async () => {
  const members = await feed.server.store.listAdvocates(feed.brandId);
  return members.find((a) => a.id === advocateIdOf(core))!.skills;
};

describe('courses in the app', () => {
  it('are kept for offline reading; a quiz answered offline is sent when online and graded once', async () => {
    const online = await list();
    expect(online.offline).toBe(false);
    expect(online.courses).toHaveLength(1);
    expect(online.courses[0]).toMatchObject({
      skill: 'returns',
      brandName: 'Acme Outdoor',
      mine: null,
    });
    expect(JSON.stringify(online)).not.toContain('correct');

    proxy.down();
    const offline = await list();
    expect(offline.offline).toBe(true);
    expect(offline.courses[0]!.items).toHaveLength(2);
    const queued = await core.handlers['courses:submit']({
      brandId: feed.brandId,
      skill: 'returns',
      answers: [[1], [1, 0]],
    });
    expect(queued.state).toBe('queued');
    await core.handlers['sync:now'](undefined);
    expect((await list()).courses[0]!.mine).toMatchObject({ state: 'queued' });
    expect(await serverSkills()).not.toContain('returns');

    proxy.up();
    const graded = await waitFor(async () => {
      await core.handlers['sync:now'](undefined);
      const mine = (await list()).courses[0]!;
      return mine.mine?.state === 'graded' ? mine : null;
    }, 'the attempt to be graded');
    expect(graded!.mine).toMatchObject({ outcome: { passed: true, score: 2, total: 2 } });
    expect(graded).toMatchObject({ certified: true, attempts: 1 });
    expect(await serverSkills()).toContain('returns');
    // Syncing again sends nothing twice.
    await core.handlers['sync:now'](undefined);
    expect((await list()).courses[0]!.attempts).toBe(1);
  });

  it('refuses an incomplete quiz here, and keeps answers the server refused with its reason', async () => {
    await list();
    await expect(
      core.handlers['courses:submit']({ brandId: feed.brandId, skill: 'returns', answers: [[1]] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    proxy.down();
    const queued = await core.handlers['courses:submit']({
      brandId: feed.brandId,
      skill: 'returns',
      answers: [[1], [0, 1]],
    });
    // The brand shortens the course meanwhile: the server refuses the old answers.
    await feed.server.store.courses.putCourse(
      feed.brandId,
      'returns',
      { ...course, items: course.items.slice(0, 1), passMark: 1 },
      Date.now(),
    );
    proxy.up();
    await waitFor(async () => {
      await core.handlers['sync:now'](undefined);
      const row = core.db
        .prepare(
          'SELECT state, reason, reason_text, answers FROM course_attempts WHERE attempt_id = ?',
        )
        .get(queued.attemptId) as {
        state: string;
        reason: string;
        reason_text: string;
        answers: string;
      };
      return row.state === 'refused' ? row : null;
    }, 'the refusal').then((row) => {
      expect(row!.reason).toMatch(/expected answers for 1 items/);
      // Why, kept worded for the app to say in the advocate's language.
      expect(JSON.parse(row!.reason_text)).toEqual({ id: 'reason.courseChanged', values: {} });
      expect(JSON.parse(row!.answers)).toEqual([[1], [0, 1]]);
    });
    expect((await list()).courses[0]!.mine).toMatchObject({
      state: 'refused',
      reasonText: { id: 'reason.courseChanged', values: {} },
    });
  });
});
