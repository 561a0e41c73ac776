import { AppError } from '../errors.ts';

/** An INVALID_TRANSCRIPT error pointing at the uploaded file, and at a 1-based line when one is to blame. */
export function transcriptError(message: string, line?: number, cause?: unknown): AppError {
  const field = line === undefined ? { path: 'file', message } : { path: 'file', line, message };
  return new AppError('INVALID_TRANSCRIPT', line === undefined ? message : `Line ${line}: ${message}`, {
    fields: [field],
    cause,
  });
}
