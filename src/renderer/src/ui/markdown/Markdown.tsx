import { useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from './renderMarkdown';
import './markdown.css';

interface Props {
  source: string;
  /** A `kb:ID` link was followed: open that article inside the app. */
  onArticleLink?: (articleId: string) => void;
  className?: string;
}

/** Sanitized markdown (see renderMarkdown). External links open in the system browser. */
export function Markdown({ source, onArticleLink, className }: Props) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest?.('a[data-article-id]');
    if (!link) return;
    event.preventDefault();
    onArticleLink?.(link.getAttribute('data-article-id') ?? '');
  };
  return (
    // Links are real <a href> elements, so Enter on a focused link also arrives here as a click.
    <div
      className={`markdown${className ? ` ${className}` : ''}`}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
