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
  async function appWith(concurrency: number, maxWaiting: number) {
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
    installAdmission(app, { concurrency, maxWaiting });
    let working = 0;
    let mostAtOnce = 0;
    app.get('/api/slow', async () => {
      working += 1;
      mostAtOnce = Math.max(mostAtOnce, working);
      await new Promise((resolve) => setTimeout(resolve, 20));
      working -= 1;
      return { ok: true };
    });
    app.get('/api/health', async () => ({ status: 'ok' }));
    await app.ready();
    return { app, mostAtOnce: () => mostAtOnce };
  }

  it('answers every request while working on no more than its limit at once', async () => {
    const { app, mostAtOnce } = await appWith(2, 100);
    const answers = await Promise.all(Array.from({ length: 12 }, () => app.inject('/api/slow')));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(12).fill(200));
    expect(mostAtOnce()).toBe(2);
    // Every place was given back: a later request is not left waiting.
    expect((await app.inject('/api/slow')).statusCode).toBe(200);
    await app.close();
  });

  it('answers 503 with Retry-After when too many are waiting, and never holds up the health check', async () => {
    const { app } = await appWith(1, 2);
    const busy = Array.from({ length: 3 }, () => app.inject('/api/slow'));
    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    const refused = await app.inject('/api/slow');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json()).toMatchObject({ code: 'SERVER_BUSY' });
    expect((await Promise.all(busy)).map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    await app.close();
  });
});
