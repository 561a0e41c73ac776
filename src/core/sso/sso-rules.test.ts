import { describe, expect, it } from 'vitest';
import {
  emailDomainOf,
  isEmailInDomain,
  isLoopbackHost,
  issuerProblem,
  safeReturnPath,
} from './sso-rules.ts';

describe('safeReturnPath', () => {
  it('keeps a path inside Tandem with its query and fragment', () => {
    expect(safeReturnPath('/o/acme/meetings?week=2#next')).toBe('/o/acme/meetings?week=2#next');
    expect(safeReturnPath('/o/acme/./people/../meetings')).toBe('/o/acme/meetings');
  });

  it('sends anything that could leave Tandem to the start page', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/\tevil',
      'javascript:alert(1)',
      '/.//evil.example',
      '/x/..//evil.example',
      '/%2e%2e//evil.example',
      '/%2E%2E//evil.example/x?y=1',
      '/./\\evil.example',
      '/x/../\\evil.example',
      'o/acme',
      '',
      undefined,
      42,
    ]) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });
});

describe('email domains', () => {
  it('reads the domain of an address in lower case', () => {
    expect(emailDomainOf('Ana@Acme.COM')).toBe('acme.com');
    expect(emailDomainOf('not-an-address')).toBeNull();
  });

  it('accepts only the configured domain, not a subdomain or a look-alike', () => {
    expect(isEmailInDomain('ana@acme.com', 'acme.com')).toBe(true);
    expect(isEmailInDomain('ana@eu.acme.com', 'acme.com')).toBe(false);
    expect(isEmailInDomain('ana@notacme.com', 'acme.com')).toBe(false);
  });
});

describe('issuer URLs', () => {
  it('accepts https anywhere and plain http only on this machine', () => {
    expect(issuerProblem('https://login.example.com/tenant')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000')).toBeNull();
    expect(issuerProblem('http://localhost:4000')).toBeNull();
    expect(issuerProblem('http://[::1]:4000')).toBeNull();
    expect(issuerProblem('http://login.example.com')).toMatch(/https/);
    expect(issuerProblem('ftp://login.example.com')).toMatch(/https/);
    expect(issuerProblem('login.example.com')).toMatch(/absolute URL/);
  });

  it('knows the loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.2')).toBe(true);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });
});
