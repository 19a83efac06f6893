/**
 * `gigdesk-admin` as a brand admin meets it: one line per error and no stack trace, per-command
 * help, unknown flags refused, connection errors naming the URL, a duplicate brand name refused,
 * and the console's actions as commands.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer } from '../helpers';
import { Browser, type BrandWorld, PASSWORD, twoBrands } from './harness';

function admin(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/admin.ts', ...args],
      { env: { ...process.env, GIGDESK_URL: '', GIGDESK_ADMIN_KEY: '', ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const oneLine = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
};

// Each command is a fresh `tsx` process (seconds each on a busy machine): generous timeouts.
describe('gigdesk-admin', () => {
  let s: TestServer;
  let A: BrandWorld;
  let env: Record<string, string>;
  beforeAll(async () => {
    ({ s, A } = await twoBrands());
    env = { GIGDESK_URL: s.url, GIGDESK_ADMIN_KEY: A.adminKey };
  });
  afterAll(() => s.close());

  it('refuses an unknown flag in one line, and explains one command with --help', async () => {
    const bad = await admin(['tasks', 'list', '--bogus']);
    expect(bad.code).toBe(2);
    expect(oneLine(bad.stderr)).toBe("gigdesk-admin: Unknown option '--bogus'; see --help");
    const help = await admin(['payout', 'run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^payout run --to confirmed\|paid/);
    const unknown = await admin(['frobnicate']);
    expect(oneLine(unknown.stderr)).toMatch(/unknown command: frobnicate/);
  }, 240_000);

  it('names the URL it could not reach, and answers API errors in one line', async () => {
    const down = await admin(['tasks', 'list'], {
      GIGDESK_URL: 'http://127.0.0.1:9',
      GIGDESK_ADMIN_KEY: 'gdk_x',
    });
    expect(down.code).toBe(1);
    expect(oneLine(down.stderr)).toMatch(/cannot reach the feed server at http:\/\/127\.0\.0\.1:9/);
    const bad = await admin(['escalation', 'close', A.tasks['T-4']!, '--outcome', 'maybe'], env);
    expect(oneLine(bad.stderr)).toMatch(/^gigdesk-admin: 400 from POST .*outcome/);
  }, 240_000);

  it('brand create refuses a name already in use', async () => {
    const r = await admin(['brand', 'create', 'Acme Outdoor', '--db', s.db]);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/a brand named "Acme Outdoor" already exists/);
  }, 240_000);

  it('works the console’s actions as commands, and invites the first owner with --db', async () => {
    const list = await admin(['tasks', 'list', '--status', 'escalated'], env);
    expect(JSON.parse(list.stdout).total).toBe(2);
    const ack = await admin(['escalation', 'ack', A.tasks['T-4']!], env);
    expect(JSON.parse(ack.stdout).state).toBe('acknowledged');
    const run = await admin(['payout', 'run', '--to', 'confirmed'], env);
    expect(JSON.parse(run.stdout)).toMatchObject({ entries: 3, totalMinor: 400 });
    const csv = await admin(['payout', 'statements', '--csv'], env);
    expect(csv.stdout.split('\n')[0]).toMatch(/^advocate_id,entry_id/);
    const macros = await admin(['content', 'list', '--kind', 'macro', '--q', 'MACRO'], env);
    expect(JSON.parse(macros.stdout).items.map((i: { title: string }) => i.title)).toEqual([
      'ALPHAMARK macro',
    ]);

    const inv = await admin([
      'account',
      'invite',
      '--email',
      'first-owner@brand.example',
      '--role',
      'owner',
      '--brand',
      'Acme Outdoor',
      '--db',
      s.db,
      '--url',
      s.url,
    ]);
    const { inviteUrl } = JSON.parse(inv.stdout) as { inviteUrl: string };
    const token = decodeURIComponent(inviteUrl.split('token=')[1]!);
    const b = new Browser(s);
    const accepted = await b.call('POST', '/v1/console/accept', {
      body: { token, password: PASSWORD },
    });
    expect(accepted.body.account).toMatchObject({ role: 'owner', brandId: A.brandId });
    const audit = await s.store.console.listAudit(A.brandId, undefined, 100);
    expect(audit.find((e) => e.action === 'account invite')).toMatchObject({
      actorKind: 'operator',
      detail: { role: 'owner' },
    });
  }, 240_000);

  it('publishes a course from a file and lists it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigdesk-course-'));
    const file = join(dir, 'course.json');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Returns',
        items: [{ question: 'Within how many days?', options: ['14', '30'], correct: [1] }],
        passMark: 1,
      }),
    );
    const set = await admin(['course', 'set', 'returns', file], env);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ skill: 'returns', passMark: 1 });
    const list = await admin(['courses'], env);
    expect(JSON.parse(list.stdout).courses.map((c: { skill: string }) => c.skill)).toEqual([
      'returns',
    ]);
    const missing = await admin(['course', 'set'], env);
    expect(oneLine(missing.stderr)).toMatch(/course set SKILL FILE/);
  }, 120_000);
});
