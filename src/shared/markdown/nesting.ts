/**
 * How deep a piece of markdown nests, measured cheaply on the source before any parser sees it:
 * marked's cost grows with nesting (and its recursion overflows past a few thousand levels), so
 * anything deeper than a reader could follow is shown as plain text instead of parsed.
 */
export interface NestingLimits {
  /** Containers (block quotes, list items) open at once on one line, indentation included. */
  depth: number;
  /** List markers in the whole text. */
  listMarkers: number;
}

export const defaultNestingLimits: NestingLimits = { depth: 16, listMarkers: 1_000 };

const SPACE = 0x20;
const TAB = 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * True when some line opens more than `depth` containers — `>` quotes and `-`, `*`, `+`, `1.`,
 * `1)` list markers, several to a line (`- - - x` is three nested lists) — or is indented past
 * `4 × depth` columns, or when the text holds more than `listMarkers` list markers. Lines in
 * fenced code are not counted: they are text, whatever they look like.
 */
export function nestsTooDeep(
  markdown: string,
  limits: NestingLimits = defaultNestingLimits,
): boolean {
  let markers = 0;
  let fence = '';
  for (let start = 0; start <= markdown.length;) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    let i = start;
    let column = 0;
    let depth = 0;
    for (;;) {
      const c = markdown.charCodeAt(i);
      if (c === SPACE) column++;
      else if (c === TAB) column += 4 - (column % 4);
      else break;
      i++;
    }
    const rest = markdown.slice(i, Math.min(end, i + 3));
    if (fence) {
      if (rest.startsWith(fence)) fence = '';
    } else if (rest === '```' || rest === '~~~') {
      fence = rest;
    } else {
      if (column > limits.depth * 4) return true;
      while (i < end) {
        const c = markdown.charCodeAt(i);
        let next = i;
        if (c === 0x3e /* > */) next = i + 1;
        else if (c === 0x2d || c === 0x2a || c === 0x2b /* - * + */) next = i + 1;
        else if (isDigit(c)) {
          let j = i;
          while (j < end && j - i < 9 && isDigit(markdown.charCodeAt(j))) j++;
          const d = markdown.charCodeAt(j);
          if (d === 0x2e || d === 0x29 /* . ) */) next = j + 1;
        }
        if (next === i) break;
        const after = markdown.charCodeAt(next);
        const isQuote = c === 0x3e;
        // A list marker needs a space (or the line's end) after it; a quote does not.
        if (!isQuote && next < end && after !== SPACE && after !== TAB) break;
        if (!isQuote && ++markers > limits.listMarkers) return true;
        if (++depth > limits.depth) return true;
        i = next;
        while (i < end && (markdown.charCodeAt(i) === SPACE || markdown.charCodeAt(i) === TAB)) i++;
      }
    }
    start = end + 1;
  }
  return false;
}
