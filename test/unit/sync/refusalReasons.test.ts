import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/core/i18n/translate';
import { listParked } from '../../../src/core/sync/outboxRepo';
import type { Notice, SyncStatus } from '../../../src/shared/contract/events';
import type { TextRef } from '../../../src/shared/i18n/catalogs';
import { ActionFaultProxy } from '../../support/actionFaults';
import { newestTaskIds, type TestCore } from '../../support/core';
import { FaultProxy } from '../../support/faultProxy';
import { startTestFeedServer, type TestFeedServer } from '../../support/feedServer';
import { expectNoEnglish } from '../../support/noEnglish';
import { signedInCore, waitFor } from './helpers';

/**
 * A refusal or a failure from a real feed server reaches the advocate as a reason worded in
 * their language: the server's code travels, its English stays in the log wording.
 */
let clock = Date.now();
let feed: TestFeedServer;
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function started(): Promise<void> {
  clock = Date.now();
  feed = await startTestFeedServer({ now: () => clock });
  closers.push(() => feed.close());
  await feed.pushTasks(3);
}

async function coreAt(url: string, tuning = {}): Promise<TestCore> {
  const core = await signedInCore(url, await feed.invite('Ada'), {}, { tuning });
  closers.push(() => core.close());
  return core;
}

const notices = (core: TestCore) =>
  core.events.filter((e) => e.event === 'notice:new').map((e) => e.payload as Notice);
const subjectOf = (core: TestCore, id: string) =>
  core.db.prepare('SELECT subject FROM tasks WHERE id = ?').pluck().get(id) as string;

function expectWorded(text: TextRef | undefined, reasonId: string, foreign: string[]): void {
  expect(text?.values['reason']).toBe(reasonId);
  for (const lang of ['ja', 'ar']) {
    const worded = translate(lang, text!);
    expectNoEnglish(worded, foreign);
    expect(worded).toContain(
      translate(lang, { id: reasonId as TextRef['id'], values: text!.values }),
    );
  }
}

describe('reasons from a real feed server', () => {
  it('a reply refused because the lease lapsed says why in Japanese and Arabic', async () => {
    await started();
    const proxy = FaultProxy.forUrl(feed.url);
    closers.push(() => proxy.close());
    const core = await coreAt(await proxy.start());
    const [id] = await newestTaskIds(core, 1);
    await core.handlers['feed:claim']({ taskId: id! });
    await core.handlers['sync:now'](undefined);
    const subject = subjectOf(core, id!);
    proxy.down();
    await core.handlers['tickets:act']({ type: 'reply', taskId: id!, body: 'On its way.' });
    // Offline meanwhile: the status says why, in the advocate's words, from the failure's kind.
    await waitFor(() => core.sync.status().state === 'offline', 'the offline status');
    const offline = core.sync.status();
    expect(offline.text?.id).toBe('sync.offline');
    expect(String(offline.text?.values['reason'])).toMatch(/^error\.session\./);
    expectWorded(offline.text, String(offline.text?.values['reason']), [
      String(offline.text?.values['server']),
    ]);

    clock += 31 * 60_000; // the 30-minute lease lapses on the server
    proxy.up();
    await waitFor(async () => {
      await core.handlers['sync:now'](undefined);
      return notices(core).length > 0;
    }, 'the refusal notice');
    const [notice] = notices(core);
    expect(notice!.text?.id).toBe('notice.actionRefused');
    expectWorded(notice!.text, 'error.lifecycle.claimExpired', [subject]);
    // The server's own English is kept for the log only.
    expect(notice!.message).toContain('your claim on this task expired');
    expect(JSON.stringify(notice!.text)).not.toContain('expired');
  });

  it('server trouble and a parked action say why in Japanese and Arabic', async () => {
    await started();
    const proxy = new ActionFaultProxy(new URL(feed.url));
    closers.push(() => proxy.close());
    const core = await coreAt(await proxy.start(), { backoff: { baseMs: 60_000, maxMs: 60_000 } });
    const [id] = await newestTaskIds(core, 1);
    await core.handlers['feed:claim']({ taskId: id! });
    await core.handlers['sync:now'](undefined);
    const subject = subjectOf(core, id!);
    proxy.fault = () => ({
      status: 503,
      body: { error: { code: 'internal', message: 'Upstream is down.' } },
    });
    await core.handlers['tickets:act']({ type: 'reply', taskId: id!, body: 'Soon.' });
    const status: SyncStatus = await core.handlers['sync:now'](undefined);
    expect(status.text?.id).toBe('sync.serverProblem');
    expectWorded(status.text, 'reason.serverError', []);
    expect(status.message).toContain('Upstream is down.');

    await waitFor(
      async () => {
        await core.handlers['sync:now'](undefined);
        return listParked(core.db).length === 1;
      },
      'the row to be parked',
      30_000,
    );
    const parked = notices(core).find((n) => n.text?.id === 'notice.parked');
    expectWorded(parked?.text, 'reason.serverError', [subject]);
    expect(parked!.message).toContain('Upstream is down.');
  });
});
