import type { Timeline, TimelineItem } from '../../shared/contract/customers';
import type { Db } from '../db/open';
import { readTimelineRows, type TimelineRows } from './customersRepo';

/** Earlier cases and events in one list, newest first, at most `limit`. Pure. */
export function shapeTimeline(rows: TimelineRows, limit: number): Timeline {
  const items: TimelineItem[] = [
    ...rows.cases.map(({ brandId: _b, customerId: _c, closedAt, ...c }): TimelineItem => ({
      type: 'case',
      at: closedAt,
      ...c,
    })),
    ...rows.events.map(({ brandId: _b, customerId: _c, occurredAt, ...e }): TimelineItem => ({
      type: 'event',
      at: occurredAt,
      ...e,
    })),
  ];
  items.sort((a, b) => b.at - a.at);
  return {
    customer: rows.customer ? { fields: rows.customer.fields } : null,
    items: items.slice(0, limit),
  };
}

/** The timeline of a ticket from the local database (offline); null when the task is gone. */
export function readTimeline(db: Db, taskId: string, limit: number): Timeline | null {
  const rows = readTimelineRows(db, taskId, limit);
  return rows ? shapeTimeline(rows, limit) : null;
}
