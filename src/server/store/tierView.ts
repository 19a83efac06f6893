import type { Kysely } from 'kysely';
import { redactPersonalData } from '../../shared/domain/redact';
import type { ActionResult, Change } from '../../shared/protocol';
import type { DB } from './schema';

/** Below this tier, answers reach the advocate with personal data replaced by markers. */
export const UNREDACTED_TIER = 1;

/**
 * Identifiers, enums and codes the server itself writes: never free text, so never searched
 * (a cursor or an id is not a phone number). Every other string is, whatever its field: a field
 * added to a view later is redacted without anyone remembering to.
 */
const STRUCTURAL_KEYS = new Set([
  'id',
  'brandId',
  'taskId',
  'holderId',
  'offeredTo',
  'advocateId',
  'articleId',
  'macroId',
  'key',
  'status',
  'kind',
  'channel',
  'author',
  'outcome',
  'currency',
  'customerId',
  'language',
]);

/**
 * Changes that carry only the brand's own content (brand settings, memberships, KB articles,
 * macros, payout rules), written by its admins for every advocate, never a customer's words. A
 * hotline number in a KB article must reach tier 0 intact; every other kind is redacted.
 */
const BRAND_CONTENT = new Set<Change['kind']>([
  'brand',
  'membership',
  'article',
  'article_delete',
  'macro',
  'macro_delete',
  'payout_rules',
]);

interface Walked {
  value: unknown;
  changed: boolean;
}

/**
 * Every tier-0 advocate of a brand reads the same open pool, so the same texts are redacted again
 * and again: remembered, oldest forgotten first, up to a budget of characters.
 */
const MEMO_BUDGET = 4_000_000;
const memo = new Map<string, Walked>();
let memoChars = 0;

function redactText(text: string): Walked {
  const known = memo.get(text);
  if (known) return known;
  const r = redactPersonalData(text);
  const walked = { value: r.text, changed: r.found.length > 0 };
  if (text.length <= MEMO_BUDGET / 100) {
    memo.set(text, walked);
    memoChars += text.length;
    for (const oldest of memo.keys()) {
      if (memoChars <= MEMO_BUDGET) break;
      memoChars -= oldest.length;
      memo.delete(oldest);
    }
  }
  return walked;
}

/** Every string field of `value`, at any depth, with personal data replaced by markers. */
function redactStrings(value: unknown): Walked {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) {
    const items = value.map(redactStrings);
    return { value: items.map((i) => i.value), changed: items.some((i) => i.changed) };
  }
  if (value === null || typeof value !== 'object') return { value, changed: false };
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [k, v] of Object.entries(value)) {
    if (STRUCTURAL_KEYS.has(k)) {
      out[k] = v;
      continue;
    }
    const r = redactStrings(v);
    out[k] = r.value;
    changed ||= r.changed;
  }
  // A view with a `redacted` flag (a message) says whether anything in it was replaced.
  if (typeof out['redacted'] === 'boolean') out['redacted'] = out['redacted'] || changed;
  return { value: out, changed };
}

/** Whether an advocate of this tier sees every view as it is, with nothing redacted. */
export const seesUnredacted = (tier: number): boolean => tier >= UNREDACTED_TIER;

/** `value` as an advocate of this tier may see it. */
export function seenAtTier<T>(value: T, tier: number): T {
  return seesUnredacted(tier) ? value : (redactStrings(value).value as T);
}

/** One sync change as an advocate of this tier (in the change's brand) may see it. */
export const changeSeenAtTier = (change: Change, tier: number): Change =>
  BRAND_CONTENT.has(change.kind) ? change : seenAtTier(change, tier);

/**
 * Action answers, fresh or replayed, as the advocate may see them now. An answer names its task
 * only by id, so it is shown at the advocate's lowest current tier: a replay after a demotion is
 * redacted too.
 */
export async function answersSeenBy(
  db: Kysely<DB>,
  advocateId: string,
  results: ActionResult[],
): Promise<ActionResult[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('tier')
    .where('advocate_id', '=', advocateId)
    .execute();
  return answersAtTier(
    results,
    rows.map((m) => m.tier),
  );
}

/** Action answers as an advocate whose memberships have these tiers may see them. */
export function answersAtTier(results: ActionResult[], tiers: number[]): ActionResult[] {
  const lowest = Math.min(UNREDACTED_TIER, ...tiers);
  return results.map((r) => seenAtTier(r, lowest));
}
