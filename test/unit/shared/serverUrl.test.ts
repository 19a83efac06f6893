import { describe, expect, it } from 'vitest';
import { serverUrlProblem } from '../../../src/shared/domain/serverUrl';

describe('feed server addresses', () => {
  it('accepts https:// anywhere and http:// only to this computer', () => {
    for (const ok of [
      'https://feed.example.com',
      'https://203.0.113.7:8443/',
      'http://127.0.0.1:8787',
      'http://127.1.2.3',
      'http://localhost:8787',
      'http://[::1]:8787',
    ])
      expect(serverUrlProblem(ok), ok).toBeNull();
  });

  it('refuses http:// to any other host with a clear message', () => {
    for (const bad of [
      'http://feed.example.com',
      'http://192.168.1.10:8787',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example',
      'http://[::ffff:7f00:1]',
      'http://10.0.0.1',
    ]) {
      expect(serverUrlProblem(bad), bad).toMatch(/only over https:\/\//);
    }
    expect(serverUrlProblem('ftp://feed.example.com')).toMatch(/https/);
    expect(serverUrlProblem('feed.example.com')).toMatch(/full address/);
  });
});
