import { createIntl, createIntlCache } from '@formatjs/intl';
import { catalogs, type MessageId } from '../../src/renderer/src/i18n/catalogs';
import { catalogLanguage } from '../../src/renderer/src/i18n/locales';

const cache = createIntlCache();

/** The app's own wording of a message in `locale`, from the shipped catalogs (for selectors). */
export function msg(
  locale: string,
  id: MessageId,
  values?: Record<string, string | number>,
): string {
  const intl = createIntl(
    {
      locale,
      defaultLocale: 'en',
      messages: catalogs[catalogLanguage(locale)] as Record<string, string>,
    },
    cache,
  );
  return intl.formatMessage({ id }, values);
}
