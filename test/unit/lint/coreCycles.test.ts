import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const { zoneOf, importTarget } = (await import(
  pathToFileURL(join(root, 'eslint.layers.mjs')).href
)) as {
  zoneOf: (file: string) => string | null;
  importTarget: (file: string, specifier: string) => { zone?: string | null; package?: string };
};

const isCore = (zone: string | null | undefined): zone is string =>
  zone === 'core' || (zone?.startsWith('core/') ?? false);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [path] : [];
  });
}

/** zone → zone it imports → the imports that make the arrow (file: specifier). */
function coreGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const path of sourceFiles(join(root, 'src/core'))) {
    const file = relative(root, path).split(sep).join('/');
    const from = zoneOf(file);
    expect(from, `${file} is in no zone`).not.toBeNull();
    if (!from) continue;
    // Every import, type-only ones included: a type is a dependency.
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const to = importTarget(file, fileName).zone;
      if (!isCore(to) || to === from) continue;
      const arrows = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, arrows);
      arrows.set(to, [...(arrows.get(to) ?? []), `${file}: ${fileName}`]);
    }
  }
  return graph;
}

/** Every elementary cycle, each once, written from its smallest zone. */
function cycles(graph: Map<string, Map<string, string[]>>): string[] {
  const found: string[] = [];
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    const walk = (node: string, path: string[]): void => {
      for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
        if (next === start) found.push([...path, start].join(' → '));
        else if (next > start && !path.includes(next)) walk(next, [...path, next]);
      }
    };
    walk(start, [start]);
  }
  return found;
}

describe('no cycles between src/core folders (issue 14 point 3)', () => {
  const graph = coreGraph();
  const found = cycles(graph);
  const evidence = (cycle: string): string[] => {
    const zones = cycle.split(' → ');
    return zones.slice(1).flatMap((to, i) => graph.get(zones[i]!)?.get(to) ?? []);
  };

  // Features register their change appliers with sync from core/handlers, and the host
  // interfaces (services.ts) name no type of a folder that imports them back.
  it('has 0 cycles between src/core folders', () => {
    expect(
      found.map((c) => ({ cycle: c, imports: evidence(c) })),
      'cycles between src/core folders',
    ).toEqual([]);
  });

  it('finds a cycle when one is there', () => {
    const made = new Map([
      ['core/a', new Map([['core/b', ['a.ts']]])],
      ['core/b', new Map([['core/c', ['b.ts']]])],
      [
        'core/c',
        new Map([
          ['core/a', ['c.ts']],
          ['core/b', ['c.ts']],
        ]),
      ],
    ]);
    expect(cycles(made)).toEqual(['core/a → core/b → core/c → core/a', 'core/b → core/c → core/b']);
  });
});
