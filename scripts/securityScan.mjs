#!/usr/bin/env node
// The Electronegativity gate: scans the sources, reads its SARIF output (the tool itself exits 0
// on findings) and fails on any finding not justified in security/electronegativity-allowlist.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const input = process.argv[2] ?? join(root, 'src');
const allowlist = JSON.parse(
  readFileSync(join(root, 'security', 'electronegativity-allowlist.json'), 'utf8'),
);

const work = mkdtempSync(join(tmpdir(), 'gigdesk-electronegativity-'));
const sarifFile = join(work, 'results.sarif');
try {
  execFileSync(
    process.execPath,
    [
      '--require',
      join(root, 'scripts', 'electronegativityOffline.cjs'),
      join(
        dirname(require.resolve('@doyensec/electronegativity/package.json')),
        'dist',
        'index.js',
      ),
      '-i',
      input,
      '-o',
      sarifFile,
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  const findings = sarif.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      return {
        rule: result.ruleId,
        file: uri.startsWith('/') ? relative(dirname(input), uri) : uri,
        line: location?.region?.startLine ?? 0,
        message: result.message.text,
      };
    }),
  );
  const allowed = (f) =>
    allowlist.findings.some(
      (a) => a.rule === f.rule && a.file === f.file && a.message === f.message,
    );
  const unjustified = findings.filter((f) => !allowed(f));
  console.log(
    `Electronegativity ${findings.length} finding(s), ${findings.length - unjustified.length} justified in the allow-list.`,
  );
  if (unjustified.length > 0) {
    for (const f of unjustified) console.error(`  ✗ ${f.rule} ${f.file}:${f.line} — ${f.message}`);
    console.error(
      'Fix these, or justify each in security/electronegativity-allowlist.json after review.',
    );
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
