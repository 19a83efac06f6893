import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * Markdown from the feed (KB articles, ticket messages) → HTML that is safe to insert:
 * no scripts, no event handlers, no styles, no forms or embedded documents, no SVG or MathML,
 * and only http(s), mailto and in-app article links. Raw HTML inside the markdown goes through
 * the same sanitizer.
 *
 * Links: `kb:ID` (or `kb://ID`) opens article ID inside the app (`data-article-id`, see
 * <Markdown onArticleLink>); http(s) links get target=_blank, which the main process opens in
 * the system browser. Images are shown as links: the CSP allows no remote or data: images.
 */
export const ARTICLE_LINK = /^kb:(?:\/\/)?([^\s/?#]{1,128})$/i;
const EXTERNAL = /^(?:https?|mailto):/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    image({ href, text }: Tokens.Image): string {
      const label = escapeHtml(text || 'image');
      return `<a href="${escapeHtml(href)}">[${label}]</a>`;
    },
  },
});

let purifier: ReturnType<typeof DOMPurify> | null = null;

function sanitizer(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // Our own instance, so these hooks never affect another caller of DOMPurify.
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href')?.trim() ?? '';
    const article = ARTICLE_LINK.exec(href);
    node.removeAttribute('target');
    node.removeAttribute('rel');
    if (article) {
      node.setAttribute('href', `#article-${encodeURIComponent(article[1]!)}`);
      node.setAttribute('data-article-id', decodeSafe(article[1]!));
    } else if (EXTERNAL.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (!href.startsWith('#')) {
      node.removeAttribute('href');
    }
  });
  purifier = p;
  return p;
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Past these, markdown is shown as plain text: marked's cost grows with nesting and size. */
const MAX_MARKDOWN_CHARS = 100_000;
const MAX_NESTING = 16;
const DEEP_NESTING = new RegExp(
  `^(?:[ \\t]*>){${MAX_NESTING + 1}}|^ {${MAX_NESTING * 4},}\\S|(?:[[(*_~][ \\t]*){${MAX_NESTING * 4},}`,
  'm',
);

function plainText(markdown: string): string {
  return `<div class="markdown-plain">${escapeHtml(markdown)}</div>`;
}

export function renderMarkdown(markdown: string): string {
  const purify = sanitizer();
  // Fail closed: without a DOM the sanitizer cannot work, so show the source as text.
  if (!purify.isSupported) return plainText(markdown);
  // A hostile or runaway message must not freeze or crash the view showing it.
  if (markdown.length > MAX_MARKDOWN_CHARS || DEEP_NESTING.test(markdown))
    return plainText(markdown);
  let html: string;
  try {
    html = marked.parse(markdown) as string;
  } catch {
    return plainText(markdown);
  }
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'img',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'option',
      'iframe',
      'frame',
      'object',
      'embed',
      'video',
      'audio',
      'source',
      'picture',
      'link',
      'meta',
      'base',
      'template',
    ],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'background'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|kb):|#)/i,
  });
}
