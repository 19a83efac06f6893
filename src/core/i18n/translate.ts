import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { coreCatalogs, shownValues, type TextRef } from '../../shared/i18n/catalogs';

type Language = keyof typeof coreCatalogs;

const cache = createIntlCache();
const intls = new Map<string, IntlShape>();

function languageOf(locale: string): Language {
  const language = locale.split('-')[0]!.toLowerCase();
  return Object.hasOwn(coreCatalogs, language) ? (language as Language) : 'en';
}

function intlFor(locale: string): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    let tag = 'en';
    try {
      tag = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      // a malformed stored tag reads as English
    }
    intl = createIntl(
      {
        locale: tag,
        defaultLocale: 'en',
        // Widened: the renderer types FormatJS ids globally as its own catalog's.
        messages: coreCatalogs[languageOf(tag)] as Record<string, string>,
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

/** A core-built message in `locale` (the advocate's; English when not shipped). */
export function translate(locale: string, text: TextRef): string {
  const intl = intlFor(locale);
  return intl.formatMessage(
    { id: text.id },
    shownValues(text.values, (id, values) => intl.formatMessage({ id }, values)),
  );
}

/** English for logs, with `detail` (English from below: a socket error, a server's message). */
export function withDetail(english: string, detail?: string): string {
  return detail?.trim() ? `${english} (${detail.trim()})` : english;
}

/**
 * A notice's or a sync status's fields: English `message` for logs (with `detail`, which never
 * reaches what the advocate reads), `text` for the renderer to word in the language shown.
 */
export function worded(text: TextRef, detail?: string): { message: string; text: TextRef } {
  return { message: withDetail(translate('en', text), detail), text };
}
