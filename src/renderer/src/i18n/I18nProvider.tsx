import { useLayoutEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { isValidTimeZone, systemTimeZone } from '../../../shared/domain/time';
import { useSettings } from '../features/settings/settingsStore';
import { catalogs } from './catalogs';
import { catalogLanguage, resolveLocale, textDirection } from './locales';

/** The locale and zone the app shows: Settings' choices, else the system's. */
export function useLocaleAndZone(): { locale: string; timeZone: string } {
  const localeSetting = useSettings((s) => s.settings?.locale ?? null);
  const zoneSetting = useSettings((s) => s.settings?.timeZone ?? null);
  return {
    locale: resolveLocale(localeSetting, navigator.languages),
    timeZone: zoneSetting && isValidTimeZone(zoneSetting) ? zoneSetting : systemTimeZone(),
  };
}

/**
 * Messages, dates and numbers in the advocate's language and zone; `<html lang dir>` follow,
 * so Arabic mirrors the whole layout (the stylesheet uses logical properties).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { locale, timeZone } = useLocaleAndZone();
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
  }, [locale]);
  return (
    <IntlProvider
      locale={locale}
      timeZone={timeZone}
      defaultLocale="en"
      messages={catalogs[catalogLanguage(locale)]}
    >
      {children}
    </IntlProvider>
  );
}
