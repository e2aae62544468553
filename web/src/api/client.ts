/**
 * The one request core of the API client. The functions that call it are generated from
 * api/openapi.yaml, one per operationId, in `./generated/<tag>.ts` (scripts/generate-client.mjs,
 * `npm run generate:api`); their parameter and answer types come from `schema.d.ts`. `request`
 * - sends cookies (same origin), `Accept-Language` with the UI language and, on POST/PUT/PATCH/DELETE,
 *   the `X-CSRF-Token` from the session;
 * - turns every failure (non-2xx, bad JSON, no network) into an `ApiError`;
 * - tells `onUnauthenticated` listeners about a 401 outside /api/v1/session, whatever the mode.
 */
import { currentLanguage, translate } from '../i18n/i18n';
import type { ApiPath, ErrorBody } from './types';

/** A failed API call: HTTP status (0 when the server could not be reached), code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** The whole parsed error body, for answers that carry more than `error` (an import report). */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from the session response; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a request outside /session gets 401: the session ended (expired or logged out). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined;

/** The parts of one call, as a generated function hands them over. */
export interface CallParts {
  /** The values of the `{name}`s in the path template. */
  path?: Record<string, string | number>;
  /** The query; parameters that are undefined, null or empty are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON, or as is when it is an `Upload`. */
  body?: unknown;
}

/** What a caller may add to every call. */
export interface CallInit {
  signal?: AbortSignal;
}

/** A body sent as is with its own Content-Type (a CSV or XML file), instead of as JSON. */
export class Upload<Type extends string = string> {
  readonly content: Blob | string;
  readonly type: Type;

  constructor(content: Blob | string, type: Type) {
    this.content = content;
    this.type = type;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): fall back to a generic message below.
  }
  const error = apiErrorFromBody(response.status, body);
  if (error) return error;
  const language = currentLanguage();
  const message =
    response.status >= 500
      ? translate(language, 'errors.server', { status: response.status })
      : translate(language, 'errors.unexpected', { status: response.status });
  return new ApiError(response.status, `http_${response.status}`, message);
}

/**
 * The address of a path of the spec with its `{name}`s filled in (encoded) and the query added
 * (leaving out parameters that are undefined, null or empty). The generated functions of
 * operations the browser fetches itself (downloads, images, an EventSource) return it.
 */
export function link(template: ApiPath, path: CallParts['path'] = {}, query: CallParts['query'] = {}): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path[name];
    if (value === undefined) throw new Error(`link: no value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/**
 * Sends one request to the API. Resolves with the parsed JSON body (undefined for 204), or, when
 * `init.accept` names another media type (a stream), with the Response itself once it is 2xx.
 */
export async function request<T>(
  method: Method,
  template: ApiPath,
  parts: CallParts = {},
  init: CallInit & { accept?: string } = {},
): Promise<T> {
  const url = link(template, parts.path, parts.query);
  const { body } = parts;
  const headers: Record<string, string> = {
    Accept: init.accept ?? 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (body instanceof Upload) headers['Content-Type'] = body.type;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body instanceof Upload ? body.content : body !== undefined ? JSON.stringify(body) : undefined,
      signal: init.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', translate(currentLanguage(), 'errors.network'));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // A 401 from /api/v1/session itself (a wrong password, no session yet) ends no session.
    if (error.status === 401 && !url.startsWith('/api/v1/session')) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }
  if (init.accept !== undefined) return response as T;
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(
      response.status,
      'invalid_response',
      translate(currentLanguage(), 'errors.invalidResponse'),
    );
  }
}

/** The ApiError of an `{error: {code, message, fields}}` body that came some other way (a stream event). */
export function apiErrorFromBody(status: number, body: unknown): ApiError | null {
  if (!isErrorBody(body)) return null;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(body.error.fields ?? {})) {
    if (typeof message === 'string') fields[name] = message;
  }
  return new ApiError(status, body.error.code, body.error.message, fields, body);
}
