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
 * A short, plain-language reason for Settings. Never the raw message: it can hold URLs with
 * query strings and stack traces that belong in the log only.
 */
export function describeUpdateError(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : '';
  if (code === 'ERR_UPDATE_SIGNATURE') {
    return 'The update on offer is not signed with the Gigdesk release key and was refused. Nothing was downloaded or installed.';
  }
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) {
    return 'The downloaded update did not match its published checksum and was discarded.';
  }
  if ((code && unreachable.has(code)) || /net::ERR_/.test(message)) {
    return 'Could not reach the update server. Gigdesk will try again later.';
  }
  if (code === 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND' || code === 'HTTP_ERROR_404') {
    return 'The update server has no release for this system yet.';
  }
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION') {
    return 'The update server answered with release information Gigdesk could not read.';
  }
  return code
    ? `The update could not be completed (${code}).`
    : 'The update could not be completed.';
}
