import { useId, useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { systemTimeZone } from '../../../../shared/domain/time';
import { useFormat } from '../../i18n/format';
import { appLanguages, catalogLanguage, languageName, resolveLocale } from '../../i18n/locales';
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
  const languageId = useId();
  const zoneId = useId();
  const previewId = useId();
  const systemLanguage = catalogLanguage(resolveLocale(null, navigator.languages));
  const zoneList = useMemo(zones, []);
  if (!settings) return null;
  // A day whose weekday is the locale's first: 2026-01-05 was a Monday (ISO weekday 1).
  const firstDay = `2026-01-${String(4 + format.firstDayOfWeek).padStart(2, '0')}`;
  const current = settings.timeZone;
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset aria-describedby={previewId}>
        <legend>
          <FormattedMessage id="settings.region.legend" />
        </legend>
        <label htmlFor={languageId}>
          <FormattedMessage id="settings.region.language" />
        </label>
        <select
          id={languageId}
          value={settings.locale ?? ''}
          onChange={(e) => void update({ locale: e.target.value || null })}
        >
          <FormattedMessage
            id="settings.region.languageSystem"
            values={{ language: languageName(systemLanguage) }}
          >
            {(text) => <option value="">{text}</option>}
          </FormattedMessage>
          {appLanguages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageName(language)}
            </option>
          ))}
          {settings.locale && !(appLanguages as readonly string[]).includes(settings.locale) ? (
            <option value={settings.locale}>{settings.locale}</option>
          ) : null}
        </select>
        <label htmlFor={zoneId}>
          <FormattedMessage id="settings.region.timeZone" />
        </label>
        <select
          id={zoneId}
          value={current ?? ''}
          onChange={(e) => void update({ timeZone: e.target.value || null })}
        >
          <FormattedMessage id="settings.region.timeZoneSystem" values={{ zone: systemTimeZone() }}>
            {(text) => <option value="">{text}</option>}
          </FormattedMessage>
          {current && !zoneList.includes(current) ? (
            <option value={current}>{current}</option>
          ) : null}
          {zoneList.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p className="muted" id={previewId}>
          <FormattedMessage
            id="settings.region.preview"
            values={{
              now: format.dateTime(Date.now()),
              weekday: format.day(firstDay, 'weekdayLong'),
            }}
          />
        </p>
      </fieldset>
    </form>
  );
}
