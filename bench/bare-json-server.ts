import Fastify from 'fastify';

// The baseline of the API benchmarks: Fastify with one route answering a small JSON, no logging,
// in a process of its own like the real server. Prints its port once it listens.
const app = Fastify();
app.get('/bare', async () => ({ status: 'ok', items: [1, 2, 3] }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
