import { describe, expect, it } from 'vitest';
import { nestsTooDeep } from '../../../src/shared/markdown/nesting';
import { pathological, stackOverflow } from '../../renderer/hostile/corpus';

const limits = { depth: 16, listMarkers: 1_000 };

describe('nestsTooDeep', () => {
  it.each([
    'deepBlockquote',
    'deepListMarkers',
    'deepOrderedList',
    'deepListInQuotes',
    'deepListTabs',
    'flatList',
  ])('catches %s', (name) => {
    expect(nestsTooDeep(pathological[name]!, limits)).toBe(true);
  });

  it('catches 5,000 nested quotes and deep indentation', () => {
    expect(nestsTooDeep(stackOverflow, limits)).toBe(true);
    expect(nestsTooDeep(`${' '.repeat(65)}- x`, limits)).toBe(true);
  });

  it('counts every kind of container on a line, up to the limit and not past it', () => {
    const line = (n: number, marker: string) => `${marker.repeat(n)}x`;
    for (const marker of ['- ', '* ', '+ ', '1. ', '12) ', '> ', '>', '> - ']) {
      const per = marker === '> - ' ? 2 : 1;
      expect(nestsTooDeep(line(16 / per, marker), limits), marker).toBe(false);
      expect(nestsTooDeep(line(16 / per + 1, marker), limits), marker).toBe(true);
    }
  });

  it('counts list markers across the text', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `- item ${i}`).join('\n');
    expect(nestsTooDeep(list(1_000), limits)).toBe(false);
    expect(nestsTooDeep(list(1_001), limits)).toBe(true);
  });

  it('leaves ordinary markdown alone', () => {
    const ordinary = [
      '# Returns',
      '',
      '1. Open **My account**',
      '   - choose *Return items*',
      '     - pick a reason',
      '',
      '> a quote',
      '> > a quote in a quote',
      '',
      '---',
      '* * *',
      '-5 °C is cold; 2024 was a year; -not a list',
      '| a | b |',
      '|---|---|',
      '```',
      '- '.repeat(40),
      '```',
    ].join('\n');
    expect(nestsTooDeep(ordinary, limits)).toBe(false);
  });
});
