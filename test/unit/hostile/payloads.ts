import fc from 'fast-check';

/** One shared instance: a 1 MB string costs memory once, not once per run. */
const HUGE = 'x'.repeat(1_000_000);
const HUGE_UNICODE = '\u202E\u200B'.repeat(250_000);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}
const DEEP_OBJECT = nested(2_000, (inner) => ({ a: inner }));
const DEEP_ARRAY = nested(5_000, (inner) => [inner]);

/** Strings that have broken parsers, renderers and databases before. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    HUGE,
    HUGE_UNICODE,
    '\u202Egnp.exe',
    'admin\u200B\u200C\u200D\uFEFF',
    '\u0000',
    '\uD800',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    "'; DROP TABLE tasks; --",
    '../../../../etc/passwd',
    '__proto__',
    'constructor',
    'prototype',
    '${7*7}{{7*7}}',
    'http://169.254.169.254/latest/meta-data',
    'file:///etc/passwd',
    '%00%2e%2e%2f',
    'NaN',
    '-1',
    '9'.repeat(400),
  ),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, -1e308, 1e308, 0.1),
  fc.double(),
  fc.integer(),
);

const pollutionKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
);

/** Objects whose keys try to reach the prototype chain, built the way JSON.parse builds them. */
export const pollution: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}')),
  fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}')),
  fc.constant(Object.assign(Object.create(null), { polluted: 'yes' })),
  fc.dictionary(pollutionKey, fc.jsonValue(), { maxKeys: 3 }),
);

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, 10n, Symbol('s'), () => 1, new Date(NaN)),
  fc.constantFrom(DEEP_OBJECT, DEEP_ARRAY, new Map([['a', 1]]), new Set([1]), new Uint8Array(4)),
  pollution,
);

/** Hostile strings short enough for a URL (paths, query strings, header values). */
export const hostileShortString: fc.Arbitrary<string> = hostileString.filter(
  (s) => s.length < 2_000,
);

/** Anything at all, with hostile leaves and keys, null prototypes, sparse arrays and so on. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileLeaf,
  fc.anything({
    key: fc.oneof(fc.string(), pollutionKey),
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withObjectString: true,
    withBoxedValues: true,
  }),
  fc.array(hostileLeaf, { maxLength: 4 }),
);

/** Objects with a channel's own field names, each holding something hostile. */
export function nearMiss(keys: readonly string[]): fc.Arbitrary<unknown> {
  if (keys.length === 0) return hostileValue;
  return fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostileValue, hostileLeaf), {
    minKeys: 1,
    maxKeys: keys.length,
  });
}
