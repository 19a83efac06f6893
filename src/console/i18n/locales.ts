import ar from './messages/ar.json';
import de from './messages/de.json';
import en from './messages/en.json';
import es from './messages/es.json';
import ja from './messages/ja.json';

export const catalogs = { en, es, de, ja, ar } as const;
export type Locale = keyof typeof catalogs;
export const locales = Object.keys(catalogs) as Locale[];
export type MessageId = keyof typeof en;

/** Each language's own name, for the picker. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  de: 'Deutsch',
  ja: '日本語',
  ar: 'العربية',
};

const STORAGE_KEY = 'gigdesk.console.locale';

const isLocale = (s: string | null | undefined): s is Locale =>
  !!s && (locales as string[]).includes(s);

/** The chosen language, else the browser's first we have, else English. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  for (const tag of navigator.languages ?? []) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function saveLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
}

export const directionOf = (locale: Locale) => (locale === 'ar' ? 'rtl' : 'ltr');
