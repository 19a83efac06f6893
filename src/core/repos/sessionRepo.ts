import type { Db } from '../db/open';

export interface SessionRow {
  serverUrl: string;
  advocateId: string;
  advocateName: string;
  advocateHandle: string;
  isDemo: boolean;
  signedInAt: number;
}

export function readSession(db: Db): SessionRow | null {
  const row = db
    .prepare(
      `SELECT server_url AS serverUrl, advocate_id AS advocateId, advocate_name AS advocateName,
              advocate_handle AS advocateHandle, is_demo AS isDemo, signed_in_at AS signedInAt
         FROM session WHERE id = 1`,
    )
    .get() as (Omit<SessionRow, 'isDemo'> & { isDemo: number }) | undefined;
  return row ? { ...row, isDemo: row.isDemo === 1 } : null;
}

export function writeSession(db: Db, session: SessionRow): void {
  db.prepare(
    `INSERT INTO session (id, server_url, advocate_id, advocate_name, advocate_handle, is_demo, signed_in_at)
     VALUES (1, @serverUrl, @advocateId, @advocateName, @advocateHandle, @isDemo, @signedInAt)
     ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, advocate_id = excluded.advocate_id,
       advocate_name = excluded.advocate_name, advocate_handle = excluded.advocate_handle,
       is_demo = excluded.is_demo, signed_in_at = excluded.signed_in_at`,
  ).run({ ...session, isDemo: session.isDemo ? 1 : 0 });
}

export function clearSession(db: Db): void {
  db.prepare('DELETE FROM session').run();
}
