import { registerSource, requireCapability } from '@portico/core';
import { sourceErrorOf } from '@portico/core/testing';
import { clearCache } from '@portico/plugin-kit';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import seed from '../../../fixtures/seed-portal.json' with { type: 'json' };
import site from './fixtures/joomla-site.json' with { type: 'json' };
import { joomla } from './index.js';
import { joomlaFetch, type JoomlaSite, type Row } from './test-support/joomla-api.js';

const SITE = 'https://tinh-uy.example.vn/';
const BASE = `${SITE}portico-proxy`;
const database = site as unknown as JoomlaSite;

function source(options: Partial<Parameters<typeof joomla>[0]> = {}, requests: URL[] = []) {
  return joomla({ baseUrl: BASE, fetch: joomlaFetch(database, { requests }), ...options });
}

/** A `fetch` that answers every request with this body and status. */
function answering(body: string, status = 200, contentType = 'application/vnd.api+json'): typeof fetch {
  return () => Promise.resolve(new Response(body, { status, headers: { 'content-type': contentType } }));
}

const cleanUp: (() => void)[] = [];
afterEach(() => {
  clearCache();
  cleanUp.splice(0).forEach((undo) => {
    undo();
  });
});

describe('joomla() articles', () => {
  it('maps every field of the seed article from Joomla’s answer', async () => {
    const requests: URL[] = [];
    const article = await source({}, requests).getArticle!('27');
    const [lead] = seed.articles;
    expect(requests.map((url) => url.href)).toEqual([`${BASE}/v1/content/articles/27`]);
    expect(article).toEqual({
      id: '27',
      title: lead!.title,
      url: `${SITE}index.php?option=com_content&view=article&id=27:${lead!.id}&catid=8`,
      source: 'TUAG',
      published: '2020-08-25T03:00:00Z',
      modified: '2020-08-25T03:00:00Z',
      lead: lead!.lead,
      body: lead!.body,
      authors: ['Thúy Vân', 'Bá Siêu'],
      categoryId: '8',
      views: 0,
    });
  });

  it('takes the intro image in lists and the full-text image for one article, with their size and alt', async () => {
    const joomlaSource = source();
    const listed = (await joomlaSource.listArticles!({ pageSize: 100 })).items.find((item) => item.id === '101');
    expect(listed?.image).toEqual({
      src: `${SITE}images/mau/bai-mau-1.jpg`,
      alt: 'Ảnh minh họa bài mẫu số 1',
      width: 800,
      height: 600,
    });
    expect(listed?.views).toBe(37);
    const single = await joomlaSource.getArticle!('101');
    expect(single.image).toEqual({ src: `${SITE}images/mau/bai-mau-1-lon.jpg`, width: 1600, height: 900 });
    expect(single).toMatchObject({ lead: 'Đoạn mở đầu của bài mẫu số 1: nội dung thử, không phải tin thật.' });
    expect(single.body).toBe('<p>Phần còn lại của bài mẫu số 1.</p>');
  });

  it('uses a written description as the lead, the language when it is not “all”, and the alias byline', async () => {
    const joomlaSource = source();
    const english = await joomlaSource.getArticle!('133');
    expect(english).toMatchObject({
      lead: 'A sample description written on purpose.',
      body: '<p>A sample lead, not news.</p> <p>The rest of the sample.</p>',
      lang: 'en-GB',
    });
    expect(english.authors).toBeUndefined();
    expect((await joomlaSource.getArticle!('105')).authors).toEqual(['Ban biên tập (mẫu)']);
  });

  it('pages with page[offset] and page[limit], newest first, and knows the last page from links.next', async () => {
    const requests: URL[] = [];
    const joomlaSource = source({ pageSize: 5 }, requests);
    const first = await joomlaSource.listArticles!({});
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      'filter[state]': '1',
      'list[ordering]': 'a.publish_up',
      'list[direction]': 'desc',
      'page[offset]': '0',
      'page[limit]': '5',
    });
    expect(requests[0]!.pathname).toBe('/portico-proxy/v1/content/articles');
    expect(first).toMatchObject({ page: 1, pageSize: 5, hasMore: true });
    const dates = first.items.map((item) => item.published);
    expect(dates).toEqual([...dates].sort().reverse());
    const second = await joomlaSource.listArticles!({ page: 2 });
    expect(requests[1]!.searchParams.get('page[offset]')).toBe('5');
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]!.id);
    // 25 articles have state 1: five pages of five.
    const last = await joomlaSource.listArticles!({ page: 5 });
    expect(last.hasMore).toBe(false);
    expect(last.items.length).toBeGreaterThan(0);
    // Past the end Joomla answers 404: an empty page, not an error.
    await expect(joomlaSource.listArticles!({ page: 9 })).resolves.toEqual({
      items: [],
      page: 9,
      pageSize: 5,
      hasMore: false,
    });
  });

  it('keeps only published, public articles: state 1 asked for, the scheduled, expired and registered-only left out', async () => {
    const ids = (await source().listArticles!({ pageSize: 100 })).items.map((item) => item.id);
    expect(ids).toContain('27');
    for (const hidden of ['103', '107', '111', '130', '131', '132']) expect(ids).not.toContain(hidden);
    for (const hidden of ['103', '130', '131', '132']) {
      expect(await sourceErrorOf(source().getArticle!(hidden))).toMatchObject({ code: 'not-found' });
    }
  });

  it('orders by hits for “most read”, filters a category by id or alias, and keeps a language’s and “all” articles', async () => {
    const requests: URL[] = [];
    const mostRead = await source({}, requests).listArticles!({ order: 'most-read', pageSize: 3 });
    expect(requests[0]!.searchParams.get('list[ordering]')).toBe('a.hits');
    expect(mostRead.items.map((item) => item.views)).toEqual([851, 814, 777]);
    const byAlias = await source({}, requests).listArticles!({ categoryId: 'cong-tac-dan-van-mat-tran', pageSize: 50 });
    expect(requests.at(-1)!.searchParams.get('filter[category]')).toBe('8');
    expect(new Set(byAlias.items.map((item) => item.categoryId))).toEqual(new Set(['8', '11']));
    expect(await sourceErrorOf(source().listArticles!({ categoryId: 'khong-co' }))).toMatchObject({
      code: 'not-found',
    });
    const vietnamese = (await source({ language: 'vi-VN' }).listArticles!({ pageSize: 100 })).items;
    expect(vietnamese.map((item) => item.id)).toContain('27');
    expect(vietnamese.map((item) => item.id)).not.toContain('133');
  });

  it('rejects an id that is not Joomla’s without asking', async () => {
    const requests: URL[] = [];
    expect(await sourceErrorOf(source({}, requests).getArticle!('../users'))).toMatchObject({ code: 'not-found' });
    expect(requests).toEqual([]);
  });
});

describe('joomla() categories and menus', () => {
  it('builds the published, public category tree from parent_id and level, with article counts', async () => {
    const categories = await source().getCategories!();
    // Joomla's own answer (no proxy) still holds the registered-only category 13: left out, as the proxy does.
    expect(categories.map((category) => [category.id, category.title, category.count])).toEqual([
      ['8', 'Công tác dân vận - mặt trận', 1],
      ['9', 'Tiến tới đại hội đảng', 9],
      ['10', 'Giải phóng miền Nam', 8],
    ]);
    const withRegistered = await source({ publicAccessLevels: [1, 2, 5] }).getCategories!();
    expect(withRegistered.map((category) => category.id)).toEqual(['8', '9', '10', '13']);
    expect(categories[0]!.children).toEqual([
      {
        id: '11',
        title: 'Chuyên mục con (mẫu)',
        url: `${SITE}index.php?option=com_content&view=category&id=11`,
        count: 7,
      },
    ]);
    expect(categories[0]!.url).toBe(`${SITE}index.php?option=com_content&view=category&id=8`);
  });

  it('takes a site menu’s items when menuType is set: links, headings, aliases, hidden, unpublished and registered-only items', async () => {
    const requests: URL[] = [];
    const menu = await source({ menuType: 'mainmenu' }, requests).getCategories!();
    expect(requests[0]!.searchParams.get('filter[menutype]')).toBe('mainmenu');
    expect(menu.map((item) => item.title)).toEqual([
      'Trang chủ',
      ...seed.categories.map((category) => category.title),
      'Liên kết (mẫu)',
    ]);
    expect(menu[0]!.url).toBe(`${SITE}index.php?Itemid=101`);
    expect(menu[1]!.children?.map((item) => item.id)).toEqual(['110']);
    const links = menu[4]!;
    expect(links.url).toBe('');
    expect(links.children).toEqual([
      { id: '112', title: 'Cổng thông tin (mẫu)', url: 'https://example.vn/' },
      { id: '113', title: 'Giải phóng miền Nam (bí danh mẫu)', url: `${SITE}index.php?Itemid=104` },
    ]);
    const rewritten = await source({ menuType: 'mainmenu', menuItemUrl: '/{path}' }).getCategories!();
    expect(rewritten[0]!.url).toBe(SITE);
    expect(rewritten[1]!.children?.[0]?.url).toBe(`${SITE}cong-tac-dan-van-mat-tran/chuyen-muc-con-mau`);
  });

  it('makes one request for ten widgets asking for the categories at once', async () => {
    const requests: URL[] = [];
    const sources = [source({}, requests), source({}, requests)];
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => sources[index % 2]!.getCategories!()));
    expect(answers.every((categories) => categories.length === 3)).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.searchParams.get('page[limit]')).toBe('100');
  });

  it('follows links.next through every page of a long list', async () => {
    const many: JoomlaSite = {
      ...database,
      categories: Array.from({ length: 230 }, (_, index) => ({
        id: 1000 + index,
        title: `Chuyên mục mẫu ${String(index + 1)}`,
        alias: `chuyen-muc-mau-${String(index + 1)}`,
        published: 1,
        access: 1,
        parent_id: 1,
        level: 1,
        lft: index * 2 + 1,
        rgt: index * 2 + 2,
        language: '*',
      })),
    };
    const requests: URL[] = [];
    const categories = await joomla({ baseUrl: BASE, fetch: joomlaFetch(many, { requests }) }).getCategories!();
    expect(categories).toHaveLength(230);
    expect(requests.map((url) => url.searchParams.get('page[offset]'))).toEqual([null, '100', '200']);
  });
});

describe('joomla() banners', () => {
  it('maps a position onto a banner category, fetching each banner’s details, pinned first', async () => {
    const requests: URL[] = [];
    const banners = await source({}, requests).getBanners!('sidebar');
    expect(banners.map((banner) => banner.id)).toEqual(['4', '1', '2', '3']);
    expect(banners[1]).toEqual({
      id: '1',
      title: seed.banners[0]!.title,
      url: `${SITE}${seed.banners[0]!.url.slice(1)}`,
      image: { src: `${SITE}images/banners/tien-toi-dai-hoi-dang.jpg`, width: 300, height: 120 },
      position: 'sidebar',
      ordering: 1,
    });
    expect(banners[0]).toMatchObject({
      pinned: true,
      image: { src: 'https://cdn.example.vn/banners/ghim-mau.png', alt: 'Banner ghim mẫu', width: 300, height: 250 },
    });
    expect(banners[0]!.url).toBeUndefined();
    expect(banners[3]!.html).toBe('<a href="https://example.vn/mau" class="mau">Quảng cáo HTML (mẫu)</a>');
    const details = requests.filter((url) => /\/v1\/banners\/\d+$/.test(url.pathname)).map((url) => url.pathname);
    expect(details.sort()).toEqual(['1', '2', '3', '4'].map((id) => `/portico-proxy/v1/banners/${id}`));
  });

  it('names a position by category id or title too, and links through Joomla’s click counter on request', async () => {
    expect((await source().getBanners!('21')).map((banner) => banner.id)).toEqual(['8']);
    expect((await source().getBanners!('Đầu trang (mẫu)')).map((banner) => banner.id)).toEqual(['8']);
    await expect(source().getBanners!('khong-co')).resolves.toEqual([]);
    const tracked = await source({ trackBannerClicks: true }).getBanners!('sidebar');
    expect(tracked[1]!.url).toBe(`${SITE}index.php?option=com_banners&task=click&id=1`);
  });
});

describe('joomla() languages', () => {
  it('gives a category, a menu item and a banner in one language its lang; “all” (*) gives none', async () => {
    const inVietnamese = (ids: number[]) => (row: Row) =>
      ids.includes(Number(row.id)) ? { ...row, language: 'vi-VN' } : row;
    const marked: JoomlaSite = {
      ...database,
      categories: database.categories.map(inVietnamese([9, 11])),
      menuItems: database.menuItems.map(inVietnamese([101])),
      banners: database.banners.map(inVietnamese([1])),
    };
    const markedSource = joomla({ baseUrl: BASE, fetch: joomlaFetch(marked) });
    const categories = await markedSource.getCategories!();
    expect(categories.map((category) => [category.id, category.lang])).toEqual([
      ['8', undefined],
      ['9', 'vi-VN'],
      ['10', undefined],
    ]);
    expect(categories[0]!.children?.[0]).toMatchObject({ id: '11', lang: 'vi-VN' });
    expect('lang' in categories[0]!, 'nothing for “all languages”').toBe(false);
    const menu = await joomla({ baseUrl: BASE, fetch: joomlaFetch(marked), menuType: 'mainmenu' }).getCategories!();
    expect(menu.map((item) => item.lang)).toEqual(['vi-VN', undefined, undefined, undefined, undefined]);
    const banners = await markedSource.getBanners!('sidebar');
    expect(banners.map((banner) => [banner.id, banner.lang])).toEqual([
      ['4', undefined],
      ['1', 'vi-VN'],
      ['2', undefined],
      ['3', undefined],
    ]);
  });
});

describe('joomla() when answers go wrong', () => {
  it('explains an HTML page, truncated JSON, an empty 200 and the wrong types', async () => {
    const html = '<!DOCTYPE html><html><head><title>Lỗi máy chủ</title></head><body></body></html>';
    expect(
      (await sourceErrorOf(joomla({ baseUrl: BASE, fetch: answering(html, 200, 'text/html') }).getCategories!()))
        .message,
    ).toMatch(/answered with an HTML page \("Lỗi máy chủ"\) instead of JSON/);
    expect(
      (await sourceErrorOf(joomla({ baseUrl: BASE, fetch: answering('{"data":[{"type":"art') }).getCategories!()))
        .message,
    ).toMatch(/JSON that does not parse/);
    expect((await sourceErrorOf(joomla({ baseUrl: BASE, fetch: answering('') }).getArticle!('27'))).message).toMatch(
      /empty body instead of JSON/,
    );
    const wrong = JSON.stringify({
      data: { type: 'articles', id: '27', attributes: { title: null, created: '2020-08-25 03:00:00', state: 1 } },
    });
    expect(await sourceErrorOf(joomla({ baseUrl: BASE, fetch: answering(wrong) }).getArticle!('27'))).toMatchObject({
      code: 'invalid-data',
      message: `In ${BASE}/v1/content/articles/27: data.attributes.title must be a string, got null.`,
    });
    expect(
      (await sourceErrorOf(joomla({ baseUrl: BASE, fetch: answering('{"data":"x"}') }).getCategories!())).message,
    ).toBe(`In ${BASE}/v1/content/categories?page[limit]=100: data must be an object, got the text "x".`);
    const badDate = JSON.stringify({
      data: [{ type: 'categories', id: '8', attributes: { title: 'x', published: 1, publish_up: 'hôm qua' } }],
    });
    expect(
      (await sourceErrorOf(joomla({ baseUrl: BASE, fetch: answering(badDate) }).getCategories!())).message,
    ).toMatch(/data\[0\]\.attributes\.publish_up must be a date such as "2020-08-25 10:00:00", not "hôm qua"/);
  });

  it('leaves out of a list an article it cannot read, with a warning, and fails only when none can be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanUp.push(() => {
      warn.mockRestore();
    });
    const article = (id: string, created: string) => ({
      type: 'articles',
      id,
      attributes: { title: `Bài ${id}`, created, state: 1, access: 1 },
    });
    const list = (...data: unknown[]) => joomla({ baseUrl: BASE, fetch: answering(JSON.stringify({ data })) });
    const { items } = await list(article('27', '2020-08-25 03:00:00'), article('28', 'hôm qua')).listArticles!({});
    expect(items.map((item) => item.title)).toEqual(['Bài 27']);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/data\[1\]\.attributes\.created .*left out/);

    clearCache();
    expect(await sourceErrorOf(list(article('28', 'hôm qua')).listArticles!({}))).toMatchObject({
      code: 'invalid-data',
    });
  });

  it('checks only what it reads: a null meta or a resource without a type fails nothing', async () => {
    const odd = JSON.stringify({
      data: { id: '27', attributes: { title: 'Bài mẫu', created: '2020-08-25 03:00:00', state: 1, access: 1 } },
      meta: null,
    });
    await expect(joomla({ baseUrl: BASE, fetch: answering(odd) }).getArticle!('27')).resolves.toMatchObject({
      id: '27',
      title: 'Bài mẫu',
    });
  });

  it('tells a 401 or 403 from Joomla (no proxy in front, which never answers them) from a 404', async () => {
    const forbidden = JSON.stringify({ errors: [{ title: 'Forbidden' }] });
    const unauthorised = await sourceErrorOf(
      joomla({ baseUrl: BASE, fetch: answering(forbidden, 401) }).getCategories!(),
    );
    expect(unauthorised).toMatchObject({ code: 'http', status: 401, retryable: false });
    expect(unauthorised.message).toMatch(/answered 401.*Forbidden.*point baseUrl at the Portico proxy/);
    const denied = JSON.stringify({ errors: [{ title: 'Access Denied' }] });
    const refused = await sourceErrorOf(
      joomla({ baseUrl: BASE, fetch: answering(denied, 403) }).getBanners!('sidebar'),
    );
    expect(refused).toMatchObject({ code: 'http', status: 403, retryable: false });
    expect(refused.message).toMatch(/answered 403.*Access Denied.*point baseUrl at the Portico proxy/);
    expect(await sourceErrorOf(source().getArticle!('999'))).toMatchObject({ code: 'not-found' });
  });

  it('does not take a web server’s 404 page (no proxy at baseUrl yet) for a missing article', async () => {
    const page = '<!doctype html><html><head><title>404 Not Found</title></head><body>Not Found</body></html>';
    const error = await sourceErrorOf(
      joomla({ baseUrl: 'https://cong.example.vn/portico-proxy', fetch: answering(page, 404, 'text/html') })
        .getArticle!('27'),
    );
    expect(error).toMatchObject({ code: 'http', status: 404 });
    expect(error.message).toMatch(/portico-proxy\/v1\/content\/articles\/27 answered 404/);
    expect(error.message).toContain('is the address (baseUrl) right, with the API or proxy in place there?');
  });

  /**
   * Retries without their random backoff (up to 0.4 s, then 0.8 s): how long they wait is
   * plugin-kit's to test; here it would only be time a loaded machine may not have.
   */
  function retryAtOnce(): void {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    cleanUp.push(() => {
      random.mockRestore();
    });
  }

  it('retries a 500 with Joomla’s error body, then gives up with an http error', async () => {
    retryAtOnce();
    let calls = 0;
    const failing: typeof fetch = () => {
      calls += 1;
      return Promise.resolve(
        new Response(JSON.stringify({ errors: [{ code: 500, title: 'Internal server error' }] }), { status: 500 }),
      );
    };
    const error = await sourceErrorOf(joomla({ baseUrl: BASE, fetch: failing }).getCategories!());
    expect(error).toMatchObject({ code: 'http', status: 500, retryable: true });
    expect(error.message).toMatch(/Internal server error/);
    expect(calls).toBe(3);
  });

  it('gives up on a server that never answers after its timeout and retries', async () => {
    retryAtOnce();
    let attempts = 0;
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        attempts += 1;
        init?.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error);
        });
      });
    const error = await sourceErrorOf(joomla({ baseUrl: BASE, fetch: silent, timeout: 60 }).getBanners!('sidebar'));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toMatch(/within 60 ms/);
    expect(attempts).toBeGreaterThanOrEqual(3);
  });

  it('stops when the widget leaves: an aborted request rejects with the signal’s reason', async () => {
    let started = 0;
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        started += 1;
        init?.signal?.addEventListener('abort', () => {
          reject(init.signal?.reason as Error);
        });
      });
    const controller = new AbortController();
    const pending = joomla({ baseUrl: BASE, fetch: hanging }).listArticles!({}, { signal: controller.signal });
    await expect.poll(() => started).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('joomla() with one bad item in a list', () => {
  function warnings() {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanUp.push(() => {
      warn.mockRestore();
    });
    return () => warn.mock.calls.map(([message]) => String(message));
  }
  const changed = (rows: Row[], id: number, fields: Row): Row[] =>
    rows.map((row) => (Number(row.id) === id ? { ...row, ...fields } : row));

  it('leaves out a category whose publish_up is not a date, with a warning; the other categories still show', async () => {
    const warned = warnings();
    const category = (id: string, publishUp: string | null) => ({
      type: 'categories',
      id,
      attributes: { title: `Mục ${id}`, published: 1, access: 1, parent_id: 1, level: 1, publish_up: publishUp },
    });
    const data = [category('8', null), category('9', 'garbage'), category('10', '2020-01-01 00:00:00')];
    const categories = await joomla({ baseUrl: BASE, fetch: answering(JSON.stringify({ data })) }).getCategories!();
    expect(categories.map((item) => item.title)).toEqual(['Mục 8', 'Mục 10']);
    expect(warned()).toEqual([
      `Portico joomla: In ${BASE}/v1/content/categories: data[1].attributes.publish_up must be a date such as "2020-08-25 10:00:00", not "garbage". That item is left out.`,
    ]);
  });

  it('leaves out a menu item whose publish_up is not a date, and its branch, with a warning', async () => {
    const warned = warnings();
    const broken: JoomlaSite = { ...database, menuItems: changed(database.menuItems, 102, { publish_up: 'garbage' }) };
    const menu = await joomla({ baseUrl: BASE, fetch: joomlaFetch(broken), menuType: 'mainmenu' }).getCategories!();
    expect(menu.map((item) => item.id)).toEqual(['101', '103', '104', '111']);
    expect(warned()).toEqual([
      expect.stringMatching(
        /^Portico joomla: In .*\/v1\/menus\/site\/items: data\[\d+\]\.attributes\.publish_up must be a date .*"garbage"\. That item is left out\.$/,
      ),
    ]);
  });

  it('shows a menu link that is not an address as text, with a warning, never as a network error', async () => {
    const warned = warnings();
    const broken: JoomlaSite = { ...database, menuItems: changed(database.menuItems, 112, { link: 'http://[bad' }) };
    const menu = await joomla({ baseUrl: BASE, fetch: joomlaFetch(broken), menuType: 'mainmenu' }).getCategories!();
    expect(menu[4]!.children).toEqual([
      { id: '112', title: 'Cổng thông tin (mẫu)', url: '' },
      { id: '113', title: 'Giải phóng miền Nam (bí danh mẫu)', url: `${SITE}index.php?Itemid=104` },
    ]);
    expect(warned()).toEqual([
      expect.stringMatching(
        /^Portico joomla: In .*\/v1\/menus\/site\/items: data\[\d+\]\.attributes\.link must be a web address, not "http:\/\/\[bad"\. That item shows as text, without a link\.$/,
      ),
    ]);
  });

  it('leaves out a banner whose publish_down is not a date, with a warning; the position’s other banners still show', async () => {
    const warned = warnings();
    const broken: JoomlaSite = { ...database, banners: changed(database.banners, 2, { publish_down: 'soon' }) };
    const banners = await joomla({ baseUrl: BASE, fetch: joomlaFetch(broken) }).getBanners!('sidebar');
    expect(banners.map((banner) => banner.id)).toEqual(['4', '1', '3']);
    expect(warned()).toEqual([
      expect.stringMatching(
        /^Portico joomla: In .*\/v1\/banners: data\[\d+\]\.attributes\.publish_down must be a date .*"soon"\. That item is left out\.$/,
      ),
    ]);
  });

  it('leaves out a banner whose link is not an address rather than failing the position', async () => {
    const warned = warnings();
    const broken: JoomlaSite = { ...database, banners: changed(database.banners, 1, { clickurl: 'http://[bad' }) };
    const banners = await joomla({ baseUrl: BASE, fetch: joomlaFetch(broken) }).getBanners!('sidebar');
    expect(banners.map((banner) => banner.id)).toEqual(['4', '2', '3']);
    expect(warned()).toEqual([
      expect.stringMatching(
        /v1\/banners: data\[\d+\]\.attributes\.clickurl must be a web address, not "http:\/\/\[bad"\. That item is left out\.$/,
      ),
    ]);
  });
});

describe('joomla() configuration', () => {
  it('registers as a source and needs a baseUrl', async () => {
    cleanUp.push(registerSource('joomla-test', source()));
    const getArticle = await requireCapability('joomla-test', 'getArticle');
    expect((await getArticle('27')).title).toBe(seed.articles[0]!.title);
    expect(() => joomla({ baseUrl: '' })).toThrow('joomla() needs a baseUrl');
    expect(source().kind).toBe('joomla');
  });

  it('builds links from templates and a separate site address', async () => {
    const article = await source({ siteUrl: 'https://www.example.vn/cong/', articleUrl: '{catid}/{id}-{alias}' })
      .getArticle!('27');
    expect(article.url).toBe(`https://www.example.vn/cong/8/27-${seed.articles[0]!.id}`);
  });
});

describe('joomla() options', () => {
  it('names baseUrl when given baseURL, in the warning and in the error', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => {
      warn.mockRestore();
    });
    expect(() => joomla({ baseURL: '/portico-proxy' } as unknown as Parameters<typeof joomla>[0])).toThrow(
      'joomla() needs a baseUrl',
    );
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^Portico: joomla\(\) does not take the option "baseURL", which is ignored; it takes "baseUrl", .* Did you mean "baseUrl"\?$/,
    );
  });
});
