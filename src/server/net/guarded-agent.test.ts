import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { fetch, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkedLookup,
  guardedAgent,
  PrivateNetworkRefusal,
  privateNetworkRefusalIn,
  type Resolver,
} from './guarded-agent.ts';

const PUBLIC: LookupAddress = { address: '93.184.216.34', family: 4 };
const LOOPBACK: LookupAddress = { address: '127.0.0.1', family: 4 };

/** A DNS server that answers each name from a script, one answer per question, and counts them. */
function scriptedResolver(...answers: LookupAddress[][]): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const answer = answers[Math.min(asked.length - 1, answers.length - 1)];
    return answer ?? [];
  };
  return Object.assign(resolve, { asked });
}

describe('the guarded agent', () => {
  let server: Server;
  let port: number;
  const hits: { url: string; host: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push({ url: req.url ?? '', host: req.headers.host });
      if (req.url === '/bounce') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/inside` });
        res.end();
        return;
      }
      res.end('inside');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('refuses at connect time a name that answers public to a check and private to the connection', async () => {
    const resolve = scriptedResolver([PUBLIC], [LOOPBACK]);
    // The check a caller might do first (what the SSO fetch used to do) passes...
    const checked = await new Promise<string>((done, fail) =>
      checkedLookup({ resolve })('rebind.example', {}, (error, address) =>
        error ? fail(error) : done(address as string),
      ),
    );
    expect(checked).toBe(PUBLIC.address);
    // ...and the DNS server now points the name inside: the connection's own lookup sees that.
    const before = hits.length;
    const agent = guardedAgent({ resolve });
    const error = await fetch(`http://rebind.example:${port}/inside`, { dispatcher: agent }).catch((e) => e);
    expect(privateNetworkRefusalIn(error)).toBeInstanceOf(PrivateNetworkRefusal);
    expect(privateNetworkRefusalIn(error)?.host).toBe('rebind.example');
    expect(hits.length).toBe(before);
    expect(resolve.asked).toEqual(['rebind.example', 'rebind.example']);
    await agent.close();
  });

  it('refuses a name the system resolves to a private address, and passes a trusted one', async () => {
    const ask = (isTrusted: (host: string) => boolean) =>
      new Promise<Error | null>((done) => checkedLookup({ isTrusted })('localhost', { all: true }, done));
    expect(await ask(() => false)).toBeInstanceOf(PrivateNetworkRefusal);
    expect(await ask((host) => host === 'localhost')).toBeNull();
  });

  it('refuses a name whose answer mixes a public and a private address', async () => {
    const agent = guardedAgent({ resolve: scriptedResolver([PUBLIC, LOOPBACK]) });
    const before = hits.length;
    const error = await request(`http://mixed.example:${port}/inside`, { dispatcher: agent }).catch((e) => e);
    expect(error).toBeInstanceOf(PrivateNetworkRefusal);
    expect(hits.length).toBe(before);
    await agent.close();
  });

  it('refuses private IP literals and localhost, which Node connects to without a lookup', async () => {
    const resolve = scriptedResolver([LOOPBACK]);
    const agent = guardedAgent({ resolve });
    const before = hits.length;
    for (const url of [`http://127.0.0.1:${port}/`, `http://[::1]:${port}/`, `http://localhost:${port}/`]) {
      const error = await request(url, { dispatcher: agent }).catch((e) => e);
      expect(error, url).toBeInstanceOf(PrivateNetworkRefusal);
    }
    expect(hits.length).toBe(before);
    expect(resolve.asked).toEqual([]);
    await agent.close();
  });

  it('connects a trusted host to the address its one lookup answered, keeping its name in the Host header', async () => {
    const resolve = scriptedResolver([LOOPBACK], [PUBLIC]);
    const agent = guardedAgent({ resolve, isTrusted: (host) => host === 'chat.internal' });
    const response = await request(`http://chat.internal:${port}/hello`, { dispatcher: agent });
    expect(await response.body.text()).toBe('inside');
    expect(hits.at(-1)).toEqual({ url: '/hello', host: `chat.internal:${port}` });
    // One resolution for the connection, and it is the one that was used.
    expect(resolve.asked).toEqual(['chat.internal']);
    await agent.close();
  });

  it('refuses a redirect into the private network even when the first host was trusted', async () => {
    const agent = guardedAgent({
      resolve: scriptedResolver([LOOPBACK]),
      isTrusted: (host) => host === 'feed.internal',
    });
    const before = hits.length;
    const error = await fetch(`http://feed.internal:${port}/bounce`, { dispatcher: agent }).catch((e) => e);
    expect(privateNetworkRefusalIn(error)?.host).toBe('127.0.0.1');
    expect(hits.slice(before).map((hit) => hit.url)).toEqual(['/bounce']);
    await agent.close();
  });

  it('sends the original host name as the TLS server name', async () => {
    const names: string[] = [];
    const tlsServer = createTlsServer({
      SNICallback: (name, done) => {
        names.push(name);
        done(new Error('no certificate here'), undefined);
      },
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const tlsPort = (tlsServer.address() as AddressInfo).port;
    const agent = guardedAgent({
      resolve: scriptedResolver([LOOPBACK]),
      isTrusted: (host) => host === 'idp.internal',
    });
    await request(`https://idp.internal:${tlsPort}/`, { dispatcher: agent }).catch(() => undefined);
    expect(names).toEqual(['idp.internal']);
    await agent.close();
    await new Promise((resolve) => tlsServer.close(resolve));
  });
});
