import { connect } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTurnstile, installAdmission } from './admission.ts';
import { sendProblem } from './errors.ts';

describe('createTurnstile', () => {
  it('lets in up to its capacity and then one at a time, in arrival order', async () => {
    const turnstile = createTurnstile(2);
    const entered: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) void turnstile.enter().then(() => entered.push(name));
    await Promise.resolve();
    expect(entered).toEqual(['a', 'b']);
    expect(turnstile.waiting()).toBe(2);
    turnstile.leave();
    await Promise.resolve();
    expect(entered).toEqual(['a', 'b', 'c']);
    turnstile.leave();
    turnstile.leave();
    turnstile.leave();
    await Promise.resolve();
    expect(entered).toEqual(['a', 'b', 'c', 'd']);
    expect(turnstile.inside()).toBe(0);
  });
});

describe('installAdmission', () => {
  /** An app whose /api/held requests wait until the test lets them go. */
  async function appWith(concurrency: number, maxWaiting: number) {
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
    installAdmission(app, { concurrency, maxWaiting });
    let working = 0;
    let mostAtOnce = 0;
    let arrived = 0;
    const gates: Array<() => void> = [];
    app.get('/api/held', async () => {
      working += 1;
      arrived += 1;
      mostAtOnce = Math.max(mostAtOnce, working);
      await new Promise<void>((resolve) => gates.push(resolve));
      working -= 1;
      return { ok: true };
    });
    app.post('/api/echo', async (request) => request.body);
    app.get('/api/health', async () => ({ status: 'ok' }));
    app.get('/api/stream', { config: { isLongLived: true } }, async () => ({ open: true }));
    await app.ready();
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const releaseAll = async (count: number) => {
      for (let released = 0; released < count; released++) {
        await until(() => gates.length > 0);
        gates.shift()!();
      }
    };
    return { app, mostAtOnce: () => mostAtOnce, arrived: () => arrived, releaseAll, until };
  }

  it('answers every request while working on no more than its limit at once', async () => {
    const { app, mostAtOnce, releaseAll } = await appWith(2, 100);
    const answers = Promise.all(Array.from({ length: 12 }, () => app.inject('/api/held')));
    await releaseAll(12);
    expect((await answers).map((answer) => answer.statusCode)).toEqual(Array(12).fill(200));
    expect(mostAtOnce()).toBe(2);
    await app.close();
  });

  it('answers 503 with Retry-After when too many wait, and never holds up the health check or a stream', async () => {
    const { app, arrived, releaseAll, until } = await appWith(1, 2);
    const busy = Array.from({ length: 3 }, () => app.inject('/api/held'));
    await until(() => arrived() === 1);
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    expect((await app.inject('/api/stream')).statusCode).toBe(200);
    const refused = await app.inject('/api/held');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json()).toMatchObject({ code: 'SERVER_BUSY' });
    await releaseAll(3);
    expect((await Promise.all(busy)).map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    await app.close();
  });

  it('gives no place to a request whose body is still on its way', async () => {
    const { app } = await appWith(1, 10);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    // A client that sends half a body and then nothing.
    const slow = connect(port, '127.0.0.1');
    await new Promise((resolve) => slow.once('connect', resolve));
    slow.write(
      'POST /api/echo HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n{"a":',
    );
    const answer = await fetch(`http://127.0.0.1:${port}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ b: 1 }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ b: 1 });
    slow.destroy();
    await app.close();
  });
});
