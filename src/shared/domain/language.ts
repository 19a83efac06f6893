/**
 * Matching a task's language (BCP 47) against the languages an advocate answers in for a brand.
 * Languages match on their primary subtag: an advocate who writes `es` answers `es-MX`, and one
 * who set `pt-BR` answers `pt`. An advocate with no languages set, or a task whose language is
 * unknown, always matches: no language is not a reason to hide work. Pure; core/feed's SQL
 * (feed/languageSql.ts) states the same rule.
 */
export const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

export function speaks(languages: readonly string[], taskLanguage: string | null): boolean {
  if (taskLanguage === null || languages.length === 0) return true;
  const wanted = primaryLanguage(taskLanguage);
  return languages.some((l) => primaryLanguage(l) === wanted);
}

/** `items` with those in `language` first, each group in its own order (stable). */
export function inLanguageFirst<T>(
  items: readonly T[],
  languageOf: (item: T) => string | undefined,
  language: string | null | undefined,
): T[] {
  if (!language) return [...items];
  const wanted = primaryLanguage(language);
  const mine = (item: T) => {
    const l = languageOf(item);
    return l !== undefined && primaryLanguage(l) === wanted;
  };
  return [...items.filter(mine), ...items.filter((i) => !mine(i))];
}
