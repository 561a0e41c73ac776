import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToWebhook, type SweepLog } from './webhook.ts';

describe('postToWebhook', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];
  const warnings: string[] = [];
  const log: SweepLog = { info() {}, error() {}, warn: (_details, message) => warnings.push(message) };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push(body);
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts the text to a receiver on a trusted private host', async () => {
    const url = `http://127.0.0.1:${port}/hooks/abc`;
    expect(
      await postToWebhook(url, 'Your 1:1 is tomorrow', log, { trustedPrivateHosts: ['127.0.0.1'] }),
    ).toBe(true);
    expect(received.at(-1)).toBe(JSON.stringify({ text: 'Your 1:1 is tomorrow' }));
  });

  it('never calls into the private network for a host nobody trusted, by address or by name', async () => {
    const before = received.length;
    for (const url of [`http://127.0.0.1:${port}/hooks/abc`, `http://localhost:${port}/hooks/abc`])
      expect(await postToWebhook(url, 'Your 1:1 is tomorrow', log), url).toBe(false);
    expect(received.length).toBe(before);
    expect(warnings.at(-1)).toMatch(/private network/);
  });
});
