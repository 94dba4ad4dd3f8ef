// React's server renderer (as Next.js and other React-SSR sites use it) must write each
// component's attribute props into the HTML, so the widget has them before any hydration;
// object data and handlers are for the client only.
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PorticoOnlineVisitors, PorticoViewCounter } from './index.js';
import { serverRenderedCases } from './test/server-rendered-widgets.js';

/** The tag and attributes of the markup's first start tag (React writes every value in double quotes). */
function startTag(markup: string): { tag: string; attributes: Record<string, string> } {
  const [, tag = '', attributeText = ''] = /^<([a-z-]+)([^>]*)>/.exec(markup) ?? [];
  const attributes = Object.fromEntries(
    [...attributeText.matchAll(/\s([^\s=]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [name, value]),
  );
  return { tag, attributes };
}

describe('renderToString of each component', () => {
  it.each(serverRenderedCases)(
    '%s writes exactly: %s',
    (_name, _attributeNames, { component, props, tag, attributes }) => {
      const markup = renderToString(createElement(component, props));
      expect(startTag(markup)).toEqual({ tag, attributes });
    },
  );

  it('writes the seed page’s visitors as its template did', () => {
    const markup = renderToString(createElement(PorticoOnlineVisitors, { guests: 69, members: 0, lang: 'vi' }));
    expect(markup).toBe('<portico-online-visitors guests="69" members="0" lang="vi"></portico-online-visitors>');
  });

  // `live` is on by default: no attribute is on, and only `live="off"` switches it off, so a
  // widget that upgrades before React hydrates loads once instead of following its source.
  it.each([
    ['PorticoOnlineVisitors', PorticoOnlineVisitors as FunctionComponent<Record<string, unknown>>],
    ['PorticoViewCounter', PorticoViewCounter as FunctionComponent<Record<string, unknown>>],
  ])('%s: live={false} writes live="off", and live={true} or no live prop no attribute', (_name, component) => {
    const liveAttribute = (live: boolean | undefined) =>
      startTag(renderToString(createElement(component, { source: 'site', live }))).attributes.live;
    expect(liveAttribute(false)).toBe('off');
    expect(liveAttribute(true)).toBeUndefined();
    expect(liveAttribute(undefined)).toBeUndefined();
  });
});
