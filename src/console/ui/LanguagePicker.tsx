import { useT, useLocale } from '../i18n/I18n';
import { localeNames, locales, type Locale } from '../i18n/locales';

export function LanguagePicker() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <label className="inline">
      {t('common.language')}{' '}
      <select
        aria-label={t('common.language')}
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
