/**
 * A pull's answer as JSON, byte for byte what `JSON.stringify` writes, with each task view
 * shared between pulls (store/renderedTasks.ts `taskAtTier`) written from its JSON made once: a
 * change event sends a brand's advocates pulling the same changed tasks, and stringifying each
 * task's thread for every pull was the largest part of a pull's CPU after the request itself.
 */
import type { Change, SyncResponse } from '../shared/protocol';
import { taskViewJson } from './store/renderedTasks';

/** `JSON.stringify(o)` for a plain object whose `task` (if any) is a task view. */
function objectJson(o: Record<string, unknown>, field: (key: string, v: unknown) => string) {
  let out = '{';
  for (const key of Object.keys(o)) {
    const v = o[key];
    // What JSON.stringify leaves out of an object.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${field(key, v)}`;
  }
  return `${out}}`;
}

const changeJson = (c: Change): string =>
  c.kind === 'task'
    ? objectJson(c as unknown as Record<string, unknown>, (key, v) =>
        key === 'task' ? taskViewJson(c.task) : JSON.stringify(v),
      )
    : JSON.stringify(c);

export const syncJson = (r: SyncResponse): string =>
  objectJson(r as unknown as Record<string, unknown>, (key, v) =>
    key === 'changes' ? `[${r.changes.map(changeJson).join(',')}]` : JSON.stringify(v),
  );
