import type { CoreMessageId, TextRef } from '../../shared/i18n/catalogs';
import { translate } from '../i18n/translate';
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * A short, plain-language reason for Settings, as an i18n id and values. Never the raw message:
 * it can hold URLs with query strings and stack traces that belong in the log only.
 */
export function updateErrorText(error: unknown): TextRef {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : '';
  const id = (name: string) => ({ id: `update.error.${name}` as CoreMessageId, values: {} });
  if (code === 'ERR_UPDATE_SIGNATURE') return id('signature');
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) return id('checksum');
  if ((code && unreachable.has(code)) || /net::ERR_/.test(message)) return id('unreachable');
  if (code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' || code === 'HTTP_ERROR_404') {
    return id('noRelease');
  }
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION') {
    return id('unreadable');
  }
  return {
    id: 'update.error.other',
    values: { hasCode: code ? 'yes' : 'no', code: code ?? '' },
  };
}

/** The reason in English (the log, and `UpdateStatus.error`). */
export function describeUpdateError(error: unknown): string {
  return translate('en', updateErrorText(error));
}
