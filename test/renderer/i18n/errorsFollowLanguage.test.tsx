import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refusal } from '../../../src/core/i18n/refusal';
import { translate } from '../../../src/core/i18n/translate';
import { signInFailure } from '../../../src/core/session/session';
import { HttpError, NetworkError, type NetworkFailure } from '../../../src/core/sync/client';
import { KnowledgeBaseView } from '../../../src/renderer/src/features/kb/KnowledgeBaseView';
import { useKb } from '../../../src/renderer/src/features/kb/kbStore';
import { FirstRun } from '../../../src/renderer/src/features/session/FirstRun';
import { useSession } from '../../../src/renderer/src/features/session/sessionStore';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import { catalogs } from '../../../src/renderer/src/i18n/catalogs';
import type { AppLanguage } from '../../../src/renderer/src/i18n/locales';
import { defaultSettings } from '../../../src/shared/settings';
import type { AppError } from '../../../src/shared/result';
import { mockGigdesk } from '../kb/gigdeskMock';
import { installGigdesk } from '../tickets/fixtures';
import { fireEvent, render, screen } from '../render';

/**
 * Errors are kept as what they are (an id and values, or the ErrorInfo core answered) and worded
 * when shown: a language switch re-words an error already on screen, and nothing the advocate
 * reads is English that came from below (a socket error, a server's own message).
 */
const setLocale = (locale: string | null) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

const alertText = async () => (await screen.findByRole('alert')).textContent;

/** Fills First run in the language shown and presses Connect. */
function connect(language: AppLanguage, url: string, code = '7KQ2-M9XD') {
  const words = catalogs[language];
  fireEvent.change(screen.getByLabelText(words['firstRun.address']), { target: { value: url } });
  fireEvent.change(screen.getByLabelText(words['firstRun.code']), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: words['firstRun.connect'] }));
}

/** The store as the app makes it (some tests stand in for `connect`). */
const session = useSession.getState();
beforeEach(() => {
  setLocale(null);
  useSession.setState({ ...session, status: { state: 'signed_out' }, error: null, busy: false });
});
afterEach(() => setLocale(null));

describe('an error on screen follows the language', () => {
  it('a sign-in refusal kept by the session store is re-worded on a language switch', async () => {
    const refused = refusal('offline', 'error.session.refused', { server: 'feed.example.com' });
    installGigdesk({ 'session:connect': refused });
    render(<FirstRun />);
    connect('en', 'https://feed.example.com');
    expect(await alertText()).toBe(
      'feed.example.com refused the connection. Check the address (and its port), or ask your brand whether its server is running.',
    );
    setLocale('ja');
    expect(await alertText()).toBe(translate('ja', refused.text));
    setLocale('ar');
    expect(await alertText()).toBe(translate('ar', refused.text));
    expect(await alertText()).toContain('feed.example.com');
  });

  it('a failure kept by a store outside React (knowledge base) is re-worded too', async () => {
    mockGigdesk({});
    useKb.setState({ query: '', hits: [], article: null, overview: null, error: null });
    render(<KnowledgeBaseView />);
    const status = () => screen.getByText(catalogs.en['error.code.unavailable']);
    await vi.waitFor(status);
    setLocale('de');
    expect(screen.getByText(catalogs.de['error.code.unavailable'])).toBeTruthy();
    expect(screen.queryByText(catalogs.en['error.code.unavailable'])).toBeNull();
  });
});

describe('the server address, checked before connecting', () => {
  it('is refused in Japanese, with the example address kept as it is', async () => {
    const connectSpy = vi.fn(async () => undefined);
    useSession.setState({ connect: connectSpy });
    setLocale('ja');
    render(<FirstRun />);
    connect('ja', 'feed.example.com');
    expect(await alertText()).toBe(
      '完全なアドレスを入力してください(例: https://feed.yourbrand.com)。',
    );
    connect('ja', 'ftp://feed.example.com');
    expect(await alertText()).toBe('アドレスは https:// で始まる必要があります。');
    expect(connectSpy).not.toHaveBeenCalled();
  });

  it('is refused in Arabic, naming the host given over http://, and re-worded on a switch', async () => {
    useSession.setState({ connect: vi.fn(async () => undefined) });
    setLocale('ar');
    render(<FirstRun />);
    connect('ar', 'http://feed.example.com:8080');
    expect(await alertText()).toBe(
      'لا يتصل Gigdesk إلا عبر https:// (أُدخل feed.example.com:8080 بـ http://). اطلب من علامتك التجارية عنوانها الذي يبدأ بـ https://.',
    );
    setLocale('en');
    expect(await alertText()).toBe(
      'Gigdesk connects only over https:// (feed.example.com:8080 was given as http://). Ask your brand for its https:// address.',
    );
  });
});

describe('a failed sign-in says why, in the advocate’s language', () => {
  const server = 'https://feed.example.com';
  const network = (kind: NetworkFailure, english: string) =>
    signInFailure(new NetworkError(english, kind), server);
  const failures: [string, AppError, string][] = [
    ['dns', network('dns', 'getaddrinfo ENOTFOUND feed.example.com'), 'ENOTFOUND'],
    ['refused', network('refused', 'connect ECONNREFUSED 10.0.0.1:443'), 'ECONNREFUSED'],
    ['tls', network('tls', 'certificate has expired'), 'certificate has expired'],
    ['timeout', network('timeout', 'The server did not answer in time.'), 'did not answer'],
    ['unreachable', network('unreachable', 'connect ENETUNREACH'), 'ENETUNREACH'],
    [
      'server error',
      signInFailure(new HttpError(502, 'http_502', 'Bad gateway from upstream', null), server),
      'Bad gateway',
    ],
    [
      'too many',
      signInFailure(new HttpError(429, 'rate_limited', 'Slow down please', null), server),
      'Slow down',
    ],
    ['unexpected', signInFailure(new Error('socket hang up'), server), 'hang up'],
  ];

  it('gives each kind of failure its own message', () => {
    const ids = failures.map(([, error]) => error.text.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The English detail is kept for the log only.
    for (const [kind, error, detail] of failures) expect(error.message, kind).toContain(detail);
  });

  for (const language of ['ja', 'ar', 'es'] as const) {
    it(`words every failure in ${language}, without the English detail`, async () => {
      setLocale(language);
      let current: AppError = failures[0]![1];
      installGigdesk({ 'session:connect': () => current });
      render(<FirstRun />);
      for (const [kind, error, detail] of failures) {
        current = error;
        act(() => useSession.setState({ error: null }));
        connect(language, server);
        await vi.waitFor(() =>
          expect(screen.getByRole('alert').textContent, kind).toBe(translate(language, error.text)),
        );
        const shown = screen.getByRole('alert').textContent ?? '';
        expect(shown, kind).not.toContain(detail);
        expect(shown, kind).not.toBe(translate('en', error.text));
      }
    });
  }
});
