import Fastify from 'fastify';
import { freePort } from '../test/e2e/harness.ts';
import { createTestApp, ownerWithOrganization } from '../test/support/test-app.ts';
import { generateOrgChartCsv } from './people-import.ts';
import { type BenchFigure, load, printFigures } from './support.ts';

/**
 * Throughput of an authenticated directory read (a page of 20 people, with managers and report
 * counts) against a bare Fastify JSON route, both measured here, on loopback, 10 connections.
 */
export async function runApiReadBench(options: {
  quick: boolean;
  kind: 'embedded' | 'postgres';
}): Promise<BenchFigure[]> {
  const seconds = options.quick ? 3 : 10;
  const connections = 10;

  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok', items: [1, 2, 3] }));
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  const bareFigures = await load(`http://127.0.0.1:${barePort}/bare`, { seconds, connections });
  await bare.close();

  const t = await createTestApp(options.kind);
  try {
    const owner = await ownerWithOrganization(t.app);
    await owner.client.post(`/api/orgs/${owner.org.slug}/people/import`, { csv: generateOrgChartCsv(500) });
    const token = (await owner.client.post('/api/tokens', { name: 'bench' })).json().token as string;
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    const read = await load(`http://127.0.0.1:${port}/api/orgs/${owner.org.slug}/people?limit=20&q=person`, {
      seconds,
      connections,
      headers: { authorization: `Bearer ${token}` },
    });
    return [
      { name: 'bare Fastify JSON route', value: bareFigures.rps, unit: 'req/s' },
      {
        name: `authenticated directory page read (${options.kind})`,
        value: read.rps,
        unit: 'req/s',
        baseline: { name: 'bare route', value: bareFigures.rps },
        ratio: read.rps / bareFigures.rps,
      },
      { name: `  its p99 latency (${options.kind}), errors ${read.errors}`, value: read.p99, unit: 'ms' },
    ];
  } finally {
    await t.close();
  }
}

if (import.meta.main) {
  printFigures(
    'API reads',
    await runApiReadBench({ quick: process.argv.includes('--quick'), kind: 'embedded' }),
  );
}
