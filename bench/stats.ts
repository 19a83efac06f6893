/** Shared helpers for benchmark suites: percentiles and the JSON-line output format. */
export type Unit =
  'ms' | 'rows/s' | 'MB' | 's' | 'req/s' | 'commits/s' | 'cores' | 'count' | 'ratio';

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function metric(name: string, value: number, unit: Unit): void {
  console.log(JSON.stringify({ metric: name, value: round(value), unit }));
}

/** Times `fn` once per sample; answers milliseconds per call. */
export async function sample(count: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}
