import { useId, useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { systemTimeZone } from '../../../../shared/domain/time';
import { useFormat } from '../../i18n/format';
import { appLanguages, catalogLanguage, languageName, resolveLocale } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { SettingsSection } from './SettingsSection';
import { useSettings } from './settingsStore';

/** Every IANA zone this runtime knows, once. */
const zones = (() => {
  let cached: string[] | null = null;
  return () => (cached ??= Intl.supportedValuesOf('timeZone'));
})();

/** Settings › Language and region: the app's language and time zone (null follows the system). */
export function RegionSettings() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const format = useFormat();
  const t = useT();
  const languageId = useId();
  const zoneId = useId();
  const systemLanguage = catalogLanguage(resolveLocale(null, navigator.languages));
  const zoneList = useMemo(zones, []);
  if (!settings) return null;
  // A day whose weekday is the locale's first: 2026-01-05 was a Monday (ISO weekday 1).
  const firstDay = `2026-01-${String(4 + format.firstDayOfWeek).padStart(2, '0')}`;
  const current = settings.timeZone;
  const shipped = (appLanguages as readonly string[]).includes(settings.locale ?? '');
  return (
    <SettingsSection
      title={t('settings.region.legend')}
      description={
        <FormattedMessage
          id="settings.region.preview"
          values={{
            now: format.dateTime(Date.now()),
            weekday: format.day(firstDay, 'weekdayLong'),
          }}
        />
      }
    >
      <div className="settings-field">
        <label htmlFor={languageId}>{t('settings.region.language')}</label>
        <select
          id={languageId}
          value={settings.locale ?? ''}
          onChange={(e) => void update({ locale: e.target.value || null })}
        >
          <option value="">
            {t('settings.region.languageSystem', { language: languageName(systemLanguage) })}
          </option>
          {appLanguages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageName(language)}
            </option>
          ))}
          {settings.locale && !shipped ? (
            <option value={settings.locale}>{settings.locale}</option>
          ) : null}
        </select>
      </div>
      <div className="settings-field">
        <label htmlFor={zoneId}>{t('settings.region.timeZone')}</label>
        <select
          id={zoneId}
          value={current ?? ''}
          onChange={(e) => void update({ timeZone: e.target.value || null })}
        >
          <option value="">
            {t('settings.region.timeZoneSystem', { zone: systemTimeZone() })}
          </option>
          {current && !zoneList.includes(current) ? (
            <option value={current}>{current}</option>
          ) : null}
          {zoneList.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
    </SettingsSection>
  );
}
