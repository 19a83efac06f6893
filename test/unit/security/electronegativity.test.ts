import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const gate = join(process.cwd(), 'scripts', 'securityScan.mjs');
const work = mkdtempSync(join(tmpdir(), 'gigdesk-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the gate over a copy of src/ changed by `edit`; answers its exit code and output. */
function gateOn(name: string, edit: (src: string) => void): { code: number; output: string } {
  const src = join(work, name, 'src');
  cpSync(join(process.cwd(), 'src', 'main'), join(src, 'main'), { recursive: true });
  cpSync(join(process.cwd(), 'src', 'renderer', 'index.html'), join(src, 'renderer', 'index.html'));
  edit(src);
  try {
    const output = execFileSync(process.execPath, [gate, src], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

function replaceIn(file: string, from: RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

describe('Electronegativity gate (npm run security)', { timeout: 120_000 }, () => {
  it('passes on the shell as it is', () => {
    expect(gateOn('as-is', () => undefined).code).toBe(0);
  });

  it('fails when the window loses sandbox: true', () => {
    const result = gateOn('no-sandbox', (src) =>
      replaceIn(join(src, 'main', 'index.ts'), /sandbox: true,/, 'sandbox: false,'),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('SANDBOX_JS_CHECK');
  });

  it('fails when the Content-Security-Policy is removed', () => {
    const result = gateOn('no-csp', (src) =>
      replaceIn(
        join(src, 'renderer', 'index.html'),
        /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/,
        '',
      ),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('CSP_GLOBAL_CHECK');
  });
});
