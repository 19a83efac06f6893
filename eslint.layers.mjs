/**
 * Who may import whom (../shared/DESIGN.md, "Layers"), as an allow-list that fails closed, in the
 * style of VS Code's code-layering rule: every file under src/ belongs to a zone; each zone lists
 * the zones and the packages it MAY import; anything else is an error: a zone or package not
 * listed, a Node builtin where none is listed, a file in no zone, an import that cannot be read.
 * Type-only imports count too: a type is a dependency.
 */
import { existsSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/** Every Node builtin (`fs`, `node:fs`, `events`, …). */
const NODE = 'node:*';

/** The packages every src/core zone may use (DESIGN.md: `node:*`, better-sqlite3, shared's zod). */
const coreBase = { packages: [NODE, 'better-sqlite3', 'zod'] };
/** The bottom of src/core: the database, the host's interfaces, settings. */
const coreFloor = [
  'shared',
  'core/db',
  'core/repos',
  'core/services',
  'core/settings',
  'core/i18n',
];
/** A core feature folder: the floor, and sync's transport (features register with sync). */
const feature = (...more) => ({ ...coreBase, layers: [...coreFloor, 'core/sync', ...more] });

/**
 * The zones of src/core, bottom to top. The composition root (`core`) is index.ts and
 * dispatch.ts only, so that a new folder under src/core is in no zone (and fails) until it is
 * given its arrows here.
 */
const coreZones = {
  'core/db': { paths: ['src/core/db'], layers: ['shared'], ...coreBase },
  'core/repos': { paths: ['src/core/repos'], layers: ['shared', 'core/db'], ...coreBase },
  // Texts core words itself (notices, desktop notifications), through FormatJS.
  'core/i18n': {
    paths: ['src/core/i18n'],
    layers: ['shared'],
    packages: [...coreBase.packages, '@formatjs/intl'],
  },
  'core/settings': {
    paths: ['src/core/settings.ts'],
    layers: ['shared', 'core/db', 'core/repos'],
    ...coreBase,
  },
  // The host's interfaces (Services, Emit, SecretStore, ErrorJournal, …); it names the types of
  // the feature services it carries (kb's search worker, the update controller), type-only.
  'core/services': {
    paths: ['src/core/services.ts'],
    layers: ['shared', 'core/db', 'core/kb', 'core/update'],
    ...coreBase,
  },
  // Transport, cursor and outbox only: the features' appliers are handed to it (core/handlers).
  'core/sync': { paths: ['src/core/sync'], layers: coreFloor, ...coreBase },
  'core/diagnostics': { paths: ['src/core/diagnostics'], ...feature() },
  'core/earnings': { paths: ['src/core/earnings'], ...feature() },
  'core/feed': { paths: ['src/core/feed'], ...feature() },
  'core/kb': {
    paths: ['src/core/kb'],
    ...feature(),
    // Stemming (Porter2 for English) and stop words for KB search (the kb branch).
    packages: [...coreBase.packages, '@orama/stemmers', '@orama/stopwords', 'porter2'],
  },
  'core/session': { paths: ['src/core/session'], ...feature() },
  'core/tickets': { paths: ['src/core/tickets'], ...feature('core/earnings', 'core/feed') },
  'core/update': { paths: ['src/core/update'], ...feature() },
  // Issue 16: the customer timeline and offers; notifications read every feature's tables.
  'core/customers': { paths: ['src/core/customers'], ...feature('core/feed', 'core/tickets') },
  'core/notifications': { paths: ['src/core/notifications'], ...feature('core/feed') },
  // Issue 20: the next-best action reads the KB's suggestions, macros, the customer's fields, the
  // ticket and the synced outcomes (ledger, ratings).
  'core/nba': {
    paths: ['src/core/nba'],
    ...feature('core/customers', 'core/earnings', 'core/feed', 'core/kb', 'core/tickets'),
  },
  // Issue 20: certification (courses kept offline, quiz attempts queued until graded).
  'core/courses': { paths: ['src/core/courses'], ...feature() },
  'core/handlers': {
    paths: ['src/core/handlers'],
    ...feature(
      'core/courses',
      'core/customers',
      'core/diagnostics',
      'core/earnings',
      'core/feed',
      'core/kb',
      'core/nba',
      'core/notifications',
      'core/session',
      'core/tickets',
      'core/update',
    ),
  },
  core: {
    paths: ['src/core/index.ts', 'src/core/dispatch.ts'],
    layers: ['shared', 'core/db', 'core/services', 'core/handlers'],
    ...coreBase,
  },
};

/**
 * zone → { paths: folders or single files it covers, layers: zones it may import, packages }.
 * A file's zone is the one with the longest path that contains it; imports inside a zone are
 * always allowed. Add a zone (or a package to a zone) only as DESIGN.md "Layers" allows.
 */
export const zones = {
  // marked: its lexer turns markdown into plain text for snippets (pure JS, no platform).
  shared: { paths: ['src/shared'], layers: [], packages: ['zod', 'libphonenumber-js', 'marked'] },
  ...coreZones,
  main: {
    paths: ['src/main'],
    layers: [
      'shared',
      ...Object.keys(coreZones),
      // The demo workspace starts the server through its public entry (startServer) only.
      'server/entry',
    ],
    packages: [NODE, 'electron', 'electron-log', 'electron-updater'],
  },
  preload: { paths: ['src/preload'], layers: ['shared'], packages: ['electron'] },
  // The renderer's shared primitives (dialog, picker, empty state, markdown, tokens): they know
  // no feature, so any feature can use them (src/renderer/src/features/<feature>/ may import ui).
  'renderer/ui': {
    paths: ['src/renderer/src/ui'],
    layers: ['shared', 'renderer/ui/markdown'],
    packages: ['react', 'react-dom', 'dompurify', 'marked', 'lucide-react'],
  },
  // The safe Markdown component on its own: the console previews articles with it, so what a
  // brand sees is what its advocates see (the console may import this, not the rest of ui).
  'renderer/ui/markdown': {
    paths: ['src/renderer/src/ui/markdown'],
    layers: ['shared'],
    packages: ['react', 'dompurify', 'marked'],
  },
  renderer: {
    paths: ['src/renderer'],
    layers: ['shared', 'renderer/ui', 'renderer/ui/markdown'],
    packages: [
      'react',
      'react-dom',
      'zustand',
      '@tanstack/react-virtual',
      'dompurify',
      'marked',
      'lucide-react',
      'react-intl',
    ],
  },
  // The brand console (a web app served by the feed server): the shared schemas and pure domain
  // functions, and the renderer's safe Markdown; it reaches the server through its HTTP API,
  // never its code.
  console: {
    paths: ['src/console'],
    layers: ['shared', 'renderer/ui/markdown'],
    packages: ['react', 'react-dom', 'react-intl', 'recharts', 'zod'],
  },
  server: {
    paths: ['src/server'],
    layers: ['shared', 'server/entry', 'demo-data'],
    packages: [
      NODE,
      'fastify',
      '@fastify/rate-limit',
      '@fastify/cookie',
      '@node-rs/argon2',
      'pino',
      'zod',
      'kysely',
      'pg',
      'better-sqlite3',
      // Serves the built brand console (out/console).
      '@fastify/static',
      // Issue 16: language detection of pushed tasks; Zendesk's HTML-only comments as text.
      'eld',
      'html-to-text',
      // Issue 18: rendered task changes cached per (task, version, tier).
      'lru-cache',
      // Issue 18: task and message ids in creation order (UUID version 7).
      'uuid',
    ],
  },
  'server/entry': { paths: ['src/server/index.ts'], layers: ['server'], packages: [NODE] },
  'demo-data': { paths: ['resources/demo'], layers: [], packages: [] },
};

const toPosix = (path) => path.split(sep).join('/');
const contains = (zonePath, file) => file === zonePath || file.startsWith(`${zonePath}/`);

/** The zone of a path relative to the repository root (posix), or null. */
export function zoneOf(file) {
  let best = null;
  let bestLength = -1;
  for (const [name, zone] of Object.entries(zones)) {
    for (const path of zone.paths) {
      if (contains(path, file) && path.length > bestLength)
        [best, bestLength] = [name, path.length];
    }
  }
  return best;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.d.ts', '/index.ts', '/index.tsx'];

function resolveFile(absolute) {
  for (const ext of EXTENSIONS) {
    const candidate = absolute + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return absolute;
}

/**
 * What an import specifier in `file` (repository-relative) points at:
 * `{ zone, path }` for a file of this repository (zone null when in none), or `{ package }`
 * (`node:fs` for every spelling of a builtin, `@scope/name` or `name` without subpath).
 */
export function importTarget(file, specifier) {
  const bare = specifier.split('?')[0];
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const path = toPosix(relative(root, resolveFile(resolve(root, dirname(file), bare))));
    return { zone: zoneOf(path), path };
  }
  if (bare.startsWith('node:') || isBuiltin(bare)) {
    return { package: `node:${bare.replace(/^node:/, '').split('/')[0]}` };
  }
  const parts = bare.split('/');
  return { package: bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** Null when `file` may import `specifier`, else why not. */
export function importProblem(file, specifier) {
  const from = zoneOf(file);
  if (from === null) return null; // reported once per file, see the rule
  const zone = zones[from];
  const target = importTarget(file, specifier);
  if ('package' in target) {
    const name = target.package;
    const allowed =
      zone.packages.includes(name) || (name.startsWith('node:') && zone.packages.includes(NODE));
    return allowed
      ? null
      : `${from} may not import '${name}': its packages are [${zone.packages.join(', ')}] (eslint.layers.mjs).`;
  }
  if (target.zone === null) {
    return `'${specifier}' is ${target.path}, in no zone of eslint.layers.mjs: ${from} may not import it.`;
  }
  if (target.zone === from || zone.layers.includes(target.zone)) return null;
  return `${from} may not import ${target.zone} ('${specifier}'): it may import [${zone.layers.join(', ')}] (DESIGN.md "Layers", eslint.layers.mjs).`;
}

const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each file imports only what its zone in eslint.layers.mjs allows.' },
    schema: [],
  },
  create(context) {
    const file = toPosix(relative(root, context.filename));
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') {
        context.report({ node, message: 'An import whose source is computed cannot be checked.' });
        return;
      }
      const problem = importProblem(file, source.value);
      if (problem) context.report({ node: source, message: problem });
    };
    return {
      Program(node) {
        if (zoneOf(file) === null) {
          context.report({
            node,
            message: `${file} is in no zone of eslint.layers.mjs: give its folder a zone and arrows first.`,
          });
        }
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node, node.moduleReference.expression),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        check(node, node.arguments[0]),
    };
  },
};

export const layerRules = [
  {
    files: ['src/**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'],
    plugins: { layers: { rules: { 'allowed-imports': allowedImports } } },
    rules: { 'layers/allowed-imports': 'error' },
  },
];
