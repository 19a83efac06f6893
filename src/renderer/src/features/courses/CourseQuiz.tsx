import { useEffect, useState, type FormEvent } from 'react';
import type { KbArticle } from '../../../../shared/contract/kb';
import type { CourseEntry, LocalAttempt } from '../../../../shared/contract/courses';
import { errorInfo, invoke } from '../../api';
import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { Markdown } from '../../ui/markdown/Markdown';
import { CoursePractice, type OnPracticeDraft } from './CoursePractice';
import { RefusedReason } from './RefusedReason';

/** The course's articles, read from the local KB (so also offline). */
function CourseArticles({ ids }: { ids: string[] }) {
  const t = useT();
  const [articles, setArticles] = useState<(KbArticle | null)[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => invoke('kb:article', { id }).catch(() => null))).then(
      (found) => live && setArticles(found),
    );
    return () => {
      live = false;
    };
  }, [ids]);
  if (ids.length === 0) return null;
  return (
    <section className="course__articles" aria-label={t('courses.read')}>
      <h4>{t('courses.read')}</h4>
      {articles.map((a, i) =>
        a ? (
          <article key={a.id} className="course__article">
            <h5>{a.title}</h5>
            <Markdown source={a.bodyMarkdown} />
          </article>
        ) : (
          <p key={ids[i]} className="muted">
            {t('courses.articleMissing')}
          </p>
        ),
      )}
    </section>
  );
}

function Result({ attempt, course }: { attempt: LocalAttempt; course: CourseEntry }) {
  const t = useT();
  if (attempt.state === 'queued')
    return (
      <p className="banner" role="status">
        {t('courses.result.queued')}
      </p>
    );
  if (attempt.state === 'refused')
    return (
      <p className="banner banner--error" role="status">
        <RefusedReason attempt={attempt} />
      </p>
    );
  const o = attempt.outcome;
  return (
    <p className={o.passed ? 'banner' : 'banner banner--warning'} role="status">
      {o.passed
        ? t('courses.result.passed', { score: o.score, total: o.total, skill: course.skill })
        : t('courses.result.failed', { score: o.score, total: o.total, passMark: o.passMark })}
    </p>
  );
}

/** One course: its articles, then the quiz as a form of fieldsets; the result once graded. */
export function CourseQuiz({
  course,
  onSubmitted,
  onClose,
  onPracticeDraft,
}: {
  course: CourseEntry;
  onSubmitted: () => void;
  onClose: () => void;
  onPracticeDraft: OnPracticeDraft;
}) {
  const t = useT();
  const shownText = useShownText();
  const [answers, setAnswers] = useState<number[][]>(() => course.items.map(() => []));
  const [error, setError] = useState<ShownText | null>(null);
  const [submittedId, setSubmittedId] = useState<string | null>(null);
  const shown = submittedId && course.mine?.attemptId === submittedId ? course.mine : null;

  const choose = (item: number, option: number, multiple: boolean, checked: boolean) =>
    setAnswers((prev) =>
      prev.map((chosen, i) => {
        if (i !== item) return chosen;
        if (!multiple) return [option];
        return checked ? [...chosen, option] : chosen.filter((o) => o !== option);
      }),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (answers.some((a) => a.length === 0)) {
      setError({ id: 'courses.answerAll' });
      return;
    }
    setError(null);
    try {
      const attempt = await invoke('courses:submit', {
        brandId: course.brandId,
        skill: course.skill,
        answers,
      });
      setSubmittedId(attempt.attemptId);
      setAnswers(course.items.map(() => []));
      onSubmitted();
    } catch (e) {
      setError(errorInfo(e));
    }
  };

  return (
    <div className="course">
      <h3>{t('courses.heading', { brand: course.brandName, title: course.title })}</h3>
      <button type="button" className="button" onClick={onClose}>
        {t('courses.close')}
      </button>
      <CourseArticles ids={course.articleIds} />
      <CoursePractice course={course} onDraft={onPracticeDraft} />
      {shown ? <Result attempt={shown} course={course} /> : null}
      <form className="course__quiz" onSubmit={(e) => void submit(e)} noValidate>
        <h4>{t('courses.quiz')}</h4>
        <p className="muted">
          {t('courses.passMark', { passMark: course.passMark, total: course.items.length })}
        </p>
        {course.items.map((item, i) => (
          <fieldset key={i} className="course__item">
            <legend>{t('courses.question', { n: i + 1, question: item.question })}</legend>
            {item.multiple ? <p className="muted">{t('courses.chooseAll')}</p> : null}
            {item.options.map((option, o) => (
              <label key={o} className="course__option">
                <input
                  type={item.multiple ? 'checkbox' : 'radio'}
                  name={`course-${course.brandId}-${course.skill}-${i}`}
                  checked={answers[i]?.includes(o) ?? false}
                  onChange={(e) => choose(i, o, item.multiple, e.target.checked)}
                />{' '}
                {option}
              </label>
            ))}
          </fieldset>
        ))}
        {error ? (
          <p className="form-error" role="alert">
            {shownText(error)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary">
          {t('courses.submit')}
        </button>
      </form>
    </div>
  );
}
