import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { Agent, buildConnector } from 'undici';
import { isPrivateAddress, isPrivateHostName } from './private-network.ts';

/** A connection refused because its host is, or resolved to, a private address nobody trusted. */
export class PrivateNetworkRefusal extends Error {
  readonly host: string;
  constructor(host: string) {
    super(`${host} is in a private network`);
    this.name = 'PrivateNetworkRefusal';
    this.host = host;
  }
}

/** The refusal somewhere in an error's causes (undici's fetch wraps it in `TypeError: fetch failed`). */
export function privateNetworkRefusalIn(error: unknown): PrivateNetworkRefusal | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++)
    if (cause instanceof PrivateNetworkRefusal) return cause;
  return null;
}

/** Resolves a host name to all its addresses; injected by tests to play a rebinding DNS server. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true });

export interface GuardOptions {
  /** Hosts (a name or an IP literal without brackets, as in the URL) that may be private. */
  isTrusted?: (host: string) => boolean;
  resolve?: Resolver;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves the name once and hands the socket only addresses
 * it has checked: the address the connection goes to is the one that was checked, so a DNS answer
 * that changes between a check and the connection (rebinding) cannot reach the private network.
 */
export function checkedLookup({ isTrusted = () => false, resolve = systemResolver }: GuardOptions = {}) {
  return (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: LookupCallback,
  ) => {
    const family =
      options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    resolve(hostname).then(
      (resolved) => {
        const addresses =
          family === 4 || family === 6 ? resolved.filter((a) => a.family === family) : resolved;
        // One private answer refuses the name: a connection might otherwise fall back to it.
        if (!isTrusted(hostname) && resolved.some((entry) => isPrivateAddress(entry.address)))
          return callback(new PrivateNetworkRefusal(hostname), []);
        const first = addresses[0];
        if (!first)
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (options.all === true) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, []),
    );
  };
}

/**
 * An undici dispatcher whose every connection is refused when its host is a private IP literal
 * or `localhost` (Node connects to a literal without a lookup), or resolves to a private address
 * (checked inside the one lookup that connection makes), unless `isTrusted` says otherwise. The URL
 * keeps its host name, so the Host header and the TLS server name (SNI, certificate check) are
 * the original ones. Each redirect a caller follows is a new connection, checked the same way.
 */
export function guardedAgent(options: GuardOptions = {}): Agent {
  const isTrusted = options.isTrusted ?? (() => false);
  const connector = buildConnector({ lookup: checkedLookup(options) } as buildConnector.BuildOptions);
  return new Agent({
    connect: (target, callback) => {
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!isTrusted(host) && isPrivateHostName(host)) {
        callback(new PrivateNetworkRefusal(host), null);
        return;
      }
      connector(target, callback);
    },
  });
}

const byTrustedList = new Map<string, Agent>();

/**
 * The shared guarded dispatcher for one allow-list of private hosts (an operator's setting, so
 * there are few): its pooled connections were all made to checked addresses of hosts this list
 * treats alike, so sharing them between callers with the same list is safe.
 */
export function guardedAgentFor(trustedHosts: readonly string[]): Agent {
  const key = [...trustedHosts].sort().join(',');
  let agent = byTrustedList.get(key);
  if (!agent) {
    const trusted = new Set(trustedHosts);
    agent = guardedAgent({ isTrusted: (host) => trusted.has(host) });
    byTrustedList.set(key, agent);
  }
  return agent;
}
