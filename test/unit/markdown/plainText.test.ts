import { describe, expect, it } from 'vitest';
import { firstParagraphText, markdownPlainText } from '../../../src/shared/markdown/plainText';
import { pathological, stackOverflow } from '../../renderer/hostile/corpus';

const article = [
  '# Size guide',
  '',
  'The **Skarven** jacket is cut _slim_: see [the table](kb:size-SKJ) and `EU` sizes.',
  '',
  '| Size | Chest (cm) |',
  '|---|---|',
  '| S | 88–94 |',
  '| M | 95–101 |',
  '',
  '- Measure over a *thin* layer',
  '  1. nested step',
  '',
  '> Tip: ~~never~~ always <b>ask</b> &amp; check',
  '',
  '![diagram of a jacket](https://x.example/a.png)',
  '',
  '```',
  'const x = 1;',
  '```',
].join('\n');

describe('markdownPlainText', () => {
  it('keeps the words and drops the syntax', () => {
    expect(markdownPlainText(article)).toBe(
      'Size guide The Skarven jacket is cut slim: see the table and EU sizes. ' +
        'Size Chest (cm) S 88–94 M 95–101 Measure over a thin layer nested step ' +
        'Tip: never always ask & check diagram of a jacket const x = 1;',
    );
  });

  it('never shows table pipes, emphasis markers, link targets or tags', () => {
    const text = markdownPlainText(article);
    for (const syntax of ['|', '**', '](', 'kb:', '<b>', '---', '#', '```']) {
      expect(text).not.toContain(syntax);
    }
  });

  it('answers hostile shapes as text, without throwing', () => {
    for (const source of [...Object.values(pathological), stackOverflow]) {
      expect(typeof markdownPlainText(source)).toBe('string');
    }
    expect(markdownPlainText(stackOverflow)).toContain('deep');
  });
});

describe('firstParagraphText', () => {
  it('is the first block that is not a heading, as plain text', () => {
    expect(firstParagraphText(article)).toBe(
      'The Skarven jacket is cut slim: see the table and EU sizes.',
    );
    expect(firstParagraphText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b 1 2');
    expect(firstParagraphText('# Only a title')).toBe('');
  });
});
