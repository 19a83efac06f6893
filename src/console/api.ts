/**
 * The console's one way to the feed server: same-origin JSON over the admin API, the session
 * cookie sent by the browser, the session's CSRF token on every request that changes anything.
 * Answers are parsed with the same zod schemas the server validates with.
 */
import type { z } from 'zod';

export interface Issue {
  /** Which item of a batch (0-based), when the request sent several. */
  index?: number;
  path: string;
  message: string;
}

/** A refused request, in the server's documented error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
/** Called with each new session (sign-in rotates it) and with undefined on sign-out. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

const listeners = new Set<() => void>();
/** Called when any request answers 401: the session ended (expired, signed out elsewhere). */
export function onSignedOut(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.ok) return res;
  const answer = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; issues?: Issue[] };
  } | null;
  const e = answer?.error;
  if (res.status === 401 && !path.startsWith('/v1/console/')) listeners.forEach((l) => l());
  throw new ApiError(res.status, e?.code ?? 'http', e?.message ?? res.statusText, e?.issues);
}

/** `path` with the defined values of `query` as its search string. */
export function withQuery(path: string, query: Record<string, string | number | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  return schema.parse(await (await send('GET', path)).json());
}

export async function getText(path: string): Promise<string> {
  return (await send('GET', path)).text();
}

/** A change; the answer is parsed when a schema is given. */
export async function change<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  schema?: S,
): Promise<z.infer<S>> {
  const res = await send(method, path, body);
  if (res.status === 204) return undefined as z.infer<S>;
  const json: unknown = await res.json();
  return schema ? schema.parse(json) : (json as z.infer<S>);
}
