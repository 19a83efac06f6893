/**
 * Plain SQL against a feed server's database from outside the server, as an operator's console
 * would: `db` is what `freshDb()` returned (a SQLite file path or a PostgreSQL URL).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../src/server/store/postgres';

export async function rawQuery(db: string, text: string): Promise<Record<string, unknown>[]> {
  if (isPostgresUrl(db)) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      return (await client.query(text)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  }
  const sqlite = new Database(db);
  try {
    const stmt = sqlite.prepare(text);
    if (stmt.reader) return stmt.all() as Record<string, unknown>[];
    stmt.run();
    return [];
  } finally {
    sqlite.close();
  }
}
