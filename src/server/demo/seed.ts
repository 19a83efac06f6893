import type { PayoutRules } from '../../shared/domain/payout';
import { ArticlePush, MacroPush, TaskPush } from '../../shared/protocol';
import articles from '../../../resources/demo/articles.json';
import brand from '../../../resources/demo/brand.json';
import macros from '../../../resources/demo/macros.json';
import payoutRules from '../../../resources/demo/payout-rules.json';
import tasks from '../../../resources/demo/tasks.json';
import type { Store } from '../store';

export interface SeedDemoOptions {
  now?: number;
  /** How many demo advocates to invite (one code each). Default 1. */
  advocates?: number;
  /** Trust tier of the invited demo advocates. Default 1 (sees unredacted messages). */
  tier?: number;
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
 * content is upserted (unchanged items write nothing) and new invite codes are issued; task
 * times are shifted so the newest demo task is about an hour old at `now`.
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
  // Demo tasks carry times relative to seeding ("ageMinutes"); loaded on first seeding only,
  // since re-anchoring them later would rewrite every task.
  if (!existing) {
    const parsed = tasks.map(({ ageMinutes, slaMinutes, messages, ...rest }) => {
      const createdAt = now - ageMinutes * 60_000 - 3_600_000;
      return TaskPush.parse({
        ...rest,
        createdAt,
        slaDueAt: createdAt + slaMinutes * 60_000,
        messages: messages.map(({ offsetMinutes, ...m }) => ({
          ...m,
          createdAt: createdAt + offsetMinutes * 60_000,
        })),
      });
    });
    await store.upsertTasks(brandId, parsed, now);
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
