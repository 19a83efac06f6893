import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/core/i18n/translate';
import { serverUrlProblem } from '../../../src/shared/domain/serverUrl';

/** The problem as the advocate reads it in `locale` (it is answered as a message id and values). */
const worded = (value: string, locale = 'en') => {
  const problem = serverUrlProblem(value);
  return problem && translate(locale, problem);
};

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
      expect(serverUrlProblem(bad)?.id, bad).toBe('error.serverUrl.plainHttp');
      expect(worded(bad), bad).toMatch(/only over https:\/\//);
    }
    expect(worded('http://10.0.0.1')).toContain('(10.0.0.1 was given as http://)');
    expect(worded('ftp://feed.example.com')).toBe('The address must start with https://.');
    expect(worded('feed.example.com')).toBe(
      'Enter the full address, for example https://feed.yourbrand.com.',
    );
  });

  it('words each problem in the advocate’s language, the address given kept as it is', () => {
    expect(worded('http://10.0.0.1:8787', 'de')).toBe(
      'Gigdesk verbindet sich nur über https:// (10.0.0.1:8787 wurde mit http:// angegeben). Frag deine Marke nach ihrer https://-Adresse.',
    );
    expect(worded('feed.example.com', 'ja')).toBe(
      '完全なアドレスを入力してください(例: https://feed.yourbrand.com)。',
    );
    expect(worded('ftp://feed.example.com', 'ar')).toBe('يجب أن يبدأ العنوان بـ https://.');
  });
});
