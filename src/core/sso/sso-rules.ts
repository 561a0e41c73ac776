/**
 * The pure rules of signing in through an organization's OpenID Connect provider: where the
 * browser may be sent afterwards, which addresses belong to the organization, and which issuers
 * may be reached without TLS.
 */

const DUMMY_ORIGIN = 'http://tandem.invalid';

/** A path inside Tandem, or `/`: never another host, so a crafted link cannot send people away after signing in. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2_000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters and backslashes make browsers read some paths as another origin.
  if ([...value].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return '/';
  try {
    const parsed = new URL(value, DUMMY_ORIGIN);
    if (parsed.origin !== DUMMY_ORIGIN) return '/';
    // Dot segments collapse (`/.//x`, `/a/..//x`, `/%2e%2e//x`) into a path a browser reads as another host.
    if (parsed.pathname.startsWith('//') || parsed.pathname.startsWith('/\\')) return '/';
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return '/';
  }
}

/** The domain of an address, lower-cased; null when it is not an address. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** Exactly the configured domain: a subdomain or a look-alike suffix is another organization's. */
export function isEmailInDomain(email: string, domain: string): boolean {
  return emailDomainOf(email) === domain.trim().toLowerCase();
}

/** Hosts on this machine, the only ones an issuer may be reached at over plain http (tests, local trials). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Why an issuer URL is not acceptable, or null when it is. */
export function issuerProblem(issuer: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(issuer);
  } catch {
    return 'must be an absolute URL such as https://login.example.com';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return null;
  return 'must use https (plain http only for a provider on this machine: localhost or 127.0.0.1)';
}
