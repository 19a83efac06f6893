/** Samples of the certification admin routes (spread into `samples`). */
import type { BrandWorld } from './harness';
import type { SampleRequest } from './routeSamples';

export const courseSamples: Record<string, (w: BrandWorld) => SampleRequest> = {
  'GET /v1/admin/courses': () => ({ path: '/v1/admin/courses' }),
  'PUT /v1/admin/courses/:skill': (w) => ({
    path: '/v1/admin/courses/billing',
    body: {
      title: `${w.marker} billing basics`,
      // The world's article may be deleted by an earlier sample: articles are tested in courses.test.ts.
      articles: [],
      items: [
        { question: `${w.marker} refund window?`, options: ['14 days', '30 days'], correct: [1] },
      ],
      passMark: 1,
    },
  }),
};
