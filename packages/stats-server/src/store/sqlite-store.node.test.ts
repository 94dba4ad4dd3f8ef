import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { signMemberToken } from '../identity/member-token.js';
import { send } from '../test-support/http-client.js';
import { startTestService, visitor, type TestService } from '../test-support/stats-service.js';
import { describeStatsStore } from '../test-support/stats-store-contract.js';
import { createSqliteStore, createSqliteStoreOn } from './sqlite-store.js';
import type { StatsStore } from './stats-store.js';

const directory = mkdtempSync(join(tmpdir(), 'portico-stats-sqlite-'));
let files = 0;
const newFile = (): string => join(directory, `stats-${++files}.sqlite`);

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeStatsStore('the embedded store (SQLite)', () => {
  const file = newFile();
  return Promise.resolve({
    open: () => Promise.resolve(createSqliteStore({ file })),
    saltDays: (site) => {
      const db = new Database(file, { readonly: true });
      try {
        return Promise.resolve(db.prepare<[string], string>('SELECT day FROM salts WHERE site = ?').pluck().all(site));
      } finally {
        db.close();
      }
    },
  });
});

describe('the embedded store', () => {
  const visit = (n: number) => ({
    site: 'default',
    nowMs: Date.parse('2026-11-26T12:00:00Z'),
    windowMs: 300_000,
    salt: { day: '2026-11-26', value: 'unused' },
    dayEndMs: Date.parse('2026-11-27T00:00:00Z'),
    kind: 'guest' as const,
    id: `visitor-${n}`,
    supersedes: [],
    view: { path: '/a.html', key: `view-${n}`, day: '2026-11-26' },
  });

  it('writes to a WAL-mode file', async () => {
    const file = newFile();
    const store = createSqliteStore({ file });
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await store.close();
  });

  it('loses at most one flush interval of views when the process dies', async () => {
    const file = newFile();
    const dying = createSqliteStore({ file, flushIntervalMs: 20 });
    for (let n = 0; n < 50; n++) await dying.record(visit(n));
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Never closed, as after a kill: a second connection sees what was committed.
    const survivor = createSqliteStore({ file });
    expect((await survivor.views('default', '/a.html')).views).toBe(50n);
    await survivor.close();
    await dying.close();
  });

  it('flushes waiting views when closed', async () => {
    const file = newFile();
    const store = createSqliteStore({ file, flushIntervalMs: 60_000 });
    for (let n = 0; n < 10; n++) await store.record(visit(n));
    await store.close();

    const reopened = createSqliteStore({ file });
    expect((await reopened.views('default')).total).toBe(10n);
    await reopened.close();
  });

  it('deletes the dedupe keys of past days once a new day begins', async () => {
    const file = newFile();
    const store = createSqliteStore({ file });
    for (let n = 0; n < 3; n++) await store.record(visit(n));
    await store.salts('default', '2026-11-27', Date.parse('2026-11-27T00:00:00Z'), Date.parse('2026-11-28T00:00:00Z'));
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM seen_views').pluck().get()).toBe(0);
    db.close();
  });

  describe('when the disk is full', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    /** A store on a file that may not grow: SQLite then refuses writes as "database or disk is full". */
    function storeOnFullDisk(options: { flushIntervalMs?: number } = {}) {
      const db = new Database(newFile());
      const store = createSqliteStoreOn(db, options);
      const allowPages = (pages: number): void => {
        db.pragma(`max_page_count = ${pages}`);
      };
      allowPages(Number(db.pragma('page_count', { simple: true })));
      return {
        db,
        store,
        makeRoom: () => {
          allowPages(1_000_000);
        },
      };
    }

    it('holds the views, says so once a minute rather than at every try, and writes them when there is room', async () => {
      vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { store, makeRoom } = storeOnFullDisk({ flushIntervalMs: 100 });
      for (let n = 0; n < 300; n++) await store.record(visit(n));

      await vi.advanceTimersByTimeAsync(100);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]).toEqual([
        'portico-stats: cannot write views to SQLite (300 views waiting); trying again:',
        expect.objectContaining({ code: 'SQLITE_FULL' }),
      ]);
      await vi.advanceTimersByTimeAsync(59_000); // hundreds of tries, said once
      expect(errors).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(errors.mock.calls.slice(1)).toEqual([
        ['portico-stats: still cannot write views to SQLite (300 views waiting), for 60 s: database or disk is full'],
      ]);

      makeRoom();
      await vi.advanceTimersByTimeAsync(100);
      expect(warnings.mock.calls).toEqual([['portico-stats: can write views to SQLite again, after 60 s']]);
      expect(await store.views('default', '/a.html')).toEqual({ total: 300n, views: 300n });
      await store.close();
    });

    /**
     * A store whose file refuses new views while `refuse()` holds, however few: a full disk
     * refuses a new page, and a few views fit in the pages there are.
     */
    function storeRefusingViews(options: { flushIntervalMs?: number } = {}) {
      const file = newFile();
      const db = new Database(file);
      const store = createSqliteStoreOn(db, options);
      return {
        file,
        store,
        refuse: () => {
          db.exec(
            `CREATE TRIGGER full BEFORE INSERT ON seen_views BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`,
          );
        },
        makeRoom: () => {
          db.exec('DROP TRIGGER full');
        },
      };
    }

    it('answers reads with what it counted, the views it holds in memory included, so no count goes back', async () => {
      vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { store, refuse, makeRoom } = storeRefusingViews({ flushIntervalMs: 100 });
      for (let n = 0; n < 10; n++) await store.record(visit(n));
      await vi.advanceTimersByTimeAsync(100);
      expect(await store.views('default', '/a.html')).toEqual({ total: 10n, views: 10n });

      refuse();
      for (let n = 10; n < 15; n++) await store.record(visit(n));
      await vi.advanceTimersByTimeAsync(100);
      expect(store.heldViews?.()).toBe(5);
      expect(await store.views('default', '/a.html')).toEqual({ total: 15n, views: 15n });
      expect(await store.views('default', '/b.html')).toEqual({ total: 15n, views: 0n });

      makeRoom();
      await vi.advanceTimersByTimeAsync(100);
      expect(store.heldViews?.()).toBe(0);
      expect(await store.views('default', '/a.html')).toEqual({ total: 15n, views: 15n });
      await store.close();
    });

    it('keeps answering /v1/views and /v1/online while the disk is full; /v1/health says views are only held', async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { store, refuse, makeRoom } = storeRefusingViews({ flushIntervalMs: 10 });
      const service = await startTestService(store);
      try {
        const health = () => send(`${service.url}/v1/health`);
        refuse();
        for (const n of [7, 8, 9]) expect((await service.hit(visitor(`203.0.113.${n}`), '/a.html')).status).toBe(200);

        await expect.poll(async () => (await health()).status).toBe(503);
        expect(await health()).toMatchObject({
          headers: { 'retry-after': '5' },
          body: {
            error: 'writes-failing',
            message: "the store cannot write: 3 views are held in memory until it can; see the service's log",
          },
        });
        expect(await service.views('/a.html')).toMatchObject({ total: '3', views: '3' });
        expect(await service.online()).toMatchObject({ guests: 3 });

        makeRoom();
        await expect.poll(async () => (await health()).status).toBe(200);
        expect(await service.views('/a.html')).toMatchObject({ total: '3', views: '3' });
      } finally {
        await service.close();
        await store.close();
      }
    });

    it('holds a view that only marks a reader already counted as a write: /v1/health fails until it is written, and it is', async () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const secret = 'shared-with-the-cms';
      const options = { sites: [{ id: 'default', memberSecret: secret }] };
      const { file, store, refuse, makeRoom } = storeRefusingViews({ flushIntervalMs: 10 });
      const seenRows = (): unknown => {
        const reader = new Database(file, { readonly: true });
        try {
          return reader.prepare('SELECT count(*) FROM seen_views').pluck().get();
        } finally {
          reader.close();
        }
      };
      const service = await startTestService(store, options);
      const member = { member: signMemberToken({ id: '42', expiresAt: new Date('2026-11-27T00:00:00Z') }, secret) };
      const van = visitor('203.0.113.7');
      let reopened: StatsStore | undefined;
      let after: TestService | undefined;
      try {
        const health = () => send(`${service.url}/v1/health`);
        await service.hit(van, '/a.html'); // read as a guest: counted, and written
        await expect.poll(seenRows).toBe(1);

        // Signing in on the same browser reads nothing anew: the view does not count, but is
        // remembered (for her other devices), and that write is refused.
        refuse();
        expect((await service.hit(van, '/a.html', member)).body).toEqual({ as: 'member' });
        await expect.poll(async () => (await health()).status).toBe(503);
        expect(await health()).toMatchObject({
          body: {
            error: 'writes-failing',
            message: "the store cannot write: 1 dedupe marker is held in memory until it can; see the service's log",
          },
        });
        expect(store.heldWrites?.()).toBe(1);
        expect(store.heldViews?.()).toBe(0);
        expect(await service.views('/a.html')).toMatchObject({ total: '1', views: '1' });

        makeRoom();
        await expect.poll(async () => (await health()).status).toBe(200);
        expect(seenRows()).toBe(2);
        await service.close();
        await store.close();

        // After a restart, her phone's view of the page is hers already counted.
        reopened = createSqliteStore({ file });
        after = await startTestService(reopened, options);
        expect((await after.hit(visitor('198.51.100.1'), '/a.html', member)).body).toEqual({ as: 'member' });
        expect(await after.views('/a.html')).toMatchObject({ total: '1', views: '1' });
      } finally {
        await after?.close();
        await reopened?.close();
        await service.close();
        // Closed above when the test passes; a failure keeps its own message.
        await store.close().catch(() => undefined);
      }
    });

    it('closes even when a dedupe marker cannot be written, saying it is lost', async () => {
      vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { store, refuse } = storeRefusingViews({ flushIntervalMs: 100 });
      await store.record(visit(1));
      await vi.advanceTimersByTimeAsync(100);
      refuse();
      // The same browser signed in: remembered, not counted.
      const signedIn = visit(1);
      await store.record({
        ...signedIn,
        kind: 'member',
        id: '42',
        view: { ...signedIn.view, key: 'member-42', guestKey: signedIn.view.key },
      });
      await vi.advanceTimersByTimeAsync(100);
      expect([store.heldWrites?.(), store.heldViews?.()]).toEqual([1, 0]);
      expect(errors.mock.calls[0]?.[0]).toBe(
        'portico-stats: cannot write views to SQLite (1 dedupe marker waiting); trying again:',
      );

      await expect(store.close()).rejects.toThrow(
        '1 dedupe marker could not be written to SQLite and is lost: database or disk is full',
      );
    });

    it('keeps running when a checkpoint fails, and says so once', async () => {
      vi.useFakeTimers({ now: Date.parse('2026-11-26T12:00:00Z') });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const db = new Database(newFile());
      const store = createSqliteStoreOn(db);
      // A checkpoint copies the log into the file, which may then have to grow: on a full
      // disk that write fails, as this one does.
      let diskFull = true;
      const pragma = db.pragma.bind(db);
      db.pragma = (source: string, options?: Database.PragmaOptions): unknown => {
        if (diskFull && source.startsWith('wal_checkpoint')) {
          throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
        }
        return pragma(source, options);
      };

      await vi.advanceTimersByTimeAsync(10_000); // ten checkpoints
      expect(errors.mock.calls).toEqual([
        [
          'portico-stats: cannot checkpoint the SQLite log (the log grows until then); trying again:',
          expect.objectContaining({ message: 'database or disk is full' }),
        ],
      ]);
      await store.record(visit(1));
      expect(await store.views('default')).toEqual({ total: 1n });

      diskFull = false;
      await vi.advanceTimersByTimeAsync(1000);
      expect(warnings.mock.calls).toEqual([['portico-stats: can checkpoint the SQLite log again, after 10 s']]);
      await store.close();
    });

    it('closes even when its last views cannot be written, saying how many were lost', async () => {
      const { db, store } = storeOnFullDisk({ flushIntervalMs: 60_000 });
      for (let n = 0; n < 300; n++) await store.record(visit(n));

      await expect(store.close()).rejects.toThrow(
        '300 views could not be written to SQLite and are lost: database or disk is full',
      );
      expect(db.open).toBe(false);
    });
  });
});
