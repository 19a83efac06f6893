import type { KbArticle } from '../../../../shared/contract/kb';

export function formatUpdated(at: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(at);
}

/** Markdown for a link to the article (`kb:` links open the article inside Gigdesk). */
export function articleLinkMarkdown(article: Pick<KbArticle, 'id' | 'title'>): string {
  return `[${article.title.replace(/[[\]]/g, '')}](kb:${article.id})`;
}

/** A quoted excerpt with its source, ready to drop into a reply. */
export function excerptMarkdown(article: Pick<KbArticle, 'id' | 'title'>, text: string): string {
  const quoted = text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
  return `${quoted}\n>\n> — ${articleLinkMarkdown(article)}`;
}

/** The first paragraph of an article, as plain text: the default excerpt. */
export function firstParagraph(markdown: string): string {
  const paragraph =
    markdown
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== '' && !p.startsWith('#')) ?? '';
  return paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
