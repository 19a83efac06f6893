import { ApiFailure } from '../errors';
import type { StoreContext } from './context';

/** Refuses (404) an advocate that is not a member of this brand: another brand's id is unknown here. */
export async function requireMember(db: StoreContext['db'], brandId: string, advocateId: string) {
  const member = await db
    .selectFrom('memberships')
    .select('advocate_id')
    .where('brand_id', '=', brandId)
    .where('advocate_id', '=', advocateId)
    .executeTakeFirst();
  if (!member) throw new ApiFailure('not_found', 'no such advocate in this brand');
}
