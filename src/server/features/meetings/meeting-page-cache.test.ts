import { describe, expect, it } from 'vitest';
import { createMeetingPageCache, type PageKey } from './meeting-page-cache.ts';

const ana: PageKey = { organizationId: 'org-1', meetingId: 'm-2', userId: 'u-ana', personId: 'p-ana' };
const ben: PageKey = { ...ana, userId: 'u-ben', personId: 'p-ben' };
const page = (
  text: string,
  meetingIds: Array<string | null> = ['m-2', 'm-1', 'm-3'],
  pair = 'lead:report',
) => ({
  json: Buffer.from(JSON.stringify({ text })),
  pair,
  meetingIds,
});
const read = (found: Buffer | null) => (found ? JSON.parse(found.toString()).text : null);
const change = (meetingId: string, kind = 'agenda', byPersonId: string | null = 'p-ben') => ({
  meetingId,
  kind,
  byPersonId,
});

describe('the meeting page cache', () => {
  it('gives each viewer their own copy, in their own organization only', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember(ana, cache.ticket(), page('ana’s page, with her private note'));
    expect(read(cache.find(ana))).toBe('ana’s page, with her private note');
    expect(cache.find(ben)).toBeNull();
    expect(cache.find({ ...ana, personId: 'p-other' })).toBeNull();
    expect(cache.find({ ...ana, organizationId: 'org-2' })).toBeNull();
  });

  it('forgets one organization’s pages on its change, keeps the others’, and keeps none built meanwhile', () => {
    const cache = createMeetingPageCache({ ttlMs: 60_000 });
    const elsewhere = { ...ana, organizationId: 'org-2', meetingId: 'm-7' };
    cache.remember(ana, cache.ticket(), page('before the rename'));
    cache.remember(elsewhere, cache.ticket(), page('another company', ['m-7'], 'x:y'));
    const ticket = cache.ticket();
    cache.forgetOrganization('org-1');
    expect(cache.find(ana)).toBeNull();
    expect(read(cache.find(elsewhere))).toBe('another company');
    // Read before the rename landed: it may show the old name.
    cache.remember(ben, ticket, page('built during the rename'));
    expect(cache.find(ben)).toBeNull();
    cache.remember(ben, cache.ticket(), page('after the rename'));
    expect(read(cache.find(ben))).toBe('after the rename');
    // Another organization's page, read at the same time, is not concerned by the rename.
    const alsoElsewhere = { ...elsewhere, userId: 'u-other', personId: 'p-other' };
    cache.remember(alsoElsewhere, ticket, page('another company, another viewer', ['m-7'], 'x:y'));
    expect(read(cache.find(alsoElsewhere))).toBe('another company, another viewer');
  });

  it('forgets the whole pair when any of its 1:1s changes, an earlier one included', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember(ana, cache.ticket(), page('this week'));
    cache.remember(ben, cache.ticket(), page('this week, ben'));
    const otherPair = { ...ana, meetingId: 'm-9' };
    cache.remember(otherPair, cache.ticket(), page('another pair', ['m-9'], 'lead:other'));
    // A step closed on last week's 1:1 (m-1) is carried over on this week's page.
    cache.forget(change('m-1'));
    expect(cache.find(ana)).toBeNull();
    expect(cache.find(ben)).toBeNull();
    expect(read(cache.find(otherPair))).toBe('another pair');
  });

  it('forgets everything for a 1:1 no page here names, since it may feed one', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember(ana, cache.ticket(), page('this week'));
    cache.forget(change('m-unknown'));
    expect(cache.find(ana)).toBeNull();
  });

  it('does not keep a page whose reads began before a change to its pair', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    const ticket = cache.ticket();
    cache.forget(change('m-2')); // the change commits while the page is being built
    cache.remember(ana, ticket, page('built from the old rows'));
    expect(cache.find(ana)).toBeNull();
    cache.remember(ana, cache.ticket(), page('built after the change'));
    expect(read(cache.find(ana))).toBe('built after the change');
  });

  it('keeps a page when only another pair changed meanwhile', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember({ ...ana, meetingId: 'm-9' }, cache.ticket(), page('another pair', ['m-9'], 'lead:other'));
    const ticket = cache.ticket();
    cache.forget(change('m-9'));
    cache.remember(ana, ticket, page('this week'));
    expect(read(cache.find(ana))).toBe('this week');
  });

  it('drops only its author’s page for a private note, so the other participant learns nothing', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember(ana, cache.ticket(), page('ana’s page'));
    cache.remember(ben, cache.ticket(), page('ben’s page'));
    cache.forget(change('m-2', 'private-note', 'p-ben'));
    expect(cache.find(ben)).toBeNull();
    expect(read(cache.find(ana))).toBe('ana’s page');
    // Nor is Ben's page kept if it was being built while he saved the note.
    const ticket = cache.ticket();
    cache.forget(change('m-2', 'private-note', 'p-ben'));
    cache.remember(ben, ticket, page('built before the note was saved'));
    expect(cache.find(ben)).toBeNull();
  });

  it('finds a 1:1 under every pair it was filed under, when its series went to another leader', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember(ana, cache.ticket(), page('under the first leader', ['m-2'], 'lead:report'));
    const bensKey = { ...ben, meetingId: 'm-5' };
    cache.remember(bensKey, cache.ticket(), page('next 1:1, new leader', ['m-5', 'm-2'], 'new-lead:report'));
    cache.forget(change('m-2'));
    expect(cache.find(ana)).toBeNull();
    expect(cache.find(bensKey)).toBeNull();
    // A page of that 1:1 being built meanwhile, under its new pair, is not kept either.
    const ticket = cache.ticket();
    cache.remember(bensKey, cache.ticket(), page('again', ['m-5', 'm-2'], 'new-lead:report'));
    cache.forget(change('m-2'));
    cache.remember(ana, ticket, page('built before the change', ['m-2'], 'yet-another:report'));
    expect(cache.find(ana)).toBeNull();
  });

  it('lets a page go after its few seconds', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000 });
    cache.remember(ana, cache.ticket(), page('this week'), 1_000);
    expect(read(cache.find(ana, 5_999))).toBe('this week');
    expect(cache.find(ana, 6_000)).toBeNull();
  });

  it('stays within its memory, dropping the oldest pages first', () => {
    const cache = createMeetingPageCache({ ttlMs: 5_000, maxBytes: 1_000 });
    const big = (n: number) => ({ ...page('x'.repeat(100), [`m-${n}`], `pair-${n}`) });
    for (let n = 0; n < 20; n++) cache.remember({ ...ana, meetingId: `m-${n}` }, cache.ticket(), big(n));
    expect(cache.size()).toBeLessThan(20);
    expect(cache.find({ ...ana, meetingId: 'm-0' })).toBeNull();
    expect(cache.find({ ...ana, meetingId: 'm-19' })).not.toBeNull();
  });
});
