import type { ErrorJournal } from '../services';
import { scrubValue } from '../../shared/scrub';

/** The shape electron-log hands its hooks and transports (kept structural: core has no electron). */
export interface LogRecord {
  data: unknown[];
  date: Date;
  level: string;
}

/** electron-log hook: every argument scrubbed before any transport (file, console) sees it. */
export function scrubLogRecord<M extends LogRecord>(message: M): M {
  return { ...message, data: message.data.map((d) => scrubValue(d)) };
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A log transport that keeps warnings and errors (already scrubbed by the hook) in the journal. */
export function journalTransport(journal: ErrorJournal): (message: LogRecord) => void {
  return (message) => {
    if (message.level !== 'error' && message.level !== 'warn') return;
    journal.record({
      at: message.date.getTime(),
      level: message.level,
      message: message.data.map(describe).join(' '),
    });
  };
}
