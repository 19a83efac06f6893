import { type RawBuilder, sql } from 'kysely';

/**
 * `lower(column) LIKE '%text%'`, case-insensitive, with `%`, `_` and `\` in `text` taken
 * literally. The ESCAPE clause is spelled out: SQLite has no default escape character.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
