import { sql } from 'kysely';
import type { Trx } from './context';
import { newOrderedId } from './secrets';

/**
 * Appends a message to a task's thread, after its last one. Callers mark the task changed (its
 * `updated_at` and change-log row) in the same transaction, as they do for everything else.
 */
export async function appendTaskMessage(
  trx: Trx,
  taskId: string,
  m: {
    author: 'advocate' | 'system';
    authorName: string;
    kind: 'message' | 'note' | 'handoff';
    body: string;
  },
  now: number,
) {
  const last = await trx
    .selectFrom('messages')
    .select((s) => s.fn.max('ord').as('ord'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  await trx
    .insertInto('messages')
    .values({
      id: newOrderedId(),
      task_id: taskId,
      origin: 'advocate',
      author: m.author,
      author_name: m.authorName,
      kind: m.kind,
      body: m.body,
      created_at: now,
      ord: Number(last?.ord ?? -1) + 1,
    })
    .execute();
}

/**
 * `appendTaskMessage` inside one statement (actionStatement.ts): the CTE `msg` appends an
 * advocate's message after the last one of the task the CTE `upd` changed.
 */
export const appendTaskMessageCte = (
  m: { authorName: string; kind: 'message' | 'note' | 'handoff'; body: string },
  now: number,
) =>
  sql`msg as (insert into messages
      (id, task_id, origin, author, author_name, kind, body, created_at, ord)
    select ${newOrderedId()}, upd.id, 'advocate', 'advocate', ${m.authorName}::text, ${m.kind}::text,
      ${m.body}::text, ${now}::bigint,
      (select coalesce(max(ord), -1) + 1 from messages where task_id = upd.id)
    from upd)`;
