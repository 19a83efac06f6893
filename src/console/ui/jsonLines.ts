/** A JSON array, or NDJSON (one JSON value a line). */
export function jsonOrNdjson(text: string): unknown[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  return trimmed
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
}
