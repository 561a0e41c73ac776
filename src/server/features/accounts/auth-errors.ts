import { APIError } from 'better-auth/api';
import { AppError, type ErrorCode } from '../../../core/errors.ts';

const codeByAuthCode: Record<string, ErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'INVALID_CREDENTIALS',
  USER_ALREADY_EXISTS: 'ALREADY_EXISTS',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'ALREADY_EXISTS',
  INVALID_TOKEN: 'GONE',
  TOKEN_EXPIRED: 'GONE',
  PASSWORD_TOO_SHORT: 'VALIDATION_FAILED',
  PASSWORD_TOO_LONG: 'VALIDATION_FAILED',
};

/** Runs a better-auth call and turns its errors into ours, keeping the original as the cause. */
export async function callAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const authCode = String((error.body as { code?: string } | undefined)?.code ?? '');
    const message = String((error.body as { message?: string } | undefined)?.message ?? error.message);
    const mapped =
      codeByAuthCode[authCode] ??
      (error.statusCode === 401
        ? 'UNAUTHENTICATED'
        : error.statusCode === 403
          ? 'FORBIDDEN'
          : 'VALIDATION_FAILED');
    throw new AppError(mapped, message, { cause: error });
  }
}
