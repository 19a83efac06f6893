import type { IntlShape } from 'react-intl';
import { coreCatalogs, shownValues, type CoreMessageId } from '../../../shared/i18n/catalogs';
import { codeText, type ErrorInfo } from '../../../shared/result';

const isCoreMessage = (id: string): id is CoreMessageId => Object.hasOwn(coreCatalogs.en, id);

/**
 * A core error in `intl`'s language: its own message, else its code's, else (with no language,
 * or for an id this build does not know) core's English. Stores keep the ErrorInfo and components
 * word it when rendering (`useShownText`), so a language switch re-words errors on screen.
 */
export function errorText(info: ErrorInfo, intl: IntlShape | null): string {
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
