import { CAPABILITIES_HEADER, capabilitiesHeaderValue } from '../../shared/capabilities';
import {
  ActionsResponse,
  ApiError,
  BrandFirstPage,
  MeResponse,
  RedeemResponse,
  RefreshResponse,
  type Action,
  type BrandSnapshot,
  type OwnSnapshot,
  type SyncResponse,
} from '../../shared/protocol';
import {
  brandSnapshotCheck,
  ownSnapshotCheck,
  type ResponseCheck,
  syncResponseCheck,
} from './pageValidators';
import type { ServerClock } from './serverClock';
import { LadderResponse } from '../../shared/trustProtocol';
import { AttemptOutcome, type AttemptRequest, CoursesResponse } from '../../shared/courseProtocol';
import { KbFeedbackResponse, type KbVoteInput } from '../../shared/kbFeedbackProtocol';

/** The server answered with an error status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From `Retry-After`, in ms. */
    readonly retryAfterMs: number | null,
    /** For a 400: the position of each bad item of a batch. */
    readonly badIndexes: number[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Why no answer came: the server's name did not resolve (`dns`), nothing listened (`refused`),
 * the secure connection failed (`tls`: an untrusted, expired or mismatched certificate, or no
 * https on that port), no answer in time (`timeout`), the network or host is unreachable or the
 * connection dropped (`unreachable`), or the answer could not be read (`unreadable`).
 */
export type NetworkFailure = 'dns' | 'refused' | 'tls' | 'timeout' | 'unreachable' | 'unreadable';

/** No answer: refused, reset, timed out, or an unreadable body. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly kind: NetworkFailure = 'unreachable',
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Network errors, 5xx and 429 are worth retrying; other answers are final. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof HttpError && (error.status >= 500 || error.status === 429);
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export interface FeedClientOptions {
  baseUrl: string;
  /** The device token, or where to get a current one before each request (it may be refreshed). */
  token?: string | null | (() => Promise<string | null>);
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Learns the server's clock from every answer's `Date` header. */
  clock?: ServerClock;
  /** Query of each event stream opened (the advocate's quiet hours, for follow-up offers). */
  eventsQuery?: () => Record<string, string>;
}

/** A server address's host (and port), as messages about the server name it. */
export function serverHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** The app's side of the feed server's HTTP API, on Node's fetch; responses are validated. */
export class FeedClient {
  private readonly baseUrl: string;
  constructor(private readonly options: FeedClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** The server's host (and port), as messages about it name it. */
  get host(): string {
    return serverHost(this.baseUrl);
  }

  redeem(code: string, deviceName: string): Promise<RedeemResponse> {
    return this.request('POST', '/v1/auth/redeem', RedeemResponse, { code, deviceName });
  }

  /** A signed-in device accepts an invite: the brand joins this device's identity. */
  accept(code: string): Promise<MeResponse> {
    return this.request('POST', '/v1/auth/accept', MeResponse, { code });
  }

  refresh(): Promise<RefreshResponse> {
    return this.request('POST', '/v1/auth/refresh', RefreshResponse, {});
  }

  me(): Promise<MeResponse> {
    return this.request('GET', '/v1/me', MeResponse);
  }

  /** The advocate's standing on each brand's tier ladder (issue 20). */
  ladder(): Promise<LadderResponse> {
    return this.request('GET', '/v1/ladder', LadderResponse);
  }

  /** The courses of the advocate's brands, without the answers (certification). */
  courses(): Promise<CoursesResponse> {
    return this.request('GET', '/v1/courses', CoursesResponse);
  }

  /** One quiz attempt, graded by the server once per `attemptId`. */
  attempt(skill: string, body: AttemptRequest, signal?: AbortSignal): Promise<AttemptOutcome> {
    const path = `/v1/courses/${encodeURIComponent(skill)}/attempts`;
    return this.request('POST', path, AttemptOutcome, body, signal);
  }

  logout(): Promise<unknown> {
    return this.request('POST', '/v1/auth/logout', null, {});
  }

  pull(cursor: string | null, limit: number, signal?: AbortSignal): Promise<SyncResponse> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return this.request('GET', `/v1/sync?${query}`, syncResponseCheck, undefined, signal);
  }

  /** Initial sync: this advocate's own rows (`GET /v1/snapshot`). */
  ownSnapshot(signal?: AbortSignal): Promise<OwnSnapshot> {
    return this.request('GET', '/v1/snapshot', ownSnapshotCheck, undefined, signal);
  }

  /** Initial sync: what every advocate of the brand at this one's tier sees (shared, cached). */
  brandSnapshot(brandId: string, signal?: AbortSignal): Promise<BrandSnapshot> {
    const path = `/v1/snapshot/brands/${encodeURIComponent(brandId)}`;
    return this.request('GET', path, brandSnapshotCheck, undefined, signal);
  }

  /**
   * Initial sync: the brand's first feed page, read by the server without building the brand
   * snapshot; null from a server without that route (404: the app then cuts its first page
   * from the brand snapshot, as before).
   */
  async brandFirstPage(
    brandId: string,
    limit: number,
    signal?: AbortSignal,
  ): Promise<BrandFirstPage | null> {
    const path = `/v1/snapshot/brands/${encodeURIComponent(brandId)}/first?limit=${limit}`;
    try {
      return await this.request('GET', path, BrandFirstPage, undefined, signal);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }

  send(actions: Action[], signal?: AbortSignal): Promise<ActionsResponse> {
    return this.request('POST', '/v1/actions', ActionsResponse, { actions }, signal);
  }

  /** KB votes, "helpful / outdated" (issue 20); answered per vote, in order. */
  kbFeedback(votes: KbVoteInput[], signal?: AbortSignal): Promise<KbFeedbackResponse> {
    return this.request('POST', '/v1/kb-feedback', KbFeedbackResponse, { votes }, signal);
  }

  /** Opens the Server-Sent Events stream; the caller reads `body`. */
  async openEvents(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    let response: Response;
    try {
      const query = new URLSearchParams(this.options.eventsQuery?.() ?? {}).toString();
      response = await fetch(`${this.baseUrl}/v1/events${query ? `?${query}` : ''}`, {
        headers: { ...(await this.authHeader()), accept: 'text/event-stream' },
        signal,
      });
    } catch (error) {
      throw fetchFailure(error);
    }
    if (!response.ok || !response.body) throw await httpError(response);
    return response.body;
  }

  private async authHeader(): Promise<Record<string, string>> {
    const t = this.options.token;
    const token = typeof t === 'function' ? await t() : t;
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  private async request<T>(
    method: string,
    path: string,
    schema: ResponseCheck<T> | null,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const auth = await this.authHeader();
    let response: Response;
    let text: string;
    const sentAt = this.options.clock?.local() ?? 0;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...auth,
          accept: 'application/json',
          [CAPABILITIES_HEADER]: capabilitiesHeaderValue(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      throw fetchFailure(error);
    }
    this.options.clock?.observe(response.headers.get('date'), sentAt, this.options.clock.local());
    if (!response.ok) throw await httpError(response, text);
    if (schema === null) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new NetworkError(
        `The server sent an unreadable answer to ${method} ${path.split('?')[0]}.`,
        'unreadable',
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new HttpError(
        response.status,
        'bad_response',
        `Unexpected answer from the server to ${method} ${path.split('?')[0]}.`,
        null,
      );
    }
    return parsed.data;
  }
}

async function httpError(response: Response, text?: string): Promise<HttpError> {
  const body = text ?? (await response.text().catch(() => ''));
  let code = `http_${response.status}`;
  let message = `The server answered ${response.status}.`;
  let badIndexes: number[] = [];
  try {
    const parsed = ApiError.safeParse(JSON.parse(body));
    if (parsed.success) {
      code = parsed.data.error.code;
      message = parsed.data.error.message;
      badIndexes = (parsed.data.error.issues ?? []).flatMap((i) =>
        i.index === undefined ? [] : [i.index],
      );
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return new HttpError(
    response.status,
    code,
    message,
    parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    badIndexes,
  );
}

const TLS_CODE =
  /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;

/** Node's (undici's) fetch failure as a NetworkError of its kind, with its English for logs. */
function fetchFailure(error: unknown): NetworkError {
  if (!(error instanceof Error)) return new NetworkError(String(error));
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (error.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT')
    return new NetworkError('The server did not answer in time.', 'timeout');
  if (code === 'ECONNREFUSED') return new NetworkError('The server is not reachable.', 'refused');
  const message = cause?.message ?? error.message;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new NetworkError(message, 'dns');
  if (TLS_CODE.test(code)) return new NetworkError(message, 'tls');
  return new NetworkError(message);
}
