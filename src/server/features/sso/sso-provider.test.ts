import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guardedFetch,
  PrivateProviderHostError,
  privateHostRefusalIn,
  providerConfiguration,
} from './sso-provider.ts';

describe('requests to an SSO provider', () => {
  let server: Server;
  let base: string;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      if (request.url === '/.well-known/openid-configuration') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            issuer: base,
            authorization_endpoint: `${base}/auth`,
            token_endpoint: `${base}/token`,
            jwks_uri: `${base}/jwks`,
            response_types_supported: ['code'],
          }),
        );
        return;
      }
      response.writeHead(404);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('never connect into the private network for a public issuer', async () => {
    const before = hits;
    const fetchFor = guardedFetch(new URL('https://idp.example.com'));
    for (const url of [`${base}/.well-known/openid-configuration`, base.replace('127.0.0.1', 'localhost')]) {
      const error = await fetchFor(url, { method: 'GET', headers: {} } as never).catch((e) => e);
      expect(privateHostRefusalIn(error), url).toBeInstanceOf(PrivateProviderHostError);
    }
    expect(hits).toBe(before);
  });

  it('discover a local trial issuer on this machine through the guarded fetch', async () => {
    const config = await providerConfiguration({ issuer: base, clientId: 'tandem', clientSecret: 'secret' });
    expect(config.serverMetadata().token_endpoint).toBe(`${base}/token`);
  });

  it('refuse a local trial endpoint elsewhere in the private network', async () => {
    const error = await guardedFetch(new URL(base))('http://10.255.255.1/token', {
      method: 'GET',
      headers: {},
    } as never).catch((e) => e);
    expect(privateHostRefusalIn(error)?.message).toBe('10.255.255.1 is in a private network');
  });
});
