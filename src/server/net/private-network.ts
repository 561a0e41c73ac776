import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// The server calls addresses that members name (calendar feeds, chat webhooks), so it must not
// become their way into the private network it runs in: loopback, private, link-local (cloud
// metadata), shared and multicast ranges are refused unless an operator trusts the host.
const privateRanges = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const)
  privateRanges.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(address, prefix, 'ipv6');

/** Whether an IP address is loopback, private, link-local, shared or multicast (a name is not). */
export function isPrivateAddress(address: string): boolean {
  // BlockList matches IPv4 against IPv6 rules as mapped addresses, so a mapped address is checked as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether a URL's host is named as a private one before any lookup: `localhost` or a private IP
 * literal (Node connects to a literal without calling `lookup`, so `privateLookup` never sees it).
 */
export function isPrivateHostName(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses a name resolving to a private address, checked at
 * connect time so a name cannot be pointed inside after it was checked. `refusal` makes the error.
 */
export function privateNetworkGuard(refusal: () => Error) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.some((entry) => isPrivateAddress(entry.address))) return callback(refusal(), []);
      const first = addresses[0];
      if ((options as { all?: boolean }).all === true) return callback(null, addresses);
      if (!first) return callback(new Error(`${hostname} has no address`), []);
      return callback(null, first.address, first.family);
    });
  };
}
