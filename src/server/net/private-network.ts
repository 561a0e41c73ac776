import { BlockList, isIP } from 'node:net';

// The server calls addresses that members name (calendar feeds, chat webhooks, SSO providers), so
// it must not become their way into the private network it runs in: loopback, private, link-local
// (cloud metadata), shared and multicast ranges are refused unless an operator trusts the host.
// The refusal is made at connect time by `guardedAgent` (guarded-agent.ts).
const privateRanges = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['192.0.0.0', 24],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  privateRanges.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(address, prefix, 'ipv6');

// IPv6 addresses that carry an IPv4 address a gateway will reach: NAT64 (64:ff9b::/96, the
// address in the last 32 bits; DNS64 answers so for every IPv4-only host, so the range itself
// cannot be refused) and 6to4 (2002::/16, the address in bits 16 to 48).
const nat64 = new BlockList();
nat64.addSubnet('64:ff9b::', 96, 'ipv6');
const sixToFour = new BlockList();
sixToFour.addSubnet('2002::', 16, 'ipv6');

/** Whether an IP address is loopback, private, link-local, shared or multicast (a name is not). */
export function isPrivateAddress(address: string): boolean {
  // BlockList matches IPv4 against IPv6 rules as mapped addresses, so a mapped address is checked as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return privateRanges.check(address, 'ipv4');
  if (privateRanges.check(address, 'ipv6')) return true;
  if (nat64.check(address, 'ipv6')) return isPrivateAddress(ipv4In(address, 6));
  if (sixToFour.check(address, 'ipv6')) return isPrivateAddress(ipv4In(address, 1));
  return false;
}

/** The IPv4 address in the two 16-bit groups of an IPv6 address that start at `group`. */
function ipv4In(address: string, group: number): string {
  const groups = expandIpv6(address);
  const high = groups[group]!;
  const low = groups[group + 1]!;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of a valid IPv6 address ("::" and a dotted IPv4 tail written out). */
function expandIpv6(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? `${address.slice(0, dotted.index)}${((+dotted[1]! << 8) | +dotted[2]!).toString(16)}:${((+dotted[3]! << 8) | +dotted[4]!).toString(16)}`
    : address;
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const first = parse(head);
  const last = tail === undefined ? [] : parse(tail);
  return [...first, ...new Array(8 - first.length - last.length).fill(0), ...last];
}

/**
 * Whether a URL's host is named as a private one before any lookup: `localhost` or a private IP
 * literal (Node connects to a literal without calling `lookup`, so `checkedLookup` never sees it).
 */
export function isPrivateHostName(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}
