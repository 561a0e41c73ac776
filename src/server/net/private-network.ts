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
 * literal (Node connects to a literal without calling `lookup`, so `checkedLookup` never sees it).
 */
export function isPrivateHostName(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}
