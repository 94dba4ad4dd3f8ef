import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createSqliteStore } from '../store/sqlite-store.js';
import { BROWSER, send } from '../test-support/http-client.js';
import { parseCommand, USAGE } from './options.js';
import { runCli } from './run.js';

const directory = mkdtempSync(join(tmpdir(), 'portico-stats-cli-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** `portico-stats` serving on a free port until `stop()`, which is what SIGTERM does in cli.ts. */
async function serve(argv: string[]) {
  let output = '';
  let listened: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => (listened = resolve));
  const shutdown = new AbortController();
  const exitCode = runCli({
    argv: ['--port', '0', '--host', '127.0.0.1', ...argv],
    env: {},
    write: (text) => {
      output += text;
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (url) listened(url);
    },
    shutdown: shutdown.signal,
    version: '1.2.3',
  });
  const url = await listening;
  return {
    url,
    output: () => output,
    stop: () => {
      shutdown.abort();
      return exitCode;
    },
  };
}

/** Page views, one per path, from one browser. */
function hits(url: string, paths: string[]) {
  return Promise.all(
    paths.map((path) =>
      send(`${url}/v1/hit`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': BROWSER },
        body: JSON.stringify({ path }),
      }),
    ),
  );
}

describe('the portico-stats command line', () => {
  it('starts with sensible defaults', () => {
    expect(parseCommand([], {})).toEqual({
      kind: 'serve',
      settings: {
        store: { file: 'portico-stats.sqlite' },
        port: 8787,
        host: undefined,
        handler: { sites: [{ id: 'default', origins: undefined, memberSecret: undefined }] },
        site: 'default',
      },
    });
  });

  it('takes flags over environment variables over the config file', () => {
    const config = file('config.json', { port: 1, db: 'from-file.sqlite', windowSeconds: 60, cacheSeconds: 2 });
    const env = {
      PORT: '2',
      PORTICO_STATS_CONFIG: config,
      PORTICO_STATS_ORIGINS: 'https://a.example, https://b.example',
      PORTICO_STATS_TRUSTED_PROXIES: '10.0.0.0/8',
      PORTICO_STATS_MEMBER_SECRET: 'secret',
      PORTICO_STATS_WINDOW_SECONDS: '120',
    };
    const command = parseCommand(['--port', '3', '--origin', 'https://c.example', '--window', '90'], env);
    expect(command).toMatchObject({
      kind: 'serve',
      settings: {
        store: { file: 'from-file.sqlite' },
        port: 3,
        handler: {
          sites: [{ id: 'default', origins: ['https://c.example'], memberSecret: 'secret' }],
          trustedProxies: ['10.0.0.0/8'],
          windowSeconds: 90,
          cacheSeconds: 2,
        },
      },
    });
    expect(parseCommand([], env)).toMatchObject({
      settings: {
        port: 2,
        handler: { windowSeconds: 120, sites: [{ origins: ['https://a.example', 'https://b.example'] }] },
      },
    });
    expect(parseCommand(['--redis', 'redis://10.0.0.5:6379'], env)).toMatchObject({
      settings: { store: { redisUrl: 'redis://10.0.0.5:6379' } },
    });
  });

  it('takes the time zone from --time-zone, PORTICO_STATS_TIME_ZONE or the config file, UTC without', () => {
    const config = file('zone.json', { timeZone: 'Europe/Berlin' });
    const env = { PORTICO_STATS_CONFIG: config, PORTICO_STATS_TIME_ZONE: 'Asia/Ho_Chi_Minh' };
    const timeZoneOf = (argv: string[], from: NodeJS.ProcessEnv) => {
      const command = parseCommand(argv, from);
      return command.kind === 'serve' ? command.settings.handler.timeZone : undefined;
    };
    expect(timeZoneOf(['--time-zone', 'Asia/Bangkok'], env)).toBe('Asia/Bangkok');
    expect(timeZoneOf([], env)).toBe('Asia/Ho_Chi_Minh');
    expect(timeZoneOf([], { PORTICO_STATS_CONFIG: config })).toBe('Europe/Berlin');
    expect(timeZoneOf([], {})).toBeUndefined(); // the handler's default, UTC
    expect(USAGE).toContain('--time-zone <zone>    [PORTICO_STATS_TIME_ZONE]');
  });

  it('takes the path options from the config file, per site and for all', () => {
    const config = file('paths.json', {
      maxNewPathsPerIp: 50,
      sites: [{ id: 'news', queryParams: ['p', 'tid'], maxPaths: 200_000 }, { id: 'docs' }],
    });
    expect(parseCommand(['--config', config], {})).toMatchObject({
      settings: {
        handler: {
          maxNewPathsPerIp: 50,
          sites: [{ id: 'news', queryParams: ['p', 'tid'], maxPaths: 200_000 }, { id: 'docs' }],
        },
      },
    });
  });

  it('imports paths as they will be counted, with the site’s query parameters', async () => {
    const db = join(directory, 'import-paths.sqlite');
    const sites = file('import-sites.json', { sites: [{ id: 'forum', queryParams: ['tid'] }] });
    const totals = file('forum-hits.json', {
      paths: { '/t%E1%BB%A9c.php?tid=5&utm_source=x': '3', '/tức.php?tid=5': '4', '/tức.php?p=9': '5' },
    });
    const code = await runCli({
      argv: ['import', totals, '--db', db, '--config', sites],
      env: {},
      write: () => undefined,
      shutdown: new AbortController().signal,
      version: '1.2.3',
    });
    expect(code).toBe(0);
    const store = createSqliteStore({ file: db });
    try {
      expect(await store.views('forum', '/tức.php?tid=5')).toEqual({ total: 12n, views: 7n });
      expect(await store.views('forum', '/tức.php')).toEqual({ total: 12n, views: 5n });
    } finally {
      await store.close();
    }
  });

  it('imports paths up to the service’s maxPathLength, and names one beyond it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const context = { env: {}, write: () => undefined, shutdown: new AbortController().signal, version: '1.2.3' };
    const db = join(directory, 'long-paths.sqlite');
    const longPath = `/${'a'.repeat(1499)}`;
    const totals = file('long-paths.json', { paths: { [longPath]: '7' } });

    expect(await runCli({ ...context, argv: ['import', totals, '--db', db] })).toBe(1);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(
        /import failed: path 1 of "paths", "\/a+…": it is 1500 characters .* maxPathLength \(1024\)/,
      ),
    ]);
    const config = file('long-paths-config.json', { maxPathLength: 2000 });
    expect(await runCli({ ...context, argv: ['import', totals, '--db', db, '--config', config] })).toBe(0);
    const store = createSqliteStore({ file: db });
    try {
      expect(await store.views('default', longPath)).toEqual({ total: 7n, views: 7n });
    } finally {
      await store.close();
    }
    errors.mockRestore();
  });

  it('takes the store from flags over environment variables over the config file', () => {
    const config = file('redis.json', { redis: 'redis://10.0.0.5:6379' });
    const env = { PORTICO_STATS_CONFIG: config };
    expect(parseCommand([], env)).toMatchObject({ settings: { store: { redisUrl: 'redis://10.0.0.5:6379' } } });
    expect(parseCommand(['--db', 'flag.sqlite'], env)).toMatchObject({ settings: { store: { file: 'flag.sqlite' } } });
    expect(parseCommand([], { ...env, PORTICO_STATS_DB: 'env.sqlite' })).toMatchObject({
      settings: { store: { file: 'env.sqlite' } },
    });
    expect(
      parseCommand(['--db', 'flag.sqlite'], { ...env, PORTICO_STATS_REDIS_URL: 'redis://10.0.0.6:6379' }),
    ).toMatchObject({ settings: { store: { file: 'flag.sqlite' } } });
    expect(() => parseCommand(['--db', 'flag.sqlite', '--redis', 'redis://10.0.0.6:6379'], {})).toThrow(
      /--db and --redis/,
    );
  });

  it('refuses what it cannot do, saying why', () => {
    const sites = file('sites.json', { sites: [{ id: 'news' }, { id: 'docs' }] });
    expect(() => parseCommand(['stop'], {})).toThrow(/unknown command "stop"/);
    expect(() => parseCommand(['import'], {})).toThrow(/import needs a file/);
    expect(() => parseCommand(['--port', 'eighty'], {})).toThrow(/--port must be a number/);
    expect(() => parseCommand(['--config', sites, '--origin', 'https://a.example'], {})).toThrow(/lists its sites/);
    expect(() => parseCommand(['--config', sites, '--site', 'blog'], {})).toThrow(/--site blog is not among/);
    expect(() => parseCommand(['--config', join(directory, 'missing.json')], {})).toThrow(
      /cannot read the config file/,
    );
    expect(() => parseCommand(['--config', file('typo.json', { trustedProxy: ['10.0.0.1'] })], {})).toThrow(
      /unknown options: trustedProxy/,
    );
    expect(() => parseCommand(['--config', file('no-id.json', { sites: [{ origins: ['*'] }] })], {})).toThrow(
      /no-id\.json, each site needs an id/,
    );
    expect(() => parseCommand(['--config', file('string.json', { sites: 'news' })], {})).toThrow(
      /string\.json, sites must be a list/,
    );
    expect(() =>
      parseCommand(
        ['--config', file('site-typo.json', { sites: [{ id: 'news', origin: ['https://a.example'] }] })],
        {},
      ),
    ).toThrow(/site "news" has unknown options: origin/);
    expect(parseCommand(['import', 'totals.json', '--config', sites, '--site', 'docs'], {})).toMatchObject({
      kind: 'import',
      file: 'totals.json',
      settings: { site: 'docs' },
    });
  });

  it('serves until SIGTERM, then shuts down gracefully and flushes the store', async () => {
    const db = join(directory, 'serve.sqlite');
    const service = await serve(['--db', db, '--origin', 'https://news.example']);
    const answers = await hits(service.url, ['/a.html', '/b.html', '/a.html']);
    expect(answers.map((hit) => hit.status)).toEqual([200, 200, 200]);

    expect(await service.stop()).toBe(0);
    expect(service.output()).toMatch(/shutting down\n.*stopped; the store is flushed\n$/);
    const store = createSqliteStore({ file: db });
    expect(await store.views('default')).toEqual({ total: 2n });
    await store.close();
  });

  it('stops on SIGTERM when views cannot be written, saying how many were lost, and exits non-zero', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = join(directory, 'refusing.sqlite');
    const service = await serve(['--db', db]);
    // From now on the file refuses new views, as a full disk would.
    const other = new Database(db);
    other.exec(
      `CREATE TRIGGER disk_full BEFORE INSERT ON seen_views BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`,
    );
    other.close();
    expect((await hits(service.url, ['/a.html', '/b.html'])).map((hit) => hit.status)).toEqual([200, 200]);

    expect(await service.stop()).toBe(1);
    expect(service.output()).not.toContain('flushed');
    expect(errors.mock.calls.map(([message]) => String(message))).toContain(
      'portico-stats: stopped, but the store could not be flushed: ' +
        '2 views could not be written to SQLite and are lost: database or disk is full',
    );
    errors.mockRestore();
  });

  it('imports existing totals: a Joomla site keeps its 18116910', async () => {
    const db = join(directory, 'import.sqlite');
    const totals = file('joomla-hits.json', { total: '18116910', paths: { '/thoai-son/a.html': '1234' } });
    let output = '';
    const code = await runCli({
      argv: ['import', totals, '--db', db],
      env: {},
      write: (text) => (output += text),
      shutdown: new AbortController().signal,
      version: '1.2.3',
    });
    expect(code).toBe(0);
    expect(output).toBe('Imported 1 path into site "default"; its total is now 18116910.\n');
    // What the store holds afterwards, not only what was printed.
    const store = createSqliteStore({ file: db });
    try {
      expect(await store.views('default')).toEqual({ total: 18116910n });
      expect(await store.views('default', '/thoai-son/a.html')).toEqual({ total: 18116910n, views: 1234n });
    } finally {
      await store.close();
    }
  });

  it('gives up on a Redis that does not answer, naming it without its password, and exits 1', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const config = file('unreachable-redis.json', { redisConnectTimeoutSeconds: 0.5 });
    const code = await runCli({
      // Port 1: nothing listens there.
      argv: ['--port', '0', '--redis', 'redis://stats:s3cret@127.0.0.1:1', '--config', config],
      env: {},
      write: () => undefined,
      shutdown: new AbortController().signal,
      version: '1.2.3',
    });

    expect(code).toBe(1);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(
        /^portico-stats: cannot open the store: Redis at redis:\/\/…@127\.0\.0\.1:1 did not answer within 0\.5 s \(.*ECONNREFUSED/,
      ),
    ]);
    expect(String(errors.mock.calls)).not.toContain('s3cret');
    errors.mockRestore();
  });

  it('stops at SIGTERM while Redis does not answer, rather than waiting on it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const shutdown = new AbortController();
    // The default limit, 10 s, is beyond the test's time: only the signal can end this in time.
    const exitCode = runCli({
      argv: ['--port', '0', '--redis', 'redis://127.0.0.1:1'],
      env: {},
      write: () => undefined,
      shutdown: shutdown.signal,
      version: '1.2.3',
    });
    setTimeout(() => {
      shutdown.abort(); // what SIGTERM does in cli.ts
    }, 100);

    expect(await exitCode).toBe(1);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(
        /^portico-stats: cannot open the store: stopped while connecting to Redis at redis:\/\/127\.0\.0\.1:1/,
      ),
    ]);
    errors.mockRestore();
  });

  it('warns of sites open to any origin where their origins are set', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stopped = new AbortController();
    stopped.abort();
    const context = { env: {}, write: () => undefined, shutdown: stopped.signal, version: '1.2.3' };
    const db = join(directory, 'warn.sqlite');
    const sites = file('open-sites.json', {
      sites: [{ id: 'news', origins: ['https://news.example'] }, { id: 'docs' }, { id: 'blog', origins: ['*'] }],
    });
    expect(await runCli({ ...context, argv: ['--port', '0', '--host', '127.0.0.1', '--db', db] })).toBe(0);
    expect(
      await runCli({ ...context, argv: ['--port', '0', '--host', '127.0.0.1', '--db', db, '--config', sites] }),
    ).toBe(0);
    expect(warnings.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(/any origin may send stats; name your sites with --origin/),
      `portico-stats: any origin may send stats to "docs", "blog"; list their origins in ${sites}`,
    ]);
    warnings.mockRestore();
  });

  it('exits non-zero with a message for a bad import or bad flags', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const context = { env: {}, write: () => undefined, shutdown: new AbortController().signal, version: '1.2.3' };
    const bad = file('bad.json', { total: 'lots' });
    const db = join(directory, 'bad.sqlite');
    expect(await runCli({ ...context, argv: ['import', bad, '--db', db] })).toBe(1);
    expect(await runCli({ ...context, argv: ['--port'] })).toBe(2);
    expect(await runCli({ ...context, argv: ['--db', join(directory, 'missing', 'stats.sqlite')] })).toBe(1);
    expect(await runCli({ ...context, argv: ['--port', '0', '--db', db, '--trust-proxy', 'my-proxy'] })).toBe(1);
    expect(await runCli({ ...context, argv: ['--port', '0', '--db', db, '--time-zone', 'Asia/Hanoi'] })).toBe(1);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(/import failed: "total" must be a whole number/),
      expect.stringMatching(/--port/),
      expect.stringMatching(/cannot open the store: /),
      expect.stringMatching(/cannot start: trusted proxy "my-proxy"/),
      'portico-stats: cannot start: timeZone "Asia/Hanoi" is not a time zone: ' +
        'give an IANA name such as "Asia/Ho_Chi_Minh", or "UTC"',
    ]);
    errors.mockRestore();
  });

  it('prints its usage and version', async () => {
    let output = '';
    const context = {
      env: {},
      write: (text: string) => (output += text),
      shutdown: new AbortController().signal,
      version: '1.2.3',
    };
    expect(await runCli({ ...context, argv: ['--version'] })).toBe(0);
    expect(await runCli({ ...context, argv: ['--help'] })).toBe(0);
    expect(output).toMatch(/^1\.2\.3\nUsage:\n {2}portico-stats \[serve\] \[options\]/);
  });
});
