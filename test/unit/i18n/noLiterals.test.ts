import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No English (or any) words hard-coded where a person reads them: every such text goes through
 * react-intl (`useT`, `<FormattedMessage>`) and the catalogs. This walks the renderer's syntax
 * trees with the TypeScript compiler and reports, outside the i18n folder:
 * - JSX text containing a letter;
 * - a string (literal, template, or either branch of a `?:`) given to a JSX attribute a person
 *   reads or hears: aria-label, title, placeholder, alt, label, description…;
 * - a string assigned to a `message` or `error` field (store status lines, errors);
 * - anywhere else, a string that reads as prose (two words, or a capitalised word) unless it is
 *   plainly for the machine: a class name, a key compared against, an import, an Error for
 *   developers, a CSS value.
 * Message ids (keys of the catalogs) are of course allowed.
 */
const root = join(import.meta.dirname, '../../..');
const rendererDir = join(root, 'src/renderer/src');
const i18nDir = join(rendererDir, 'i18n');

const readAttributes = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'description',
  'caption',
  'heading',
]);
const messageFields = new Set(['message', 'error']);

/**
 * Texts that are not words of any language: symbols, keys named on a keyboard, units of a
 * standard. Exact matches only (after trimming); keep this list tiny.
 */
const allowed = new Set([
  'G', // the logo's letter (aria-hidden)
  'Gigdesk', // the product's name, the same in every language
  'Ctrl', // key caps: a key is labelled so on every keyboard
  'Esc',
  'noopener noreferrer', // a link's rel value
]);

/** Attributes whose strings are for the machine, never read. */
const machineAttributes = new Set([
  'className',
  'rel',
  'href',
  'src',
  'type',
  'role',
  'id',
  'htmlFor',
  'key',
  'inputMode',
  'autoComplete',
  'dir',
  'lang',
  'x',
  'y',
  'color',
  'placement',
]);

const messageIds = new Set(
  Object.keys(
    JSON.parse(
      readFileSync(join(root, 'src/renderer/src/i18n/messages/en.json'), 'utf8'),
    ) as object,
  ).concat(
    Object.keys(
      JSON.parse(readFileSync(join(root, 'src/shared/i18n/messages/en.json'), 'utf8')) as object,
    ),
  ),
);

/** Reads as words: two words in a row, or a capitalised word. */
const prose = (text: string) => /\p{L}{2,}[\s,]+\p{L}{2,}|^\p{Lu}\p{Ll}/u.test(text.trim());

/** A letter of any script. */
const hasLetter = (text: string) => /\p{L}/u.test(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.startsWith(i18nDir + sep));
}

interface Finding {
  file: string;
  line: number;
  kind: string;
  text: string;
}

const nameOf = (name: ts.PropertyName | ts.JsxAttributeName): string =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();

const comparisons = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Whether a string sits where only the machine reads it. */
function forTheMachine(node: ts.Node, text: string): boolean {
  // CSS values, HTML a component builds, identifiers ("ApiError", "ArrowDown").
  if (/var\(--|^\d+(px|em|rem|%)|^\s*</.test(text) || /^\p{Lu}\p{Ll}+\p{Lu}\w*$/u.test(text))
    return true;
  for (let at: ts.Node = node; !ts.isSourceFile(at); at = at.parent) {
    const up = at.parent;
    if (ts.isImportDeclaration(up) || ts.isExportDeclaration(up) || ts.isLiteralTypeNode(up))
      return true;
    if (ts.isCaseClause(up) && up.expression === at) return true;
    if (ts.isElementAccessExpression(up) && up.argumentExpression === at) return true;
    if (ts.isBinaryExpression(up) && comparisons.has(up.operatorToken.kind)) return true;
    if (ts.isNewExpression(up) && /Error$/.test(up.expression.getText())) return true;
    if (ts.isJsxAttribute(up)) return machineAttributes.has(nameOf(up.name));
    if (ts.isStatement(up) || ts.isJsxElement(up) || ts.isJsxSelfClosingElement(up)) return false;
  }
  return false;
}

/** The hard-coded user-visible texts of one source text. */
export function literalsIn(fileName: string, text: string): Finding[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Finding[] = [];
  const reported = new Set<ts.Node>();
  const report = (node: ts.Node, kind: string, value: string) => {
    const trimmed = value.trim();
    if (!hasLetter(trimmed) || allowed.has(trimmed) || messageIds.has(trimmed)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file: fileName, line: line + 1, kind, text: trimmed });
  };
  /** Every string a value can be: literals, template parts, both branches, both operands. */
  const stringsOf = (node: ts.Node | undefined): ts.Node[] => {
    if (!node) return [];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
    if (ts.isTemplateExpression(node))
      return [node.head, ...node.templateSpans.map((span) => span.literal)];
    if (ts.isJsxExpression(node) || ts.isParenthesizedExpression(node))
      return stringsOf(node.expression);
    if (ts.isConditionalExpression(node))
      return [...stringsOf(node.whenTrue), ...stringsOf(node.whenFalse)];
    if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
      return [...stringsOf(node.left), ...stringsOf(node.right)];
    return [];
  };
  const textOf = (node: ts.Node) => (node as ts.LiteralLikeNode).text;
  const reportAll = (nodes: ts.Node[], kind: string) => {
    for (const n of nodes) {
      reported.add(n);
      report(n, kind, textOf(n));
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, 'jsx text', node.text);
    else if (ts.isJsxAttribute(node)) {
      const name = nameOf(node.name);
      if (readAttributes.has(name)) reportAll(stringsOf(node.initializer), `${name}=`);
    } else if (ts.isPropertyAssignment(node)) {
      const name = nameOf(node.name);
      if (messageFields.has(name)) reportAll(stringsOf(node.initializer), `${name}:`);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      messageFields.has(node.left.name.text)
    ) {
      reportAll(stringsOf(node.right), `${node.left.name.text} =`);
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      !reported.has(node) &&
      prose(node.text) &&
      !forTheMachine(node, node.text)
    ) {
      report(node, 'prose', node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('renderer texts go through i18n', () => {
  it('no JSX text, read attribute or store message is a hard-coded word', () => {
    const findings = sourceFiles(rendererDir).flatMap((file) =>
      literalsIn(relative(root, file), readFileSync(file, 'utf8')),
    );
    const lines = findings.map((f) => `${f.file}:${f.line} ${f.kind} ${JSON.stringify(f.text)}`);
    expect(lines).toEqual([]);
  });

  it('finds each kind of literal, and lets identifiers, symbols and messages through', () => {
    const sample = `
      const a = <p>Hello {name}</p>;
      const b = <button aria-label="Close" title={'Shut'} />;
      const c = <input placeholder={\`Search \${x}\`} />;
      set({ message: 'Saved' });
      state.error = "Could not save";
      const ok = <p>{t('x.y')} · {n} → <kbd>Ctrl</kbd></p>;
      const ok2 = <div className="hello world" aria-label={t('a.b')} />;
      set({ message: { id: 'a.b' } });
      const d = <button>{busy ? 'Signing out…' : t('a.b')}</button>;
      const e = { order: 'Order', contact: 'Earlier contact' };
      if (event.key === 'Escape' || e.name === 'ApiError') throw new Error('no #root element here');
      const f = <div className={\`row row--\${kind}\`} style={{ border: '1px solid var(--border)' }} />;
      const g = <Section description={ready ? 'All set' : undefined} />;
      const h = <Bars name="Earned" />;
      set({ error: 'nav.feed' });
    `;
    expect(literalsIn('x.tsx', sample).map((f) => `${f.kind} ${f.text}`)).toEqual([
      'jsx text Hello',
      'aria-label= Close',
      'title= Shut',
      'placeholder= Search',
      'message: Saved',
      'error = Could not save',
      'prose Signing out…',
      'prose Order',
      'prose Earlier contact',
      'description= All set',
      'prose Earned',
    ]);
  });
});
