// A small Vue app (a single-file component compiled by @vitejs/plugin-vue) renders the seed
// portal's sidebar in Chromium with the tags themselves: Vue must set the widgets' props
// and hear their events.
import '@portico/article-card';
import '@portico/category-menu';
import '@portico/online-visitors';
import '@portico/sidebar-banners';
import '@portico/view-counter';
import { SourceError, type Article, type Banner, type Category, type VisitorStats } from '@portico/core';
import type { BannerEventDetail } from '@portico/sidebar-banners/element';
import {
  cleanUpMounted,
  followedLinks,
  onCleanUp,
  seed,
  shownNumber,
  statusText,
  testSource,
} from '@portico/test-helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createApp, h, nextTick, reactive } from 'vue';
import { isPorticoElement, porticoTagNames } from './index.js';
import PortalSidebar from './test/PortalSidebar.vue';
import articleCard from '@portico/article-card/custom-elements.json' with { type: 'json' };
import categoryMenu from '@portico/category-menu/custom-elements.json' with { type: 'json' };
import onlineVisitors from '@portico/online-visitors/custom-elements.json' with { type: 'json' };
import sidebarBanners from '@portico/sidebar-banners/custom-elements.json' with { type: 'json' };
import viewCounter from '@portico/view-counter/custom-elements.json' with { type: 'json' };

interface SidebarProps {
  lang: string;
  visitors: VisitorStats;
  views: string;
  grouping: 'auto' | 'off';
  categories: Category[];
  current: string;
  article: Article;
  banners: Banner[];
  liveSource: string;
}

function sidebarProps(overrides: Partial<SidebarProps> = {}): SidebarProps {
  return {
    lang: 'vi',
    visitors: seed.visitorStats,
    views: '18116910',
    grouping: 'off',
    categories: seed.categories,
    current: seed.categories[1]!.url,
    article: seed.articles[0]!,
    banners: seed.banners,
    liveSource: testSource({ viewStats: seed.viewStats }).name,
    ...overrides,
  };
}

/** The widgets' elements, once they have rendered. */
async function rendered(container: Element): Promise<void> {
  await nextTick();
  await Promise.all(
    [...container.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('*')].map(
      (element) => element.updateComplete,
    ),
  );
}

/** Mounts the app with reactive props; change them and `await rendered(container)`. */
async function mountSidebar(
  props: SidebarProps,
  handlers: {
    onBannerClick?: (detail: BannerEventDetail) => void;
    onBannerImpression?: (detail: BannerEventDetail) => void;
    onSourceError?: (error: SourceError) => void;
  } = {},
): Promise<{ container: HTMLElement; state: SidebarProps }> {
  const container = document.createElement('div');
  document.body.append(container);
  const state = reactive(props);
  const app = createApp({ render: () => h(PortalSidebar, { ...state, ...handlers }) });
  app.config.warnHandler = (message) => {
    throw new Error(`Vue warned: ${message}`);
  };
  app.mount(container);
  onCleanUp(() => {
    app.unmount();
    container.remove();
  });
  await rendered(container);
  return { container, state };
}

afterEach(() => {
  cleanUpMounted();
});

describe('A Vue app using the tags', () => {
  it('renders every widget with the props it binds', async () => {
    const { container } = await mountSidebar(sidebarProps());
    const widget = <Tag extends keyof HTMLElementTagNameMap>(tag: Tag) => container.querySelector(tag)!;

    expect(statusText(widget('portico-online-visitors'))).toBe(seed.shown.visitorsText);
    expect(shownNumber(widget('portico-view-counter'))).toBe('18116910');
    const menu = page.elementLocator(widget('portico-category-menu'));
    await expect
      .element(menu.getByRole('link', { name: seed.categories[1]!.title }))
      .toHaveAttribute('aria-current', 'true');
    await expect.element(page.getByRole('heading', { level: 2, name: seed.articles[0]!.title })).toBeVisible();
    const banners = page.elementLocator(widget('portico-sidebar-banners'));
    await expect.element(banners.getByRole('link', { name: seed.banners[0]!.title })).toBeVisible();
    expect(widget('portico-article-card').article).toEqual(seed.articles[0]);
  });

  it('shows guests and members bound as plain values (Vue sets them as properties)', async () => {
    const { container } = await mountSidebar(sidebarProps());
    expect(statusText(container.querySelector('portico-online-visitors.counts')!)).toBe(seed.shown.visitorsText);
  });

  it('updates the widgets when the bound values change', async () => {
    const { container, state } = await mountSidebar(sidebarProps());
    state.lang = 'en';
    state.visitors = { guests: 70, members: 1 };
    state.grouping = 'auto';
    await rendered(container);

    expect(statusText(container.querySelector('portico-online-visitors')!)).toBe(
      'We have 70\u00A0guests and one member online',
    );
    expect(shownNumber(container.querySelector('portico-view-counter')!)).toBe('18,116,910');
  });

  it('hears a banner click, with the banner', async () => {
    followedLinks();
    const onBannerClick = vi.fn();
    const { container } = await mountSidebar(sidebarProps(), { onBannerClick });
    const banners = page.elementLocator(container.querySelector('portico-sidebar-banners')!);

    await userEvent.click(banners.getByRole('link', { name: seed.banners[0]!.title }));

    expect(onBannerClick).toHaveBeenCalledOnce();
    expect(onBannerClick).toHaveBeenCalledWith({
      id: seed.banners[0]!.id,
      title: seed.banners[0]!.title,
      url: new URL(seed.banners[0]!.url!, location.href).href,
      position: 'sidebar',
    });
  });

  it('hears each banner’s impression once it is seen', async () => {
    const onBannerImpression = vi.fn();
    await mountSidebar(sidebarProps(), { onBannerImpression });
    await vi.waitFor(() => {
      expect(onBannerImpression).toHaveBeenCalledTimes(seed.banners.length);
    });
    expect(onBannerImpression.mock.calls.map(([detail]) => (detail as BannerEventDetail).id).sort()).toEqual(
      seed.banners.map((banner) => banner.id).sort(),
    );
  });

  it('hears a failing source’s portico-error', async () => {
    const { name, memory } = testSource({ viewStats: seed.viewStats });
    memory.failWith(new SourceError('network', 'offline'));
    const onSourceError = vi.fn();
    const { container } = await mountSidebar(sidebarProps({ liveSource: name }), { onSourceError });

    await vi.waitFor(() => {
      expect(onSourceError).toHaveBeenCalled();
    });
    const [error] = onSourceError.mock.calls[0] as [SourceError];
    expect(error).toBeInstanceOf(SourceError);
    expect(error.code).toBe('network');
    const live = container.querySelector('portico-view-counter.live')!;
    await vi.waitFor(() => {
      expect(statusText(live)).toBe('Chưa có số liệu');
    });
  });
});

describe('Generated from the widgets’ manifests', () => {
  it('has a tag name for every widget', () => {
    const tags = [articleCard, categoryMenu, onlineVisitors, sidebarBanners, viewCounter].flatMap((manifest) =>
      (manifest.modules as { declarations?: { tagName?: string }[] }[]).flatMap((module) =>
        (module.declarations ?? []).flatMap((declaration) => declaration.tagName ?? []),
      ),
    );
    expect([...porticoTagNames]).toEqual(tags.sort());
  });
});

describe('isPorticoElement', () => {
  it('tells Vue every Portico tag is a custom element, and nothing else', () => {
    expect(porticoTagNames.every(isPorticoElement)).toBe(true);
    expect(['div', 'router-link', 'portico', 'my-portico-card'].some(isPorticoElement)).toBe(false);
  });
});
