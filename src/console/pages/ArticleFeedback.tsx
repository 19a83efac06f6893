import { ArticleFeedbackResponse, type ArticleFeedbackRow } from '../../shared/kbFeedbackProtocol';
import { getJson } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { type Column, Table } from '../ui/Table';
import { ErrorNote, Loading } from '../ui/Status';
import { useLoad } from '../ui/useLoad';

/** Issue 20: the articles advocates voted on, most "outdated" votes first (the server's order). */
export function ArticleFeedback() {
  const t = useT();
  const f = useFormat();
  const feedback = useLoad(() => getJson('/v1/admin/kb-feedback', ArticleFeedbackResponse), []);
  const columns: Column<ArticleFeedbackRow>[] = [
    { header: t('articleFeedback.title'), cell: (a) => a.title, csv: (a) => a.title },
    {
      header: t('articleFeedback.ref'),
      cell: (a) => <code dir="ltr">{a.externalRef}</code>,
      csv: (a) => a.externalRef,
    },
    {
      header: t('articleFeedback.outdated'),
      cell: (a) => f.number(a.outdated),
      csv: (a) => String(a.outdated),
      numeric: true,
    },
    {
      header: t('articleFeedback.helpful'),
      cell: (a) => f.number(a.helpful),
      csv: (a) => String(a.helpful),
      numeric: true,
    },
  ];
  const articles = feedback.data?.articles ?? [];
  return (
    <section aria-labelledby="article-feedback-title">
      <h1 id="article-feedback-title">{t('nav.articleFeedback')}</h1>
      <ErrorNote error={feedback.error} />
      {feedback.data ? (
        articles.length === 0 ? (
          <p className="muted">{t('articleFeedback.empty')}</p>
        ) : (
          <Table
            caption={t('articleFeedback.caption')}
            columns={columns}
            rows={articles}
            rowKey={(a) => a.articleId}
            csvName="article-feedback"
          />
        )
      ) : (
        feedback.loading && <Loading />
      )}
    </section>
  );
}
