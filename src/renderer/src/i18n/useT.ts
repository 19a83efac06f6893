import { useCallback } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { ErrorInfo } from '../../../shared/result';
import type { MessageId } from './catalogs';
import { errorText } from './errorText';

/** Values an ICU message takes: strings and numbers (plurals and select read them). */
export type MessageValues = Record<string, string | number>;

/**
 * A text kept for later (a store's error or status line, a notice): its id and values, or the
 * error a call failed with, never its wording. It is worded when shown, in the language shown
 * then, so switching language re-words every text already on screen. A value may itself be a
 * text kept for later ("Export failed: {reason}" with the failure as `reason`).
 */
export type ShownText = MessageRef | ErrorInfo;

/** A message of ours to show later. */
export interface MessageRef {
  id: MessageId;
  values?: Record<string, string | number | ShownText>;
}

/** `t('notices.label')`: a message of the current locale as a plain string. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

const isError = (text: ShownText): text is ErrorInfo => 'code' in text;

/** Words a `ShownText` with `intl` (the one place a kept text becomes words). */
export function formatShown(intl: IntlShape, text: ShownText): string {
  if (isError(text)) return errorText(text, intl);
  const values =
    text.values &&
    Object.fromEntries(
      Object.entries(text.values).map(([name, value]) => [
        name,
        typeof value === 'object' ? formatShown(intl, value) : value,
      ]),
    );
  return intl.formatMessage({ id: text.id }, values);
}

/** Words a `ShownText` in the current locale. */
export function useShownText(): (text: ShownText) => string {
  const intl = useIntl();
  return useCallback((text) => formatShown(intl, text), [intl]);
}
