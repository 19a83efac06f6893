import { describe, expect, it } from 'vitest';
import { ratingLabel, ratingsFromFile } from '../../../src/console/pages/ratingsFile';
import { RatingPush } from '../../../src/shared/protocol';

describe('a ratings file as the ratings route takes it', () => {
  it('reads CSV with a header: numbers as numbers, empty fields left out, quotes kept', () => {
    const items = ratingsFromFile(
      '\uFEFFexternalRef,score,comment,tipMinor\r\nORD-1,5,"Quick, and kind",200\r\nORD-2,3,,\r\n\r\n',
    );
    expect(items).toEqual([
      { externalRef: 'ORD-1', score: 5, comment: 'Quick, and kind', tipMinor: 200 },
      { externalRef: 'ORD-2', score: 3 },
    ]);
    expect(items.map((i) => RatingPush.safeParse(i).success)).toEqual([true, true]);
    expect(items.map(ratingLabel)).toEqual(['ORD-1', 'ORD-2']);
  });

  it('sends a bad number as written, so the server names the field', () => {
    const [item] = ratingsFromFile('taskId,score\nt-1,five\n');
    expect(item).toEqual({ taskId: 't-1', score: 'five' });
    expect(RatingPush.safeParse(item).error?.issues[0]?.path).toEqual(['score']);
  });

  it('takes JSON arrays and NDJSON as they are', () => {
    expect(ratingsFromFile(' [{"externalRef":"A","score":4}]')).toEqual([
      { externalRef: 'A', score: 4 },
    ]);
    expect(ratingsFromFile('{"taskId":"x","score":1}\n{"taskId":"y","score":2}\n')).toEqual([
      { taskId: 'x', score: 1 },
      { taskId: 'y', score: 2 },
    ]);
  });
});
