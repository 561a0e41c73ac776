/** The cache's share of memory; past it, the oldest pages go first. */
const MAX_BYTES = 16 * 1024 * 1024;
/** Forgets remembered by name (see note() below) before all are dropped at once. */
const MAX_NOTES = 50_000;

interface Entry {
  /** UTF-8 already: encoding the text again for every answer was a quarter of a cached read's time. */
  json: Buffer;
  organizationId: string;
  meetingId: string;
  personId: string | null;
  pair: string;
  until: number;
}

export interface PageKey {
  organizationId: string;
  meetingId: string;
  /** The viewer: their own private note and role are on the page, so each viewer has their own copy. */
  userId: string;
  personId: string | null;
}

/** What changed, as a meeting event says it (see events/event-bus.ts). */
export interface PageChange {
  meetingId: string;
  kind: string;
  byPersonId: string | null;
}

/**
 * The meeting page as UTF-8 JSON, per meeting and viewer, for a few seconds. A meeting page is read
 * far more often than it changes (both participants' open tabs, every reload, every live update),
 * and building it costs four queries. A change to a 1:1 drops every page of its pair, because a
 * page shows more than its own meeting: the next steps still open from the pair's earlier 1:1s,
 * and the previous and next 1:1.
 *
 * - A participant's change (agenda, notes, status, next steps, the 1:1 moved or closed) is a
 *   meeting event: the server that made it drops the pages before it answers, and every other
 *   server when the event reaches it (forget). A private note drops its author's page of that 1:1
 *   only: the other participant's page did not change, and rebuilding it would tell them, by its
 *   timing, that a note was written.
 * - Any other write in an organization drops that organization's pages on every server
 *   (forgetOrganization, announced by app.ts); a signed-in write outside any organization drops
 *   every page here (forgetAll); a server that lost its event stream for a while drops every
 *   page when it listens again.
 * - Whatever is left is gone after the TTL.
 */
export function createMeetingPageCache(options: {
  /** How long a page is served, at most (app.ts decides: TANDEM_PAGE_CACHE_SECONDS); 0 keeps none. */
  ttlMs: number;
  maxBytes?: number;
}) {
  const ttlMs = options.ttlMs;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const entries = new Map<string, Entry>();
  const keysOfPair = new Map<string, Set<string>>();
  const keysOfMeeting = new Map<string, Set<string>>();
  // Every pair a cached page has filed a meeting under (its own, previous and next 1:1), so an
  // event about an earlier 1:1 (a step closed there) finds the later pages that carry that step
  // over. A set: a series handed to another leader files the same meeting under a new pair.
  const pairsOfMeeting = new Map<string, Set<string>>();
  let bytes = 0;
  // Every forget is a new generation. A page built from reads that began before a forget that
  // concerns it may hold what the change replaced, so it is not kept (see remember).
  let generation = 0;
  let allForgottenAt = 0;
  const forgottenAt = new Map<string, number>();

  const keyOf = (key: PageKey) => `${key.meetingId}|${key.userId}|${key.personId ?? ''}`;
  const viewerOf = (meetingId: string, personId: string | null) => `viewer:${meetingId}|${personId ?? ''}`;
  const add = (index: Map<string, Set<string>>, name: string, value: string) => {
    const values = index.get(name) ?? new Set<string>();
    index.set(name, values);
    values.add(value);
  };
  const remove = (index: Map<string, Set<string>>, name: string, value: string) => {
    const values = index.get(name);
    values?.delete(value);
    if (values?.size === 0) index.delete(name);
  };

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.json.length;
    remove(keysOfPair, entry.pair, key);
    remove(keysOfMeeting, entry.meetingId, key);
  }

  // Each forget of a pair, meeting or viewer is noted until the next forgetAll; on a server where
  // nothing else forgets everything, this bounds the notes (a forgetAll is always safe).
  function note(name: string) {
    if (forgottenAt.size >= MAX_NOTES) forgetAll();
    forgottenAt.set(name, ++generation);
  }

  function forgetPair(pair: string) {
    note(`pair:${pair}`);
    for (const key of keysOfPair.get(pair) ?? []) drop(key);
  }

  function forgetAll() {
    allForgottenAt = ++generation;
    forgottenAt.clear();
    entries.clear();
    keysOfPair.clear();
    keysOfMeeting.clear();
    pairsOfMeeting.clear();
    bytes = 0;
  }

  /** Every page of one organization: a change there that is not a participant's (a rename, a role). */
  function forgetOrganization(organizationId: string) {
    note(`org:${organizationId}`);
    for (const [key, entry] of entries) if (entry.organizationId === organizationId) drop(key);
  }

  /** Every page of the pairs this 1:1 belongs to; a 1:1 no page here names may feed one, so all go. */
  function forgetMeeting(meetingId: string) {
    const pairs = pairsOfMeeting.get(meetingId);
    if (!pairs) return forgetAll();
    note(`meeting:${meetingId}`);
    for (const key of keysOfMeeting.get(meetingId) ?? []) drop(key);
    for (const pair of pairs) forgetPair(pair);
  }

  return {
    find(key: PageKey, now = Date.now()): Buffer | null {
      const id = keyOf(key);
      const entry = entries.get(id);
      if (!entry) return null;
      if (entry.until <= now || entry.organizationId !== key.organizationId) {
        drop(id);
        return null;
      }
      return entry.json;
    },

    /** Taken before the page's first read; remember() needs it. */
    ticket: () => generation,

    /**
     * Keeps a page whose reads began at `ticket`, unless a forget that concerns it (everything,
     * its pair, its meeting, its viewer's copy) came since: then a change landed while it was being
     * built, and it may not show it.
     */
    remember(
      key: PageKey,
      ticket: number,
      page: { json: Buffer; pair: string; meetingIds: Array<string | null> },
      now = Date.now(),
    ) {
      if (ttlMs <= 0 || page.json.length > maxBytes / 8) return;
      const isStale =
        allForgottenAt > ticket ||
        (forgottenAt.get(`org:${key.organizationId}`) ?? 0) > ticket ||
        (forgottenAt.get(`pair:${page.pair}`) ?? 0) > ticket ||
        (forgottenAt.get(`meeting:${key.meetingId}`) ?? 0) > ticket ||
        (forgottenAt.get(viewerOf(key.meetingId, key.personId)) ?? 0) > ticket;
      if (isStale) return;
      const id = keyOf(key);
      drop(id);
      while (bytes + page.json.length > maxBytes && entries.size > 0) {
        // The oldest entry first: a Map keeps insertion order.
        drop(entries.keys().next().value!);
      }
      entries.set(id, {
        json: page.json,
        organizationId: key.organizationId,
        meetingId: key.meetingId,
        personId: key.personId,
        pair: page.pair,
        until: now + ttlMs,
      });
      bytes += page.json.length;
      add(keysOfPair, page.pair, id);
      add(keysOfMeeting, key.meetingId, id);
      for (const meetingId of page.meetingIds) if (meetingId) add(pairsOfMeeting, meetingId, page.pair);
      // Meetings named by pages long gone; dropping the index only makes later events forget more.
      if (pairsOfMeeting.size > 4 * entries.size + 10_000) pairsOfMeeting.clear();
    },

    /** A change to a 1:1, made here or heard from another server. */
    forget(change: PageChange) {
      if (change.kind !== 'private-note' || !change.byPersonId) return forgetMeeting(change.meetingId);
      note(viewerOf(change.meetingId, change.byPersonId));
      for (const key of keysOfMeeting.get(change.meetingId) ?? [])
        if (entries.get(key)?.personId === change.byPersonId) drop(key);
    },

    forgetOrganization,
    forgetAll,

    size: () => entries.size,
  };
}

export type MeetingPageCache = ReturnType<typeof createMeetingPageCache>;

/** The key of the pair a 1:1 belongs to. */
export const pairOf = (meeting: { leaderId: string; reportId: string }) =>
  `${meeting.leaderId}:${meeting.reportId}`;
