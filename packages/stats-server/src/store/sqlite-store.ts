import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { previousDay } from '../identity/calendar-day.js';
import { MemoryPresence } from './memory-presence.js';
import { RepeatedFailureLog } from './repeated-failure-log.js';
import { ShardedSet } from './sharded-set.js';
import {
  describeHeldWrites,
  importOverflowError,
  MAX_COUNT,
  type DailySaltValues,
  type OnlineCounts,
  type StatsStore,
  type TotalsImport,
  type ViewCounts,
  type Visit,
  type VisitOutcome,
} from './stats-store.js';

export interface SqliteStoreOptions {
  /** The database file, made when missing. `':memory:'` keeps nothing (tests). */
  file: string;
  /**
   * How long new views wait in memory to be committed together: one transaction per batch
   * is several times cheaper than one per view, and a short wait keeps each commit's pause
   * short. A crash of the process loses at most this much. Default 25 ms.
   */
  flushIntervalMs?: number | undefined;
  /**
   * How often the write-ahead log is synced to disk and checkpointed: what a crash of the
   * machine (or a power cut) can take at most. Default 1000 ms.
   */
  checkpointIntervalMs?: number | undefined;
}

// `seen_views` is append-only (rowid order), so recording a view writes to the end of the
// file rather than to a random page of a big index; the day's keys are looked up in memory.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS totals (site TEXT PRIMARY KEY, views INTEGER NOT NULL) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS path_views (
    site TEXT NOT NULL, path TEXT NOT NULL, views INTEGER NOT NULL, PRIMARY KEY (site, path)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS seen_views (site TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS seen_views_by_day ON seen_views (site, day);
  CREATE TABLE IF NOT EXISTS salts (
    site TEXT NOT NULL, day TEXT NOT NULL, salt TEXT NOT NULL, PRIMARY KEY (site, day)
  ) STRICT, WITHOUT ROWID;
`;

// Yesterday's dedupe rows go in slices, so a big site's midnight never stalls requests.
const DELETE_SLICE = 5000;
// A batch this big is committed at once, keeping each commit's pause short.
const MAX_BATCH = 1000;
// Views held while the database refuses writes; beyond this, hits fail (503) rather than eat memory.
const MAX_PENDING = 100_000;

interface PendingView {
  site: string;
  day: string;
  key: string;
  /** Whether it adds to the counts: not a member's view of a page their browser counted as a guest's. */
  counts: boolean;
  /** The path whose views it adds to; none when the view counts in the total only. */
  path: string | undefined;
}

/** A site's views not yet written: what reads add to the file's counts. */
interface UnwrittenCounts {
  total: bigint;
  paths: Map<string, bigint>;
}

/** What a site's paths come to: how many the file holds, and the new ones not yet written. */
interface SitePaths {
  count: number;
  unwritten: Set<string>;
}

/**
 * The embedded store: counts, the day's view-dedupe keys and salts in one SQLite file (WAL
 * mode); presence and the day's dedupe keys also in memory. One instance per file: run
 * several instances on Redis.
 */
export function createSqliteStore({ file, ...options }: SqliteStoreOptions): StatsStore {
  return new SqliteStore(new Database(file), options);
}

/**
 * The embedded store on a connection opened by the caller, who may limit it (`PRAGMA
 * max_page_count` makes SQLite report the disk full): for tests, not exported by the package.
 * Left out of the published types (`stripInternal`), which would otherwise need an
 * integrator to install better-sqlite3's types.
 *
 * @internal
 */
export function createSqliteStoreOn(db: Database.Database, options: Omit<SqliteStoreOptions, 'file'> = {}): StatsStore {
  return new SqliteStore(db, options);
}

class SqliteStore implements StatsStore {
  readonly #db: Database.Database;
  readonly #presence = new MemoryPresence();
  /** Per site: the day whose views are deduped, and the keys of the views counted that day. */
  readonly #seen = new Map<string, { day: string; keys: ShardedSet }>();
  /** Per site: its paths, counted once from the file (again each day, for paths imported meanwhile). */
  readonly #paths = new Map<string, SitePaths>();
  /** Per site: the day, and how many new paths each IP (or member) added that day. */
  readonly #newPaths = new Map<string, { day: string; by: Map<string, number> }>();
  /** Per site: the day, and the guests each IP had that day, up to its `guestCap.maxPerDay`. */
  readonly #guestsOfDay = new Map<string, { day: string; byIp: Map<string, Set<string>> }>();
  readonly #flushIntervalMs: number;
  readonly #checkpointTimer: NodeJS.Timeout;
  readonly #viewWrites = new RepeatedFailureLog('write views to SQLite');
  readonly #checkpoints = new RepeatedFailureLog('checkpoint the SQLite log');
  #flushTimer: NodeJS.Timeout | undefined;
  #pending: PendingView[] = [];
  /**
   * Per site: what `#pending` adds to the counts, which reads add to the file's (a full disk
   * can hold it back for long). A commit writes one update per page, and one per total.
   */
  readonly #unwritten = new Map<string, UnwrittenCounts>();
  readonly #statements;
  readonly #commitViews: (views: readonly PendingView[], counts: ReadonlyMap<string, UnwrittenCounts>) => void;
  readonly #addTotals: (site: string, total: bigint, paths: ReadonlyMap<string, bigint>) => void;
  readonly #makeSalts: (site: string, day: string) => DailySaltValues;

  constructor(
    db: Database.Database,
    { flushIntervalMs = 25, checkpointIntervalMs = 1000 }: Omit<SqliteStoreOptions, 'file'>,
  ) {
    this.#flushIntervalMs = flushIntervalMs;
    this.#db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The import command writes while a server runs.
    db.pragma('busy_timeout = 5000');
    db.defaultSafeIntegers(true);
    db.exec(SCHEMA);

    const statements = {
      insertSeen: db.prepare<[string, string, string]>('INSERT INTO seen_views VALUES (?, ?, ?)'),
      seenKeys: db.prepare<[string, string], string>('SELECT key FROM seen_views WHERE site = ? AND day = ?').pluck(),
      deleteOldSeen: db.prepare<[string, string, number]>(
        'DELETE FROM seen_views WHERE rowid IN (SELECT rowid FROM seen_views WHERE site = ? AND day < ? LIMIT ?)',
      ),
      addToPath: db.prepare<[string, string, bigint]>(
        'INSERT INTO path_views VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET views = views + excluded.views',
      ),
      addToTotal: db.prepare<[string, bigint]>(
        'INSERT INTO totals VALUES (?, ?) ON CONFLICT DO UPDATE SET views = views + excluded.views',
      ),
      total: db.prepare<[string], bigint>('SELECT views FROM totals WHERE site = ?').pluck(),
      pathViews: db
        .prepare<[string, string], bigint>('SELECT views FROM path_views WHERE site = ? AND path = ?')
        .pluck(),
      pathCount: db.prepare<[string], bigint>('SELECT count(*) FROM path_views WHERE site = ?').pluck(),
      insertSalt: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO salts VALUES (?, ?, ?)'),
      salt: db.prepare<[string, string], string>('SELECT salt FROM salts WHERE site = ? AND day = ?').pluck(),
      deleteOldSalts: db.prepare<[string, string]>('DELETE FROM salts WHERE site = ? AND day < ?'),
    };
    this.#statements = statements;

    this.#commitViews = db.transaction(
      (views: readonly PendingView[], counts: ReadonlyMap<string, UnwrittenCounts>) => {
        for (const { site, day, key } of views) statements.insertSeen.run(site, day, key);
        for (const [site, { total, paths }] of counts) {
          for (const [path, views] of paths) statements.addToPath.run(site, path, views);
          statements.addToTotal.run(site, total);
        }
      },
    );
    this.#addTotals = db.transaction((site: string, total: bigint, paths: ReadonlyMap<string, bigint>) => {
      // Checked first: SQLite would make an overflowing sum a REAL, which the STRICT tables
      // refuse with a raw error.
      if ((statements.total.get(site) ?? 0n) + total > MAX_COUNT) throw importOverflowError(site);
      for (const [path, views] of paths) {
        if ((statements.pathViews.get(site, path) ?? 0n) + views > MAX_COUNT) throw importOverflowError(site, path);
      }
      for (const [path, views] of paths) statements.addToPath.run(site, path, views);
      statements.addToTotal.run(site, total);
    });
    this.#makeSalts = db.transaction((site: string, day: string) => {
      const dayBefore = previousDay(day);
      statements.insertSalt.run(site, day, randomBytes(32).toString('hex'));
      statements.deleteOldSalts.run(site, dayBefore);
      const current = statements.salt.get(site, day);
      if (current === undefined) throw new Error(`no salt for ${site} on ${day}`);
      return { current, previous: statements.salt.get(site, dayBefore) };
    });

    this.#checkpointTimer = setInterval(() => {
      this.#checkpoint();
    }, checkpointIntervalMs);
    this.#checkpointTimer.unref();
  }

  salts(site: string, day: string): Promise<DailySaltValues> {
    return settle(() => {
      const salts = this.#makeSalts(site, day);
      // The last views of the day before are written first, so their keys go with the others.
      this.#flushOrRetryLater();
      this.#deleteSeenBefore(site, day);
      // Paths imported since are counted again.
      if (this.#pending.length === 0) this.#paths.delete(site);
      return salts;
    });
  }

  record(visit: Visit): Promise<VisitOutcome> {
    return settle(() => {
      const { view } = visit;
      if (view && this.#pending.length >= MAX_PENDING) {
        throw new Error(`${MAX_PENDING} views are waiting: the database is not taking writes`);
      }
      const online = this.#presence.record(visit);
      let outcome: VisitOutcome = online ? 'recorded' : 'too-many-guests';
      // A guest beyond their IP's caps (online now, or in the day) counts under the IP's key.
      const key = online && this.#admitGuestOfDay(visit) ? view?.key : view?.cappedKey;
      if (view && key !== undefined) {
        const seen = this.#seenOn(visit.site, view.day);
        if (seen.has(key)) return outcome;
        if (online && view.guestKey !== undefined && seen.has(view.guestKey)) {
          // Read by this browser as a guest: signing in is no new view. Remembered for the
          // member's other devices.
          seen.add(key);
          this.#queue({ site: visit.site, day: view.day, key, counts: false, path: undefined });
        } else {
          const counted = this.#admitPath(visit.site, view);
          // A new path past its adder's new paths of the day is a made-up page: it counts
          // nowhere, and is not remembered (once someone adds the page, this view counts).
          if (counted !== 'adder-full') {
            seen.add(key);
            const path = counted === true ? view.path : undefined;
            this.#queue({ site: visit.site, day: view.day, key, counts: true, path });
          }
          if (counted === 'paths-full' && online) outcome = 'paths-full';
        }
      }
      return outcome;
    });
  }

  online(site: string, nowMs: number, windowMs: number, maxNames: number): Promise<OnlineCounts> {
    return settle(() => this.#presence.online(site, nowMs, windowMs, maxNames));
  }

  /** Reads never write: the file's counts, plus the views not written yet (held while the disk is full). */
  views(site: string, path?: string): Promise<ViewCounts> {
    return settle(() => {
      const unwritten = this.#unwritten.get(site);
      const total = (this.#statements.total.get(site) ?? 0n) + (unwritten?.total ?? 0n);
      if (path === undefined) return { total };
      const views = (this.#statements.pathViews.get(site, path) ?? 0n) + (unwritten?.paths.get(path) ?? 0n);
      return { total, views };
    });
  }

  /** Every view held while writes fail: counted ones, and dedupe markers (`counts: false`), whose loss would count a reader twice. */
  heldWrites(): number {
    return this.#viewWrites.failing ? this.#pending.length : 0;
  }

  heldViews(): number {
    return this.#viewWrites.failing ? this.#unwrittenViews() : 0;
  }

  importTotals(site: string, { total, paths = new Map() }: TotalsImport): Promise<void> {
    return settle(() => {
      let sum = 0n;
      for (const views of paths.values()) sum += views;
      this.#addTotals(site, total ?? sum, paths);
    });
  }

  close(): Promise<void> {
    return settle(() => {
      clearInterval(this.#checkpointTimer);
      if (!this.#db.open) return;
      let lost: Error | undefined;
      try {
        this.#flush();
      } catch (error) {
        const writes = this.#pending.length;
        lost = new Error(
          `${this.#describePending()} could not be written to SQLite and ${writes === 1 ? 'is' : 'are'} lost: ` +
            (error as Error).message,
          { cause: error },
        );
        this.#pending = [];
        this.#unwritten.clear();
      }
      try {
        this.#db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // What was committed is in the log, which SQLite replays when the file is next opened.
      }
      // Closed whatever failed: the file is released, and the process can end.
      this.#db.close();
      if (lost) throw lost;
    });
  }

  /** The keys of views already counted on `day`, read from the file on the day's first view (after a restart too). */
  #seenOn(site: string, day: string): ShardedSet {
    let seen = this.#seen.get(site);
    if (seen?.day !== day) {
      seen = { day, keys: new ShardedSet(this.#statements.seenKeys.iterate(site, day)) };
      this.#seen.set(site, seen);
    }
    return seen.keys;
  }

  /**
   * Whether a guest is one of the first `guestCap.maxPerDay` distinct guests of their IP that
   * day (and, if new, makes one more); anyone else is.
   */
  #admitGuestOfDay({ site, id, salt, guestCap }: Visit): boolean {
    if (!guestCap) return true;
    let guests = this.#guestsOfDay.get(site);
    if (guests?.day !== salt.day) this.#guestsOfDay.set(site, (guests = { day: salt.day, byIp: new Map() }));
    let ofIp = guests.byIp.get(guestCap.ipKey);
    if (!ofIp) guests.byIp.set(guestCap.ipKey, (ofIp = new Set()));
    if (ofIp.has(id)) return true;
    if (ofIp.size >= guestCap.maxPerDay) return false;
    ofIp.add(id);
    return true;
  }

  /**
   * Whether a view counts for its path: a path already counted does. A new one takes one of
   * its adder's `newPaths.max` new paths of the day (past them it counts nowhere, full site
   * or not, so one address cannot inflate the total), then counts for its path while the
   * site has fewer than `maxPaths`, else in the total only.
   */
  #admitPath(
    site: string,
    { path, day, maxPaths, newPaths }: NonNullable<Visit['view']>,
  ): true | 'paths-full' | 'adder-full' {
    if (maxPaths === undefined && newPaths === undefined) return true;
    let paths = this.#paths.get(site);
    if (!paths) {
      paths = { count: Number(this.#statements.pathCount.get(site) ?? 0n), unwritten: new Set() };
      this.#paths.set(site, paths);
    }
    if (paths.unwritten.has(path) || this.#statements.pathViews.get(site, path) !== undefined) return true;
    if (newPaths) {
      let added = this.#newPaths.get(site);
      if (added?.day !== day) this.#newPaths.set(site, (added = { day, by: new Map() }));
      const count = added.by.get(newPaths.by) ?? 0;
      if (count >= newPaths.max) return 'adder-full';
      added.by.set(newPaths.by, count + 1);
    }
    if (maxPaths !== undefined && paths.count >= maxPaths) return 'paths-full';
    paths.count += 1;
    paths.unwritten.add(path);
    return true;
  }

  #queue(view: PendingView): void {
    this.#pending.push(view);
    if (view.counts) this.#countUnwritten(view);
    if (this.#pending.length >= MAX_BATCH) this.#flushOrRetryLater();
    else this.#scheduleFlush();
  }

  /** The views waiting, dedupe markers included: `300 views`, `1 dedupe marker`. */
  #describePending(): string {
    return describeHeldWrites(this.#pending.length, this.#unwrittenViews());
  }

  #unwrittenViews(): number {
    let views = 0n;
    for (const { total } of this.#unwritten.values()) views += total;
    return Number(views);
  }

  #countUnwritten(view: PendingView): void {
    let counts = this.#unwritten.get(view.site);
    if (!counts) this.#unwritten.set(view.site, (counts = { total: 0n, paths: new Map() }));
    counts.total += 1n;
    if (view.path !== undefined) counts.paths.set(view.path, (counts.paths.get(view.path) ?? 0n) + 1n);
  }

  #scheduleFlush(): void {
    if (this.#flushTimer) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushOrRetryLater();
    }, this.#flushIntervalMs);
    this.#flushTimer.unref();
  }

  #flushOrRetryLater(): void {
    try {
      this.#flush();
    } catch (error) {
      this.#viewWrites.failed(error, `(${this.#describePending()} waiting)`);
      this.#scheduleFlush();
    }
  }

  #checkpoint(): void {
    try {
      this.#db.pragma('wal_checkpoint(PASSIVE)');
      this.#checkpoints.succeeded();
    } catch (error) {
      // A full disk: what was committed stays in the log, and the next checkpoint tries again.
      this.#checkpoints.failed(error, '(the log grows until then)');
    }
  }

  /** Commits the views waiting; on failure they stay queued for the next try. */
  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    try {
      // Synchronous: nothing was queued since, so the counts are the batch's.
      this.#commitViews(batch, this.#unwritten);
      this.#unwritten.clear();
      for (const paths of this.#paths.values()) paths.unwritten.clear();
      this.#viewWrites.succeeded();
    } catch (error) {
      this.#pending = batch.concat(this.#pending);
      throw error;
    }
  }

  #deleteSeenBefore(site: string, day: string): void {
    if (!this.#db.open) return;
    const { changes } = this.#statements.deleteOldSeen.run(site, day, DELETE_SLICE);
    if (changes === DELETE_SLICE) {
      setImmediate(() => {
        this.#deleteSeenBefore(site, day);
      });
    }
  }
}

/** better-sqlite3 is synchronous: its errors become rejections, as from any store. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}
