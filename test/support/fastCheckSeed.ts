import fc from 'fast-check';

// Property tests (Node suites) explore new inputs on every developer run; CI replays one fixed seed so a run
// is reproducible (set FC_SEED to replay a failure reported with its seed).
const seed = process.env['FC_SEED'] ?? (process.env['CI'] ? '20261122' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
