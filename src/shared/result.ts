/** Errors cross IPC and HTTP as data, never as thrown values or stack traces. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'forbidden_sender'
  | 'not_found'
  | 'conflict'
  | 'rejected'
  | 'unauthorized'
  | 'forbidden'
  | 'offline'
  | 'not_signed_in'
  | 'unavailable'
  /** Going on would delete the advocate's unsent work; repeat with the discard flag to do so. */
  | 'unsent_work'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside handlers; the dispatcher turns it into a failed Result with this code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
