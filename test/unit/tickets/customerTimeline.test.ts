/**
 * Issue 16 in the app: the feed server (real store, in memory) renders pages for one advocate and
 * the app applies them with its own appliers, as sync does. The timeline is read offline through
 * the real handler; a demotion purges what the advocate may no longer see from the local file;
 * notifications are announced once, across restarts, and quiet hours hold them; offers are
 * answered through the outbox; the feed filters by the advocate's languages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/server/store';
import { announceNotifications, showHeld } from '../../../src/core/notifications/announce';
import { notifyLapsingLeases } from '../../../src/core/notifications/leaseLapsing';
import { writeSession } from '../../../src/core/repos/sessionRepo';
import { wipeLocalData } from '../../../src/core/session/localData';
import { defaultFeedPrefs } from '../../../src/shared/contract/feed';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { TaskPush } from '../../../src/shared/protocol';
import { createTestCore, type TestCore } from '../../support/core';
import { applyPage } from '../../support/sync';

const T0 = Date.UTC(2026, 5, 1, 12, 0);
let store: Store;
let core: TestCore;
let brandId: string;
let cursor: string | undefined;

const push = (ref: string, over: Partial<TaskPush> = {}) =>
  TaskPush.parse({
    externalRef: ref,
    subject: `Case ${ref}`,
    channel: 'email',
    complexity: 2,
    customerName: 'Ingrid',
    customerRef: 'crm-1',
    messages: [{ author: 'customer', body: `About ${ref}, please help.`, createdAt: T0 - 1000 }],
    ...over,
  });

async function advocate(tier: number, email: string) {
  const inv = await store.invite(brandId, { email, skills: [], tier }, T0);
  return { id: inv.advocateId };
}

/** Pulls everything new for `advocateId` into the app's database, as sync does. */
async function pull(advocateId: string) {
  for (;;) {
    const page = await store.sync(advocateId, cursor, 500, [brandId]);
    applyPage(core.db, page, T0);
    cursor = page.cursor;
    if (!page.hasMore) return;
  }
}

const act = async (advocateId: string, type: string, taskId: string, now = T0) =>
  (
    await store.applyActions(
      { id: advocateId, name: 'A', handle: 'a', brandIds: [brandId] } as never,
      [{ key: `key-${Math.random()}`, type, taskId } as never],
      now,
    )
  )[0]!;

const taskIdOf = (ref: string) =>
  core.db.prepare('SELECT id FROM tasks WHERE external_ref = ?').pluck().get(ref) as string;

beforeEach(async () => {
  store = openStore(':memory:', { leaseClock: 'process' });
  await store.migrate(T0);
  brandId = (await store.createBrand({ name: 'Acme', currency: 'EUR' }, T0)).brand.id;
  core = createTestCore({ now: () => T0 });
  cursor = undefined;
});
afterEach(async () => {
  await core.close();
  await store.close();
});

describe('the customer timeline in the app', () => {
  it('shows earlier cases and events newest first, offline, within the tier', async () => {
    await store.upsertCustomers(
      brandId,
      [
        {
          customerRef: 'crm-1',
          fields: [{ name: 'email', label: 'E-mail', value: 'i@example.com', minTier: 2 }],
        },
      ],
      T0,
    );
    await store.upsertCustomerEvents(
      brandId,
      [
        {
          externalRef: 'o1',
          customerRef: 'crm-1',
          kind: 'order',
          occurredAt: T0 - 9_000,
          summary: 'Tent',
          amountMinor: 24_900,
          currency: 'EUR',
          minTier: 0,
        },
        {
          externalRef: 'r1',
          customerRef: 'crm-1',
          kind: 'return',
          occurredAt: T0 - 5_000,
          summary: 'Returned',
          minTier: 3,
        },
      ],
      T0,
    );
    await store.upsertTasks(brandId, [push('A'), push('B')], T0);
    const a = await advocate(1, 'a@example.com');
    writeSession(core.db, {
      serverUrl: 'http://127.0.0.1:1',
      advocateId: a.id,
      advocateName: 'A',
      advocateHandle: 'a',
      isDemo: false,
      signedInAt: T0,
    });
    await pull(a.id);
    const earlier = taskIdOf('A');
    await act(a.id, 'claim', earlier, T0 - 2_000);
    await act(a.id, 'resolve', earlier, T0 - 2_000);
    await pull(a.id);

    const timeline = await core.handlers['customers:timeline']({
      taskId: taskIdOf('B'),
      limit: 50,
    });
    expect(timeline!.customer!.fields).toEqual([
      { name: 'email', label: 'E-mail', value: null, visibleFromTier: 2 },
    ]);
    expect(timeline!.items.map((i) => [i.type, i.at])).toEqual([
      ['case', T0 - 2_000],
      ['event', T0 - 5_000],
      ['event', T0 - 9_000],
    ]);
    expect(timeline!.items[0]).toMatchObject({
      subject: 'Case A',
      outcome: 'resolved',
      advocateHandle: expect.any(String),
    });
    expect(timeline!.items[1]).toMatchObject({ kind: 'return', summary: null, visibleFromTier: 3 });
    expect(timeline!.items[2]).toMatchObject({
      kind: 'order',
      amountMinor: 24_900,
      currency: 'EUR',
    });
    // The ticket's own case is not its history.
    const own = await core.handlers['customers:timeline']({ taskId: earlier, limit: 50 });
    expect(own!.items.filter((i) => i.type === 'case')).toEqual([]);
  });

  it('purges from the local file what a demotion forbids, on the next sync', async () => {
    await store.upsertCustomers(
      brandId,
      [{ customerRef: 'crm-1', fields: [{ name: 'phone', value: 'SECRET-PHONE-77', minTier: 2 }] }],
      T0,
    );
    await store.upsertCustomerEvents(
      brandId,
      [
        {
          externalRef: 'x',
          customerRef: 'crm-1',
          kind: 'contact',
          occurredAt: T0,
          summary: 'SECRET-CALL-NOTE',
          minTier: 2,
        },
      ],
      T0,
    );
    const a = await advocate(2, 'a@example.com');
    await pull(a.id);
    const dump = () =>
      JSON.stringify([
        core.db.prepare('SELECT * FROM customers').all(),
        core.db.prepare('SELECT * FROM customer_events').all(),
      ]);
    expect(dump()).toContain('SECRET-PHONE-77');
    expect(dump()).toContain('SECRET-CALL-NOTE');
    await store.patchAdvocate(brandId, a.id, { tier: 1 }, T0);
    await pull(a.id);
    expect(dump()).not.toContain('SECRET-PHONE-77');
    expect(dump()).not.toContain('SECRET-CALL-NOTE');
    // Signing out with "wipe local data" leaves no customer behind for the next person.
    wipeLocalData(core.db);
    for (const table of ['customers', 'customer_events', 'customer_cases', 'notifications'])
      expect(core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  });
});

describe('notifications', () => {
  const settings = (quiet: Settings['notifications']['quietHours'] = null): Settings => ({
    ...defaultSettings,
    timeZone: 'UTC',
    notifications: { ...defaultSettings.notifications, quietHours: quiet },
  });

  async function resolvedThenFollowUp() {
    await store.upsertTasks(brandId, [push('F')], T0);
    const a = await advocate(1, 'a@example.com');
    await pull(a.id);
    announceNotifications(core.db, core.services.desktop, settings(), a.id, T0, { initial: true });
    const id = taskIdOf('F');
    await act(a.id, 'claim', id);
    await pull(a.id);
    announceNotifications(core.db, core.services.desktop, settings(), a.id, T0, { initial: false });
    await act(a.id, 'resolve', id);
    // The resolver is connected and not in quiet hours: the follow-up is offered to them.
    await store.streamOpened({ streamId: 's1', advocateId: a.id, quiet: null, timeZone: null }, T0);
    await store.upsertTasks(
      brandId,
      [
        push('F', {
          messages: [
            { author: 'customer', body: 'About F, please help.', createdAt: T0 - 1000 },
            { author: 'customer', body: 'It broke again!', createdAt: T0 + 1000 },
          ],
        }),
      ],
      T0 + 2_000,
    );
    await pull(a.id);
    return { a, id };
  }

  it('announces "customer replied" once, also after a restart, and lists the offer', async () => {
    const { a, id } = await resolvedThenFollowUp();
    expect(core.desktop.notifications).toEqual([]);
    announceNotifications(core.db, core.services.desktop, settings(), a.id, T0 + 3_000, {
      initial: false,
    });
    expect(core.desktop.notifications).toEqual([
      { title: 'The customer replied: Case F', body: 'It broke again!' },
    ]);
    // The same database opened again (a restart): nothing is announced twice.
    const again = createTestCore({ now: () => T0 }, { dbFile: core.db.name });
    try {
      announceNotifications(again.db, again.services.desktop, settings(), a.id, T0 + 4_000, {
        initial: false,
      });
      expect(again.desktop.notifications).toEqual([]);
    } finally {
      await again.sync.stop();
      again.db.close();
    }
    writeSession(core.db, {
      serverUrl: 'http://127.0.0.1:1',
      advocateId: a.id,
      advocateName: 'A',
      advocateHandle: 'a',
      isDemo: false,
      signedInAt: T0,
    });
    const offers = await core.handlers['offers:list']({});
    expect(offers).toMatchObject([{ taskId: id, subject: 'Case F', followUp: true }]);
  });

  it('holds notifications in quiet hours, and shows them once the quiet hours end', async () => {
    const { a } = await resolvedThenFollowUp();
    const quiet = settings({ start: '11:00', end: '13:00' });
    announceNotifications(core.db, core.services.desktop, quiet, a.id, T0 + 3_000, {
      initial: false,
    });
    expect(core.desktop.notifications).toEqual([]);
    showHeld(core.db, core.services.desktop, quiet, a.id, T0 + 60_000);
    expect(core.desktop.notifications).toEqual([]);
    // 13:00 UTC: the quiet hours are over (the offer is still live: 15 minutes).
    showHeld(core.db, core.services.desktop, quiet, a.id, Date.UTC(2026, 5, 1, 13, 0));
    expect(core.desktop.notifications.map((n) => n.title)).toEqual([
      'The customer replied: Case F',
    ]);
    showHeld(core.db, core.services.desktop, quiet, a.id, Date.UTC(2026, 5, 1, 13, 1));
    expect(core.desktop.notifications).toHaveLength(1);
  });

  it('answers an offer through the outbox: accept makes it a pending claim', async () => {
    const { a, id } = await resolvedThenFollowUp();
    writeSession(core.db, {
      serverUrl: 'http://127.0.0.1:1',
      advocateId: a.id,
      advocateName: 'A',
      advocateHandle: 'a',
      isDemo: false,
      signedInAt: T0,
    });
    const left = await core.handlers['offers:answer']({ taskId: id, answer: 'accept' });
    expect(left).toEqual([]);
    const queued = core.db.prepare('SELECT type, task_id AS taskId FROM outbox').all();
    expect(queued).toEqual([{ type: 'accept', taskId: id }]);
    const row = core.db
      .prepare('SELECT status, holder_id AS holderId FROM tasks WHERE id = ?')
      .get(id);
    expect(row).toEqual({ status: 'open', holderId: a.id });
  });
});

describe('lease about to lapse while unfocused', () => {
  it('is an OS notification once per lease, only while the window is not focused', async () => {
    await store.upsertTasks(brandId, [push('L')], T0);
    const a = await advocate(1, 'a@example.com');
    await pull(a.id);
    await act(a.id, 'claim', taskIdOf('L'));
    await pull(a.id);
    let focused = true;
    const shown: string[] = [];
    const desktop = {
      notify: (n: { title: string }) => void shown.push(n.title),
      setBadgeCount: () => undefined,
      isFocused: () => focused,
    };
    // The brand's lease is 30 minutes: 4 minutes before it ends, warned 5 minutes ahead.
    const soon = T0 + 26 * 60_000;
    notifyLapsingLeases(core.db, desktop, a.id, soon, 5 * 60_000, 'en');
    expect(shown).toEqual([]);
    focused = false;
    notifyLapsingLeases(core.db, desktop, a.id, soon, 5 * 60_000, 'en');
    notifyLapsingLeases(core.db, desktop, a.id, soon + 60_000, 5 * 60_000, 'en');
    expect(shown).toEqual(['Your claim lapses in 4 min']);
  });

  it('is worded in the advocate language', async () => {
    await store.upsertTasks(brandId, [push('LD')], T0);
    const a = await advocate(1, 'a@example.com');
    await pull(a.id);
    await act(a.id, 'claim', taskIdOf('LD'));
    await pull(a.id);
    const shown: string[] = [];
    const desktop = {
      notify: (n: { title: string }) => void shown.push(n.title),
      setBadgeCount: () => undefined,
      isFocused: () => false,
    };
    notifyLapsingLeases(core.db, desktop, a.id, T0 + 26 * 60_000, 5 * 60_000, 'de-DE');
    expect(shown).toEqual(['Deine Übernahme läuft in 4 Min. ab']);
  });
});

describe('languages in the feed', () => {
  it('filters the feed to the advocate languages for each brand; unknown ones stay', async () => {
    await store.upsertTasks(
      brandId,
      [
        push('es', { language: 'es-MX', customerRef: undefined }),
        push('de', { language: 'de', customerRef: undefined }),
        push('xx', {
          customerRef: undefined,
          messages: [{ author: 'customer', body: '??', createdAt: T0 }],
        }),
      ],
      T0,
    );
    const a = await advocate(1, 'a@example.com');
    await store.patchAdvocate(brandId, a.id, { languages: ['es'] }, T0);
    await pull(a.id);
    const list = async (myLanguages: boolean) =>
      (
        await core.handlers['feed:list']({
          filters: { ...defaultFeedPrefs.filters, myLanguages },
          sort: 'newest',
          offset: 0,
          limit: 50,
          withTotal: true,
        })
      ).tasks
        .map((t) => t.subject)
        .sort();
    expect(await list(false)).toEqual(['Case de', 'Case es', 'Case xx']);
    expect(await list(true)).toEqual(['Case es', 'Case xx']);
  });
});
