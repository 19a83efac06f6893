/**
 * A shared snapshot's task rows, rendered straight from the stored rows: what `taskRows` writes
 * for the views `/v1/sync` sends (`rawTaskView`, then the tier's redaction, tierView.ts), without
 * a view object and its thread's in between. That detour was most of a 100k-task build's
 * rendering and its garbage. Only for a tier that sees views as they are (`seesUnredacted`); any
 * other goes through the views and the one redaction rule. The two must write the same rows
 * (sharedTaskRows.property.test.ts).
 */
import type { MessageRow, TaskRow, TaskView } from '../../shared/protocol';
import { shortId, taskRows } from '../../shared/snapshotRows';
import { parseJson } from './context';
import { changeSeenAtTier, seesUnredacted } from './tierView';
import { type MessageViewRow, rawTaskView, type TaskViewRow } from './views';

/** A task as `/v1/sync` sends it to an advocate of `tier`. */
export function seenTask(t: TaskViewRow, messages: MessageViewRow[], tier: number): TaskView {
  const change = changeSeenAtTier({ seq: 1, kind: 'task', task: rawTaskView(t, messages) }, tier);
  return (change as Extract<typeof change, { kind: 'task' }>).task;
}

const same = (id: string): string => id;

/**
 * The rows of `tasks` (`threads[i]` the thread of `tasks[i]`, in thread order) as an advocate of
 * `tier` sees them, ids written short or as they are: `taskRows` of their `seenTask` views.
 */
export function sharedTaskRows(
  tasks: TaskViewRow[],
  threads: MessageViewRow[][],
  tier: number,
  shortIds: boolean,
): TaskRow[] {
  if (!seesUnredacted(tier))
    return taskRows(
      tasks.map((t, i) => seenTask(t, threads[i]!, tier)),
      shortIds,
    );
  const id = shortIds ? shortId : same;
  const optId = (v: string | null) => (v === null ? null : id(v));
  // A brand's tasks share its id and a few skill lists: each written or parsed once (a row's
  // skills are only ever serialized, never changed, so rows may share one array).
  const ids = new Map<string, string>();
  const brandId = (v: string) => ids.get(v) ?? ids.set(v, id(v)).get(v)!;
  const skillLists = new Map<string, string[]>();
  const skills = (text: string) =>
    skillLists.get(text) ?? skillLists.set(text, parseJson<string[]>(text)).get(text)!;
  const message = (m: MessageViewRow): MessageRow => [
    id(m.id),
    m.author as MessageRow[1],
    m.author_name,
    m.kind as MessageRow[3],
    m.body,
    false,
    m.created_at,
  ];
  return tasks.map((t, i): TaskRow => [
    id(t.id),
    brandId(t.brand_id),
    t.external_ref,
    t.subject,
    t.channel as TaskRow[4],
    // What the pool routes on (as rawTaskView): a transfer's pool or a widening, else its own.
    skills(t.pool_skills ?? t.skills),
    t.complexity,
    t.min_tier,
    t.status as TaskRow[8],
    optId(t.holder_id),
    t.lease_expires_at,
    optId(t.offered_to),
    t.offer_expires_at,
    t.customer_name,
    t.sla_due_at,
    t.created_at,
    t.updated_at,
    threads[i]!.map(message),
    optId(t.customer_id ?? null),
    t.language ?? null,
    t.ageing_bonus_minor === null ? null : Number(t.ageing_bonus_minor),
  ]);
}
