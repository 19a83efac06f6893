import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  coreCatalogs,
  shownValues,
  type CoreMessageId,
  type TextRef,
} from '../../../shared/i18n/catalogs';

const isCoreMessage = (id: string): id is CoreMessageId => Object.hasOwn(coreCatalogs.en, id);

/** Words from outside the app (a subject, a server's reason) keep their own direction. */
const ownDirection = ['subject', 'reason'];

/**
 * A text core built (a notice, a sync status, an update error), worded now in the language
 * shown: so it follows a language switch. `fallback` (core's English) when it has no known id.
 */
export function CoreText({
  text,
  fallback,
}: {
  text: { id: string; values: TextRef['values'] } | null | undefined;
  fallback: string | null;
}) {
  const intl = useIntl();
  if (!text || !isCoreMessage(text.id)) return <>{fallback}</>;
  const values: Record<string, ReactNode> = shownValues(text.values, (id) =>
    intl.formatMessage({ id }),
  );
  for (const key of ownDirection) {
    const value = values[key];
    if (typeof value === 'string' && value !== '') values[key] = <bdi>{value}</bdi>;
  }
  return <FormattedMessage id={text.id} values={values} />;
}

/** `CoreText` as a plain string (for a title or an aria-label): no direction isolation. */
export function useCoreText(): (
  text: { id: string; values: TextRef['values'] } | null | undefined,
  fallback: string | null,
) => string | null {
  const intl = useIntl();
  return (text, fallback) =>
    text && isCoreMessage(text.id)
      ? intl.formatMessage(
          { id: text.id },
          shownValues(text.values, (id) => intl.formatMessage({ id })),
        )
      : fallback;
}
