/**
 * What every `gigdesk-admin` command shares: strict flags (an unknown one is refused in one
 * line), one line per error and never a stack trace, per-command `--help`, and HTTP calls whose
 * connection failures name the URL they tried.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A failure the CLI reports as one line and exit code 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const fail = (message: string, exitCode = 1): never => {
  throw new CliError(message, exitCode);
};

export function parseCli<O extends NonNullable<ParseArgsConfig['options']>>(
  options: O,
  args = process.argv.slice(2),
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    // Runs before any command: report here, in one line ("Unknown option '--x'"), and stop.
    const first = (err instanceof Error ? err.message : String(err)).split(/\.\s|\n/)[0]!;
    console.error(`gigdesk-admin: ${first}; see --help`);
    return process.exit(2);
  }
}

/** Runs the CLI's main function: prints its result as JSON (or text), errors as one line. */
export function runCli(main: () => Promise<unknown>) {
  main().then(
    (out) => {
      if (out === undefined) return;
      console.log(typeof out === 'string' ? out.trimEnd() : JSON.stringify(out, null, 2));
    },
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`gigdesk-admin: ${message.split('\n')[0]}`);
      process.exit(err instanceof CliError ? err.exitCode : 1);
    },
  );
}

export interface ApiTarget {
  url: string;
  key: string | undefined;
}

/** One admin API call; a JSON answer is parsed, any other (CSV) returned as text. */
export async function callApi(
  target: ApiTarget,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<unknown> {
  if (!target.key) fail('--key ADMIN_KEY is required (or GIGDESK_ADMIN_KEY)', 2);
  const url = new URL(path, target.url);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${target.key}`,
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    fail(
      `cannot reach the feed server at ${url.origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
    );
  }
  const text = await res!.text();
  const isJson = res!.headers.get('content-type')?.includes('json');
  let data: unknown = text;
  if (isJson && text) data = JSON.parse(text);
  if (!res!.ok) {
    const e = (
      data as {
        error?: { message?: string; issues?: { index?: number; path?: string; message: string }[] };
      } | null
    )?.error;
    // A rejected batch names its bad items on the same line (the first ten).
    const items = (e?.issues ?? [])
      .slice(0, 10)
      .map((i) => `${i.index !== undefined ? `item ${i.index} ` : ''}${i.path ?? ''}: ${i.message}`)
      .join('; ');
    fail(
      `${res!.status} from ${method} ${url.pathname}: ${e?.message ?? res!.statusText}${items ? ` (${items})` : ''}`,
    );
  }
  return data === '' ? null : data;
}
