import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules (DESIGN.md, "Layers")', () => {
  it.each([
    ['src/core/anything.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/anything.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/renderer/src/anything.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'src/renderer/src/anything.ts',
      "import { openDatabase } from '../../core/db/open';\nexport const x = openDatabase;\n",
    ],
    [
      'src/renderer/src/anything.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    [
      'src/shared/anything.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    [
      'src/preload/anything.ts',
      "import { createHandlers } from '../core';\nexport const x = createHandlers;\n",
    ],
    [
      'src/server/anything.ts',
      "import { createHandlers } from '../core';\nexport const x = createHandlers;\n",
    ],
    [
      'src/core/anything.ts',
      "import { startServer } from '../server';\nexport const x = startServer;\n",
    ],
    ['src/main/anything.ts', "import { x } from '../server/store/sqlite';\nexport const y = x;\n"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'src/main/anything.ts',
      "import { app } from 'electron';\nimport { createHandlers } from '../core';\nexport const x = [app, createHandlers];\n",
    ],
    [
      'src/core/anything.ts',
      "import { readFileSync } from 'node:fs';\nimport { contract } from '../shared/contract';\nexport const x = [readFileSync, contract];\n",
    ],
    [
      'src/renderer/src/anything.ts',
      "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
    ],
    [
      'src/main/anything.ts',
      "import { startServer } from '../server';\nexport const x = startServer;\n",
    ],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
