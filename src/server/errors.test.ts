import { describe, expect, it } from 'vitest';
import { normalizeError } from './errors.ts';

/** How node-postgres, Drizzle and the sign-in library hand us a database failure. */
function wrapped(cause: Error): Error {
  const query = new Error('Failed query: select 1 from "session" where "token" = $1\nparams: secret-token', {
    cause,
  });
  return new Error('Failed to get session', { cause: query });
}

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('errors met while the database is down', () => {
  it('answers 503 for a refused connection however deeply it is wrapped', () => {
    expect(
      normalizeError(wrapped(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).code,
    ).toBe('DATABASE_UNAVAILABLE');
  });

  it('answers 503 when PostgreSQL is shutting down or a connection is broken', () => {
    for (const code of ['57P01', '57P03', '08006', '08001'])
      expect(normalizeError(wrapped(withCode('terminating connection', code))).code, code).toBe(
        'DATABASE_UNAVAILABLE',
      );
  });

  it('answers 503 when node-postgres loses the connection without a code', () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ])
      expect(normalizeError(wrapped(new Error(message))).code, message).toBe('DATABASE_UNAVAILABLE');
  });

  it('answers 503 for an AggregateError of refused addresses', () => {
    const refused = new AggregateError(
      [withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')],
      'connect',
    );
    expect(normalizeError(refused).code).toBe('DATABASE_UNAVAILABLE');
  });

  it('still answers 500 for a query that is wrong', () => {
    expect(normalizeError(wrapped(withCode('relation "x" does not exist', '42P01'))).code).toBe('INTERNAL');
  });

  it('answers 409 for a unique index met through the wrappers', () => {
    expect(normalizeError(wrapped(withCode('duplicate key value', '23505'))).code).toBe('ALREADY_EXISTS');
  });
});
