import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type InvalidField, isAppError } from '../core/errors.ts';

/** The one table from error codes to HTTP statuses. */
export const httpStatusByCode: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  INVALID_TRANSCRIPT: 422,
  INVALID_CSV: 422,
  INVALID_CALENDAR: 422,
  INVALID_SSO_CONFIG: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DATABASE_BUSY: 503,
  SERVER_BUSY: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const titles: Readonly<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  INVALID_TRANSCRIPT: 'The transcript could not be read',
  INVALID_CSV: 'The CSV file could not be imported',
  INVALID_CALENDAR: 'The calendar could not be read',
  INVALID_SSO_CONFIG: 'The single sign-on settings cannot be used',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  UNAUTHENTICATED: 'Sign in first',
  INVALID_CREDENTIALS: 'Wrong email or password',
  FORBIDDEN: 'Not allowed',
  CSRF_REJECTED: 'Cross-site request refused',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  ALREADY_EXISTS: 'Already exists',
  GONE: 'No longer available',
  RATE_LIMITED: 'Too many attempts',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  DATABASE_BUSY: 'The database is busy',
  SERVER_BUSY: 'The server is busy',
  DATABASE_UNAVAILABLE: 'The database is unavailable',
  INTERNAL: 'Something went wrong on our side',
};

/** RFC 9457 problem details, as every error response of the API is shaped. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId: string;
  fields?: InvalidField[];
  [extra: string]: unknown;
}

export function toProblem(error: AppError, requestId: string): Problem {
  const status = httpStatusByCode[error.code];
  return {
    type: `https://tandem.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[error.code],
    status,
    code: error.code,
    detail: error.message,
    requestId,
    ...(error.fields.length > 0 ? { fields: error.fields } : {}),
    ...error.details,
  };
}

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/** Turns whatever was thrown into an AppError, keeping the original as its cause. */
export function normalizeError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => {
      const where = (error.validationContext ?? 'body') as string;
      const pointer = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      // An unknown field is reported on its parent object; name the field itself.
      const unknownKeys = /^Unrecognized keys?: (.+)$/
        .exec(issue.message ?? '')?.[1]
        ?.replaceAll('"', '')
        .split(', ');
      const path = unknownKeys?.length ? `${pointer ? `${pointer}.` : ''}${unknownKeys.join(',')}` : pointer;
      return { path: path ? `${where}.${path}` : where, message: issue.message ?? 'is not valid' };
    });
    return new AppError('VALIDATION_FAILED', `The ${error.validationContext ?? 'request'} is not valid.`, {
      fields,
      cause: error,
    });
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code && fastifyCodeMap[fastifyError.code]) {
    const code = fastifyCodeMap[fastifyError.code]!;
    const message =
      code === 'VALIDATION_FAILED'
        ? `The body is not valid JSON: ${fastifyError.message}`
        : (fastifyError.message ?? '');
    return new AppError(code, message, {
      cause: error,
      fields: code === 'VALIDATION_FAILED' ? [{ path: 'body', message }] : [],
    });
  }
  // Two app servers racing past the same check meet at a unique index: the second is told it exists.
  if (causesOf(error).some((cause) => cause.code === '23505')) {
    return new AppError('ALREADY_EXISTS', 'This already exists; it was created a moment ago.', {
      cause: error,
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'DATABASE_UNAVAILABLE',
      'The database cannot be reached right now; try again shortly.',
      {
        cause: error,
      },
    );
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new AppError(
      fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
      fastifyError.message ?? 'Bad request',
      {
        cause: error,
      },
    );
  }
  return new AppError('INTERNAL', 'An unexpected error occurred. It has been logged with the request id.', {
    cause: error,
  });
}

interface Cause {
  code?: unknown;
  message?: unknown;
}

/**
 * The error and what it wraps: a database error reaches us wrapped once by Drizzle and again by
 * the sign-in library, and a refused connection to a host with several addresses is an
 * AggregateError of one error per address.
 */
function causesOf(error: unknown): Cause[] {
  const causes: Cause[] = [];
  let current = error as (Cause & { cause?: unknown; errors?: unknown }) | undefined;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    causes.push(current);
    if (Array.isArray(current.errors)) causes.push(...(current.errors as Cause[]));
    current = current.cause as typeof current;
  }
  return causes;
}

// Refused or broken connections, PostgreSQL shutting down or starting (57P0x), connection exceptions (08xxx).
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
// node-postgres reports a connection lost mid-query or a pool that cannot connect in time without a code.
const unavailableMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

function isDatabaseUnavailable(error: unknown): boolean {
  return causesOf(error).some(
    ({ code, message }) =>
      (typeof code === 'string' && (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) ||
      (typeof message === 'string' && unavailableMessages.test(message)),
  );
}

/** The innermost message (e.g. `connect ECONNREFUSED 127.0.0.1:5432`): never the query or its parameters. */
function rootMessageOf(error: unknown): string {
  const causes = causesOf(error);
  const message = causes[causes.length - 1]?.message;
  return typeof message === 'string' ? message : 'unknown';
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, thrown: unknown) {
  const error = normalizeError(thrown);
  const problem = toProblem(error, String(request.id));
  // While the database is down every request fails the same way; the failed query's parameters
  // (a session token, say) stay out of the log.
  if (error.code === 'DATABASE_UNAVAILABLE')
    request.log.warn({ code: error.code, reason: rootMessageOf(thrown) }, error.message);
  else if (problem.status >= 500) request.log.error({ err: thrown, code: error.code }, error.message);
  if (typeof error.details.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
