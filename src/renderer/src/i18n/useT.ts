import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './catalogs';

/** Values an ICU message takes: strings and numbers (plurals and select read them). */
export type MessageValues = Record<string, string | number>;

/** A message to show later (a store's status line, a notice): its id and values, not its text. */
export interface MessageRef {
  id: MessageId;
  values?: MessageValues;
}

/** `t('notices.label')`: a message of the current locale as a plain string. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

/**
 * A text a store keeps for later: a message of ours (worded when shown, so it follows a
 * language switch), or words that arrived already written (a reason core or a server gave).
 */
export type ShownText = MessageRef | string;

/** Words a `ShownText` in the current locale. */
export function useShownText(): (text: ShownText) => string {
  const t = useT();
  return useCallback((text) => (typeof text === 'string' ? text : t(text.id, text.values)), [t]);
}
