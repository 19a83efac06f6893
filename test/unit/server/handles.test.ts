import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleBase } from '../../../src/server/store/handles';
import { type TestServer, testServer } from './helpers';

describe('handles', () => {
  it('keep letters of any script, NFC, lower case', () => {
    expect(handleBase('Lucía Fernández')).toBe('lucíafernández');
    expect(handleBase('Luci\u0301a')).toBe('lucía'.normalize('NFC'));
    expect(handleBase('佐藤 健太')).toBe('佐藤健太');
    expect(handleBase('Ёжик Ω')).toBe('ёжикω');
    expect(handleBase('محمد علي')).toBe('محمدعلي');
    expect(handleBase('!!!')).toBe('advocate');
    expect([...handleBase('a'.repeat(30) + '😀')]).toHaveLength(20);
  });

  describe('over HTTP', () => {
    let s: TestServer;
    beforeEach(async () => {
      s = await testServer();
    });
    afterEach(() => s.close());

    it('ten concurrent invites of people with the same first name each get their own handle', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          s.call('POST', '/v1/admin/advocates', {
            token: s.adminKey,
            body: { email: `lucia${i}@example.com`, name: 'Lucía Fernández' },
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
      const list = (await s.call('GET', '/v1/admin/advocates', { token: s.adminKey })).body
        .advocates as { handle: string }[];
      const handles = list.map((a) => a.handle);
      expect(new Set(handles).size).toBe(10);
      expect(handles).toContain('lucíafernández');
      expect(handles).toContain('lucíafernández2');
    });

    it('ten concurrent invites of one address make one member', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          s.call('POST', '/v1/admin/advocates', {
            token: s.adminKey,
            body: { email: 'kenta@example.com', name: '佐藤 健太' },
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
      expect(new Set(answers.map((a) => a.body.advocateId)).size).toBe(1);
      const list = (await s.call('GET', '/v1/admin/advocates', { token: s.adminKey })).body
        .advocates as { handle: string }[];
      expect(list.map((a) => a.handle)).toEqual(['佐藤健太']);
    });
  });
});
