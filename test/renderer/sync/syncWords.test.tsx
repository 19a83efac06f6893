import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { defaultSettings } from '../../../src/shared/settings';
import { FeedView } from '../../../src/renderer/src/features/feed/FeedView';
import { useSession } from '../../../src/renderer/src/features/session/sessionStore';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import { useSync } from '../../../src/renderer/src/features/sync/syncStore';
import { catalogs } from '../../../src/renderer/src/i18n/catalogs';
import { mockGigdesk } from '../kb/gigdeskMock';
import { render, screen } from '../render';

/**
 * The feed says what a sync failure means in the advocate's language; the failure's own words
 * (core puts a socket error or a server's English in `reason`) are never its text.
 */
const english = 'Unexpected answer from the server to GET /v1/sync.';
const setLocale = (locale: string | null) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

afterEach(() => setLocale(null));

describe('the feed after a failed sync', () => {
  it('words the failure plainly in the language shown, without the English reason', async () => {
    mockGigdesk({
      'feed:prefs': () => defaultFeedPrefs,
      'feed:facets': () => ({ brands: [], skills: [] }),
      'feed:list': () => ({ tasks: [], total: 0 }),
      'unsent:list': () => ({ unsent: [], orphanDrafts: [], parked: [] }),
    });
    useSession.setState({
      status: {
        state: 'signed_in',
        advocate: { id: 'a1', name: 'Ana', handle: 'ana' },
        serverUrl: 'https://feed.example.com',
        isDemo: false,
        secureStorage: true,
      },
    });
    useSync.setState({
      status: {
        state: 'error',
        lastSyncedAt: null,
        message: `Sync failed: ${english}`,
        text: { id: 'sync.failed', values: { reason: english } },
      },
    });
    render(<FeedView />);
    await screen.findByText(catalogs.en['sync.trouble.stopped'], { exact: false });
    expect(document.body.textContent).not.toContain(english);
    setLocale('ja');
    await screen.findByText(catalogs.ja['sync.trouble.stopped'], { exact: false });
    expect(document.body.textContent).not.toContain(english);
  });
});
