/**
 * Texts built outside React (notices from the sync engine, desktop notifications) as ICU
 * messages, one catalog per shipped language. Core formats them with `@formatjs/intl`; the
 * renderer merges them into its own catalogs, so a notice is worded at render time in the
 * language chosen now.
 */
import ar from './messages/ar.json';
import de from './messages/de.json';
import en from './messages/en.json';
import es from './messages/es.json';
import ja from './messages/ja.json';

export type CoreMessageId = keyof typeof en;

export const coreCatalogs: Record<
  'en' | 'es' | 'de' | 'ja' | 'ar',
  Record<CoreMessageId, string>
> = { en, es, de, ja, ar };

/** A message by id and values (strings and numbers only, so it crosses IPC as it is). */
export interface TextRef {
  id: CoreMessageId;
  values: Record<string, string | number>;
}

const isCoreMessage = (id: string): id is CoreMessageId => Object.hasOwn(en, id);

/**
 * The values a message is formatted with: a value named `action` holds an action type and is
 * shown as that action's name (`action.<type>.pending`) in the same language; a value named
 * `reason` holds the id of a message saying why (a refusal's, a failure's), shown in the same
 * language with the same values, and an id this build does not know as `reason.unknown`: a
 * reason never reaches the advocate as the server's or the socket's own English. Core and
 * renderer both format through this, so the rule lives here only.
 */
export function shownValues(
  values: Record<string, string | number>,
  format: (id: CoreMessageId, values?: Record<string, string | number>) => string,
): Record<string, string | number> {
  const shown = { ...values };
  const action = values['action'];
  if (typeof action === 'string') {
    const id = `action.${action}.pending`;
    shown['action'] = isCoreMessage(id) ? format(id) : action;
  }
  const reason = values['reason'];
  if (reason !== undefined) {
    const id = String(reason);
    shown['reason'] = format(isCoreMessage(id) ? id : 'reason.unknown', values);
  }
  return shown;
}
