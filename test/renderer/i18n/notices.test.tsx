import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/shared/settings';
import { NoticeTray } from '../../../src/renderer/src/features/notices/NoticeTray';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import { useNotices } from '../../../src/renderer/src/features/notices/noticesStore';
import { useNotSent } from '../../../src/renderer/src/features/not-sent/notSentStore';
import { mockGigdesk } from '../kb/gigdeskMock';
import { render, screen } from '../render';

const setLocale = (locale: string | null) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

describe('the app language', () => {
  beforeEach(() => {
    setLocale(null);
    useNotSent.setState({ tray: null });
    mockGigdesk({ 'unsent:list': () => ({ unsent: [], orphanDrafts: [], parked: [] }) });
  });

  it('sets <html lang dir> and mirrors the page for Arabic', () => {
    render(<p>x</p>);
    expect(document.documentElement.lang).toBe('en-US');
    expect(document.documentElement.dir).toBe('ltr');
    setLocale('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    setLocale('ja');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('words a notice when it is shown, so a language switch re-words notices already there', () => {
    useNotices.setState({
      notices: [
        {
          id: 'n1',
          level: 'warning',
          message:
            'Your claim on “Where is my parcel?” lapses in 3 minutes. Open the ticket to keep it.',
          text: {
            id: 'notice.leaseEnding',
            values: { subject: 'Where is my parcel?', minutes: 3 },
          },
          taskId: 't1',
          at: 0,
        },
      ],
    });
    render(<NoticeTray />);
    const text = () => screen.getByRole('alert').textContent;
    expect(text()).toContain('lapses in 3 minutes');
    setLocale('de');
    expect(text()).toContain('läuft in 3 Minuten ab');
    setLocale('ar');
    expect(text()).toContain('3 دقائق');
    expect(screen.getByRole('list', { name: 'التنبيهات' })).toBeTruthy();
    // The customer's words keep their own direction inside the Arabic sentence.
    expect(screen.getByRole('alert').querySelector('bdi')?.textContent).toBe('Where is my parcel?');
  });

  it('shows a notice without a known id as the generic reason in the language shown', () => {
    useNotices.setState({
      notices: [
        { id: 'n2', level: 'info', message: 'Plain text', taskId: null, at: 0 },
        {
          id: 'n3',
          level: 'info',
          message: 'Newer text',
          text: { id: 'notice.fromANewerCore', values: {} },
          taskId: null,
          at: 0,
        },
      ],
    });
    setLocale('ja');
    render(<NoticeTray />);
    for (const alert of screen.getAllByRole('alert')) {
      expect(alert.textContent).toBe(
        '予期しない問題が発生しました。詳細は設定の診断情報にあります。',
      );
    }
  });
});
