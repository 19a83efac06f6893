import type { CoreMessageId, TextRef } from './i18n/catalogs';

/** Errors cross IPC and HTTP as data, never as thrown values or stack traces. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden_sender',
  'not_found',
  'conflict',
  'rejected',
  'unauthorized',
  'forbidden',
  'offline',
  'not_signed_in',
  'unavailable',
  /** Going on would delete the advocate's unsent work; repeat with the discard flag to do so. */
  'unsent_work',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  /** English, for logs (and shown only where no catalog has `text.id`). */
  message: string;
  /** What the renderer shows, worded in the advocate's language (src/shared/i18n catalogs). */
  text: TextRef;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Every code's own message (`error.code.<code>`): what is shown when nothing more precise is. */
export const codeText = (code: ErrorCode): TextRef => ({
  id: `error.code.${code}` as CoreMessageId,
  values: {},
});

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, text = codeText(code)): Result<never> => ({
  ok: false,
  error: { code, message, text },
});

/**
 * Thrown inside handlers; the dispatcher turns it into a failed Result with this code. Built by
 * `refusal` (core/i18n/refusal.ts), which words `message` from `text` in English.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly text: TextRef = codeText(code),
  ) {
    super(message);
    this.name = 'AppError';
  }
}
