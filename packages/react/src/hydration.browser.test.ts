// A React-SSR site (Next.js and the like) in Chromium: the HTML of React's server renderer is
// put in the page, where the widget upgrades and renders it before React runs; hydrateRoot
// then takes it over. The widget must show its attribute props from that HTML alone, hydration
// must find the attributes the client renders, and props changed later must still reach it.
import { cleanUpMounted, onCleanUp, shownNumber, statusText } from '@portico/test-helpers';
import { act, createElement, type FunctionComponent, type ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { PorticoOnlineVisitors, PorticoViewCounter } from './index.js';
import { countingSource } from './test/counting-source.js';
import { serverRenderedCases } from './test/server-rendered-widgets.js';

// React's act() flushes renders and effects before the test goes on.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Widget = HTMLElement & { updateComplete: Promise<unknown> };

/** Puts `app`'s server-rendered HTML in the page and waits for its widget to render it; no React runs. */
async function serveHtml(app: ReactElement): Promise<{ container: HTMLElement; widget: Widget }> {
  const container = document.createElement('div');
  container.innerHTML = renderToString(app);
  document.body.append(container);
  onCleanUp(() => {
    container.remove();
  });
  const widget = container.firstElementChild as Widget;
  await widget.updateComplete;
  return { container, widget };
}

/** Hydrates the server's HTML in `container` with `app`, as a client entry does; unmounted after the test. */
async function hydrate(container: HTMLElement, app: ReactElement): Promise<Root> {
  let root: Root | undefined;
  await act(async () => {
    root = hydrateRoot(container, app);
    await Promise.resolve();
  });
  onCleanUp(() => {
    act(() => {
      root?.unmount();
    });
  });
  await (container.firstElementChild as Widget).updateComplete;
  return root!;
}

/** The element's attributes, by name. */
function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]));
}

afterEach(() => {
  cleanUpMounted();
  vi.restoreAllMocks();
});

describe('A widget rendered by React on the server, then hydrated', () => {
  it('shows its attribute props from the server’s HTML before hydration, and keeps them without a hydration warning', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const app = createElement(PorticoOnlineVisitors, { guests: 69, members: 0, lang: 'vi' });
    const { container, widget } = await serveHtml(app);

    expect(statusText(widget), 'before hydration').toBe('Đang có 69\u00A0khách và không thành viên đang online');

    await hydrate(container, app);

    expect(container.firstElementChild, 'the server’s element, taken over').toBe(widget);
    expect(statusText(widget)).toBe('Đang có 69\u00A0khách và không thành viên đang online');
    expect(consoleError).not.toHaveBeenCalled();
  });

  // By default the components let the widgets add attributes as they upgrade (reflected
  // defaults); with suppressHydrationWarning={false}, and those given too, React compares
  // every attribute of the server's HTML with the client's first render. The Node test holds
  // the HTML of Node's server renderer to the same attributes.
  it.each(serverRenderedCases)(
    '%s: hydration finds %s as the client renders them',
    async (_name, _attributeNames, { component, props, attributes }) => {
      const consoleError = vi.spyOn(console, 'error');
      const app = createElement(component, { ...props, suppressHydrationWarning: false });
      const html = renderToString(app);
      const template = document.createElement('template');
      template.innerHTML = html;
      // The server wrote them (else an empty tag would match an empty first render too).
      expect(attributesOf(template.content.firstElementChild!)).toEqual(attributes);
      const { container, widget } = await serveHtml(app);

      await hydrate(container, app);

      expect(container.firstElementChild).toBe(widget);
      expect(consoleError).not.toHaveBeenCalled();
    },
  );

  it('follows props changed after hydration, attributes and handlers included', async () => {
    const onPorticoError = vi.fn();
    const props = { guests: 69, members: 0, lang: 'vi', headingLevel: 2, onPorticoError } as const;
    const { container, widget } = await serveHtml(createElement(PorticoOnlineVisitors, props));
    const root = await hydrate(container, createElement(PorticoOnlineVisitors, props));

    await act(async () => {
      root.render(
        createElement(PorticoOnlineVisitors, { ...props, guests: 70, members: 1, lang: 'en', headingLevel: 4 }),
      );
      await Promise.resolve();
    });
    await widget.updateComplete;

    expect(statusText(widget)).toBe('We have 70\u00A0guests and one member online');
    await expect.element(page.elementLocator(widget).getByRole('heading', { level: 4 })).toBeInTheDocument();
    // What the server wrote does not stay behind in the attributes.
    expect(attributesOf(widget)).toMatchObject({ guests: '70', members: '1', lang: 'en', 'heading-level': '4' });
    const error = new CustomEvent('portico-error', { detail: { error: new Error('offline') } });
    widget.dispatchEvent(error);
    expect(onPorticoError).toHaveBeenCalledWith(error);
  });
});

// Each live widget, with what it shows of the counting source's stats.
describe.each([
  {
    name: 'PorticoOnlineVisitors',
    component: PorticoOnlineVisitors as FunctionComponent<Record<string, unknown>>,
    props: {},
    shown: (widget: Element) => statusText(widget),
    text: 'We have 69\u00A0guests and no members online',
  },
  {
    name: 'PorticoViewCounter',
    component: PorticoViewCounter as FunctionComponent<Record<string, unknown>>,
    props: { grouping: 'off' },
    shown: (widget: Element) => shownNumber(widget),
    text: '18116910',
  },
])('$name with live={false}, rendered on the server and hydrated', ({ component, props: widgetProps, shown, text }) => {
  it('loads once and never subscribes, before hydration and after', async () => {
    const { name, counts } = countingSource();
    const app = createElement(component, { ...widgetProps, source: name, live: false, lang: 'en' });
    const { container, widget } = await serveHtml(app);

    await vi.waitFor(() => {
      expect(shown(widget)).toBe(text);
    });
    expect(counts, 'before hydration').toEqual({ fetches: 1, subscriptions: 0, open: 0 });
    expect(widget.getAttribute('live'), 'the server’s HTML').toBe('off');

    await hydrate(container, app);
    await widget.updateComplete;

    expect((widget as Widget & { live: unknown }).live).toBe(false);
    expect(counts, 'after hydration').toEqual({ fetches: 1, subscriptions: 0, open: 0 });
  });

  it('follows live changed after hydration, on and off again, its attribute with it', async () => {
    const { name, counts } = countingSource();
    const props = { ...widgetProps, source: name, lang: 'en' };
    const { container, widget } = await serveHtml(createElement(component, { ...props, live: false }));
    const root = await hydrate(container, createElement(component, { ...props, live: false }));
    const rerender = async (live: boolean | undefined) => {
      await act(async () => {
        root.render(createElement(component, { ...props, live }));
        await Promise.resolve();
      });
      await widget.updateComplete;
    };
    const live = () => (widget as Widget & { live: unknown }).live;

    await rerender(true);
    expect(live()).toBe(true);
    expect(widget.hasAttribute('live'), 'the server’s live="off" does not stay behind').toBe(false);
    await vi.waitFor(() => {
      expect(counts).toMatchObject({ subscriptions: 1, open: 1 });
    });

    await rerender(false);
    expect(live()).toBe(false);
    expect(widget.getAttribute('live')).toBe('off');
    expect(counts, 'unsubscribed').toMatchObject({ subscriptions: 1, open: 0 });

    // `live={undefined}` is the widget's default, on, as no attribute is in the server's HTML.
    await rerender(undefined);
    expect(live()).toBe(true);
    expect(widget.hasAttribute('live')).toBe(false);
    await vi.waitFor(() => {
      expect(counts).toMatchObject({ subscriptions: 2, open: 1 });
    });
    expect(shown(widget)).toBe(text);
  });
});
