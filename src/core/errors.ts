/**
 * The one error type of Tandem. Services and core functions throw it with a code from the fixed
 * list below; the server maps each code to an HTTP status in one table (src/server/errors.ts), and
 * the web client and the CLI branch on the code, never on the message.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'INVALID_TRANSCRIPT',
  'INVALID_CSV',
  'INVALID_CALENDAR',
  'INVALID_SSO_CONFIG',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_EXISTS',
  'GONE',
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'DATABASE_BUSY',
  'SERVER_BUSY',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A field that was wrong, named by its path in the input (`email`, `rows.4.manager_email`). */
export interface InvalidField {
  path: string;
  message: string;
  /** 1-based line in an uploaded file, when the input was a file. */
  line?: number;
  /** Column name in an uploaded CSV file. */
  column?: string;
}

export interface AppErrorOptions {
  fields?: InvalidField[];
  cause?: unknown;
  /** Extra machine-readable facts for the client (e.g. `retryAfterSeconds`). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: InvalidField[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
