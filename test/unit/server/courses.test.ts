/**
 * Certification on the feed server: a brand publishes a course per skill, the advocate sees it
 * without the answers, the server grades each attempt once (by the app's attempt id), and a pass
 * certifies the skill and grants it in the attempt's transaction. Runs on SQLite here and on
 * PostgreSQL in test/pg (server.test.ts, trust.test.ts).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await testServer();
  await admin('POST', '/v1/admin/articles', [
    { externalRef: 'A-1', title: 'Refunds', bodyMarkdown: 'Refunds take 30 days.', tags: [] },
    { externalRef: 'A-2', title: 'Invoices', bodyMarkdown: 'Invoices are monthly.', tags: [] },
  ]);
});
afterEach(async () => {
  await s.close();
});

const admin = (method: string, path: string, body?: unknown, token = s.adminKey) =>
  s.call(method, path, { token, body });

const course = {
  title: 'Billing basics',
  articles: ['A-1', 'A-2'],
  items: [
    { question: 'How long does a refund take?', options: ['14 days', '30 days'], correct: [1] },
    {
      question: 'Which are billing topics?',
      options: ['Refunds', 'Weather', 'Invoices'],
      correct: [0, 2],
    },
    { question: 'Is an invoice monthly?', options: ['Yes', 'No'], correct: [0] },
  ],
  passMark: 2,
};
const RIGHT = [[1], [2, 0], [0]];
const WRONG = [[0], [0], [0]];

let attempts = 0;
const attemptId = () => `att-${++attempts}`;

const submit = (token: string, answers: number[][], id = attemptId(), brandId = s.brandId) =>
  s.call('POST', '/v1/courses/refunds/attempts', {
    token,
    body: { attemptId: id, brandId, answers },
  });

const skillsOf = async (advocateId: string) => {
  const list = await admin('GET', '/v1/admin/advocates');
  return list.body.advocates.find((a: { id: string }) => a.id === advocateId).skills as string[];
};

describe('courses', () => {
  it('are published per skill; a bad course is refused naming its field, and nothing changes', async () => {
    for (const [bad, path] of [
      [{ ...course, passMark: 4 }, 'passMark'],
      [{ ...course, items: [{ ...course.items[0], correct: [2] }] }, 'items.0.correct.0'],
      [{ ...course, articles: ['A-1', 'A-9'] }, 'articles.1'],
    ] as const) {
      const r = await admin('PUT', '/v1/admin/courses/refunds', bad);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      expect(JSON.stringify(r.body.error.issues)).toContain(path);
    }
    expect((await admin('PUT', '/v1/admin/courses/Not a skill', course)).status).toBe(400);
    expect((await admin('GET', '/v1/admin/courses')).body).toEqual({ courses: [] });
    const put = await admin('PUT', '/v1/admin/courses/refunds', course);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ skill: 'refunds', passMark: 2, articles: ['A-1', 'A-2'] });
    // Publishing again replaces the course.
    await admin('PUT', '/v1/admin/courses/refunds', { ...course, title: 'Billing, revised' });
    const list = (await admin('GET', '/v1/admin/courses')).body.courses;
    expect(list.map((c: { title: string }) => c.title)).toEqual(['Billing, revised']);
    // Another brand's admin sees none of it, and cannot name this brand's articles.
    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    expect((await admin('GET', '/v1/admin/courses', undefined, other.adminKey)).body).toEqual({
      courses: [],
    });
    const cross = await admin('PUT', '/v1/admin/courses/refunds', course, other.adminKey);
    expect(cross.status).toBe(400);
  });

  it('carry practice cases, checked field by field, served to advocates with the model answer', async () => {
    const practice = [
      {
        id: 'late-refund',
        subject: 'Where is my refund?',
        customerMessage: 'I returned the kettle three weeks ago and have no refund yet.',
        modelAnswer: 'Refunds take up to 30 days; I have checked yours and it is on its way.',
      },
      {
        id: 'invoice-ar',
        subject: 'فاتورة',
        customerMessage: 'أين فاتورتي لهذا الشهر؟',
        modelAnswer: 'تصدر الفواتير شهريًا.',
      },
    ];
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ ...practice[0], id: `case-${i}` }));
    for (const [bad, path] of [
      [[{ ...practice[0], modelAnswer: '  ' }], 'practice.0.modelAnswer'],
      [[{ ...practice[0], customerMessage: undefined }], 'practice.0.customerMessage'],
      [[practice[0], { ...practice[1], id: 'late-refund' }], 'practice.1.id'],
      [[{ ...practice[0], id: 'Not an id' }], 'practice.0.id'],
      [[{ ...practice[0], secret: 'x' }], 'practice.0'],
      [tooMany, 'practice'],
    ] as const) {
      const r = await admin('PUT', '/v1/admin/courses/refunds', { ...course, practice: bad });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(`body.${path}`);
    }
    expect((await admin('GET', '/v1/admin/courses')).body).toEqual({ courses: [] });

    // Without practice a course has none; with it, the cases are kept in order.
    expect((await admin('PUT', '/v1/admin/courses/refunds', course)).body.practice).toEqual([]);
    const put = await admin('PUT', '/v1/admin/courses/refunds', { ...course, practice });
    expect(put.status).toBe(200);
    expect(put.body.practice).toEqual(practice);
    expect((await admin('GET', '/v1/admin/courses')).body.courses[0].practice).toEqual(practice);
    const a = await s.advocate({ tier: 0 });
    const view = (await s.call('GET', '/v1/courses', { token: a.token })).body.courses[0];
    expect(view.practice).toEqual(practice);
    // Practice is no part of grading: the quiz is still three items.
    expect(view.items).toHaveLength(3);
  });

  it('reach the advocates of their brand without the answers', async () => {
    await admin('PUT', '/v1/admin/courses/refunds', course);
    const a = await s.advocate({ tier: 0 });
    const r = await s.call('GET', '/v1/courses', { token: a.token });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('correct');
    const [view] = r.body.courses;
    expect(view).toMatchObject({
      brandId: s.brandId,
      skill: 'refunds',
      title: 'Billing basics',
      passMark: 2,
      attempts: 0,
      certified: false,
      last: null,
    });
    expect(view.items.map((i: { multiple: boolean }) => i.multiple)).toEqual([false, true, false]);
    expect(view.articleIds).toHaveLength(2);
    // Another brand's advocate sees no course of this brand, and cannot take it.
    const other = await s.store.createBrand({ name: 'Other', currency: 'EUR' }, s.clock.t);
    const b = await s.advocate({ brandId: other.brand.id });
    expect((await s.call('GET', '/v1/courses', { token: b.token })).body).toEqual({ courses: [] });
    const cross = await submit(b.token, RIGHT, attemptId(), s.brandId);
    expect(cross.status).toBe(404);
    expect(await skillsOf(a.id)).not.toContain('refunds');
    // Admin keys are not advocate tokens.
    expect((await s.call('GET', '/v1/courses', { token: s.adminKey })).status).toBe(403);
  });

  it('grades on the server: a fail certifies nothing; a pass certifies and grants the skill', async () => {
    await admin('PUT', '/v1/admin/courses/refunds', course);
    await admin('PUT', '/v1/admin/ladder', {
      rungs: [{ tier: 1, minResolved: 0, certifications: ['refunds'] }],
    });
    const a = await s.advocate({ tier: 0 });
    const failed = await submit(a.token, [[1], [0], [1]]);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ passed: false, score: 1, total: 3, passMark: 2 });
    expect(await skillsOf(a.id)).not.toContain('refunds');
    s.clock.advance(1000);
    const passed = await submit(a.token, RIGHT);
    expect(passed.body).toMatchObject({ passed: true, score: 3, gradedAt: s.clock.t });
    expect(await skillsOf(a.id)).toContain('refunds');
    const ladder = (await s.call('GET', '/v1/ladder', { token: a.token })).body.brands[0];
    expect(ladder.next.criteria).toContainEqual({
      kind: 'certification',
      skill: 'refunds',
      met: true,
    });
    const view = (await s.call('GET', '/v1/courses', { token: a.token })).body.courses[0];
    expect(view).toMatchObject({ attempts: 2, certified: true, last: { passed: true } });
  });

  it('refuses answers of the wrong shape, and an unknown course, changing nothing', async () => {
    await admin('PUT', '/v1/admin/courses/refunds', course);
    const a = await s.advocate({ tier: 0 });
    const short = await submit(a.token, [[1], [0, 2]]);
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('invalid_input');
    const unknown = await s.call('POST', '/v1/courses/returns/attempts', {
      token: a.token,
      body: { attemptId: attemptId(), brandId: s.brandId, answers: RIGHT },
    });
    expect(unknown.status).toBe(404);
    const view = (await s.call('GET', '/v1/courses', { token: a.token })).body.courses[0];
    expect(view.attempts).toBe(0);
  });

  it('grades a retried submit once; the same id with other answers is a conflict', async () => {
    await admin('PUT', '/v1/admin/courses/refunds', course);
    const a = await s.advocate({ tier: 0 });
    const id = attemptId();
    const first = await submit(a.token, WRONG, id);
    s.clock.advance(5000);
    const again = await submit(a.token, WRONG, id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await submit(a.token, RIGHT, id);
    expect(other.status).toBe(409);
    expect(await skillsOf(a.id)).not.toContain('refunds');
    // Simultaneous sends of one attempt are graded once.
    const racing = attemptId();
    const answers = await Promise.all([1, 2, 3].map(() => submit(a.token, RIGHT, racing)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const view = (await s.call('GET', '/v1/courses', { token: a.token })).body.courses[0];
    expect(view.attempts).toBe(2);
  });

  it('property: any sequence of (re)sent attempts grades each id once and grants the skill once', async () => {
    await admin('PUT', '/v1/admin/courses/refunds', course);
    const answer = fc.constantFrom(RIGHT, WRONG, [[1], [0], [1]]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), answer), { minLength: 1, maxLength: 8 }),
        async (sends) => {
          const a = await s.advocate({ tier: 0 });
          const ids = [0, 1, 2, 3].map(() => attemptId());
          const firstAnswers = new Map<number, number[][]>();
          for (const [slot, answers] of sends) {
            const r = await submit(a.token, answers, ids[slot]);
            const first = firstAnswers.get(slot) ?? answers;
            firstAnswers.set(slot, first);
            expect(r.status).toBe(first === answers || sameAnswers(first, answers) ? 200 : 409);
          }
          const anyPass = [...firstAnswers.values()].some((x) => sameAnswers(x, RIGHT));
          const view = (await s.call('GET', '/v1/courses', { token: a.token })).body.courses[0];
          expect(view.attempts).toBe(firstAnswers.size);
          expect(view.certified).toBe(anyPass);
          const skills = await skillsOf(a.id);
          expect(skills.filter((k) => k === 'refunds')).toHaveLength(anyPass ? 1 : 0);
        },
      ),
      { numRuns: 15 },
    );
  });
});

const sameAnswers = (x: number[][], y: number[][]) => JSON.stringify(x) === JSON.stringify(y);
