// Two small React apps render the seed portal's sidebar in Chromium: one with
// @portico/react's components, one with the tags themselves on React 19's own custom-element
// support (typed by @portico/react/jsx). Both must set the widgets' props and hear their events.
import { SourceError } from '@portico/core';
import { PorticoViewCounter as PorticoViewCounterElement } from '@portico/view-counter';
import {
  cleanUpMounted,
  followedLinks,
  onCleanUp,
  seed,
  shownNumber,
  statusText,
  testSource,
} from '@portico/test-helpers';
import { act, createElement, createRef, type FunctionComponent } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import * as components from './index.js';
import { porticoTagNames } from './jsx.js';
import { countingSource } from './test/counting-source.js';
import { NativeSidebar } from './test/native-sidebar.js';
import { WrappedSidebar, type SidebarProps } from './test/wrapped-sidebar.js';
import articleCard from '@portico/article-card/custom-elements.json' with { type: 'json' };
import categoryMenu from '@portico/category-menu/custom-elements.json' with { type: 'json' };
import onlineVisitors from '@portico/online-visitors/custom-elements.json' with { type: 'json' };
import sidebarBanners from '@portico/sidebar-banners/custom-elements.json' with { type: 'json' };
import viewCounter from '@portico/view-counter/custom-elements.json' with { type: 'json' };

// React's act() flushes renders and effects before the test goes on.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface ManifestElement {
  name: string;
  tagName?: string;
  events?: { name: string }[];
}
const manifestElements = [articleCard, categoryMenu, onlineVisitors, sidebarBanners, viewCounter].flatMap((manifest) =>
  (manifest.modules as { declarations?: ManifestElement[] }[]).flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.tagName),
  ),
);

/** Renders a React element into the page; unmounted by `cleanUpMounted`. */
async function render<Props extends object>(
  component: FunctionComponent<Props> | string,
  props: Props,
): Promise<{ container: HTMLElement; rerender: (next: Props) => Promise<void> }> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  onCleanUp(() => {
    act(() => {
      root.unmount();
    });
    container.remove();
  });
  const rerender = async (next: Props): Promise<void> => {
    await act(async () => {
      root.render(createElement(component, next));
      await Promise.resolve();
    });
    await Promise.all(
      [...container.querySelectorAll<PorticoViewCounterElement>('*')].map((element) => element.updateComplete),
    );
  };
  await rerender(props);
  return { container, rerender };
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
    onBannerClick: vi.fn(),
    onSourceError: vi.fn(),
    ...overrides,
  };
}

afterEach(() => {
  cleanUpMounted();
});

describe.each([
  ['components from @portico/react', WrappedSidebar],
  ['the tags themselves in React 19 JSX', NativeSidebar],
])('A React app using %s', (_app, Sidebar) => {
  it('renders every widget with the props it gives', async () => {
    const { container } = await render(Sidebar, sidebarProps());
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

  it('updates the widgets when the props change', async () => {
    const { container, rerender } = await render(Sidebar, sidebarProps());
    await rerender(sidebarProps({ lang: 'en', visitors: { guests: 70, members: 1 }, grouping: 'auto' }));

    expect(statusText(container.querySelector('portico-online-visitors')!)).toBe(
      'We have 70\u00A0guests and one member online',
    );
    expect(shownNumber(container.querySelector('portico-view-counter')!)).toBe('18,116,910');
  });

  it('gives a ref the element itself', async () => {
    const counterRef = createRef<PorticoViewCounterElement>();
    await render(Sidebar, sidebarProps({ counterRef }));

    expect(counterRef.current).toBeInstanceOf(PorticoViewCounterElement);
    expect(counterRef.current?.grouping).toBe('off');
  });

  it('hands a banner click to its handler, with the banner', async () => {
    followedLinks();
    const onBannerClick = vi.fn();
    const { container } = await render(Sidebar, sidebarProps({ onBannerClick }));
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

  it('hands a failing source’s portico-error to its handler', async () => {
    const { name, memory } = testSource({ viewStats: seed.viewStats });
    memory.failWith(new SourceError('network', 'offline'));
    const onSourceError = vi.fn();
    const { container } = await render(Sidebar, sidebarProps({ liveSource: name, onSourceError }));

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

describe('Plain props that mirror attributes', () => {
  it('shows guests and members given as props, by the component and by the tag', async () => {
    const { container: wrapped } = await render(components.PorticoOnlineVisitors, {
      guests: 69,
      members: 0,
      lang: 'vi',
    });
    const { container: native } = await render('portico-online-visitors', { guests: 69, members: 0, lang: 'vi' });
    for (const container of [wrapped, native]) {
      expect(statusText(container.querySelector('portico-online-visitors')!)).toBe(seed.shown.visitorsText);
    }
  });
});

describe('live, on by default', () => {
  it.each(['PorticoOnlineVisitors', 'PorticoViewCounter'] as const)(
    '%s: live={false} never subscribes; true, or no live prop, does',
    async (componentName) => {
      const component = components[componentName] as FunctionComponent<Record<string, unknown>>;
      const { name, counts } = countingSource();
      const { container, rerender } = await render<Record<string, unknown>>(component, { source: name, live: false });
      const widget = container.firstElementChild as HTMLElement & { live: unknown };
      await vi.waitFor(() => {
        expect(counts.fetches).toBe(1);
      });
      expect(counts.subscriptions).toBe(0);
      expect(widget.live).toBe(false);
      expect(widget.getAttribute('live')).toBe('off');

      await rerender({ source: name, live: true });
      expect(widget.live).toBe(true);
      expect(widget.hasAttribute('live')).toBe(false);
      await vi.waitFor(() => {
        expect(counts).toMatchObject({ subscriptions: 1, open: 1 });
      });

      await rerender({ source: name, live: false });
      expect(counts).toMatchObject({ subscriptions: 1, open: 0 });

      // Leaving the prop out is the widget's default, on, not `undefined` (which reads as off).
      await rerender({ source: name });
      expect(widget.live).toBe(true);
      await vi.waitFor(() => {
        expect(counts).toMatchObject({ subscriptions: 2, open: 1 });
      });
    },
  );
});

describe('Generated from the widgets’ manifests', () => {
  it('has a tag name for every widget', () => {
    expect([...porticoTagNames]).toEqual(manifestElements.map((element) => element.tagName).sort());
  });

  it.each(
    manifestElements.flatMap((element) =>
      (element.events ?? []).map((event) => [element.tagName, event.name, element, event] as const),
    ),
  )('<%s>: %s reaches the component’s handler and the JSX on-handler', async (_tag, _event, element, event) => {
    const handlerName = `on${event.name.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
    const Component = (components as unknown as Record<string, FunctionComponent<Record<string, unknown>>>)[
      element.name
    ];
    const wrapped = vi.fn();
    const native = vi.fn();
    const { container } = await render(Component!, { [handlerName]: wrapped });
    await render(element.tagName!, { [`on${event.name}`]: native, id: 'native' });

    const dispatched = new CustomEvent(event.name, { detail: { from: 'test' } });
    container.querySelector(element.tagName!)!.dispatchEvent(dispatched);
    document.getElementById('native')!.dispatchEvent(dispatched);

    expect(wrapped).toHaveBeenCalledWith(dispatched);
    expect(native).toHaveBeenCalledWith(dispatched);
  });
});
