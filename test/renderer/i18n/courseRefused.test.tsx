import { act } from 'react';
import { expect, it } from 'vitest';
import { CoursesSettings } from '../../../src/renderer/src/features/courses/CoursesSettings';
import { useSettings } from '../../../src/renderer/src/features/settings/settingsStore';
import type { CourseEntry, CoursesPanel } from '../../../src/shared/contract/courses';
import { defaultSettings } from '../../../src/shared/settings';
import { expectNoEnglish } from '../../support/noEnglish';
import { mockGigdesk } from '../kb/gigdeskMock';
import { render, waitFor } from '../render';

/** A quiz the server would not grade says why in the language shown, never its English. */
const setLocale = (locale: string) =>
  act(() => useSettings.setState({ settings: { ...defaultSettings, locale }, error: null }));

const english = 'expected answers for 1 items';
const course = (skill: string, mine: CourseEntry['mine']): CourseEntry => ({
  brandId: 'b1',
  brandName: 'Acme',
  skill,
  title: 'Garantie',
  articleIds: [],
  items: [],
  passMark: 1,
  practice: [],
  practiceDrafts: {},
  updatedAt: 0,
  attempts: 1,
  certified: false,
  last: null,
  mine,
});
const panel: CoursesPanel = {
  courses: [
    course('warranty', {
      state: 'refused',
      attemptId: 'a1',
      reason: english,
      reasonText: { id: 'reason.courseChanged', values: {} },
    }),
    // Refused before reasons had ids: the English is all it has.
    course('returns', { state: 'refused', attemptId: 'a2', reason: english, reasonText: null }),
  ],
  fetchedAt: 0,
  offline: false,
};

for (const [locale, changed, refused] of [
  ['ja', '回答した後にコースが変更されました', 'サーバーに拒否されました'],
  ['ar', 'تغيّرت الدورة منذ أن أجبت عنها', 'رفض الخادم'],
] as const) {
  it(`says in ${locale} why a quiz was not graded, with no English but as an older one's detail`, async () => {
    mockGigdesk({ 'courses:list': () => panel });
    setLocale(locale);
    render(<CoursesSettings />);
    const statuses = await waitFor(() => {
      const shown = [...document.querySelectorAll<HTMLElement>('.courses__status > span')];
      expect(shown).toHaveLength(2);
      return shown;
    });
    for (const status of statuses) expectNoEnglish(status.textContent ?? '', ['Acme']);
    expect(statuses[0]!.textContent).toContain(changed);
    expect(statuses[0]!.getAttribute('title')).toBeNull();
    expect(statuses[1]!.textContent).toContain(refused);
    expect(statuses[1]!.getAttribute('title')).toBe(english);
  });
}
