import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.ts';

const ana = { userId: 'u1', email: 'ana@example.com', name: 'Ana', via: 'session' as const };
const ben = { userId: 'u2', email: 'ben@example.com', name: 'Ben', via: 'session' as const };
const farFuture = new Date('2100-01-01T00:00:00Z');

describe('the session cache', () => {
  it('recognises a cookie for a few seconds, then asks again', () => {
    const cache = createSessionCache(5_000);
    cache.remember('cookie-a', ana, farFuture, cache.sessionTicket(), 1_000);
    expect(cache.find('cookie-a', 5_999)).toEqual(ana);
    expect(cache.find('cookie-a', 6_000)).toBeNull();
    expect(cache.find('cookie-other', 1_000)).toBeNull();
  });

  it('never outlives the session it remembers', () => {
    const cache = createSessionCache(5_000);
    cache.remember('cookie-a', ana, new Date(2_000), cache.sessionTicket(), 1_000);
    expect(cache.find('cookie-a', 2_000)).toBeNull();
  });

  it('forgets every cookie of a user who signed out, and keeps the others', () => {
    const cache = createSessionCache(5_000);
    cache.remember('cookie-a', ana, farFuture, cache.sessionTicket(), 0);
    cache.remember('cookie-a2', ana, farFuture, cache.sessionTicket(), 0);
    cache.remember('cookie-b', ben, farFuture, cache.sessionTicket(), 0);
    cache.forgetUser('u1');
    expect(cache.find('cookie-a', 1)).toBeNull();
    expect(cache.find('cookie-a2', 1)).toBeNull();
    expect(cache.find('cookie-b', 1)).toEqual(ben);
    cache.forgetAll();
    expect(cache.find('cookie-b', 1)).toBeNull();
  });

  it('remembers a membership with its cookie, and not one read before a change to memberships', () => {
    const cache = createSessionCache(5_000);
    const member = {
      organizationId: 'o1',
      slug: 'acme',
      name: 'Acme',
      role: 'admin' as const,
      personId: 'p1',
    };
    const now = Date.now();
    cache.remember('cookie-a', ana, farFuture, cache.sessionTicket(), now);
    cache.rememberMembership('cookie-a', 'acme', member, cache.membershipTicket());
    expect(cache.findMembership('cookie-a', 'acme', now)).toEqual(member);
    expect(cache.findMembership('cookie-a', 'other', now)).toBeNull();
    // A removal lands while a request was reading the old membership: that read is not kept.
    const ticket = cache.membershipTicket();
    cache.forgetMemberships();
    expect(cache.findMembership('cookie-a', 'acme', now)).toBeNull();
    cache.rememberMembership('cookie-a', 'acme', member, ticket);
    expect(cache.findMembership('cookie-a', 'acme', now)).toBeNull();
  });

  it('does not remember a session checked before a sign-out or a forget-everything landed', () => {
    const cache = createSessionCache(60_000);
    const beforeSignOut = cache.sessionTicket();
    cache.forgetUser('u1');
    cache.remember('cookie-a', ana, farFuture, beforeSignOut, 0);
    expect(cache.find('cookie-a', 1)).toBeNull();
    const beforeWideChange = cache.sessionTicket();
    cache.forgetAll();
    cache.remember('cookie-a', ana, farFuture, beforeWideChange, 0);
    expect(cache.find('cookie-a', 1)).toBeNull();
    cache.remember('cookie-a', ana, farFuture, cache.sessionTicket(), 0);
    expect(cache.find('cookie-a', 1)).toEqual(ana);
  });
});
