import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Arabic mirrors the whole layout by `dir="rtl"` alone, which works only while every rule says
 * "start/end" rather than "left/right": stylesheets and inline styles of the renderer use
 * logical properties and values (margin-inline-start, inset-inline, text-align: start…).
 */
const root = join(import.meta.dirname, '../../..');
const rendererDir = join(root, 'src/renderer/src');

/** A physical (left/right) property or value in CSS text. */
const physicalCss =
  /(?:^|[\s;{])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b[\w-]*|border-(?:top|bottom)-(?:left|right)-radius|left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b/gm;
/** The same in a React inline style object (camelCase keys). */
const physicalStyle =
  /\b(?:(?:margin|padding|border|inset|scrollMargin|scrollPadding)(?:Left|Right)\w*|border(?:Top|Bottom)(?:Left|Right)Radius|left|right)\s*:|\b(?:textAlign|float|clear)\s*:\s*['"](?:left|right)['"]/g;

export function physicalIn(text: string, css: boolean): string[] {
  const found = [...text.matchAll(css ? physicalCss : physicalStyle)].map((m) => m[0].trim());
  return found;
}

const files = (ext: RegExp) =>
  readdirSync(rendererDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));

describe('the layout mirrors for right-to-left languages', () => {
  it('no stylesheet or inline style of the renderer says left or right', () => {
    const found = [
      ...files(/\.css$/).flatMap((f) =>
        physicalIn(readFileSync(f, 'utf8'), true).map((p) => `${relative(root, f)}: ${p}`),
      ),
      ...files(/\.tsx$/).flatMap((f) =>
        physicalIn(readFileSync(f, 'utf8'), false).map((p) => `${relative(root, f)}: ${p}`),
      ),
    ];
    expect(found).toEqual([]);
  });

  it('recognises physical properties and values, and lets logical ones through', () => {
    const css = `a { margin-left: 4px; padding-right:0; border-right-color: red; left: 0;
      border-top-left-radius: 2px; text-align: right; float: left;
      margin-inline-start: 4px; inset-inline: 0; text-align: end; border-inline-end: 0; }`;
    expect(physicalIn(css, true)).toEqual([
      'margin-left:',
      'padding-right:',
      'border-right-color:',
      'left:',
      'border-top-left-radius:',
      'text-align: right',
      'float: left',
    ]);
    const tsx = `style={{ marginLeft: 4, right: 0, textAlign: 'left', insetInline: 0,
      marginInlineStart: 2, textAlign: 'start', borderStartStartRadius: 3 }}`;
    expect(physicalIn(tsx, false)).toEqual(['marginLeft:', 'right:', "textAlign: 'left'"]);
  });
});
