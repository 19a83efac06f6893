import type { CoreMessageId } from '../../shared/i18n/catalogs';
import { AppError, type ErrorCode } from '../../shared/result';
import { translate } from './translate';

/**
 * A handler's refusal: `code` for the caller's logic, the message by id for the advocate (worded
 * by the renderer in the language shown), and its English wording for logs.
 */
export function refusal(
  code: ErrorCode,
  id: CoreMessageId,
  values: Record<string, string | number> = {},
): AppError {
  const text = { id, values };
  return new AppError(code, translate('en', text), text);
}
