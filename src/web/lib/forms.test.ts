import { describe, expect, it } from 'vitest';
import { SignUpInput } from '../../contracts/accounts.ts';
import { ApiError } from '../api/client.ts';
import { showFieldErrors, zodValidate } from './forms.ts';

describe('zodValidate', () => {
  it('puts each broken rule of a contract next to its field, as a sentence', () => {
    const errors = zodValidate(SignUpInput)({ name: '', email: 'nope', password: 'short' });
    expect(errors).toEqual({
      name: 'Is required',
      email: 'Must be an email address',
      password: 'Must be at least 10 characters',
    });
  });

  it('finds nothing to say about valid values', () => {
    expect(
      zodValidate(SignUpInput)({ name: 'Ada', email: 'ada@example.com', password: 'long enough now' }),
    ).toEqual({});
  });
});

describe('showFieldErrors', () => {
  const problem = new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'The request is not valid',
    detail: 'email: must be an email address',
    fields: [
      { path: 'body.email', message: 'must be an email address' },
      { path: 'body.unknownThing', message: 'is not allowed' },
    ],
  });

  it('shows the server’s field errors beside the matching inputs and ignores the others', () => {
    const placed: Record<string, string> = {};
    const form = {
      setFieldError: (path: string, message: string) => {
        placed[path] = message;
      },
    };
    expect(showFieldErrors(form, problem, ['email', 'password'])).toBe(true);
    expect(placed).toEqual({ email: 'Must be an email address' });
  });

  it('maps a server field name to a differently named input', () => {
    const placed: Record<string, string> = {};
    const form = {
      setFieldError: (path: string, message: string) => {
        placed[path] = message;
      },
    };
    showFieldErrors(form, problem, ['newEmail'], { email: 'newEmail' });
    expect(placed).toEqual({ newEmail: 'Must be an email address' });
  });

  it('reports that nothing was placed for errors without fields', () => {
    const form = { setFieldError: () => undefined };
    expect(showFieldErrors(form, new Error('offline'), ['email'])).toBe(false);
  });
});
