import net from 'node:net';

/**
 * A TCP relay to PostgreSQL whose connections can be made to go silent: their packets are dropped
 * from then on, in both directions, and neither end is told (no reset, no close), as when a
 * firewall forgets an idle connection or the network between two hosts is cut. Connections opened
 * afterwards pass normally. It can also cut its connections outright and turn new ones away, as a
 * PostgreSQL that restarts does.
 */
export interface SilentNetwork {
  url: string;
  silenceOpenConnections(): void;
  cutOpenConnections(): void;
  turnAwayNewConnections(isTurningAway: boolean): void;
  /** Packets (reads) that clients sent through the relay so far. */
  clientPackets(): number;
  close(): Promise<void>;
}

export async function relayTo(databaseUrl: string): Promise<SilentNetwork> {
  const target = new URL(databaseUrl);
  const open = new Set<{ isSilent: boolean; destroy(): void }>();
  let isTurningAway = false;
  let clientPackets = 0;
  const server = net.createServer((inbound) => {
    if (isTurningAway) return inbound.destroy();
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    const connection = {
      isSilent: false,
      destroy() {
        inbound.destroy();
        outbound.destroy();
        open.delete(connection);
      },
    };
    open.add(connection);
    inbound.on('data', (chunk) => {
      clientPackets++;
      if (!connection.isSilent) outbound.write(chunk);
    });
    outbound.on('data', (chunk) => {
      if (!connection.isSilent) inbound.write(chunk);
    });
    for (const socket of [inbound, outbound]) {
      socket.on('error', () => connection.destroy());
      socket.on('close', () => connection.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(databaseUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String((server.address() as net.AddressInfo).port);
  return {
    url: relayed.toString(),
    silenceOpenConnections() {
      for (const connection of open) connection.isSilent = true;
    },
    cutOpenConnections() {
      for (const connection of open) connection.destroy();
    },
    turnAwayNewConnections(isOn) {
      isTurningAway = isOn;
    },
    clientPackets: () => clientPackets,
    async close() {
      for (const connection of open) connection.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
