import { z } from 'zod';
import { AdminAdvocate } from '../shared/protocol';
import { getJson } from './api';
import { useLoad } from './ui/useLoad';

const AdvocatesResponse = z.object({ advocates: z.array(AdminAdvocate) });

/** Names advocates by id for tables keyed by id (metrics groups, statements); else the id. */
export function useAdvocateNames(): (id: string) => string {
  const advocates = useLoad(() => getJson('/v1/admin/advocates', AdvocatesResponse), []);
  const names = new Map(advocates.data?.advocates.map((a) => [a.id, `${a.name} (@${a.handle})`]));
  return (id) => names.get(id) ?? id;
}
