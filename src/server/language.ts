/**
 * The language of a task the brand pushed without one, from its customer's words. `eld`
 * (Nito-ELD): maintained, pure JavaScript with no native parts, offline, and accurate on the
 * short texts support messages are; its "small" n-gram set keeps the server's memory modest.
 * An unreliable guess answers null: no language is better than a wrong one for routing.
 */
import type { eld as EldDetector } from 'eld/small';

const SAMPLE_CHARS = 2000;

// eld ships as ES modules only (its exports have no `require` condition): loaded once.
let detector: Promise<typeof EldDetector> | undefined;

/**
 * Loads the n-gram model (~0.4 s of compiling on the event loop). The server does it at start:
 * loaded by the first push instead, it stalls every request, inside that push's transaction.
 */
export function loadLanguageDetector(): Promise<typeof EldDetector> {
  detector ??= import('eld/small').then((m) => m.eld);
  return detector;
}

export async function detectLanguage(texts: string[]): Promise<string | null> {
  const sample = texts.join('\n').slice(0, SAMPLE_CHARS).trim();
  if (sample.length < 8) return null;
  const result = (await loadLanguageDetector()).detect(sample);
  if (!result.language || !result.isReliable()) return null;
  return result.language;
}
