import { expect } from 'vitest';

/**
 * Asserts `text` (worded in Japanese or Arabic) holds no English word: Latin letters only inside
 * `foreign` (values that are not ours to translate: a subject, a server's address) and in the
 * product and protocol names our translations keep as they are.
 */
export function expectNoEnglish(text: string, foreign: string[] = []): void {
  let rest = text;
  for (const kept of [...foreign, 'Gigdesk', 'https://']) rest = rest.split(kept).join('');
  expect(rest, text).not.toMatch(/[A-Za-z]{2,}/);
}
