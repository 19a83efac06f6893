import { coreCatalogs, type CoreMessageId } from '../../../shared/i18n/catalogs';
import ar from './messages/ar.json';
import de from './messages/de.json';
import en from './messages/en.json';
import es from './messages/es.json';
import ja from './messages/ja.json';
import type { AppLanguage } from './locales';

/**
 * Every message id: the keys of the renderer's English catalog, and those of the texts core
 * builds (notices, action names: src/shared/i18n), which the renderer words itself.
 */
export type MessageId = keyof typeof en | CoreMessageId;

const rendererCatalogs = { en, es, de, ja, ar };

/** ICU MessageFormat catalogs, one per shipped language (a test keeps their keys equal). */
export const catalogs = Object.fromEntries(
  Object.entries(rendererCatalogs).map(([language, messages]) => [
    language,
    { ...coreCatalogs[language as AppLanguage], ...messages },
  ]),
) as Record<AppLanguage, Record<MessageId, string>>;
