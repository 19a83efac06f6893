import type { Db } from '../db/open';

export function readSettingsRows(db: Db): Map<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

export function writeSettingsRows(db: Db, values: Record<string, unknown>): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) upsert.run(key, JSON.stringify(value));
  })();
}
