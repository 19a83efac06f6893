/**
 * Task changes rendered once per (task, version, tier) and shared by every pull that sends the
 * same task at the same tier: with many advocates of a brand pulling the same changes, the
 * rendering (views, the tier's redaction) is done once instead of once per request.
 *
 * The version is the task's stored state itself (its row and messages, as read for this pull):
 * any write to the task or its messages changes it, so an entry is never served for a state it
 * was not made from, and no write path has to remember to invalidate. The tier is part of the
 * key: a tier-0 pull is never answered with a render made for a higher tier.
 */
import { LRUCache } from 'lru-cache';
import type { EscalationOutcomeView, TaskView } from '../../shared/protocol';
import { changeSeenAtTier } from './tierView';
import { type MessageRow, rawTaskView, type TaskRow } from './views';

interface Rendered {
  version: string;
  task: TaskView;
}

/**
 * The JSON of each view `taskAtTier` answered (null until first asked): those views are shared
 * and never changed, so every pull sending one sends the same text (syncJson.ts). A new state
 * renders a new view object, with no JSON yet.
 */
const jsonOfView = new WeakMap<TaskView, string | null>();

/** The view's JSON, made once when `taskAtTier` answered it; else `JSON.stringify`. */
export function taskViewJson(view: TaskView): string {
  const held = jsonOfView.get(view);
  if (held) return held;
  const json = JSON.stringify(view);
  if (held === null) jsonOfView.set(view, json);
  return json;
}

/** Bounded: the hot set is the recent changes every advocate pulls; a miss only renders again. */
const rendered = new LRUCache<string, Rendered>({ max: 20_000 });

/**
 * The version of a task state, remembered per loaded row: the tasks a process's log tail holds
 * (logTail.ts) are the same objects for every pull, so the state is serialized once, not per pull.
 */
const versions = new WeakMap<
  TaskRow,
  { messages: MessageRow[]; outcome: EscalationOutcomeView | undefined; version: string }
>();

function versionOf(task: TaskRow, messages: MessageRow[], outcome?: EscalationOutcomeView) {
  const known = versions.get(task);
  if (known && known.messages === messages && known.outcome === outcome) return known.version;
  const version = JSON.stringify([task, messages, outcome ?? null]);
  versions.set(task, { messages, outcome, version });
  return version;
}

/**
 * The task as a `task` change shows it at `tier` (the one redaction rule, tierView.ts). The
 * answer is shared between requests: callers serialize it and never change it.
 */
export function taskAtTier(
  task: TaskRow,
  messages: MessageRow[],
  tier: number,
  outcome?: EscalationOutcomeView,
): TaskView {
  const key = `${task.id}\u0000${tier}`;
  const version = versionOf(task, messages, outcome);
  const held = rendered.get(key);
  if (held?.version === version) return held.task;
  const change = changeSeenAtTier(
    { seq: 0, kind: 'task', task: rawTaskView(task, messages, outcome) },
    tier,
  );
  if (change.kind !== 'task') throw new Error('a task change rendered as another kind');
  rendered.set(key, { version, task: change.task });
  jsonOfView.set(change.task, null);
  return change.task;
}

/** Entries held (for tests). */
export const renderedTaskCount = (): number => rendered.size;
