import { scrubText } from '../../shared/scrub';

export interface RecentError {
  /** UTC epoch ms. */
  at: number;
  level: 'error' | 'warn';
  message: string;
}

/** The last warnings and errors, scrubbed, for "Copy diagnostics". Fed by the app's log. */
export interface ErrorJournal {
  record(entry: RecentError): void;
  /** Newest first. */
  list(): RecentError[];
}

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
