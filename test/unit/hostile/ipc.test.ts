import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/core';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { storeDeviceToken } from '../../../src/core/sync/token';
import { channelNames, contract, type Channel } from '../../../src/shared/contract';
import { ERROR_CODES, type ErrorCode, type Result } from '../../../src/shared/result';
import { createTestCore, type TestCore } from '../../support/core';
import { hostileString, hostileValue, nearMiss } from './payloads';

/**
 * Every channel of the contract (so channels added later are covered without touching this
 * file) gets random and adversarial payloads through `dispatch` over a real core and SQLite file.
 */

interface ZodLike {
  shape?: Record<string, unknown>;
  _zod?: { def?: { innerType?: ZodLike; in?: ZodLike; options?: ZodLike[] } };
}

/** Field names of a channel's input (through optional/default/pipe wrappers and unions). */
function fieldNames(schema: unknown, depth = 0): string[] {
  const s = schema as ZodLike | undefined;
  if (!s || depth > 6) return [];
  if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
  const def = s._zod?.def;
  if (def?.options) return [...new Set(def.options.flatMap((o) => fieldNames(o, depth + 1)))];
  return fieldNames(def?.innerType ?? def?.in, depth + 1);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as {
    ok?: unknown;
    error?: { code?: unknown; message?: unknown; text?: { id?: unknown } };
  };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    (ERROR_CODES as readonly string[]).includes(r.error?.code as ErrorCode) &&
    typeof r.error?.message === 'string' &&
    typeof r.error.text?.id === 'string'
  );
}

let core: TestCore;
const internalErrors: { channel: string; error: unknown; input: unknown }[] = [];

function rowCounts(): Record<string, number> {
  const tables = core.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (core.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

beforeAll(() => {
  // Nothing generated here may reach the network: any request a handler makes fails offline.
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { code: 'ENETUNREACH' })),
    ),
  );
  core = createTestCore();
});
// Signed in (to an address nothing answers on), so payloads reach the handlers' own code.
beforeEach(() => {
  writeSession(core.db, {
    serverUrl: 'http://127.0.0.1:9',
    advocateId: 'adv-hostile',
    advocateName: 'Hostile Tester',
    advocateHandle: 'hostile',
    isDemo: false,
    signedInAt: 0,
  });
  storeDeviceToken(core.services.secrets, 'gdt_hostile_test_token', Date.now() + 30 * 86_400_000);
});
afterAll(() => {
  core.close();
  vi.unstubAllGlobals();
});

const label = (channel: unknown): string =>
  typeof channel === 'string' ? channel.slice(0, 60) : `(${typeof channel})`;

async function hit(channel: unknown, input: unknown): Promise<void> {
  const known = typeof channel === 'string' && Object.hasOwn(contract, channel);
  const rejected = !known || !contract[channel as Channel].input.safeParse(input).success;
  const before = rejected ? rowCounts() : null;
  let result: unknown;
  try {
    result = await dispatch(core.handlers, channel, input, {
      onInternalError: (ch, error) => void internalErrors.push({ channel: ch, error, input }),
    });
  } catch (error) {
    throw new Error(`${label(channel)} threw instead of answering a Result: ${String(error)}`, {
      cause: error,
    });
  }
  expect(isResult(result), `${label(channel)} answered ${JSON.stringify(result)}`).toBe(true);
  const r = result as Result<unknown>;
  if (!r.ok) {
    // Messages are for people: no stack traces or internals cross the boundary.
    expect(r.error.message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    expect(r.error.message.length).toBeLessThan(2_000);
  }
  if (rejected) {
    expect(r.ok, `${label(channel)} accepted input its schema rejects`).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(known ? 'invalid_input' : 'unknown_channel');
    }
    expect(rowCounts(), `${label(channel)} stored something for rejected input`).toEqual(before);
  }
}

describe('hostile payloads on every IPC channel', () => {
  it('covers the whole contract', () => {
    expect(channelNames.length).toBeGreaterThan(5);
    expect(channelNames).toContain('settings:set');
  });

  it.each(channelNames)(
    '%s answers a typed Result, stores nothing for bad input',
    async (channel) => {
      const keys = fieldNames(contract[channel].input);
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, nearMiss(keys)), (input) => hit(channel, input)),
        { numRuns: 30 },
      );
      expect(internalErrors.filter((e) => e.channel === channel)).toEqual([]);
    },
  );

  it('unknown and hostile channel names answer unknown_channel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(hostileString, hostileValue)
          .filter((name) => !channelNames.includes(name as Channel)),
        hostileValue,
        (name, input) => hit(name, input),
      ),
      { numRuns: 60 },
    );
    // Names that cannot even be turned into a string.
    for (const name of [{ toString: '' }, Object.create(null), Symbol('x'), 10n]) {
      await hit(name, {});
    }
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      await hit(name, {});
    }
  });

  it('cases found by the properties above stay fixed', async () => {
    // A key sent as undefined survives structured clone; it used to crash settings:set.
    await hit('settings:set', { timeZone: undefined, theme: undefined });
    // The properties above may have stored a locale: start this case from none.
    expect(await dispatch(core.handlers, 'settings:set', { locale: null })).toMatchObject({
      ok: true,
    });
    expect(await dispatch(core.handlers, 'settings:set', { locale: undefined })).toMatchObject({
      ok: true,
      value: { locale: null },
    });
    await hit({ toString: '' }, {});
    expect(internalErrors).toEqual([]);
  });

  it('left the prototypes clean', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Array.prototype).not.toHaveProperty('polluted');
  });
});
