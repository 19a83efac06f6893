import type { ReactNode } from 'react';
import type { KbArticle } from '../../../../shared/contract/kb';
import { Markdown } from '../../ui/markdown/Markdown';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { KbTags } from './KbBits';
import { KbFeedback } from './KbFeedback';

interface Props {
  article: KbArticle;
  onArticleLink: (id: string) => void;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}

export function KbArticleView({ article, onArticleLink, actions, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const t = useT();
  const format = useFormat();
  return (
    <article className="kb-article" aria-label={article.title} dir="auto">
      <header className="kb-article__header">
        <Heading className="kb-article__title" tabIndex={-1}>
          {article.title}
        </Heading>
        <p className="kb-article__meta">
          <KbTags tags={article.tags} />
          <span className="muted">{t('kb.updated', { date: format.date(article.updatedAt) })}</span>
        </p>
        {actions ? <div className="kb-article__actions">{actions}</div> : null}
      </header>
      <Markdown source={article.bodyMarkdown} onArticleLink={onArticleLink} />
      <footer className="kb-article__footer">
        <KbFeedback articleId={article.id} />
      </footer>
    </article>
  );
}
