// Preloaded into Electronegativity by securityScan.mjs. At start the tool downloads its message
// translations with `got`; offline that request's retry crashes the process on Node >= 22 (an old
// got/p-cancelable bug), and the gate needs none of it: its English messages ship in the package.
// So the download fails at once, and the tool falls back to its bundled en-US messages.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (
    request === 'got' &&
    parent &&
    /electronegativity[\\/]dist[\\/]locales/.test(parent.filename)
  ) {
    return () => Promise.reject(new Error('Electronegativity translations are not downloaded.'));
  }
  return load.call(this, request, parent, ...rest);
};
