#!/usr/bin/env node
/**
 * Proves that the action table makes the compiler name every place an action type must be
 * handled: copies the working tree to a scratch directory, adds a dummy action type `probe` to
 * the protocol's action union and its row to the action table (a ticket action confirmed in a
 * dialog, the kind that touches the most places), runs `tsc` over the app, server and renderer
 * projects, and prints the files it flags as JSON: `{"files": [...], "errors": [...]}`.
 *
 *   node scripts/actionTypeProbe.mjs [--keep]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');

/** Replaces `anchor` in a scratch file, failing loudly when the anchor moved. */
function patch(dir, file, anchor, replacement) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(anchor)) throw new Error(`${file}: anchor not found: ${anchor}`);
  writeFileSync(path, text.replace(anchor, replacement));
}

const scratch = mkdtempSync(join(tmpdir(), 'gigdesk-action-probe-'));
try {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    try {
      cpSync(join(root, f), join(scratch, f));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted in the work tree, still in the index
    }
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');

  patch(
    scratch,
    'src/shared/protocol.ts',
    "  action('abandon',",
    "  action('probe', { reason: z.string().max(2000) }),\n  action('abandon',",
  );
  patch(
    scratch,
    'src/shared/domain/actions.ts',
    '} as const satisfies ActionSpecs;',
    `  probe: {
    transition: 'keep',
    payout: null,
    closesCase: true,
    ui: 'dialog',
    label: t('probe.label', 'Probe…'),
    pending: t('probe.pending', 'Probe'),
    note: { field: 'reason', required: true, becomes: 'note' },
    outcome: t('probe.outcome', 'Probed.'),
    shortcut: null,
  },
} as const satisfies ActionSpecs;`,
  );

  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const errors = [];
  for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
    const run = spawnSync(
      process.execPath,
      [tsc, '--noEmit', '--composite', 'false', '--pretty', 'false', '-p', project],
      { cwd: scratch, encoding: 'utf8' },
    );
    for (const line of run.stdout.split('\n')) {
      const m = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
      if (m) errors.push({ file: m[1], line: Number(m[2]), code: m[3], message: m[4] });
    }
  }
  const unique = [...new Map(errors.map((e) => [`${e.file}:${e.line}:${e.code}`, e])).values()];
  const flagged = [...new Set(unique.map((e) => e.file))].sort();
  process.stdout.write(`${JSON.stringify({ files: flagged, errors: unique }, null, 2)}\n`);
} finally {
  if (keep) process.stderr.write(`scratch copy kept at ${scratch}\n`);
  else rmSync(scratch, { recursive: true, force: true });
}
