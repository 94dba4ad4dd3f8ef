// The scenarios, written once and run against every store (`describeStatsStore`
// from each store's test file), through HTTP as widgets and CMSs use the service.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signMemberToken } from '../identity/member-token.js';
import type { StatsHandlerOptions } from '../options.js';
import { MAX_COUNT, type StatsStore } from '../store/stats-store.js';
import { FakeClock } from './fake-clock.js';
import { BROWSER, GOOGLEBOT, OTHER_BROWSER } from './http-client.js';
import { nthVisitor, startTestService, visitor, type TestService } from './stats-service.js';

/** A place for one test's data (a file, a key prefix). */
export interface StoreData {
  /** Opens a store on the data: the first time, and again as after a restart. */
  open(): Promise<StatsStore>;
  /** The days whose salts the data still holds for a site. */
  saltDays(site: string): Promise<string[]>;
}

const WINDOW_MS = 300_000;
const SECRET = 'shared-with-the-cms';

export function describeStatsStore(name: string, newData: () => Promise<StoreData>): void {
  describe(`the stats service on ${name}`, () => {
    let data: StoreData;
    let store: StatsStore;
    let service: TestService;
    const started: { service: TestService; store?: StatsStore }[] = [];

    /** Another service on the test's store (or on `otherStore`), with its own options. */
    async function startService(
      options: Partial<StatsHandlerOptions> & { clock?: FakeClock } = {},
      otherStore?: StatsStore,
    ): Promise<TestService> {
      const extra = await startTestService(otherStore ?? store, options);
      started.push(otherStore ? { service: extra, store: otherStore } : { service: extra });
      return extra;
    }

    beforeEach(async () => {
      data = await newData();
      store = await data.open();
      service = await startTestService(store);
    });

    afterEach(async () => {
      for (const extra of started.splice(0)) {
        await extra.service.close();
        await extra.store?.close();
      }
      await service.close();
      await store.close();
    });

    describe('who is online', () => {
      it('counts many tabs of one visitor once', async () => {
        const reader = visitor('203.0.113.7');
        for (const path of ['/', '/news/a.html', '/news/b.html', '/news/a.html']) {
          expect((await service.hit(reader, path)).body).toEqual({ as: 'guest' });
        }
        for (let tab = 0; tab < 5; tab++) await service.ping(reader, { path: '/news/a.html' });

        expect(await service.online()).toMatchObject({ guests: 1, members: 0, bots: 0, windowSeconds: 300 });
      });

      it('counts other addresses and other browsers as other guests', async () => {
        await service.hit(visitor('203.0.113.7'), '/');
        await service.hit(visitor('203.0.113.8'), '/');
        await service.hit(visitor('203.0.113.8', OTHER_BROWSER), '/');

        expect((await service.online()).guests).toBe(3);
      });

      it('keeps a visitor online until just inside the window, and not a moment after', async () => {
        await service.hit(visitor('203.0.113.7'), '/');

        service.clock.advance(WINDOW_MS - 1);
        expect((await service.online()).guests).toBe(1);
        service.clock.advance(1);
        expect((await service.online()).guests).toBe(0);
      });

      it('a ping just inside the window renews the visitor; one just outside brings them back once', async () => {
        const reader = visitor('203.0.113.7');
        const other = visitor('203.0.113.8');
        await service.hit(reader, '/');
        await service.hit(other, '/');

        service.clock.advance(WINDOW_MS - 1);
        await service.ping(reader);
        service.clock.advance(WINDOW_MS - 1);
        expect((await service.online()).guests).toBe(1);

        service.clock.advance(2);
        expect((await service.online()).guests).toBe(0);
        await service.ping(other);
        await service.ping(reader);
        expect((await service.online()).guests).toBe(2);
      });

      it('answers the counts, the window and the time, and sends no view for a ping', async () => {
        await service.ping(visitor('203.0.113.7'), { path: '/news/a.html' });

        expect(await service.online()).toEqual({
          guests: 1,
          members: 0,
          bots: 0,
          windowSeconds: 300,
          asOf: '2026-11-26T12:00:00.000Z',
          memberNames: [],
        });
        expect(await service.views('/news/a.html')).toMatchObject({ total: '0', views: '0' });
      });

      // Thousands of requests: seconds on a loaded machine, more than the default 5 s.
      it('counts a storm of bot requests apart: no guests, no views', { timeout: 30_000 }, async () => {
        const crawlers = [GOOGLEBOT, 'Mozilla/5.0 (compatible; bingbot/2.0)', 'curl/8.5.0', 'python-requests/2.32', ''];
        await Promise.all(
          Array.from({ length: 500 }, (_, n) =>
            service.hit(nthVisitor(n, crawlers[n % crawlers.length]), `/news/${n % 7}.html`),
          ),
        );

        const online = await service.online();
        expect(online.guests).toBe(0);
        expect(online.bots).toBe(500);
        expect((await service.views()).total).toBe('0');
      });

      it('counts members by their signed token, lists their names, and no longer counts the guest they were', async () => {
        const members = await startService({ sites: [{ id: 'default', memberSecret: SECRET }] });
        const expiresAt = new Date(members.clock.nowMs + 3_600_000);
        const van = visitor('203.0.113.7');
        await members.hit(van, '/');
        expect((await members.online()).guests).toBe(1);

        const token = signMemberToken({ id: '42', name: 'Thúy Vân', expiresAt }, SECRET);
        expect((await members.hit(van, '/news/a.html', { member: token })).body).toEqual({ as: 'member' });
        await members.ping(visitor('198.51.100.1'), { member: token }); // the same member on a phone
        members.clock.advance(1);
        await members.hit(visitor('203.0.113.9'), '/', {
          member: signMemberToken({ id: '43', name: 'Bá Siêu', expiresAt }, SECRET),
        });
        await members.hit(visitor('203.0.113.10'), '/', { member: signMemberToken({ id: '44', expiresAt }, SECRET) });

        expect(await members.online()).toMatchObject({ guests: 0, members: 3, memberNames: ['Bá Siêu', 'Thúy Vân'] });
      });

      it('counts the holder of an expired token as a guest and says why; refuses a forged token', async () => {
        const members = await startService({ sites: [{ id: 'default', memberSecret: SECRET }] });
        const expired = signMemberToken({ id: '42', expiresAt: new Date(members.clock.nowMs) }, SECRET);
        const forged = signMemberToken({ id: '42', expiresAt: new Date(members.clock.nowMs + 60_000) }, 'guessed');

        expect((await members.hit(visitor('203.0.113.7'), '/', { member: expired })).body).toEqual({
          as: 'guest',
          memberToken: 'expired',
        });
        const refused = await members.hit(visitor('203.0.113.8'), '/', { member: forged });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ error: 'invalid-member-token' });
        expect(await members.online()).toMatchObject({ guests: 1, members: 0 });
      });

      it('lists names up to the limit, past members who sent none', async () => {
        const members = await startService({ sites: [{ id: 'default', memberSecret: SECRET }], maxMemberNames: 2 });
        const expiresAt = new Date(members.clock.nowMs + 3_600_000);
        const ids = ['42', '43', '44', '45', '46'];
        for (const [n, id] of ids.entries()) {
          const name = { '42': 'Thúy Vân', '43': 'Bá Siêu' }[id];
          await members.ping(visitor(`203.0.113.${n + 1}`), {
            member: signMemberToken({ id, name, expiresAt }, SECRET),
          });
          members.clock.advance(1);
        }

        expect(await members.online()).toMatchObject({ members: 5, memberNames: ['Bá Siêu', 'Thúy Vân'] });
      });

      it('frees the place among its IP’s guests of a guest who signs in', async () => {
        const capped = await startService({ sites: [{ id: 'default', memberSecret: SECRET }], maxGuestsPerIp: 2 });
        const browsers = ['A/1.0', 'B/1.0', 'C/1.0'].map((name) => `Mozilla/5.0 (X11) ${name} Safari/537.36`);
        await capped.hit(visitor('203.0.113.7', browsers[0]), '/');
        await capped.hit(visitor('203.0.113.7', browsers[1]), '/');
        const token = signMemberToken({ id: '42', expiresAt: new Date(capped.clock.nowMs + 3_600_000) }, SECRET);
        expect((await capped.ping(visitor('203.0.113.7', browsers[0]), { member: token })).body).toEqual({
          as: 'member',
        });

        expect((await capped.hit(visitor('203.0.113.7', browsers[2]), '/')).status).toBe(200);
        expect(await capped.online()).toMatchObject({ guests: 2, members: 1 });
      });

      it('keeps guests beyond the cap of one IP off the online count, and refuses their pings with a clear 429', async () => {
        const capped = await startService({ maxGuestsPerIp: 3 });
        const browsers = ['A/1.0', 'B/1.0', 'C/1.0', 'D/1.0'].map((name) => `Mozilla/5.0 (X11) ${name} Safari/537.36`);
        for (const userAgent of browsers.slice(0, 3)) {
          expect((await capped.hit(visitor('203.0.113.7', userAgent), '/')).body).toEqual({ as: 'guest' });
        }

        // Their view still counts (below); they are only not counted as online.
        expect((await capped.hit(visitor('203.0.113.7', browsers[3]), '/')).body).toEqual({
          as: 'guest',
          notOnline: 'too-many-guests',
        });
        const refused = await capped.ping(visitor('203.0.113.7', browsers[3]));
        expect(refused.status).toBe(429);
        expect(refused.headers['retry-after']).toBe('300');
        expect(refused.body).toMatchObject({ error: 'too-many-guests' });
        // Those already online go on; other addresses are not affected.
        expect((await capped.ping(visitor('203.0.113.7', browsers[0]))).status).toBe(200);
        expect((await capped.hit(visitor('203.0.113.8', browsers[3]), '/')).body).toEqual({ as: 'guest' });
        expect((await capped.online()).guests).toBe(4);

        capped.clock.advance(WINDOW_MS);
        expect((await capped.hit(visitor('203.0.113.7', browsers[3]), '/')).body).toEqual({ as: 'guest' });
      });

      it('counts the views of readers beyond the cap of a shared IP, once per IP, path and day', async () => {
        const office = await startService({ maxGuestsPerIp: 2 });
        const readers = Array.from({ length: 6 }, (_, n) => visitor('203.0.113.7', `Mozilla/5.0 (X11) R${n} Safari`));
        for (const reader of readers) expect((await office.hit(reader, '/news/a.html')).status).toBe(200);
        for (const reader of readers.slice(2)) expect((await office.hit(reader, '/news/b.html')).status).toBe(200);

        expect((await office.online()).guests).toBe(2);
        // Two readers online, and the four beyond the cap as one: the IP's view of each page.
        expect(await office.views('/news/a.html')).toMatchObject({ total: '4', views: '3' });
        expect(await office.views('/news/b.html')).toMatchObject({ views: '1' });

        office.clock.set('2026-11-27T12:00:00Z');
        // The first two are back online; the last is beyond the cap again, and counts for the IP.
        for (const reader of readers.filter((_, n) => [0, 1, 5].includes(n))) await office.hit(reader, '/news/a.html');
        expect(await office.views('/news/a.html')).toMatchObject({ views: '6' });
      });

      it('counts the views of an IP’s guests past its guests of the day once, so new user agents make up no readers', async () => {
        const office = await startService({ maxGuestsPerIp: 2, maxDailyGuestsPerIp: 3 });
        const readers = Array.from({ length: 6 }, (_, n) => visitor('203.0.113.7', `Mozilla/5.0 (X11) R${n} Safari`));
        // Two at a time, each pair gone before the next comes: never more than the online cap.
        for (const pair of [readers.slice(0, 2), readers.slice(2, 4), readers.slice(4, 6)]) {
          for (const reader of pair) expect((await office.hit(reader, '/news/a.html')).body).toEqual({ as: 'guest' });
          office.clock.advance(WINDOW_MS);
        }
        // Three guests of the day count each; the three after them, as the IP, once.
        expect(await office.views('/news/a.html')).toMatchObject({ total: '4', views: '4' });
        // One of the first three is still one of them, on another page.
        for (const reader of readers.filter((_, n) => [0, 5].includes(n))) await office.hit(reader, '/news/b.html');
        expect(await office.views('/news/b.html')).toMatchObject({ views: '2' });
        // Another address has guests of its own.
        await office.hit(visitor('203.0.113.8', 'Mozilla/5.0 (X11) R9 Safari'), '/news/a.html');
        expect(await office.views('/news/a.html')).toMatchObject({ views: '5' });

        office.clock.set('2026-11-27T12:00:00Z');
        for (const reader of readers.slice(3, 5)) await office.hit(reader, '/news/a.html');
        expect(await office.views('/news/a.html'), 'a new day, new guests of the day').toMatchObject({ views: '7' });
      });

      it('caps guests per IPv6 /64, as one client can take any address in it', async () => {
        const capped = await startService({ maxGuestsPerIp: 2 });
        for (const host of ['a', 'b', 'c', 'd']) await capped.hit(visitor(`2001:db8:1:2::${host}`), '/');
        await capped.hit(visitor('2001:db8:1:3::a'), '/');

        expect((await capped.online()).guests).toBe(3);
        expect((await capped.views('/')).views).toBe('4');
      });
    });

    describe('the daily salt', () => {
      it('rotates at midnight without doubling the online count or splitting a visitor’s view dedupe', async () => {
        const night = await startService({ clock: new FakeClock('2026-11-26T23:58:00Z') });
        const reader = visitor('203.0.113.7');
        const gone = visitor('203.0.113.8');
        await night.hit(reader, '/news/a.html');
        await night.hit(gone, '/news/a.html');
        night.clock.set('2026-11-26T23:59:59.999Z');
        await night.hit(reader, '/news/a.html');
        expect(await night.views('/news/a.html')).toMatchObject({ total: '2', views: '2' });

        night.clock.set('2026-11-27T00:01:00Z');
        await night.ping(reader);
        expect((await night.online()).guests).toBe(2);
        night.clock.set('2026-11-27T00:03:30Z');
        expect((await night.online()).guests).toBe(1);

        // A new day counts the page again, once, until its last moment.
        await night.hit(reader, '/news/a.html');
        night.clock.set('2026-11-27T23:59:59.999Z');
        await night.hit(reader, '/news/a.html');
        expect(await night.views('/news/a.html')).toMatchObject({ total: '3', views: '3' });
      });

      it('keeps the current and the previous salt, and deletes older ones', async () => {
        const days = await startService({ clock: new FakeClock('2026-11-25T10:00:00Z') });
        for (const day of ['2026-11-25', '2026-11-26', '2026-11-27']) {
          days.clock.set(`${day}T10:00:00Z`);
          await days.hit(visitor('203.0.113.7'), '/');
        }

        expect((await data.saltDays('default')).sort()).toEqual(['2026-11-26', '2026-11-27']);
      });
    });

    describe('days of the service’s time zone', () => {
      it('counts a view once per visitor, path and day of timeZone: in Vietnam from midnight there, not from 07:00', async () => {
        const vietnam = await startService({
          timeZone: 'Asia/Ho_Chi_Minh',
          clock: new FakeClock('2026-11-26T16:59:59.999Z'), // 23:59:59.999 in Vietnam
        });
        const reader = visitor('203.0.113.7');
        await vietnam.hit(reader, '/news/a.html');
        vietnam.clock.set('2026-11-26T17:00:00Z'); // midnight: the 27th
        await vietnam.hit(reader, '/news/a.html');
        expect(await vietnam.views('/news/a.html')).toMatchObject({ views: '2' });
        vietnam.clock.set('2026-11-27T00:30:00Z'); // 07:30, a new day in UTC only
        await vietnam.hit(reader, '/news/a.html');

        expect(await vietnam.views('/news/a.html')).toMatchObject({ total: '2', views: '2' });
      });

      it('counts once over the 23-hour and the 25-hour day of a zone whose clocks change', async () => {
        const berlin = await startService({ timeZone: 'Europe/Berlin' });
        const reader = visitor('203.0.113.7');
        const days = [
          // The day's first and last moments, and the next day's first.
          ['2026-03-29', '2026-03-28T23:00:00Z', '2026-03-29T21:59:59.999Z', '2026-03-29T22:00:00Z'],
          ['2026-10-25', '2026-10-24T22:00:00Z', '2026-10-25T22:59:59.999Z', '2026-10-25T23:00:00Z'],
        ] as const;
        for (const [day, first, last, next] of days) {
          const path = `/news/${day}.html`;
          for (const moment of [first, last]) {
            berlin.clock.set(moment);
            await berlin.hit(reader, path);
          }
          expect(await berlin.views(path), day).toMatchObject({ views: '1' });
          berlin.clock.set(next);
          await berlin.hit(reader, path);
          expect(await berlin.views(path), day).toMatchObject({ views: '2' });
        }
      });

      it('rotates the salt at midnight of timeZone without doubling the online count', async () => {
        const vietnam = await startService({
          timeZone: 'Asia/Ho_Chi_Minh',
          clock: new FakeClock('2026-11-26T16:58:00Z'),
        });
        const reader = visitor('203.0.113.7');
        await vietnam.hit(reader, '/');
        vietnam.clock.set('2026-11-26T17:01:00Z');
        await vietnam.ping(reader);

        expect((await data.saltDays('default')).sort()).toEqual(['2026-11-26', '2026-11-27']);
        expect((await vietnam.online()).guests).toBe(1);
      });
    });

    describe('views', () => {
      it('counts a view once per visitor, path and day', async () => {
        const reader = visitor('203.0.113.7');
        await service.hit(reader, '/news/a.html');
        await service.hit(reader, '/news/a.html?utm_source=feed#comments');
        await service.hit(reader, '/news/b.html');
        await service.hit(visitor('203.0.113.8'), '/news/a.html');

        expect(await service.views('/news/a.html')).toEqual({
          total: '3',
          path: '/news/a.html',
          views: '2',
          asOf: '2026-11-26T12:00:00.000Z',
        });
        expect(await service.views()).toEqual({ total: '3', asOf: '2026-11-26T12:00:00.000Z' });
      });

      it(
        'adds exactly 1,000 for 1,000 concurrent hits from distinct visitors on one path',
        { timeout: 30_000 },
        async () => {
          const answers = await Promise.all(
            Array.from({ length: 1000 }, (_, n) => service.hit(nthVisitor(n), '/news/hot.html')),
          );

          expect(answers.every((answer) => answer.status === 200)).toBe(true);
          expect(await service.views('/news/hot.html')).toMatchObject({ total: '1000', views: '1000' });
        },
      );

      it('carries on from imported totals: a Joomla site keeps its 18116910', async () => {
        await store.importTotals('default', {
          total: 18_116_910n,
          paths: new Map([['/thoai-son/hoi-nghi.html', 1234n]]),
        });
        expect(await service.views()).toMatchObject({ total: '18116910' });

        await service.hit(visitor('203.0.113.7'), '/thoai-son/hoi-nghi.html');
        expect(await service.views('/thoai-son/hoi-nghi.html')).toMatchObject({ total: '18116911', views: '1235' });
      });

      it('keeps counts exact beyond 2^53', async () => {
        await store.importTotals('default', { paths: new Map([['/a.html', 2n ** 53n + 1n]]) });
        await service.hit(visitor('203.0.113.7'), '/a.html');

        expect(await service.views('/a.html')).toMatchObject({ total: '9007199254740994', views: '9007199254740994' });
      });

      it('refuses an import that would take a count past 2^63 − 1, saying so, and adds nothing', async () => {
        await store.importTotals('default', { total: MAX_COUNT - 1n, paths: new Map([['/a.html', MAX_COUNT - 1n]]) });
        const limit = 'past the largest count kept, 9223372036854775807; nothing was imported';
        await expect(store.importTotals('default', { total: 2n })).rejects.toThrow(
          `the import would take site "default"'s total ${limit}`,
        );
        const paths = new Map([
          ['/b.html', 5n],
          ['/a.html', 5n],
        ]);
        await expect(store.importTotals('default', { total: 0n, paths })).rejects.toThrow(
          `the import would take the views of "/a.html" on site "default" ${limit}`,
        );
        expect(await service.views('/a.html')).toMatchObject({
          total: String(MAX_COUNT - 1n),
          views: '9223372036854775806',
        });

        // Not even /b.html was added: a site of two paths has room for a new one.
        const two = await startService({ sites: [{ id: 'default', maxPaths: 2 }] });
        await two.hit(visitor('203.0.113.7'), '/c.html');
        expect(await two.views('/c.html')).toMatchObject({ total: String(MAX_COUNT), views: '1' });
        expect(await two.views('/b.html')).toMatchObject({ views: '0' });
      });

      it('keeps the totals, and the day’s dedupe, across a restart', async () => {
        const reader = visitor('203.0.113.7');
        await service.hit(reader, '/news/a.html');
        await service.hit(visitor('203.0.113.8'), '/news/b.html');
        await service.close();
        await store.close();

        store = await data.open();
        service = await startTestService(store, { clock: service.clock });
        expect(await service.views()).toMatchObject({ total: '2' });
        await service.hit(reader, '/news/a.html');
        expect(await service.views('/news/a.html')).toMatchObject({ total: '2', views: '1' });
      });

      it('tells pages apart by the query parameters that name them, in any order, without tracking ones', async () => {
        const pages = [
          '/?p=123',
          '/?p=124&utm_source=zalo',
          '/?utm_source=feed&p=124',
          '/?fbclid=x&p=124#comments',
          '/index.php?option=com_content&view=article&id=12&catid=3&Itemid=101',
          '/index.php?Itemid=7&id=12&view=article&option=com_content',
        ];
        for (const [n, path] of pages.entries()) await service.hit(nthVisitor(n), path);

        expect(await service.views('/?p=123')).toMatchObject({ path: '/?p=123', views: '1' });
        expect(await service.views('/?p=124')).toMatchObject({ views: '3' });
        expect(await service.views('/')).toMatchObject({ total: '6', views: '0' });
        expect(await service.views('/index.php?option=com_content&view=article&id=12')).toMatchObject({
          path: '/index.php?id=12&option=com_content&view=article',
          views: '2',
        });
      });

      it('counts a view once per visitor and page, however the address was written', async () => {
        const reader = visitor('203.0.113.7');
        await service.hit(reader, '/tin-tức/hoi-nghi.html');
        await service.hit(reader, '/tin-t%E1%BB%A9c/hoi-nghi.html');
        await service.hit(reader, '/tin-t%e1%bb%a9c/hoi-nghi.html?utm_medium=social');
        await service.hit(visitor('203.0.113.8'), '/tin-t%E1%BB%A9c/hoi-nghi.html');

        expect(await service.views('/tin-t%E1%BB%A9c/hoi-nghi.html')).toMatchObject({
          path: '/tin-tức/hoi-nghi.html',
          total: '2',
          views: '2',
        });
      });

      it('keeps the query parameters a site names', async () => {
        const forum = await startService({ sites: [{ id: 'default', queryParams: ['tid'] }] });
        await forum.hit(visitor('203.0.113.7'), '/forum.php?tid=5&p=2');
        await forum.hit(visitor('203.0.113.7'), '/forum.php?tid=6&p=2');

        expect(await forum.views('/forum.php?tid=5')).toMatchObject({ total: '2', views: '1' });
        expect(await forum.views('/forum.php?p=2&tid=6')).toMatchObject({ path: '/forum.php?tid=6', views: '1' });
      });

      it('holds at most maxPaths paths per site: views of further paths count in the total only, said once', async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        try {
          const small = await startService({ sites: [{ id: 'default', maxPaths: 3 }] });
          for (let n = 0; n < 6; n++) expect((await small.hit(nthVisitor(n), `/junk/${n}`)).status).toBe(200);
          await small.hit(nthVisitor(10), '/junk/0');

          expect(await small.views('/junk/0')).toMatchObject({ total: '7', views: '2' });
          expect(await small.views('/junk/2')).toMatchObject({ views: '1' });
          expect(await small.views('/junk/3')).toMatchObject({ views: '0' });
          const said = warn.mock.calls.filter(([message]) => String(message).includes('maxPaths'));
          expect(said).toHaveLength(1);
          expect(String(said[0]?.[0])).toContain('"default"');
        } finally {
          warn.mockRestore();
        }
      });

      it('lets one IP add at most maxNewPathsPerIp new paths a day; further made-up pages count nowhere', async () => {
        const capped = await startService({ maxNewPathsPerIp: 2 });
        const browsers = ['A/1.0', 'B/1.0', 'C/1.0', 'D/1.0'].map((name) => `Mozilla/5.0 (X11) ${name} Safari/537.36`);
        await capped.hit(visitor('203.0.113.9'), '/known.html');
        for (const [n, userAgent] of browsers.entries())
          await capped.hit(visitor('203.0.113.7', userAgent), `/new/${n}`);
        // Paths already counted still count for that IP, and other IPs still add theirs.
        await capped.hit(visitor('203.0.113.7'), '/known.html');
        await capped.hit(visitor('203.0.113.8'), '/new/3');

        // 1 + 2 new paths + 1 + 1: the two pages past the allowance are not in the total either.
        expect(await capped.views('/new/1')).toMatchObject({ total: '5', views: '1' });
        expect(await capped.views('/new/2')).toMatchObject({ views: '0' });
        expect(await capped.views('/new/3')).toMatchObject({ views: '1' });
        expect(await capped.views('/known.html')).toMatchObject({ views: '2' });

        capped.clock.set('2026-11-27T12:00:00Z');
        await capped.hit(visitor('203.0.113.7'), '/new/2');
        expect(await capped.views('/new/2')).toMatchObject({ views: '1' });
      });

      it('keeps one IP from inflating a full site’s total: past its new paths of the day, a new page counts nowhere', async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        try {
          const full = await startService({ sites: [{ id: 'default', maxPaths: 3 }], maxNewPathsPerIp: 2 });
          await full.hit(visitor('1.1.1.1'), '/a');
          await full.hit(visitor('1.1.1.1'), '/b');
          await full.hit(visitor('2.2.2.2'), '/c');
          expect(await full.views()).toMatchObject({ total: '3' });

          const inflater = visitor('9.9.9.9');
          for (let n = 0; n < 50; n++) expect((await full.hit(inflater, `/junk-${n}`)).status).toBe(200);
          // As on a site with room: the first two new pages are its allowance (in the total
          // only, the site being full), the other 48 count nowhere.
          expect(await full.views('/junk-0')).toMatchObject({ total: '5', views: '0' });
          // Pages already counted still count for it.
          await full.hit(inflater, '/a');
          expect(await full.views('/a')).toMatchObject({ total: '6', views: '2' });
        } finally {
          warn.mockRestore();
        }
      });

      it('remembers only views that counted: a page refused as made-up counts for the same reader once it is known', async () => {
        const capped = await startService({ maxNewPathsPerIp: 1 });
        const reader = visitor('203.0.113.7');
        await capped.hit(reader, '/first.html'); // the IP's one new path of the day
        await capped.hit(reader, '/later.html'); // past it: counts nowhere
        await capped.hit(visitor('203.0.113.8'), '/later.html'); // another IP adds the page
        await capped.hit(reader, '/later.html');

        expect(await capped.views('/later.html')).toMatchObject({ total: '3', views: '2' });
      });

      it('counts a page read as a guest once when the reader signs in, on that browser', async () => {
        const members = await startService({ sites: [{ id: 'default', memberSecret: SECRET }] });
        const token = signMemberToken({ id: '42', expiresAt: new Date(members.clock.nowMs + 3_600_000) }, SECRET);
        const van = visitor('203.0.113.7');
        await members.hit(van, '/news/a.html');
        expect((await members.hit(van, '/news/a.html', { member: token })).body).toEqual({ as: 'member' });
        await members.hit(visitor('198.51.100.1'), '/news/a.html', { member: token }); // her phone
        // Another browser at the same address is another reader.
        await members.hit(visitor('203.0.113.7', OTHER_BROWSER), '/news/a.html');
        expect(await members.views('/news/a.html')).toMatchObject({ total: '2', views: '2' });

        // Signed out, she is a guest who has not read the page: remembering her guest key
        // with her member key would tie the two together in the store.
        await members.hit(van, '/news/b.html', { member: token });
        await members.hit(van, '/news/b.html');
        expect(await members.views('/news/b.html')).toMatchObject({ views: '2' });
      });

      it('keeps each site’s counts apart', async () => {
        const sites = await startService({ sites: [{ id: 'news' }, { id: 'docs' }] });
        await sites.hit(visitor('203.0.113.7'), '/a.html'); // the first site, by default
        const docsHit = await fetch(`${sites.url}/v1/hit?site=docs`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'user-agent': BROWSER },
          body: JSON.stringify({ path: '/a.html' }),
        });
        expect(docsHit.status).toBe(200);

        const docs = (await (await fetch(`${sites.url}/v1/views?site=docs&path=/a.html`)).json()) as unknown;
        expect(docs).toMatchObject({ total: '1', views: '1' });
        expect(await sites.views('/a.html')).toMatchObject({ total: '1', views: '1' });
      });
    });
  });
}
