import { scrubText } from '../../shared/scrub';
import type { ErrorJournal, RecentError } from '../services';

const MAX_MESSAGE = 500;

export function createErrorJournal(capacity = 20): ErrorJournal {
  const entries: RecentError[] = [];
  return {
    record: (entry) => {
      entries.unshift({ ...entry, message: scrubText(entry.message).slice(0, MAX_MESSAGE) });
      entries.length = Math.min(entries.length, capacity);
    },
    list: () => entries.map((e) => ({ ...e })),
  };
}
