import type { ErrorCode } from '../../core/errors.ts';

export interface ApiFieldError {
  path: string;
  message: string;
  line?: number;
  column?: string;
}

/** An error answer of the API, read from its problem+json body. Branch on `code`, never on text. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly title: string;
  readonly detail: string;
  readonly fields: ApiFieldError[];
  readonly requestId: string | null;
  readonly extra: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: ErrorCode | 'NETWORK';
    title: string;
    detail: string;
    fields?: ApiFieldError[];
    requestId?: string | null;
    extra?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(init.detail || init.title, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId ?? null;
    this.extra = init.extra ?? {};
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id');
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy or a crash may answer with HTML; the status still tells the story.
  }
  const {
    type: _type,
    title,
    status: _status,
    code,
    detail,
    requestId: bodyRequestId,
    fields,
    ...extra
  } = body;
  return new ApiError({
    status: response.status,
    code: (typeof code === 'string'
      ? code
      : response.status >= 500
        ? 'INTERNAL'
        : 'VALIDATION_FAILED') as ErrorCode,
    title: typeof title === 'string' ? title : response.statusText || 'Request failed',
    detail: typeof detail === 'string' ? detail : `The server answered ${response.status}.`,
    fields: Array.isArray(fields) ? (fields as ApiFieldError[]) : [],
    requestId: typeof bodyRequestId === 'string' ? bodyRequestId : requestId,
    extra,
  });
}

/** Calls the Tandem API with the session cookie and JSON; throws ApiError on any non-2xx answer. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      title: 'Tandem could not be reached',
      detail: 'Check your connection, or whether the Tandem server is running, and try again.',
      cause,
    });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }
  return (await response.json()) as T;
}

/** A sentence for people, for an error of any kind. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
