import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, describeError } from './client.ts';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api', () => {
  it('sends JSON with the session cookie and returns the parsed answer', async () => {
    const fetchMock = vi.fn(async () => answer(201, { id: 'o1' }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('POST', '/api/orgs', { body: { name: 'Acme' } })).resolves.toEqual({ id: 'o1' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/orgs');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"Acme"}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('leaves empty query values out of the address', async () => {
    const fetchMock = vi.fn(async () => answer(200, { items: [], total: 0 }));
    vi.stubGlobal('fetch', fetchMock);
    await api('GET', '/api/orgs/acme/people', {
      query: { q: '', limit: 25, offset: 0, managerId: undefined },
    });
    expect((fetchMock.mock.calls[0] as unknown[])[0]).toBe('/api/orgs/acme/people?limit=25&offset=0');
  });

  it('returns null for an answer without content', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api('DELETE', '/api/tokens/t1')).resolves.toBeNull();
  });

  it('turns a problem+json answer into an ApiError with its code, detail and fields', async () => {
    const problem = {
      type: 'https://tandem.dev/problems/invalid-csv',
      title: 'The CSV file could not be imported',
      status: 422,
      code: 'INVALID_CSV',
      detail: 'The file was not imported: 1 problem to fix.',
      requestId: 'req-1',
      fields: [{ path: 'csv.email', line: 2, column: 'email', message: 'is not an email address' }],
      retryAfterSeconds: 30,
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(422, problem)),
    );
    const error = await api('POST', '/api/orgs/acme/people/import', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('INVALID_CSV');
    expect(apiError.status).toBe(422);
    expect(apiError.fields[0]).toEqual(problem.fields[0]);
    expect(apiError.requestId).toBe('req-1');
    expect(apiError.extra.retryAfterSeconds).toBe(30);
    expect(describeError(apiError)).toBe('The file was not imported: 1 problem to fix.');
  });

  it('names a network failure so the page can say the server is unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = (await api('GET', '/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('still gives a status-based error when a proxy answers with HTML', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })),
    );
    const error = (await api('GET', '/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('INTERNAL');
    expect(error.detail).toContain('502');
  });
});
