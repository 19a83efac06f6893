import type { IntlShape } from 'react-intl';
import {
  coreCatalogs,
  shownValues,
  type CoreMessageId,
  type TextRef,
} from '../../../shared/i18n/catalogs';
import { codeText, type ErrorInfo } from '../../../shared/result';

const isCoreMessage = (id: string): id is CoreMessageId => Object.hasOwn(coreCatalogs.en, id);

/** A text core built, as it crosses IPC (its id not yet checked against this build's catalogs). */
export type CoreTextLike = { id: string; values?: TextRef['values'] } | null | undefined;

/**
 * The first of `texts` this build's catalogs know, else the generic reason (`reason.unknown`):
 * core's English never stands in for a text the advocate reads. The one rule for CoreText and
 * errorText.
 */
export function knownText(...texts: CoreTextLike[]): TextRef {
  for (const text of texts) {
    if (text && isCoreMessage(text.id)) return { id: text.id, values: text.values ?? {} };
  }
  return { id: 'reason.unknown', values: {} };
}

/** What a refusal kept before its reason had an id says: the server refused it. */
export const genericRefusal: TextRef = { id: 'reason.refused', values: {} };

/** The values `text` is worded with in `intl`'s language (an action's name, a reason's words). */
export const shownIn = (intl: IntlShape, text: TextRef): Record<string, string | number> =>
  shownValues(text.values, (id, values) => intl.formatMessage({ id }, values));

/** A core text in `intl`'s language (see `knownText`). */
export function coreTextIn(intl: IntlShape, ...texts: CoreTextLike[]): string {
  const text = knownText(...texts);
  return intl.formatMessage({ id: text.id }, shownIn(intl, text));
}

/**
 * A core error in `intl`'s language: its own message, else its code's, else the generic reason;
 * with no language, core's English. Stores keep the ErrorInfo and components word it when
 * rendering (`useShownText`), so a language switch re-words errors on screen.
 */
export function errorText(info: ErrorInfo, intl: IntlShape | null): string {
  if (!intl) return info.message;
  return coreTextIn(intl, info.text, codeText(info.code));
}
