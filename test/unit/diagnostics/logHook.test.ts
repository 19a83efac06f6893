import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createErrorJournal } from '../../../src/core/diagnostics/errorJournal';
import { journalTransport, scrubLogRecord } from '../../../src/core/diagnostics/logHook';

const token = 'gdt_Q2hhbmdlTWVQbGVhc2VUaGlzSXNBRGV2aWNlVG9rZW4xMjM0NQ';
const invite = '7KQ2-M9XD-4WZR';
const body = 'please refund my order, my address is 12 Elm St';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-log with the scrubbing hook', () => {
  it('writes no token, invite code or message body to the log file, and journals errors', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gigdesk-log-'));
    const file = join(dir, 'main.log');
    const logger = log.create({ logId: `scrub-${Date.now()}` });
    logger.transports.console.level = false;
    logger.transports.file.resolvePathFn = () => file;
    logger.transports.file.sync = true;
    logger.hooks.push((message) => scrubLogRecord(message));
    const journal = createErrorJournal();
    logger.transports['journal'] = Object.assign(journalTransport(journal), {
      level: 'warn' as const,
    }) as unknown as (typeof logger.transports)[string];

    logger.info('connect', { serverUrl: 'https://feed.example', inviteCode: invite });
    logger.info(`GET /v1/events?token=${token}`);
    logger.warn('IPC tickets:reply failed', { input: { taskId: 't-9', body } });
    logger.error(new Error(`401 Unauthorized: Bearer ${token}`));
    logger.info('sync page applied', { changes: 120, cursor: 'c-77' });

    const written = readFileSync(file, 'utf8');
    for (const secret of [token, invite, body, '12 Elm St']) expect(written).not.toContain(secret);
    expect(written).toContain('https://feed.example');
    expect(written).toContain('t-9');
    expect(written).toContain('cursor');
    expect(written).toContain('[redacted]');

    const recent = journal.list();
    expect(recent.map((e) => e.level)).toEqual(['error', 'warn']);
    expect(recent[0]!.message).toContain('401 Unauthorized');
    expect(JSON.stringify(recent)).not.toContain(token);
    expect(JSON.stringify(recent)).not.toContain(body);
  });
});
