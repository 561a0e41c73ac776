/**
 * How long an app server serves a meeting page it already built, by default
 * (TANDEM_PAGE_CACHE_SECONDS). A change a participant makes drops the pair's pages at once on
 * every server (see below); this bound is for everything else that shows on the page and is
 * changed through another server (a person renamed, a template edited, a series moved), the same
 * few seconds the session cache trusts a cookie.
 */
export const MEETING_PAGE_TTL_MS = 5_000;
/** The cache's share of memory; past it, the oldest pages go first. */
const MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  /** UTF-8 already: encoding the text again for every answer was a quarter of a cached read's time. */
  json: Buffer;
  organizationId: string;
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

/**
 * The meeting page as UTF-8 JSON, per meeting and viewer, for a few seconds. A meeting page is read far
 * more often than it changes (both participants' open tabs, every reload, every live update), and
 * building it costs four queries. Invalidation is by pair, because a page shows more than its own
 * meeting: the next steps still open from the pair's earlier 1:1s, and the previous and next 1:1.
 *
 * - A participant's change (agenda, notes, status, next steps, the 1:1 moved or closed, a private
 *   note) is a meeting event: the server that made it drops the pair's pages before it answers,
 *   and every other server when the event reaches it (forgetMeeting).
 * - Any other write through this server drops every page here (forgetAll), and a server that
 *   lost its event stream for a while drops every page when it listens again.
 * - Whatever is left is gone after MEETING_PAGE_TTL_MS.
 */
export function createMeetingPageCache(options: { ttlMs?: number; maxBytes?: number } = {}) {
  const ttlMs = options.ttlMs ?? MEETING_PAGE_TTL_MS;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const entries = new Map<string, Entry>();
  // Which pair a meeting belongs to, for every meeting a cached page names, so an event about an
  // earlier 1:1 (a step closed there) finds the later pages that carry that step over.
  const pairOfMeeting = new Map<string, string>();
  const keysOfPair = new Map<string, Set<string>>();
  let bytes = 0;
  // Every forget is a new generation. A page built from reads that began before a forget of its
  // pair may hold what the change replaced, so it is not kept (see remember).
  let generation = 0;
  let allForgottenAt = 0;
  const pairForgottenAt = new Map<string, number>();

  const keyOf = (key: PageKey) => `${key.meetingId}|${key.userId}|${key.personId ?? ''}`;

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.json.length;
    const keys = keysOfPair.get(entry.pair);
    keys?.delete(key);
    if (keys?.size === 0) keysOfPair.delete(entry.pair);
  }

  function forgetPair(pair: string) {
    pairForgottenAt.set(pair, ++generation);
    for (const key of keysOfPair.get(pair) ?? []) drop(key);
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
     * Keeps a page whose reads began at `ticket`, unless its pair (or everything) was forgotten
     * since: then a change landed while it was being built, and it may not show it.
     */
    remember(
      key: PageKey,
      ticket: number,
      page: { json: Buffer; pair: string; meetingIds: Array<string | null> },
      now = Date.now(),
    ) {
      if (ttlMs <= 0) return;
      if (allForgottenAt > ticket || (pairForgottenAt.get(page.pair) ?? 0) > ticket) return;
      if (page.json.length > maxBytes / 8) return;
      const id = keyOf(key);
      drop(id);
      while (bytes + page.json.length > maxBytes && entries.size > 0) {
        // The oldest entry first: a Map keeps insertion order.
        drop(entries.keys().next().value!);
      }
      entries.set(id, {
        json: page.json,
        organizationId: key.organizationId,
        pair: page.pair,
        until: now + ttlMs,
      });
      bytes += page.json.length;
      const keys = keysOfPair.get(page.pair) ?? new Set<string>();
      keysOfPair.set(page.pair, keys);
      keys.add(id);
      for (const meetingId of page.meetingIds) if (meetingId) pairOfMeeting.set(meetingId, page.pair);
      if (pairOfMeeting.size > 4 * entries.size + 10_000) pairOfMeeting.clear();
    },

    /** A change to one 1:1: its pair's pages go; a 1:1 no page here names may feed one, so all go. */
    forgetMeeting(meetingId: string) {
      const pair = pairOfMeeting.get(meetingId);
      if (pair) forgetPair(pair);
      else this.forgetAll();
    },

    forgetAll() {
      allForgottenAt = ++generation;
      pairForgottenAt.clear();
      entries.clear();
      keysOfPair.clear();
      pairOfMeeting.clear();
      bytes = 0;
    },

    size: () => entries.size,
  };
}

export type MeetingPageCache = ReturnType<typeof createMeetingPageCache>;

/** The key of the pair a 1:1 belongs to. */
export const pairOf = (meeting: { leaderId: string; reportId: string }) =>
  `${meeting.leaderId}:${meeting.reportId}`;
