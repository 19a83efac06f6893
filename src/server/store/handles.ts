import type { Trx } from './context';

const MAX_HANDLE_CHARS = 20;

/**
 * A readable handle from a name in any script: NFC, lower-cased, letters, marks and digits kept
 * ("Lucía Fernández" → `lucíafernández`, "佐藤 健太" → `佐藤健太`), at most 20 code points.
 */
export function handleBase(name: string): string {
  const kept = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
  return [...kept].slice(0, MAX_HANDLE_CHARS).join('') || 'advocate';
}

/**
 * Inserts a new identity under the first free handle of `base`, `base2`, `base3`, …. The insert
 * itself decides (ON CONFLICT DO NOTHING): concurrent invites of the same name each end up with
 * their own handle instead of one of them failing on the unique index.
 */
export async function insertIdentity(
  trx: Trx,
  row: { id: string; name: string; created_at: number },
): Promise<string> {
  const base = handleBase(row.name);
  const taken = await trx
    .selectFrom('advocates')
    .select('handle')
    .where((eb) => eb.or([eb('handle', '=', base), eb('handle', 'like', `${base}%`)]))
    .execute();
  const used = new Set(taken.map((t) => t.handle));
  for (let n = 1; ; n++) {
    const handle = n === 1 ? base : `${base}${n}`;
    if (used.has(handle)) continue;
    const inserted = await trx
      .insertInto('advocates')
      .values({ ...row, email: row.id, handle, merged_into: null })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return handle;
    used.add(handle);
  }
}
