import type { Db } from '../db/open';
import type { PageEstimates } from '../earnings/estimates';
import { writeBrand, writeMembership } from '../repos/brandsRepo';
import type { PageAppliers } from '../sync/appliers';
import { deleteMacro, revokeTask, writeMacro, writeTask, writeTasks } from './taskChanges';

/** The change kinds tickets owns: brands and memberships, tasks with their messages, macros. */
export function ticketChangeAppliers(
  db: Db,
  now: number,
  estimates: PageEstimates,
): Pick<
  PageAppliers,
  'brand' | 'membership' | 'task' | 'tasks' | 'revoke' | 'macro' | 'macro_delete'
> {
  return {
    brand: (c) => writeBrand(db, c.brand, now),
    membership: (c) => writeMembership(db, c.membership),
    task: (c) => writeTask(db, c.task, estimates.of(c.task.brandId)),
    tasks: (changes) =>
      writeTasks(
        db,
        changes.map((c) => c.task),
        (brandId) => estimates.of(brandId),
      ),
    revoke: (c) => revokeTask(db, c.taskId),
    macro: (c) => writeMacro(db, c.macro),
    macro_delete: (c) => deleteMacro(db, c.macroId),
  };
}
