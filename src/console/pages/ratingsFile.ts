import { parseCsv } from '../../shared/domain/csv';
import { jsonOrNdjson } from '../ui/jsonLines';

const NUMBERS = new Set(['score', 'tipMinor', 'ratedAt']);

/**
 * A ratings file as the items POST /v1/admin/ratings takes: JSON or NDJSON as is, or CSV with a
 * header row naming the fields (externalRef or taskId, score, comment, tipMinor, ratedAt).
 * Empty CSV fields are left out; numbers are sent as numbers, anything else as written, so
 * the server names each bad field.
 */
export function ratingsFromFile(text: string): unknown[] {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return jsonOrNdjson(start);
  const [header = [], ...rows] = parseCsv(start).filter((r) => r.some((f) => f.trim()));
  const names = header.map((h) => h.trim());
  return rows.map((row) =>
    Object.fromEntries(
      names.flatMap((name, i) => {
        const value = row[i]?.trim() ?? '';
        if (!name || value === '') return [];
        const n = Number(value);
        return [[name, NUMBERS.has(name) && Number.isFinite(n) ? n : value]];
      }),
    ),
  );
}

/** How an item of the file names its case: its reference, else the task id. */
export function ratingLabel(item: unknown): string {
  const i = (item ?? {}) as { externalRef?: unknown; taskId?: unknown };
  return String(i.externalRef ?? i.taskId ?? '—');
}
