import { Lexer, type Token, type Tokens } from 'marked';
import { nestsTooDeep } from './nesting';

/**
 * Markdown to the text a reader sees, for snippets and excerpts: marked's lexer reads the
 * structure (tables, links, emphasis, code, HTML), and only the words are kept — no pipes,
 * stars, brackets or tags. Blocks are separated by a blank line, cells and items by a space.
 */
export function markdownBlocks(markdown: string): string[] {
  // Too deep for the parser (see nesting.ts): the source itself, as text.
  if (nestsTooDeep(markdown)) return [collapse(markdown)].filter(Boolean);
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(markdown);
  } catch {
    return [collapse(markdown)].filter(Boolean);
  }
  return tokens.map((t) => collapse(textOf(t))).filter(Boolean);
}

/** All of it on one line. */
export function markdownPlainText(markdown: string): string {
  return markdownBlocks(markdown).join(' ');
}

/** The first paragraph (not a heading) as plain text: the default excerpt of an article. */
export function firstParagraphText(markdown: string): string {
  if (nestsTooDeep(markdown)) return markdownPlainText(markdown);
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(markdown);
  } catch {
    return collapse(markdown);
  }
  const first = tokens.find((t) => t.type !== 'heading' && collapse(textOf(t)) !== '');
  return first ? collapse(textOf(first)) : '';
}

const collapse = (s: string) => decodeEntities(s).replace(/\s+/g, ' ').trim();

function textOf(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'html':
    case 'def':
      return ' ';
    case 'br':
      return ' ';
    case 'code':
    case 'codespan':
    case 'escape':
      return token.text as string;
    case 'image':
      return (token as Tokens.Image).text;
    case 'table': {
      const table = token as Tokens.Table;
      const cells = [table.header, ...table.rows].flat();
      return cells.map((cell) => join(cell.tokens)).join(' ');
    }
    case 'list':
      return (token as Tokens.List).items.map((item) => join(item.tokens)).join(' ');
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return join(token.tokens as Token[]);
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
  }
}

const BLOCK = new Set(['paragraph', 'list', 'code', 'blockquote', 'heading', 'table', 'space']);

function join(tokens: Token[]): string {
  // Block children (paragraphs in a quote or list item) need a space between them; inline
  // children (text, emphasis, links) carry their own spacing.
  return tokens.map(textOf).join(tokens.some((t) => BLOCK.has(t.type)) ? ' ' : '');
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Character references as the reader sees them (`&amp;` is "&"); unknown names stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
