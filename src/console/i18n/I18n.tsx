/**
 * Every text a person reads goes through here (react-intl), and every figure through `useFormat`
 * (Intl, in the browser's time zone and the chosen language).
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { formatMoney } from '../../shared/domain/money';
import {
  catalogs,
  directionOf,
  initialLocale,
  type Locale,
  type MessageId,
  saveLocale,
} from './locales';

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'en',
  setLocale: () => {},
});

export function I18n({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  const value = useMemo(
    () => ({
      locale,
      setLocale: (l: Locale) => {
        saveLocale(l);
        setLocale(l);
      },
    }),
    [locale],
  );
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={catalogs[locale]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

export type Values = Record<string, string | number | Date | null | undefined>;
export type T = (id: MessageId, values?: Values) => string;

export function useT(): T {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}

export interface Format {
  dateTime: (utcMs: number) => string;
  date: (utcMs: number) => string;
  money: (minor: number, currency: string) => string;
  number: (n: number, digits?: number) => string;
  percent: (ratio: number) => string;
  duration: (ms: number) => string;
}

export function useFormat(): Format {
  const { locale } = useLocale();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const hours = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'hour',
      maximumFractionDigits: 1,
    });
    const minutes = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'minute',
      maximumFractionDigits: 0,
    });
    return {
      dateTime: (t) => dateTime.format(t),
      date: (t) => date.format(t),
      money: (minor, currency) => formatMoney(minor, currency, locale),
      number: (n, digits = 0) =>
        new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
      percent: (r) => pct.format(r),
      duration: (ms) =>
        ms >= 3_600_000 ? hours.format(ms / 3_600_000) : minutes.format(ms / 60_000),
    };
  }, [locale]);
}
