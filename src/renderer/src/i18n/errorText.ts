import type { IntlShape } from 'react-intl';
import { coreCatalogs, shownValues, type CoreMessageId } from '../../../shared/i18n/catalogs';
import { codeText, type ErrorInfo } from '../../../shared/result';

const isCoreMessage = (id: string): id is CoreMessageId => Object.hasOwn(coreCatalogs.en, id);

/** The language shown now (set by I18nProvider), for errors worded outside React (stores). */
let shown: IntlShape | null = null;

export function setErrorIntl(intl: IntlShape): void {
  shown = intl;
}

/**
 * A core error in the language shown: its own message, else its code's, else (before the app
 * has a language, or for an id this build does not know) core's English.
 */
export function errorText(info: ErrorInfo, intl: IntlShape | null = shown): string {
  if (!intl) return info.message;
  for (const text of [info.text, codeText(info.code)]) {
    if (!text || !isCoreMessage(text.id)) continue;
    return intl.formatMessage(
      { id: text.id },
      shownValues(text.values ?? {}, (id) => intl.formatMessage({ id })),
    );
  }
  return info.message;
}
