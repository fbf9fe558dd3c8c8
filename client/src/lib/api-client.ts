/**
 * Thin fetch wrapper for the MoneyTrail API. Every failure becomes an Error whose message can be shown to the
 * analyst as is: the server's own `error.message` when it sent one, otherwise a plain description.
 */

export type QueryParams = Record<string, string | number | readonly string[] | undefined>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    /** the server's error id, for correlating with its logs */
    readonly errorId: string | null = null,
    /** the parsed error body, for callers that need its details (a save conflict names the newer version) */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export type ApiRequest = {
  params?: QueryParams;
  signal?: AbortSignal;
};

export type RawResponse = { status: number; ok: boolean; body: unknown };

export function buildUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Path segment for a node uid: uids contain ':' and may contain '/', '#', '?'. */
export function nodePath(id: string): string {
  return `/api/nodes/${encodeURIComponent(id)}`;
}

/** Fetches and parses JSON without judging the status; for endpoints whose error bodies carry data. */
export async function requestJson(path: string, { params, signal }: ApiRequest = {}): Promise<RawResponse> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, params), {
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('Cannot reach the MoneyTrail server. Check that it is running.', 0);
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // A proxy or a static file server answered instead of the API (HTML error page, 404 page...).
      body = null;
    }
  }
  return { status: response.status, ok: response.ok, body };
}

export async function apiGet<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { status, ok, body } = await requestJson(path, request);
  if (!ok) throw toApiError(status, body);
  if (body === null) throw new ApiError(`The server sent an unreadable answer (HTTP ${status}).`, status);
  return body as T;
}

/**
 * Sends a JSON body with a state-changing method. The CSRF header is added by the auth feature's fetch wrapper
 * (features/auth/lib/csrf), so every feature's writes go through this one function.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Cannot reach the MoneyTrail server. Check that it is running.', 0);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error && typeof error.message === 'string') {
    return new ApiError(error.message, status, typeof error.id === 'string' ? error.id : null, body);
  }
  if (status === 502 || status === 503 || status === 504) {
    return new ApiError(`The MoneyTrail server is unavailable (HTTP ${status}).`, status);
  }
  return new ApiError(`The request failed (HTTP ${status}).`, status);
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
