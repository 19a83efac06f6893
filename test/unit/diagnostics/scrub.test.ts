import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, scrubText, scrubValue } from '../../../src/shared/scrub';

const token = 'gdt_Q2hhbmdlTWVQbGVhc2VUaGlzSXNBRGV2aWNlVG9rZW4xMjM0NQ';
const adminKey = 'gdk_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V';
const invite = '7KQ2-M9XD-4WZR';
const body = 'Hi, my card 4111 1111 1111 1111 was charged twice';

describe('scrubText', () => {
  it.each([
    [`Authorization: Bearer ${token}`, [token]],
    [`GET /v1/events?token=${token}&x=1`, [token]],
    [`admin key ${adminKey} rejected`, [adminKey]],
    [`redeeming invite ${invite} for ada`, [invite]],
    [`redeeming invite ${invite.toLowerCase()}`, [invite.toLowerCase()]],
    [`{"inviteCode":"${invite}","serverUrl":"http://127.0.0.1:4000"}`, [invite]],
    [`{"type":"reply","body":"${body}"}`, [body, 'charged twice']],
    [`handoffNote=${'angry customer'.replace(/ /g, '_')}`, ['angry_customer']],
    [`jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl here`, ['eyJhbGciOiJIUzI1NiJ9']],
  ])('redacts secrets in %s', (text, secrets) => {
    const out = scrubText(text);
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('keeps what diagnosing needs: ids, versions, error codes, plain URLs', () => {
    const text =
      'task 4b5a9e2c-1d3f-5a6b-8c7d-0000e6666666 failed: ERR_CHECKSUM_MISMATCH at http://127.0.0.1:4000/v1/sync (v1.2.3) sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(scrubText(text)).toBe(text);
  });
});

describe('scrubValue', () => {
  it('redacts sensitive keys at any depth and scrubs strings elsewhere', () => {
    const out = scrubValue({
      channel: 'tickets:reply',
      input: { taskId: 't-1', body, attachments: [{ note: 'private' }] },
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      session: { deviceToken: token, inviteCode: invite, serverUrl: 'https://feed.example' },
      detail: `failed with ${adminKey}`,
    });
    const json = JSON.stringify(out);
    for (const secret of [token, adminKey, invite, body, 'private'])
      expect(json).not.toContain(secret);
    expect(out).toMatchObject({
      channel: 'tickets:reply',
      input: { taskId: 't-1', body: REDACTED },
      headers: { 'content-type': 'application/json' },
      session: { serverUrl: 'https://feed.example' },
    });
  });

  it('keeps errors as errors, scrubbing message and stack', () => {
    const error = Object.assign(new TypeError(`bad token ${token}`), { code: 'E_AUTH' });
    const out = scrubValue(error) as Error & { code?: string };
    expect(out).toBeInstanceOf(Error);
    expect(out.name).toBe('TypeError');
    expect(out.code).toBe('E_AUTH');
    expect(out.message).not.toContain(token);
    expect(out.stack).not.toContain(token);
  });

  it('survives cycles, depth and prototype-pollution keys without polluting anything', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(scrubValue(cyclic)).toEqual({ a: 1, self: '[circular]' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50; i++) deep = { deep };
    expect(JSON.stringify(scrubValue(deep))).toContain('[too deep]');
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}',
    );
    const out = scrubValue(hostile) as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor']);
  });

  it('never lets a planted credential through, whatever surrounds it (property)', () => {
    const secret = fc.constantFrom(token, adminKey, invite);
    fc.assert(
      fc.property(fc.string(), secret, fc.string(), (before, s, after) => {
        // Word boundaries are part of the format: glue only non-word characters to the secret.
        const text = `${before} ${s} ${after}`;
        expect(scrubText(text)).not.toContain(s);
      }),
      { numRuns: 300 },
    );
  });
});
