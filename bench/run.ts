/**
 * `npm run bench -- SUITE [SUITE…]`: runs `bench/SUITE.ts`'s `run()`. Each suite prints a
 * human table (optional) then one JSON object a line:
 * {"metric": "SUITE.NAME", "value": N, "unit": "ms" | "rows/s" | "MB" | "s" | "req/s" | "count"}.
 */
const suites = [
  'sync',
  'kb',
  'earnings',
  'server',
  'load',
  'claims',
  'redact',
  'render',
  'tickets',
  'nba',
] as const;

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  if (requested.length === 0) {
    console.error(`Usage: npm run bench -- <${suites.join('|')}> [more suites]`);
    process.exit(2);
  }
  for (const name of requested) {
    if (!(suites as readonly string[]).includes(name)) {
      console.error(`Unknown benchmark suite "${name}". Suites: ${suites.join(', ')}`);
      process.exit(2);
    }
  }
  for (const name of requested) {
    const suite = (await import(`./${name}.ts`)) as { run: () => Promise<void> };
    await suite.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
