import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotSentTray } from '../../../src/renderer/src/features/not-sent/NotSentTray';
import { useNotSent } from '../../../src/renderer/src/features/not-sent/notSentStore';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import type { NotSent } from '../../../src/shared/contract/notSent';
import { defaultSettings } from '../../../src/shared/settings';
import { expectNoEnglish } from '../../support/noEnglish';
import { mockGigdesk } from '../kb/gigdeskMock';
import { render, screen } from '../render';

/** The "Not sent" tray says why in the language shown; the server's English is only a detail. */
const setLocale = (locale: string) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

const subject = 'Où est mon colis ?';
const english = 'This task requires trust tier 3 (you are tier 1)';
const tray: NotSent = {
  unsent: [
    {
      id: 2,
      taskId: 't1',
      subject,
      type: 'reply',
      body: 'お待たせしました',
      reason: english,
      reasonText: { id: 'error.lifecycle.tier', values: { minTier: 3, tier: 1 } },
      createdAt: 2,
    },
    // Kept before reasons had ids: the English is all it has.
    {
      id: 1,
      taskId: 't2',
      subject,
      type: 'note',
      body: 'ملاحظة',
      reason: english,
      reasonText: null,
      createdAt: 1,
    },
  ],
  orphanDrafts: [],
  parked: [
    {
      key: 'k1',
      taskId: 't1',
      type: 'resolve',
      text: null,
      lastError: 'HTTP 503 Service Unavailable',
      lastErrorText: { id: 'reason.serverError', values: { status: 503 } },
    },
    {
      key: 'k2',
      taskId: 't2',
      type: 'resolve',
      text: null,
      lastError: 'HTTP 503 Service Unavailable',
      lastErrorText: null,
    },
  ],
};

describe('the Not sent tray words its reasons', () => {
  beforeEach(() => {
    useNotSent.setState({ tray: null });
    mockGigdesk({ 'unsent:list': () => tray });
  });

  for (const [locale, tier, refused, generic] of [
    [
      'ja',
      'このタスクには信頼レベル 3 が必要です',
      'サーバーに拒否されました',
      '予期しない問題が発生しました',
    ],
    ['ar', 'تتطلب هذه المهمة مستوى الثقة 3', 'رفض الخادم', 'حدث خطأ غير متوقّع'],
  ] as const) {
    it(`in ${locale}, with no English but as an older row's detail`, async () => {
      setLocale(locale);
      render(<NotSentTray />);
      const rows = await screen.findAllByRole('listitem');
      expect(rows).toHaveLength(4);
      for (const row of rows) expectNoEnglish(row.textContent ?? '', [subject]);
      const about = rows.map((row) => row.querySelector('.not-sent__about')!);
      expect(about[0]!.textContent).toContain(tier);
      expect(about[0]!.getAttribute('title')).toBeNull();
      // An older row: the generic refusal, the server's English kept as its tooltip.
      expect(about[1]!.textContent).toContain(refused);
      expect(about[1]!.getAttribute('title')).toBe(english);
      expect(about[2]!.textContent).toContain('503');
      expect(about[2]!.getAttribute('title')).toBeNull();
      expect(about[3]!.textContent).toContain(generic);
      expect(about[3]!.getAttribute('title')).toBe('HTTP 503 Service Unavailable');
      // What the advocate wrote is shown as written.
      expect(rows[0]!.querySelector('blockquote')!.textContent).toBe('お待たせしました');
    });
  }
});
