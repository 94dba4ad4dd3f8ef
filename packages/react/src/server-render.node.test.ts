// React's server renderer (as Next.js and other React-SSR sites use it) must write each
// component's attribute props into the HTML, so the widget has them before any hydration;
// object data and handlers are for the client only.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PorticoOnlineVisitors } from './index.js';
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
});
