import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoticeTray } from '../../../src/renderer/src/features/notices/NoticeTray';
import { useNotices } from '../../../src/renderer/src/features/notices/noticesStore';
import { useNotSent } from '../../../src/renderer/src/features/not-sent/notSentStore';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import { SyncBadge } from '../../../src/renderer/src/features/sync/SyncBadge';
import type { Notice } from '../../../src/shared/contract/events';
import { defaultSettings } from '../../../src/shared/settings';
import { expectNoEnglish } from '../../support/noEnglish';
import { mockGigdesk } from '../kb/gigdeskMock';
import { render, screen } from '../render';

/** Reasons core carries as message ids are worded at render time, in the language shown. */
const setLocale = (locale: string) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

const subject = 'Où est mon colis ?';
const server = '127.0.0.1:4010';
const notice = (id: string, text: Notice['text']): Notice => ({
  id,
  level: 'error',
  message: 'English for the log: another advocate holds this task (server said so)',
  text,
  taskId: 't1',
  at: 0,
});
const notices: Notice[] = [
  notice('refused', {
    id: 'notice.actionRefused',
    values: {
      reason: 'error.lifecycle.tier',
      minTier: 3,
      tier: 1,
      hasSubject: 'yes',
      subject,
      type: 'reply',
      kept: 'yes',
    },
  }),
  notice('unknown', {
    id: 'notice.actionRefused',
    values: {
      reason: 'reason.fromANewerCore',
      hasSubject: 'no',
      subject: '',
      type: 'x',
      kept: 'no',
    },
  }),
  notice('raw', {
    id: 'notice.actionRefused',
    values: { reason: 'no such task', hasSubject: 'no', subject: '', type: 'claim', kept: 'no' },
  }),
  notice('parked', {
    id: 'notice.parked',
    values: {
      reason: 'reason.serverError',
      status: 503,
      hasSubject: 'yes',
      subject,
      action: 'resolve',
      failures: 5,
    },
  }),
];

describe('reasons worded at render time', () => {
  beforeEach(() => {
    useNotSent.setState({ tray: null });
    mockGigdesk({ 'unsent:list': () => ({ unsent: [], orphanDrafts: [], parked: [] }) });
  });

  for (const [locale, tier, generic] of [
    ['ja', 'このタスクには信頼レベル 3 が必要です', '予期しない問題が発生しました'],
    ['ar', 'تتطلب هذه المهمة مستوى الثقة 3', 'حدث خطأ غير متوقّع'],
  ] as const) {
    it(`every notice kind in ${locale}, with no English`, () => {
      setLocale(locale);
      useNotices.setState({ notices });
      render(<NoticeTray />);
      const alerts = screen.getAllByRole('alert').map((a) => a.textContent ?? '');
      expect(alerts).toHaveLength(notices.length);
      for (const text of alerts) expectNoEnglish(text, [subject]);
      expect(alerts[0]).toContain(tier);
      // A reason this build does not know, or raw English where an id belongs: the generic one.
      expect(alerts[1]).toContain(generic);
      expect(alerts[2]).toContain(generic);
      expect(alerts[3]).toContain('503');
    });

    it(`every sync status reason in ${locale}, badge and tooltip, with no English`, () => {
      setLocale(locale);
      const statuses = [
        { id: 'sync.offline', values: { reason: 'error.session.refused', server, seconds: 4 } },
        { id: 'sync.serverProblem', values: { reason: 'reason.rateLimited', seconds: 4 } },
        { id: 'sync.failed', values: { reason: 'reason.serverRefused', status: 403 } },
        { id: 'sync.couldNotStart', values: { reason: 'reason.unknown' } },
      ];
      for (const text of statuses) {
        const { unmount } = render(
          <SyncBadge
            status={{ state: 'error', lastSyncedAt: null, message: 'ECONNREFUSED', text }}
          />,
        );
        const badge = screen.getByRole('status');
        expectNoEnglish(badge.textContent ?? '', [server]);
        expectNoEnglish(badge.title, [server]);
        unmount();
      }
    });
  }
});
