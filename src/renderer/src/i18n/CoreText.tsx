import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { coreTextIn, knownText, shownIn, type CoreTextLike } from './errorText';

/** Words from outside the app (a subject) keep their own direction. */
const ownDirection = ['subject'];

/**
 * A text core built (a notice, a sync status, an update error), worded now in the language
 * shown: so it follows a language switch. `fallback` is core's English (for logs): nothing is
 * shown when both are absent, and a text this build does not know is shown as the generic
 * reason, never as that English (errorText's rule).
 */
export function CoreText({ text, fallback }: { text: CoreTextLike; fallback: string | null }) {
  const intl = useIntl();
  if (!text && fallback === null) return null;
  const known = knownText(text);
  const values: Record<string, ReactNode> = shownIn(intl, known);
  for (const key of ownDirection) {
    const value = values[key];
    if (typeof value === 'string' && value !== '') values[key] = <bdi>{value}</bdi>;
  }
  return <FormattedMessage id={known.id} values={values} />;
}

/** `CoreText` as a plain string (for a title or an aria-label): no direction isolation. */
export function useCoreText(): (text: CoreTextLike, fallback: string | null) => string | null {
  const intl = useIntl();
  return (text, fallback) => (!text && fallback === null ? null : coreTextIn(intl, text));
}
