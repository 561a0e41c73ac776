import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPrivateHostName } from './private-network.ts';

describe('the private-network guard', () => {
  it('tells private addresses from public ones, IPv6-mapped IPv4 included', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::127.0.0.1',
      '198.18.0.1',
      '192.0.0.8',
      'fec0::1',
      // NAT64 and 6to4 addresses that carry a private IPv4 address.
      '64:ff9b::10.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:c0a8:0101::1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of [
      '8.8.8.8',
      '2606:4700:4700::1111',
      'calendar.google.com',
      '64:ff9b::8.8.8.8',
      '2002:0808:0808::1',
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('knows localhost and bracketed IPv6 literals as private names', () => {
    for (const host of ['localhost', 'app.localhost', '[::1]', '10.0.0.5'])
      expect(isPrivateHostName(host), host).toBe(true);
    expect(isPrivateHostName('hooks.slack.com')).toBe(false);
  });
});
