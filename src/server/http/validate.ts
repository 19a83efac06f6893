import type { z } from 'zod';
import type { ApiIssue } from '../../shared/protocol';
import { ApiFailure } from '../errors';

const issuesOf = (error: z.ZodError, index?: number): ApiIssue[] =>
  error.issues.map((i) => ({
    ...(index === undefined ? {} : { index }),
    path: i.path.length > 0 ? i.path.map(String).join('.') : '(item)',
    message: i.message,
  }));

function summary(issues: ApiIssue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.index === undefined ? '' : `item ${i.index} `}${i.path}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
}

/** Parses a whole request part, or throws 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = 'body',
): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issues = issuesOf(r.error).map((i) => ({
    ...i,
    path: i.path === '(item)' ? what : `${what}.${i.path}`,
  }));
  throw new ApiFailure('invalid_input', summary(issues), issues);
}

/** Parses each item of a batch; any bad item rejects the whole batch with every item's issues. */
export function parseBatch<S extends z.ZodType>(
  item: S,
  items: unknown[],
  maxItems = 10_000,
): z.output<S>[] {
  if (items.length === 0) throw new ApiFailure('invalid_input', 'body: expected at least one item');
  if (items.length > maxItems)
    throw new ApiFailure('invalid_input', `body: at most ${maxItems} items per batch`);
  const out: z.output<S>[] = [];
  const issues: ApiIssue[] = [];
  items.forEach((value, index) => {
    const r = item.safeParse(value);
    if (r.success) out.push(r.data);
    else issues.push(...issuesOf(r.error, index));
  });
  if (issues.length > 0) {
    const bad = new Set(issues.map((i) => i.index)).size;
    throw new ApiFailure(
      'invalid_input',
      `${bad} item(s) rejected, nothing was applied: ${summary(issues)}`,
      issues,
    );
  }
  return out;
}

/** NDJSON: one JSON value per non-blank line. A malformed line is reported by its item index. */
export function parseNdjson(text: string): unknown[] {
  const items: unknown[] = [];
  const issues: ApiIssue[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, lineNo) => {
    if (line.trim() === '') return;
    try {
      items.push(JSON.parse(line));
    } catch {
      issues.push({ index: items.length, path: `(line ${lineNo + 1})`, message: 'not valid JSON' });
      items.push(undefined);
    }
  });
  if (issues.length > 0)
    throw new ApiFailure(
      'invalid_input',
      `malformed NDJSON, nothing was applied: ${summary(issues)}`,
      issues,
    );
  return items;
}

/** A batch body: a JSON array, or NDJSON (already split into items by the content parser). */
export function batchItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  throw new ApiFailure(
    'invalid_input',
    'body: expected a JSON array of items or NDJSON (application/x-ndjson)',
    [{ path: 'body', message: 'expected an array' }],
  );
}
