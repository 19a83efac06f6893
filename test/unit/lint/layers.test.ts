import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

interface Zone {
  paths: string[];
  layers: string[];
  packages: string[];
}
const { zones } = (await import(pathToFileURL(join(root, 'eslint.layers.mjs')).href)) as {
  zones: Record<string, Zone>;
};

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  const messages = result?.messages ?? [];
  // A parse error would hide the rule: every snippet here must parse.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

const uses = (specifier: string, name = 'x'): string =>
  `import ${name} from '${specifier}';\nexport const y = ${name};\n`;

describe('layer rules (DESIGN.md, "Layers"): an allow-list that fails closed', () => {
  it.each([
    // Between the layers.
    ['src/core/update/x.ts', uses('electron')],
    ['src/shared/x.ts', uses('electron')],
    ['src/renderer/src/x.ts', uses('electron')],
    ['src/renderer/src/x.ts', uses('../../core/db/open')],
    ['src/renderer/src/x.ts', uses('../../preload/index')],
    ['src/renderer/src/x.ts', uses('node:fs')],
    // The brand console reaches the server over HTTP only, never its code or the app's.
    ['src/console/pages/x.tsx', uses('../../server/store/index')],
    ['src/console/x.ts', uses('../renderer/src/i18n/useT')],
    ['src/console/x.ts', uses('../core/db/open')],
    ['src/console/x.ts', uses('node:fs')],
    ['src/console/x.ts', uses('zustand')],
    ['src/shared/x.ts', uses('node:fs')],
    ['src/preload/x.ts', uses('../core')],
    ['src/preload/x.ts', uses('node:fs')],
    ['src/server/x.ts', uses('../core')],
    ['src/core/sync/x.ts', uses('../../server')],
    ['src/main/x.ts', uses('../server/store/sqlite')],
    // Unknown Node builtins and packages, in every spelling.
    ['src/shared/x.ts', uses('events')],
    ['src/shared/x.ts', uses('zlib')],
    ['src/shared/x.ts', uses('node:events')],
    ['src/shared/x.ts', uses('fs/promises')],
    ['src/shared/x.ts', "const z = require('zlib');\nexport const y = z;\n"],
    ['src/shared/x.ts', "import z = require('zlib');\nexport const y = z;\n"],
    ['src/shared/x.ts', "export * from 'events';\n"],
    ['src/shared/x.ts', "export const y = import('zlib');\n"],
    ['src/shared/x.ts', "import type { FC } from 'react';\nexport type Y = FC;\n"],
    ['src/shared/x.ts', "export type Y = import('react').FC;\n"],
    ['src/shared/x.ts', uses('left-pad')],
    ['src/shared/x.ts', uses('@scope/unknown/deep')],
    ['src/core/feed/x.ts', uses('react')],
    ['src/core/sync/x.ts', uses('lodash')],
    ['src/server/x.ts', uses('electron-updater')],
    ['src/renderer/src/x.ts', uses('axios')],
    // Arrows between src/core folders that are not listed.
    ['src/core/db/x.ts', uses('../sync/engine')],
    ['src/core/repos/x.ts', uses('../feed/feedRepo')],
    ['src/core/kb/x.ts', uses('../tickets/ticketRepo')],
    ['src/core/update/x.ts', uses('../handlers/index')],
    ['src/core/sync/x.ts', uses('../handlers/index')],
    ['src/core/sync/x.ts', uses('../tickets/ticketRepo')],
    // A file of this repository in no zone; an import that cannot be read.
    ['src/server/x.ts', uses('../../bench/run')],
    ['src/shared/x.ts', "const name = 'zlib';\nexport const y = import(name);\n"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([['src/core/x.ts'], ['src/core/newfeature/x.ts'], ['src/x.ts'], ['src/tools/x.ts']])(
    'a file in no zone (%s) fails even with imports that are allowed elsewhere',
    async (file) => {
      const errors = await layerErrors(file, uses('zod'));
      expect(errors.join('\n')).toMatch(/in no zone/);
    },
  );

  it.each([
    [
      'src/main/x.ts',
      "import { app } from 'electron';\nimport { c } from '../core';\nexport const x = [app, c];\n",
    ],
    ['src/main/x.ts', uses('../server')],
    ['src/main/x.ts', uses('../core/kb/searchWorker?modulePath')],
    ['src/main/x.ts', uses('electron-log/main')],
    [
      'src/core/sync/x.ts',
      "import { r } from 'node:fs';\nimport { c } from '../../shared/contract';\nexport const x = [r, c];\n",
    ],
    ['src/core/kb/x.ts', uses('worker_threads')],
    ['src/core/tickets/x.ts', uses('../feed/feedRepo')],
    ['src/core/feed/x.ts', uses('../sync/engine')],
    ['src/core/handlers/x.ts', uses('../tickets/ticketRepo')],
    ['src/core/index.ts', uses('./handlers/index')],
    ['src/renderer/src/x.ts', uses('../../shared/contract')],
    ['src/console/pages/x.tsx', uses('../../shared/consoleProtocol')],
    ['src/console/x.ts', uses('react-intl')],
    ['src/renderer/src/x.ts', uses('react-dom/client')],
    ['src/renderer/src/x.ts', uses('@tanstack/react-virtual')],
    ['src/shared/x.ts', uses('zod')],
    ['src/shared/domain/x.ts', uses('libphonenumber-js/max')],
    ['src/server/store/x.ts', uses('pg')],
    ['src/server/demo/x.ts', uses('../../../resources/demo/brand.json')],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('names only zones and paths that exist', () => {
    for (const [name, zone] of Object.entries(zones)) {
      for (const path of zone.paths)
        expect(existsSync(join(root, path)), `${name}: ${path}`).toBe(true);
      for (const layer of zone.layers) expect(Object.keys(zones), name).toContain(layer);
    }
  });
});
