/** Who a presence belongs to: a browser without a member token, a signed-in member, or a crawler. */
export type VisitorKind = 'guest' | 'member' | 'bot';

/** A site's random salts, as hex: the day's, and the day before's while it is still kept. */
export interface DailySaltValues {
  current: string;
  previous: string | undefined;
}

/**
 * One `POST /v1/hit` or `POST /v1/ping`, after identification: ids are keyed hashes (or a
 * member id), never a raw IP or user agent.
 */
export interface Visit {
  site: string;
  nowMs: number;
  /** How long a presence stays online. */
  windowMs: number;
  /**
   * The day's salt the ids were made with. A shared store checks it is still the day's. A
   * day is a calendar day of the service's time zone (`timeZone`), `2026-11-26`.
   */
  salt: { day: string; value: string };
  /**
   * When `salt.day` ends (the next day's first millisecond): a store that expires what it
   * keeps keeps the day's dedupe keys until then, and its salt a day longer.
   */
  dayEndMs: number;
  kind: VisitorKind;
  id: string;
  /** A member's display name, listed by `online()`. */
  name?: string | undefined;
  /**
   * The same visitor's earlier ids (under yesterday's salt, or as a guest before signing in): no longer online.
   * A guest's `ipKey` (its `guestCap.ipKey`) says whose guests it no longer counts among.
   */
  supersedes: readonly { kind: VisitorKind; id: string; ipKey?: string | undefined }[];
  /**
   * Guests only: the keyed hash of their IP, how many guests one IP may be within the window
   * (`max`), and how many distinct guests its views count for in a day (`maxPerDay`): the views
   * of further new guests that day count under `view.cappedKey`, so an IP cannot make up
   * readers by changing its user agent once the window has passed.
   */
  guestCap?: { ipKey: string; max: number; maxPerDay: number } | undefined;
  /** A page view, counted once per `key` (visitor and path) and `day`. */
  view?: VisitView | undefined;
}

/** A page view, and the limits on the paths it may add. */
export interface VisitView {
  path: string;
  /** Counted once per key (visitor and path) and `day`. */
  key: string;
  day: string;
  /**
   * A member's view: the key the same browser (its IP and user agent) has as a guest that
   * day. When that key has counted, the view is remembered under `key` but does not count:
   * signing in reads no page anew. The guest key itself is not remembered with the member's,
   * which would tie the two together in the store.
   */
  guestKey?: string | undefined;
  /**
   * A guest's view while their IP has `guestCap.max` other guests online, or had
   * `guestCap.maxPerDay` other guests that day: the key it counts under instead (the IP's, and
   * the path), so the readers beyond the caps count once per IP, path and day.
   */
  cappedKey?: string | undefined;
  /** The most paths the site counts views of: a view of a further path counts in the total only. */
  maxPaths?: number | undefined;
  /**
   * Who adds the path if it is new (an IP's key, or a member) and how many new paths each may
   * add on `day`; a view of a further new path counts nowhere, whether or not the site is at
   * `maxPaths` (a new path of a full site still takes one of its adder's).
   */
  newPaths?: { by: string; max: number } | undefined;
}

/**
 * `recorded`; `paths-full` when recorded, but the view was of a new path beyond
 * `view.maxPaths` (counted in the total only); `too-many-guests` when the IP already has
 * `guestCap.max` other guests online (no presence is recorded; the view counts under
 * `view.cappedKey`); `stale-salt` when a shared store holds another salt for the day
 * (nothing is recorded: identify again with fresh salts).
 */
export type VisitOutcome = 'recorded' | 'paths-full' | 'too-many-guests' | 'stale-salt';

export interface OnlineCounts {
  guests: number;
  members: number;
  bots: number;
  /** Display names of the members online who sent one, most recently seen first. */
  memberNames: string[];
}

/** Exact counts: the site-wide total, and one path's views when asked. */
export interface ViewCounts {
  total: bigint;
  views?: bigint | undefined;
}

/** Existing totals to add, from the CMS a site moves from. */
export interface TotalsImport {
  /** Added to the site-wide total; without it, the sum of `paths` is. */
  total?: bigint | undefined;
  /** Added to each path's views. */
  paths?: ReadonlyMap<string, bigint> | undefined;
}

/** Where presences, view counts and salts live: the embedded SQLite store, or Redis. */
export interface StatsStore {
  /**
   * The day's salt (made on first use, shared by every instance) and the previous day's;
   * older ones are deleted. `dayEndMs`: when `day` ends, as `Visit.dayEndMs`.
   */
  salts(site: string, day: string, nowMs: number, dayEndMs: number): Promise<DailySaltValues>;
  record(visit: Visit): Promise<VisitOutcome>;
  /** Who was seen within `windowMs` before `nowMs`, with up to `maxNames` member names. */
  online(site: string, nowMs: number, windowMs: number, maxNames: number): Promise<OnlineCounts>;
  /** The counts, with the views it holds unwritten (`heldViews`): a store that cannot write still answers reads. */
  views(site: string, path?: string): Promise<ViewCounts>;
  /**
   * How many views the store holds in memory because it cannot write them (the embedded
   * store on a full disk), counted or not: the counted ones (`heldViews`), and dedupe
   * markers, views that add to no count but are remembered so their reader is not counted
   * again (a member reading a page their browser read as a guest). 0 while it writes. A store
   * that never holds writes need not have it. `GET /v1/health` fails while it is above 0
   * (with a store that has only `heldViews`, while that is).
   */
  heldWrites?(): number;
  /** Of the views held (`heldWrites`), how many add to the counts; 0 while the store writes. */
  heldViews?(): number;
  importTotals(site: string, totals: TotalsImport): Promise<void>;
  /**
   * Makes everything durable and releases the store. It is released even when something
   * cannot be made durable (the disk full); it then rejects, saying what was lost.
   */
  close(): Promise<void>;
}

/** The largest count either store holds: a signed 64-bit integer, as SQLite and Redis keep them. */
export const MAX_COUNT = 2n ** 63n - 1n;

/** Why `importTotals` refused an import: it would take the site's total, or a path's views, past `MAX_COUNT`. */
export function importOverflowError(site: string, path?: string): Error {
  const count = path === undefined ? `site "${site}"'s total` : `the views of "${path}" on site "${site}"`;
  return new Error(`the import would take ${count} past the largest count kept, ${MAX_COUNT}; nothing was imported`);
}

/**
 * What a store holds unwritten, for messages: `300 views`, `2 views and 1 dedupe marker`,
 * `1 dedupe marker`. `writes`: every view held (`heldWrites`); `counted`: those that count.
 */
export function describeHeldWrites(writes: number, counted: number): string {
  const markers = writes - counted;
  const parts = [];
  if (counted > 0 || markers === 0) parts.push(`${counted} ${counted === 1 ? 'view' : 'views'}`);
  if (markers > 0) parts.push(`${markers} ${markers === 1 ? 'dedupe marker' : 'dedupe markers'}`);
  return parts.join(' and ');
}
