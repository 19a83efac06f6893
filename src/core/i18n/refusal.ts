import type { CoreMessageId } from '../../shared/i18n/catalogs';
import { AppError, type ErrorCode } from '../../shared/result';
import { translate, withDetail } from './translate';

/**
 * A handler's refusal: `code` for the caller's logic, the message by id for the advocate (worded
 * by the renderer in the language shown), and its English wording for logs. `detail` (English
 * from below: a socket error, a server's own message) is added to the log wording only, never
 * to what the advocate reads.
 */
export function refusal(
  code: ErrorCode,
  id: CoreMessageId,
  values: Record<string, string | number> = {},
  detail?: string,
): AppError {
  const text = { id, values };
  return new AppError(code, withDetail(translate('en', text), detail), text);
}
