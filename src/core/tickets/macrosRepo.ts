import type { Db } from '../db/open';

export interface MacroRow {
  id: string;
  title: string;
  body: string;
}

export function listBrandMacros(db: Db, brandId: string): MacroRow[] {
  return db
    .prepare('SELECT id, title, body FROM macros WHERE brand_id = ? ORDER BY title')
    .all(brandId) as MacroRow[];
}
