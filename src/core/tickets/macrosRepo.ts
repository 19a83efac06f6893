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

/** Changes whenever the brand's macros do: how many there are and the newest update. */
export function brandMacrosVersion(db: Db, brandId: string): string {
  const row = db
    .prepare('SELECT COUNT(*) AS n, MAX(updated_at) AS newest FROM macros WHERE brand_id = ?')
    .get(brandId) as { n: number; newest: number | null };
  return `${row.n}:${row.newest ?? 0}`;
}
