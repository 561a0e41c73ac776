import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCalendarFeed } from './fetch-calendar-feed.ts';

describe('fetchCalendarFeed', () => {
  let server: Server;
  let base: string;
  const trusted = { trustedHttpHosts: ['127.0.0.1'] };

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') {
        setTimeout(() => response.end('BEGIN:VCALENDAR'), 2_000);
      } else if (request.url === '/large') {
        response.writeHead(200);
        response.end('X'.repeat(5_000));
      } else if (request.url === '/inside') {
        response.writeHead(302, { location: base.replace('http://127.0.0.1', 'https://localhost') });
        response.end();
      } else if (request.url === '/loop') {
        response.writeHead(302, { location: '/loop' });
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        response.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('reads a feed from a trusted host', async () => {
    expect(await fetchCalendarFeed(`${base}/calendar.ics`, trusted)).toContain('BEGIN:VCALENDAR');
  });

  it('gives up on a feed that does not answer in time', async () => {
    await expect(fetchCalendarFeed(`${base}/slow`, { ...trusted, timeoutMs: 200 })).rejects.toThrow(
      /did not answer within 200 ms/,
    );
  });

  it('stops reading a feed larger than the limit', async () => {
    await expect(fetchCalendarFeed(`${base}/large`, { ...trusted, maxBytes: 1_000 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('stops after three redirects', async () => {
    await expect(fetchCalendarFeed(`${base}/loop`, trusted)).rejects.toThrow(/redirects too many times/);
  });

  it('refuses a redirect from a trusted host into the private network', async () => {
    await expect(fetchCalendarFeed(`${base}/inside`, trusted)).rejects.toThrow(/private network/);
  });

  it('refuses the same host when it is not trusted: plain http, then a private address', async () => {
    await expect(fetchCalendarFeed(`${base}/calendar.ics`, { trustedHttpHosts: [] })).rejects.toThrow(
      /https/,
    );
    await expect(
      fetchCalendarFeed(base.replace('http:', 'https:'), { trustedHttpHosts: [] }),
    ).rejects.toThrow(/private network/);
  });
});
