/** On every API answer, errors and the event stream included: they carry personal data and credentials. */
export const apiHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
