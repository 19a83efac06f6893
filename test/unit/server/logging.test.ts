import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../../src/server/http/logging';

describe('server log options', () => {
  it('scrubs secrets and message bodies that no redact path names', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(loggerOptions({ level: 'info' }) as LoggerOptions, stream);
    log.info(
      {
        actions: [{ type: 'reply', body: 'Hi Grace, your IBAN is safe' }],
        action: { type: 'escalate', handoffNote: 'call her back' },
      },
      'redeem failed for invite 7KQ2-M9XD-4TPA with Bearer gdt_abcdefghijklmnop',
    );
    log.error(new Error('admin key gdk_0123456789abcdef rejected'));
    const out = lines.join('');
    expect(out).toContain('redeem failed');
    for (const secret of [
      'Hi Grace',
      'call her back',
      '7KQ2-M9XD-4TPA',
      'gdt_abcdefghijklmnop',
      'gdk_0123456789abcdef',
    ]) {
      expect(out).not.toContain(secret);
    }
  });
});
