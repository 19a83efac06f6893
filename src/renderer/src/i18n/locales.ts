/** The languages Gigdesk ships catalogs for; `en` is the source and the fallback. */
export const appLanguages = ['en', 'es', 'de', 'ja', 'ar'] as const;
export type AppLanguage = (typeof appLanguages)[number];

const isAppLanguage = (language: string): language is AppLanguage =>
  (appLanguages as readonly string[]).includes(language);

/** A canonical BCP 47 tag, or null when `tag` is not one. */
function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The catalog a locale reads: its language when shipped, else English. */
export function catalogLanguage(locale: string): AppLanguage {
  const language = locale.split('-')[0]!.toLowerCase();
  return isAppLanguage(language) ? language : 'en';
}

/**
 * The locale the app formats with: Settings' locale when it is a valid tag in a shipped
 * language, else the first system language we ship (keeping its region: en-GB dates stay
 * British), else English. The full tag matters beyond the catalog: dates, numbers and the
 * first day of the week follow the region.
 */
export function resolveLocale(setting: string | null, system: readonly string[]): string {
  for (const candidate of setting ? [setting, ...system] : system) {
    const tag = canonical(candidate);
    if (tag && isAppLanguage(tag.split('-')[0]!)) return tag;
  }
  return 'en';
}

const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

interface TextInfoLocale extends Intl.Locale {
  getTextInfo?: () => { direction?: 'ltr' | 'rtl' };
  textInfo?: { direction?: 'ltr' | 'rtl' };
}

/** Writing direction of a locale's script: `rtl` for Arabic, Hebrew, Persian…, else `ltr`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const tag = new Intl.Locale(locale) as TextInfoLocale;
    const direction = (tag.getTextInfo?.() ?? tag.textInfo)?.direction;
    if (direction) return direction;
    return rtlLanguages.has(tag.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Each shipped language named in itself ("Deutsch", "日本語", "العربية"), for the picker. */
export function languageName(language: AppLanguage): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
}
