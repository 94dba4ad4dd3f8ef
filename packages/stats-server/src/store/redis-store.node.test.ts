import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, createCluster } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signMemberToken } from '../identity/member-token.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { send } from '../test-support/http-client.js';
import { RedisServer, redisServerAvailable } from '../test-support/redis-server.js';
import { nthVisitor, startTestService, visitor, type TestService } from '../test-support/stats-service.js';
import { describeStatsStore } from '../test-support/stats-store-contract.js';
import { createRedisStore } from './redis-store.js';
import type { StatsStore } from './stats-store.js';

const SECRET = 'shared-with-the-cms';

describe.runIf(redisServerAvailable())('the Redis store', () => {
  let redis: RedisServer;
  let inspector: ReturnType<typeof createClient>;
  let prefixes = 0;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    inspector = createClient({ url: redis.url });
    inspector.on('error', () => undefined); // the restart test kills the server under it
    await inspector.connect();
  });

  afterAll(async () => {
    await inspector.close();
    await redis.stop();
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A service on a store of its own, both closed at the test's end. */
  async function open(
    store: StatsStore,
    clock = new FakeClock('2026-11-26T12:00:00Z'),
    timeZone?: string,
  ): Promise<TestService> {
    const service = await startTestService(store, {
      clock,
      sites: [{ id: 'default', memberSecret: SECRET }],
      timeZone,
    });
    cleanups.push(
      () => store.close(),
      () => service.close(),
    );
    return service;
  }

  describeStatsStore('Redis', () => {
    const keyPrefix = `contract-${++prefixes}`;
    return Promise.resolve({
      open: () => createRedisStore({ url: redis.url, keyPrefix }),
      saltDays: async (site) =>
        (await inspector.keys(`${keyPrefix}:{${site}}:salt:*`)).map((key) => key.slice(key.lastIndexOf(':') + 1)),
    });
  });

  it('recovers the online count within one heartbeat of a Redis restart', async () => {
    const service = await open(await createRedisStore({ url: redis.url, keyPrefix: 'restart' }));
    const readers = Array.from({ length: 20 }, (_, n) => nthVisitor(n));
    for (const reader of readers) await service.hit(reader, '/');
    expect((await service.online()).guests).toBe(20);

    await redis.restart(); // empty: as a Redis without persistence comes back
    await expect.poll(async () => (await service.ping(readers[0]!)).status, { timeout: 10_000 }).toBe(200);

    // Every open page pings once per heartbeat; one round brings everyone back.
    for (const reader of readers) expect((await service.ping(reader)).status).toBe(200);
    expect((await service.online()).guests).toBe(20);
  });

  it('lets two instances on one Redis agree on visitors, views and members', async () => {
    const clock = new FakeClock('2026-11-26T12:00:00Z');
    const first = await open(await createRedisStore({ url: redis.url, keyPrefix: 'two-instances' }), clock);
    const second = await open(await createRedisStore({ url: redis.url, keyPrefix: 'two-instances' }), clock);
    const reader = visitor('203.0.113.7');

    // One visitor's tabs land on both instances: one guest, one view per page.
    await first.hit(reader, '/news/a.html');
    await second.hit(reader, '/news/a.html');
    await second.ping(reader);
    for (let n = 0; n < 100; n++) await (n % 2 ? first : second).hit(nthVisitor(n), '/news/b.html');
    const token = signMemberToken({ id: '42', name: 'Thúy Vân', expiresAt: new Date(clock.nowMs + 60_000) }, SECRET);
    expect((await first.ping(visitor('203.0.113.9'), { member: token })).body).toEqual({ as: 'member' });

    const answers = [await first.online(), await second.online()];
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ guests: 101, members: 1, memberNames: ['Thúy Vân'] });
    expect(await first.views('/news/a.html')).toEqual(await second.views('/news/a.html'));
    expect(await second.views('/news/a.html')).toMatchObject({ total: '101', views: '1' });
  });

  it('moves every instance to the salt another instance made after Redis lost the day’s', async () => {
    const clock = new FakeClock('2026-11-26T12:00:00Z');
    const first = await open(await createRedisStore({ url: redis.url, keyPrefix: 'salt' }), clock);
    const reader = visitor('203.0.113.7');
    await first.hit(reader, '/'); // the first instance now holds the day's salt
    // Redis came back empty, and a new instance made the day's salt before anyone else wrote:
    await inspector.set('salt:{default}:salt:2026-11-26', 'ab'.repeat(32));
    const second = await open(await createRedisStore({ url: redis.url, keyPrefix: 'salt' }), clock);

    await second.hit(reader, '/news/a.html');
    // The store refuses the first instance's stale salt; it asks for the new one and tries again.
    expect((await first.hit(reader, '/news/a.html')).status).toBe(200);
    expect((await first.hit(reader, '/news/b.html')).status).toBe(200);
    await second.hit(reader, '/news/b.html');
    expect(await first.views('/news/a.html')).toMatchObject({ total: '3', views: '1' });
  });

  /** Makes Redis refuse every write, as it does out of memory or when it cannot save; undone at the test's end. */
  async function refuseWrites(why: 'out of memory' | 'cannot save'): Promise<void> {
    if (why === 'out of memory') {
      await inspector.configSet('maxmemory', '1'); // with the default policy, noeviction
      cleanups.push(async () => {
        await inspector.configSet('maxmemory', '0');
      });
      return;
    }
    // A snapshot that cannot be renamed into place fails; with a save point set, Redis then
    // refuses writes (MISCONF) until one succeeds or the save points go.
    const dumpFile = join((await inspector.configGet('dir')).dir ?? '', 'dump.rdb');
    mkdirSync(dumpFile);
    await inspector.configSet('save', '3600 1');
    cleanups.push(async () => {
      await inspector.configSet('save', '');
      rmdirSync(dumpFile);
    });
    await inspector.sendCommand(['BGSAVE']);
    await expect.poll(async () => await inspector.info('persistence')).toContain('rdb_last_bgsave_status:err');
  }

  for (const why of ['out of memory', 'cannot save'] as const) {
    it(`answers reads while Redis refuses writes (${why}), and says on /v1/health that hits fail`, async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      cleanups.push(() => {
        errors.mockRestore();
        return Promise.resolve();
      });
      const service = await open(await createRedisStore({ url: redis.url, keyPrefix: `refusing-${why}` }));
      await service.hit(visitor('203.0.113.7'), '/a.html');
      await service.hit(visitor('203.0.113.8'), '/a.html');

      await refuseWrites(why);
      expect(await service.hit(visitor('203.0.113.9'), '/a.html')).toMatchObject({
        status: 503,
        body: { error: 'store-unavailable' },
      });
      expect(String(errors.mock.calls[0]?.[1])).toContain(why === 'out of memory' ? 'OOM' : 'MISCONF');
      expect(await service.views('/a.html')).toMatchObject({ total: '2', views: '2' });
      expect(await service.online()).toMatchObject({ guests: 2 });
      expect(await send(`${service.url}/v1/health`)).toMatchObject({ status: 503, body: { error: 'writes-failing' } });
    });
  }

  it('keeps a day’s dedupe keys until the day ends in timeZone, 25 hours on the day the clocks go back', async () => {
    const clock = new FakeClock('2026-10-25T12:00:00Z');
    const service = await open(await createRedisStore({ url: redis.url, keyPrefix: 'berlin' }), clock, 'Europe/Berlin');
    await service.hit(visitor('203.0.113.7'), '/a.html');

    // The day ends at 23:00 UTC; the dedupe keys stay an hour beyond, for clocks a little apart.
    const seenTtl = await inspector.pTTL('berlin:{default}:seen:2026-10-25');
    expect(seenTtl).toBeLessThanOrEqual(12 * 3_600_000);
    expect(seenTtl).toBeGreaterThan(12 * 3_600_000 - 60_000);
    // The salt serves a day longer, as the next day's previous salt.
    const saltTtl = await inspector.pTTL('berlin:{default}:salt:2026-10-25');
    expect(saltTtl).toBeLessThanOrEqual(35 * 3_600_000);
    expect(saltTtl).toBeGreaterThan(35 * 3_600_000 - 60_000);
  });

  it('records a hit, and answers a read, in one round trip', async () => {
    const commands: string[] = [];
    const counting = {
      sendCommand: (args: string[]) => {
        commands.push(args[0] ?? '');
        return inspector.sendCommand(args);
      },
    };
    const service = await open(await createRedisStore({ client: counting, keyPrefix: 'round-trips' }));
    await service.hit(visitor('203.0.113.7'), '/'); // the day's salts: once a day per instance
    commands.length = 0;

    await service.hit(visitor('203.0.113.8'), '/news/a.html');
    expect(commands).toEqual(['EVALSHA']);
    await service.online();
    await service.views('/news/a.html');
    expect(commands).toEqual(['EVALSHA', 'EVALSHA', 'EVALSHA']);
  });
  it('counts an import cut short nothing, so running it again counts each view once', async () => {
    const paths = new Map(Array.from({ length: 2500 }, (_, n) => [`/news/${String(n)}.html`, 3n] as const));
    let scripts = 0;
    // The connection drops at the import's third script: two of its slices were sent.
    const dropping = {
      sendCommand: (args: string[]) =>
        args[0]?.startsWith('EVAL') && ++scripts === 3
          ? Promise.reject(new Error('Socket closed unexpectedly'))
          : inspector.sendCommand(args),
    };
    const cut = await createRedisStore({ client: dropping, keyPrefix: 'import-cut' });
    await expect(cut.importTotals('default', { total: 18_116_910n, paths })).rejects.toThrow('Socket closed');
    const service = await open(await createRedisStore({ url: redis.url, keyPrefix: 'import-cut' }));
    expect(await service.views('/news/0.html')).toMatchObject({ total: '0', views: '0' });

    const again = await createRedisStore({ url: redis.url, keyPrefix: 'import-cut' });
    await again.importTotals('default', { total: 18_116_910n, paths });
    await again.close();
    expect(await service.views('/news/0.html')).toMatchObject({ total: '18116910', views: '3' });
    expect(await service.views('/news/2499.html')).toMatchObject({ views: '3' });
  });

  it('refuses to finish an import whose staged paths expired, counting nothing', async () => {
    const expiring = {
      sendCommand: async (args: string[]) => {
        // Before the step that adds the staged paths: as if it came after their expiry.
        if (args[0]?.startsWith('EVAL') && args.includes('18116910')) {
          for (const key of await inspector.keys('import-expired:*:import:*')) await inspector.del(key);
        }
        return inspector.sendCommand(args);
      },
    };
    const store = await createRedisStore({ client: expiring, keyPrefix: 'import-expired' });
    await expect(
      store.importTotals('default', { total: 18_116_910n, paths: new Map([['/a.html', 7n]]) }),
    ).rejects.toThrow('run it again');
    const service = await open(await createRedisStore({ url: redis.url, keyPrefix: 'import-expired' }));
    expect(await service.views('/a.html')).toMatchObject({ total: '0', views: '0' });
  });
});

describe.runIf(redisServerAvailable())('the Redis store on a cluster', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await RedisServer.start({ cluster: true });
    const setup = createClient({ url: redis.url });
    await setup.connect();
    try {
      // One node serving every slot: a cluster as far as key placement goes.
      await setup.sendCommand(['CLUSTER', 'ADDSLOTSRANGE', '0', '16383']);
      while (!(await setup.clusterInfo()).includes('cluster_state:ok')) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await setup.close();
    }
  }, 15_000);

  afterAll(async () => {
    await redis.stop();
  });

  it('keeps every key of a site in one slot, so each script runs in one round trip', async () => {
    const cluster = createCluster({ rootNodes: [{ url: redis.url }] });
    await cluster.connect();
    const store = await createRedisStore({ cluster });
    const service = await startTestService(store, { sites: [{ id: 'news', memberSecret: SECRET }] });
    try {
      const token = signMemberToken(
        { id: '42', name: 'Thúy Vân', expiresAt: new Date(Date.now() + 86_400_000) },
        SECRET,
      );
      await store.importTotals('news', { total: 18_116_910n, paths: new Map([['/a.html', 7n]]) });
      // Redis refuses a script whose keys span slots (CROSSSLOT): each of these would fail.
      expect((await service.hit(visitor('203.0.113.7'), '/a.html')).status).toBe(200);
      expect((await service.hit(visitor('203.0.113.8'), '/a.html', { member: token })).status).toBe(200);
      expect((await service.ping(visitor('203.0.113.9', 'Googlebot/2.1'))).status).toBe(200);
      expect(await service.online()).toMatchObject({ guests: 1, members: 1, bots: 1, memberNames: ['Thúy Vân'] });
      expect(await service.views('/a.html')).toMatchObject({ total: '18116912', views: '9' });

      const keys = await cluster.keys('*');
      expect(keys.length).toBeGreaterThan(5);
      const slots = new Set(await Promise.all(keys.map((key) => cluster.clusterKeySlot(key))));
      expect(slots.size).toBe(1);
    } finally {
      await service.close();
      await store.close();
      await cluster.close();
    }
  }, 15_000);
});
