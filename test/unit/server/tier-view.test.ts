import { describe, expect, it } from 'vitest';
import { changeSeenAtTier, seenAtTier } from '../../../src/server/store/tierView';
import type { Change } from '../../../src/shared/protocol';

describe('seenAtTier', () => {
  const phone = '+47 912 34 567';

  it('redacts every string field at any depth below tier 1, also fields no view has yet', () => {
    const view = {
      id: '4111111111111111',
      brandId: 'b-1',
      newField: `call ${phone}`,
      nested: { deeper: [{ note: 'anna@example.com' }] },
      count: 91234567,
    };
    expect(seenAtTier(view, 0)).toEqual({
      id: '4111111111111111',
      brandId: 'b-1',
      newField: 'call [phone removed]',
      nested: { deeper: [{ note: '[email removed]' }] },
      count: 91234567,
    });
    expect(seenAtTier(view, 1)).toBe(view);
  });

  it('marks a message redacted when any of its fields was', () => {
    const message = { authorName: phone, body: 'hello', redacted: false };
    expect(seenAtTier(message, 0)).toEqual({
      authorName: '[phone removed]',
      body: 'hello',
      redacted: true,
    });
    expect(seenAtTier({ body: 'hello', redacted: false }, 0).redacted).toBe(false);
  });

  it("leaves the brand's own content alone and redacts customer content", () => {
    const article = {
      seq: 1,
      kind: 'article',
      article: {
        id: 'a',
        brandId: 'b',
        externalRef: 'hotline',
        title: 'Call us',
        bodyMarkdown: `Hotline ${phone}`,
        tags: [],
        updatedAt: 0,
      },
    } satisfies Change;
    expect(changeSeenAtTier(article, 0)).toBe(article);
    const rating = {
      seq: 2,
      kind: 'rating',
      rating: { taskId: 't', brandId: 'b', score: 5, comment: phone, tipMinor: null, ratedAt: 0 },
    } satisfies Change;
    expect(changeSeenAtTier(rating, 0)).toMatchObject({ rating: { comment: '[phone removed]' } });
  });
});
