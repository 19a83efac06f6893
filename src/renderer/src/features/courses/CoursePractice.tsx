import { useEffect, useRef, useState } from 'react';
import type { PracticeCase } from '../../../../shared/courseProtocol';
import type { CourseEntry } from '../../../../shared/contract/courses';
import { errorInfo, invoke } from '../../api';
import { useShownText, useT, type ShownText } from '../../i18n/useT';

/** Keeps the open list in step, so the course reopened shows the draft before the next fetch. */
export type OnPracticeDraft = (caseId: string, answer: string) => void;

/** Typing settles this long before the draft is written (a blur writes at once). */
const SAVE_DELAY_MS = 400;

/**
 * One practice case: the customer's message, the advocate's own answer (kept as a local draft,
 * never sent), and on request the brand's model answer beside it.
 */
function PracticeCaseView({
  course,
  item,
  onDraft,
}: {
  course: CourseEntry;
  item: PracticeCase;
  onDraft: OnPracticeDraft;
}) {
  const t = useT();
  const shown = useShownText();
  const [answer, setAnswer] = useState(course.practiceDrafts[item.id] ?? '');
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<ShownText | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(answer);

  const save = () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    invoke('courses:practiceDraft', {
      brandId: course.brandId,
      skill: course.skill,
      caseId: item.id,
      answer: latest.current,
    })
      .then(() => setError(null))
      .catch((e: unknown) =>
        setError({ id: 'courses.practice.saveFailed', values: { reason: errorInfo(e) } }),
      );
  };
  // Leaving the course writes what is still waiting.
  useEffect(
    () => () => {
      if (pending.current) save();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const change = (text: string) => {
    setAnswer(text);
    latest.current = text;
    onDraft(item.id, text);
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(save, SAVE_DELAY_MS);
  };

  const answerId = `practice-${course.brandId}-${course.skill}-${item.id}`;
  return (
    <article className="practice__case" aria-label={item.subject}>
      <h5 dir="auto">{item.subject}</h5>
      <section className="practice__message" aria-label={t('courses.practice.customer')}>
        <h6>{t('courses.practice.customer')}</h6>
        <p dir="auto">{item.customerMessage}</p>
      </section>
      <div className={revealed ? 'practice__compare practice__compare--open' : 'practice__compare'}>
        <section className="practice__mine">
          <label htmlFor={answerId}>{t('courses.practice.yourAnswer')}</label>
          <textarea
            id={answerId}
            dir="auto"
            rows={5}
            value={answer}
            onChange={(e) => change(e.target.value)}
            onBlur={() => pending.current && save()}
          />
        </section>
        {revealed ? (
          <section className="practice__model" aria-label={t('courses.practice.modelAnswer')}>
            <h6>{t('courses.practice.modelAnswer')}</h6>
            <p dir="auto">{item.modelAnswer}</p>
          </section>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {shown(error)}
        </p>
      ) : null}
      {revealed ? null : (
        <button type="button" className="button" onClick={() => setRevealed(true)}>
          {t('courses.practice.showModel')}
        </button>
      )}
    </article>
  );
}

/** The course's practice part: a sandbox, nothing here reaches a customer or the server. */
export function CoursePractice({
  course,
  onDraft,
}: {
  course: CourseEntry;
  onDraft: OnPracticeDraft;
}) {
  const t = useT();
  if (course.practice.length === 0) return null;
  return (
    <section className="course__practice" aria-label={t('courses.practice.title')}>
      <h4>{t('courses.practice.title')}</h4>
      <p className="muted">{t('courses.practice.sandbox')}</p>
      {course.practice.map((item) => (
        <PracticeCaseView key={item.id} course={course} item={item} onDraft={onDraft} />
      ))}
    </section>
  );
}
