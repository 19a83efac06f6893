#!/usr/bin/env node
// Builds better-sqlite3 for Electron into node_modules/.cache/gigdesk-native/, next to the Node build
// that `npm install` leaves in node_modules for the tests. The app (src/main/nativeBinding.ts) loads
// this copy through better-sqlite3's `nativeBinding` option, so tests and `npm start` never fight over
// one binary. Runs before `npm start`; does nothing when the binary is already there.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const { platform, arch } = process;
const target = join(
  root,
  'node_modules',
  '.cache',
  'gigdesk-native',
  `electron-${electronVersion}-${platform}-${arch}`,
);
const binary = join(target, 'better_sqlite3.node');

if (existsSync(binary)) process.exit(0);

// npm hands `nodedir` (and friends) to child processes as npm_config_*; node-gyp would then build
// against Node's headers instead of Electron's. Strip every such override.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key),
  ),
);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'gigdesk-native-'));
console.log(`Building better-sqlite3 for Electron ${electronVersion} (${platform}-${arch})…`);
try {
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    cpSync(join(source, part), join(work, part), { recursive: true });
  }
  const run = (cmd, args) =>
    execFileSync(process.execPath, [cmd, ...args], { cwd: work, env, stdio: 'inherit' });
  try {
    // A prebuilt binary for this Electron, where the project publishes one.
    run(require.resolve('prebuild-install/bin.js'), [
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      arch,
      '--platform',
      platform,
    ]);
  } catch {
    // Otherwise compile against Electron's headers.
    run(require.resolve('node-gyp/bin/node-gyp.js'), [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  }
  mkdirSync(target, { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binary);
  console.log(`Electron build of better-sqlite3 ready: ${binary}`);
} catch (error) {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion}: ${error.message}\n` +
      'This needs internet (Electron headers or a prebuilt binary) and a C++ toolchain. The tests do not need it.',
  );
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
