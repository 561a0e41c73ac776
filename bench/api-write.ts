import Fastify from 'fastify';
import { freePort } from '../test/e2e/harness.ts';
import { createTestApp, ownerWithOrganization } from '../test/support/test-app.ts';
import { generateOrgChartCsv } from './people-import.ts';
import { type BenchFigure, load, printFigures } from './support.ts';

/**
 * Throughput of an authenticated write (adding a topic to a 1:1's shared agenda: validation,
 * membership, the insert and the live update to the meeting's listeners) against a bare Fastify
 * route that parses the same JSON body and answers 201, both measured here, on loopback, 10
 * connections.
 */
export async function runApiWriteBench(options: {
  quick: boolean;
  kind: 'embedded' | 'postgres';
}): Promise<BenchFigure[]> {
  const seconds = options.quick ? 3 : 10;
  const connections = 10;
  const body = { title: 'How the carrier rollout is going' };

  const bare = Fastify();
  let created = 0;
  bare.post('/bare', async (request, reply) => {
    const { title } = request.body as { title: string };
    return reply.status(201).send({ id: ++created, title });
  });
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  const bareFigures = await load(`http://127.0.0.1:${barePort}/bare`, { seconds, connections, body });
  await bare.close();

  const t = await createTestApp(options.kind);
  try {
    const owner = await ownerWithOrganization(t.app);
    const slug = owner.org.slug;
    await owner.client.post(`/api/orgs/${slug}/people/import`, { csv: generateOrgChartCsv(20) });
    const reportId = (await owner.client.get(`/api/orgs/${slug}/people?q=person1@`)).json().items[0].id;
    const meeting = await owner.client.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: reportId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (meeting.statusCode !== 201)
      throw new Error(`meeting answered ${meeting.statusCode}: ${meeting.body}`);
    const token = (await owner.client.post('/api/tokens', { name: 'bench' })).json().token as string;
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    const write = await load(
      `http://127.0.0.1:${port}/api/orgs/${slug}/meetings/${meeting.json().id}/agenda`,
      {
        seconds,
        connections,
        headers: { authorization: `Bearer ${token}` },
        body,
      },
    );
    return [
      {
        name: 'bare Fastify JSON POST route',
        value: bareFigures.rps,
        unit: 'req/s',
      },
      {
        name: `agenda topic added, authenticated (${options.kind})`,
        value: write.rps,
        unit: 'req/s',
        baseline: { name: 'bare POST route', value: bareFigures.rps },
        ratio: write.rps / bareFigures.rps,
      },
      { name: `  its p99 latency (${options.kind}), errors ${write.errors}`, value: write.p99, unit: 'ms' },
    ];
  } finally {
    await t.close();
  }
}

if (import.meta.main) {
  const quick = process.argv.includes('--quick');
  printFigures('API writes', await runApiWriteBench({ quick, kind: 'embedded' }));
  process.exit(0);
}
