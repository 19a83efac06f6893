// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../../src/renderer/src/ui/markdown/Markdown';
import { renderMarkdown } from '../../../src/renderer/src/ui/markdown/renderMarkdown';

/** Hostile markdown and HTML, as a compromised or careless feed could send it. */
const hostile = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.test/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=10 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="https://ok.test" onclick="alert(1)" onmouseover="alert(2)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<iframe src="https://evil.test"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<form action="https://evil.test"><input name=a><button formaction="javascript:alert(1)">go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href=https://evil.test/x.css>',
  '<style>body{display:none}</style>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<body onload=alert(1)>',
  '<p <img src=x onerror=alert(1)>>broken',
  '<<script>alert(1)//<</script>',
  '<a href="javas<!-- -->cript:alert(1)">x</a>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '``` \n<script>alert(1)</script>\n```\n<img src=x onerror=alert(1)>',
  '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
  '<a href="#" data-article-id="x" onclick="alert(1)">spoof</a>',
];

function executable(html: string): string[] {
  const host = document.createElement('div');
  host.innerHTML = html;
  const problems: string[] = [];
  for (const el of Array.from(host.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'style',
        'form',
        'meta',
        'base',
        'link',
        'img',
        'template',
      ].includes(tag)
    ) {
      problems.push(`<${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters in URLs
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction') problems.push(name);
      if (/^(javascript|data|vbscript):/.test(value)) problems.push(`${tag}[${name}=${value}]`);
    }
  }
  return problems;
}

describe('renderMarkdown', () => {
  it.each(hostile)('leaves nothing executable: %s', (input) => {
    const html = renderMarkdown(input);
    expect(executable(html)).toEqual([]);
    expect(html.toLowerCase()).not.toMatch(/<script|javascript:|onerror=|onload=/);
  });

  it('keeps ordinary formatting', () => {
    const html = renderMarkdown(
      '# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
  });

  it('sends external links to the system browser and keeps article links in the app', () => {
    const host = document.createElement('div');
    host.innerHTML = renderMarkdown(
      '[site](https://help.example.com/a?b=1) [mail](mailto:help@example.com) [article](kb:refund-policy) [rel](/local/path)',
    );
    const [site, mail, article, rel] = Array.from(host.querySelectorAll('a'));
    expect(site!.getAttribute('href')).toBe('https://help.example.com/a?b=1');
    expect(site!.getAttribute('target')).toBe('_blank');
    expect(site!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(mail!.getAttribute('href')).toBe('mailto:help@example.com');
    expect(article!.getAttribute('data-article-id')).toBe('refund-policy');
    expect(article!.getAttribute('target')).toBeNull();
    expect(rel!.hasAttribute('href')).toBe(false);
  });

  it('shows images as links (the CSP allows no remote or data: images)', () => {
    const html = renderMarkdown('![Diagram](https://cdn.example.com/d.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[Diagram]');
  });
});

describe('<Markdown>', () => {
  it('opens article links inside the app and leaves external ones alone', () => {
    const onArticleLink = vi.fn();
    render(
      <Markdown
        source="See [returns](kb://returns-101) or [our site](https://example.com)."
        onArticleLink={onArticleLink}
      />,
    );
    const internal = screen.getByRole('link', { name: 'returns' });
    const clicked = fireEvent.click(internal);
    expect(clicked).toBe(false); // default prevented: no navigation
    expect(onArticleLink).toHaveBeenCalledWith('returns-101');
    const external = screen.getByRole('link', { name: 'our site' });
    expect(fireEvent.click(external)).toBe(true);
    expect(onArticleLink).toHaveBeenCalledTimes(1);
  });
});
