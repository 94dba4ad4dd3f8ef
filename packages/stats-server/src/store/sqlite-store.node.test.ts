import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStatsStore } from '../test-support/stats-store-contract.js';
import { createSqliteStore } from './sqlite-store.js';

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
    await store.views('default');
    await store.salts('default', '2026-11-27', Date.parse('2026-11-27T00:00:00Z'));
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM seen_views').pluck().get()).toBe(0);
    db.close();
  });
});
