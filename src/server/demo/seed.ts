import type { PayoutRules } from '../../shared/domain/payout';
import {
  ArticlePush,
  CustomerEventPush,
  CustomerPush,
  MacroPush,
  TaskPush,
} from '../../shared/protocol';
import articles from '../../../resources/demo/articles.json';
import brand from '../../../resources/demo/brand.json';
import macros from '../../../resources/demo/macros.json';
import payoutRules from '../../../resources/demo/payout-rules.json';
import tierLadder from '../../../resources/demo/tier-ladder.json';
import courses from '../../../resources/demo/courses.json';
import { CourseInput } from '../../shared/courseProtocol';
import { TierLadder } from '../../shared/trustProtocol';
import type { Store } from '../store';
import { generateDemoCustomers } from './demoCustomers';
import { generateDemoFeed, type DemoHistoryCase } from './demoTasks';

export interface SeedDemoOptions {
  now?: number;
  /** How many demo advocates to invite (one code each). Default 1. */
  advocates?: number;
  /** Trust tier of the invited demo advocates. Default 1 (sees unredacted messages). */
  tier?: number;
  /**
   * Whether demo customers get their histories of orders, returns and contacts (value events).
   * Default true; a world that measures lifetime value over its own customers turns it off.
   */
  customerEvents?: boolean;
}

export interface DemoSeed {
  brandId: string;
  /** Shown once: null when the demo brand already existed in this database. */
  adminKey: string | null;
  /** Fresh one-time codes for `demo-advocate-N@gigdesk.example`, N = 1… */
  inviteCodes: string[];
}

/**
 * Loads the demo brand from `resources/demo/`. Safe to run again on the same database: the
 * content is upserted (unchanged items write nothing) and new invite codes are issued. The feed
 * is generated relative to `now` on first seeding (see demoTasks.ts), with returning customers'
 * earlier cases resolved by a demo colleague, and every customer's profile and history with
 * the brand (demoCustomers.ts).
 */
export async function seedDemo(store: Store, options: SeedDemoOptions = {}): Promise<DemoSeed> {
  const now = options.now ?? Date.now();
  const existing = await store.findBrandByName(brand.name);
  let brandId: string;
  let adminKey: string | null = null;
  if (existing) brandId = existing.id;
  else {
    const created = await store.createBrand(
      { name: brand.name, currency: brand.currency, leaseMinutes: brand.leaseMinutes },
      now,
    );
    brandId = created.brand.id;
    adminKey = created.adminKey;
  }
  const rulesNow = await store.getPayoutRules(brandId);
  if (JSON.stringify(rulesNow.rules) !== JSON.stringify(payoutRules)) {
    await store.setPayoutRules(brandId, payoutRules as PayoutRules, now);
  }
  await store.trust.setLadder(brandId, TierLadder.parse(tierLadder), now);
  await store.upsertArticles(
    brandId,
    articles.map((a) => ArticlePush.parse(a)),
    now,
  );
  await store.upsertMacros(
    brandId,
    macros.map((m) => MacroPush.parse(m)),
    now,
  );
  // Courses name articles by ref: published once the articles are in.
  for (const c of courses)
    await store.courses.putCourse(brandId, c.skill, CourseInput.parse(c.course), now);
  // Generated relative to `now` on first seeding only: re-anchoring later would rewrite every
  // task the advocate may already be working.
  if (!existing) {
    const feed = generateDemoFeed({ now });
    // Customers first: their tasks then name customers who already have a profile.
    const { customers, events } = generateDemoCustomers(feed, now);
    await store.upsertCustomers(
      brandId,
      customers.map((c) => CustomerPush.parse(c)),
      now,
    );
    if (options.customerEvents ?? true)
      await store.upsertCustomerEvents(
        brandId,
        events.map((e) => CustomerEventPush.parse(e)),
        now,
      );
    await store.upsertTasks(
      brandId,
      [...feed.tasks, ...feed.history].map((c) => TaskPush.parse(c.push)),
      now,
    );
    await resolveHistory(store, brandId, feed.history, now);
  }
  const inviteCodes: string[] = [];
  for (let i = 1; i <= (options.advocates ?? 1); i++) {
    const inv = await store.invite(
      brandId,
      {
        email: `demo-advocate-${i}@gigdesk.example`,
        name: i === 1 ? 'Demo Advocate' : `Demo Advocate ${i}`,
        skills: ['billing', 'returns', 'shipping', 'technical', 'account'],
        tier: options.tier ?? 1,
      },
      now,
    );
    inviteCodes.push(inv.inviteCode);
  }
  return { brandId, adminKey, inviteCodes };
}

/** A demo colleague claims and resolves the returning customers' earlier cases, at their times. */
async function resolveHistory(
  store: Store,
  brandId: string,
  history: DemoHistoryCase[],
  now: number,
): Promise<void> {
  if (history.length === 0) return;
  const invite = await store.invite(
    brandId,
    { email: 'demo-colleague@gigdesk.example', name: 'Demo Colleague', skills: [], tier: 3 },
    now,
  );
  const { token } = await store.redeem(invite.inviteCode, 'demo seed', now);
  const colleague = await store.advocateForToken(token, now);
  if (!colleague) throw new Error('The demo colleague could not sign in.');
  const ids = new Map<string, string>();
  let cursor: string | undefined;
  for (let more = true; more;) {
    const page = await store.sync(colleague.id, cursor, 1000, [brandId]);
    for (const change of page.changes) {
      if (change.kind === 'task') ids.set(change.task.externalRef, change.task.id);
    }
    ({ cursor, hasMore: more } = page);
  }
  for (const past of history) {
    const taskId = ids.get(past.push.externalRef);
    if (!taskId) continue;
    const ref = past.push.externalRef;
    await store.applyActions(
      colleague,
      [{ key: `demo-claim-${ref}`, type: 'claim', taskId }],
      past.resolvedAt - 15 * 60_000,
    );
    await store.applyActions(
      colleague,
      [{ key: `demo-resolve-${ref}`, type: 'resolve', taskId }],
      past.resolvedAt,
    );
  }
  const ratings = history.filter((h) => h.rating !== null);
  if (ratings.length > 0) {
    await store.addRatings(
      brandId,
      ratings.map((h) => ({
        externalRef: h.push.externalRef,
        score: h.rating!,
        ratedAt: h.resolvedAt + 3_600_000,
      })),
      now,
    );
  }
}
