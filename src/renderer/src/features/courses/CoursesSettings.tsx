import { useCallback, useEffect, useState } from 'react';
import type { CourseEntry, CoursesPanel } from '../../../../shared/contract/courses';
import { errorInfo, invoke, onEvent } from '../../api';
import { useT, type ShownText } from '../../i18n/useT';
import { ServerAnswerNotes } from '../settings/ServerAnswerNotes';
import { SettingsSection } from '../settings/SettingsSection';
import { CourseQuiz } from './CourseQuiz';
import { RefusedReason } from './RefusedReason';
import { courseStatus } from './courseStatus';
import './courses.css';

const keyOf = (c: CourseEntry) => `${c.brandId}\n${c.skill}`;
/** While an attempt waits to be graded, the list is asked again this often. */
const PENDING_POLL_MS = 2000;

/** Settings › Courses: each brand's course per skill, its status, and the quiz. */
export function CoursesSettings() {
  const t = useT();
  const [panel, setPanel] = useState<CoursesPanel | null>(null);
  const [error, setError] = useState<ShownText | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(() => {
    invoke('courses:list', {})
      .then((p) => {
        setPanel(p);
        setError(null);
      })
      .catch((e: unknown) => setError(errorInfo(e)));
  }, []);
  useEffect(() => {
    load();
    return onEvent('feed:changed', load);
  }, [load]);
  const pending = panel?.courses.some((c) => c.mine?.state === 'queued') ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(load, PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, load]);

  const course = panel?.courses.find((c) => keyOf(c) === open) ?? null;
  const keepDraft = (caseId: string, answer: string) =>
    setPanel((p) =>
      p
        ? {
            ...p,
            courses: p.courses.map((c) =>
              keyOf(c) === open
                ? { ...c, practiceDrafts: { ...c.practiceDrafts, [caseId]: answer } }
                : c,
            ),
          }
        : p,
    );
  return (
    <SettingsSection
      title={t('courses.title')}
      className="courses"
      description={t('courses.description')}
    >
      <ServerAnswerNotes
        error={error}
        panel={panel}
        empty={panel?.courses.length === 0}
        texts={{
          offline: 'courses.offline',
          offlineNever: 'courses.offlineNever',
          none: 'courses.none',
        }}
      />
      {course ? (
        <CourseQuiz
          course={course}
          onSubmitted={load}
          onClose={() => setOpen(null)}
          onPracticeDraft={keepDraft}
        />
      ) : (
        <ul className="courses__list" aria-label={t('courses.title')}>
          {panel?.courses.map((c) => {
            const status = courseStatus(c);
            return (
              <li key={keyOf(c)} className="courses__entry">
                <span className="courses__name">
                  {t('courses.heading', { brand: c.brandName, title: c.title })}
                </span>
                <span className={`courses__status courses__status--${status}`}>
                  {status === 'refused' && c.mine?.state === 'refused' ? (
                    <RefusedReason attempt={c.mine} />
                  ) : (
                    t(`courses.status.${status}`, { skill: c.skill })
                  )}
                </span>
                <span className="muted">{t('courses.attempts', { count: c.attempts })}</span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('courses.open', { title: c.title })}
                  onClick={() => setOpen(keyOf(c))}
                >
                  {t('courses.openShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </SettingsSection>
  );
}
