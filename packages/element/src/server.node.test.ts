// The shared code on a server, where Lit runs without a DOM (`@lit-labs/ssr`): what it reads
// from the server render context instead of the page, and what it does not touch at all.
import { LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { closestLanguage } from './locale-controller.js';
import { isExternalLink, safeLink } from './safe-link.js';
import { sanitizeHtml, sanitizeHtmlOnServer } from './sanitize.js';
import { SANITIZE_ALLOWLISTS } from './sanitize-allowlists.js';
import { serverRenderContext, type ServerRenderContext } from './server-context.js';
import { onServer, pageAddress } from './server.js';
import { SourceController } from './source-controller.js';

const CONTEXT = Symbol.for('portico.server-render-context');

function renderingWith(context: ServerRenderContext): void {
  (globalThis as Record<symbol, unknown>)[CONTEXT] = context;
}

afterEach(() => {
  (globalThis as Record<symbol, unknown>)[CONTEXT] = undefined;
});

class Probe extends LitElement {
  source: string | undefined;
  readonly data = new SourceController<unknown>(this, () => ({
    name: this.source,
    capability: 'getBanners',
    fetch: () => undefined,
  }));
}
customElements.define('portico-server-probe', Probe);

describe('on the server', () => {
  it('knows it is there', () => {
    expect(onServer).toBe(true);
    expect(serverRenderContext()).toEqual({});
  });

  it('takes the language from the element, else from the page the renderer names', () => {
    const element = new Probe();
    expect(closestLanguage(element)).toBeUndefined();
    renderingWith({ lang: 'vi' });
    expect(closestLanguage(element)).toBe('vi');
    element.setAttribute('lang', 'en-GB');
    expect(closestLanguage(element)).toBe('en-GB');
  });

  it('resolves links against the page’s address, and tells those that leave the site', () => {
    expect(pageAddress()).toBe('');
    expect(safeLink('/tien-toi-dai-hoi-dang')?.pathname).toBe('/tien-toi-dai-hoi-dang');
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    renderingWith({ url: 'https://tinhuyangiang.vn/tin-tuc' });
    expect(pageAddress()).toBe('https://tinhuyangiang.vn/tin-tuc');
    expect(safeLink('gioi-thieu')?.href).toBe('https://tinhuyangiang.vn/gioi-thieu');
    expect(isExternalLink(safeLink('https://tinhuyangiang.vn/a')!)).toBe(false);
    expect(isExternalLink(safeLink('https://chinhphu.vn/')!)).toBe(true);
  });

  it('sanitizes through the renderer’s sanitizer, with the profile, or not at all', async () => {
    expect(sanitizeHtmlOnServer('<p>x</p>', 'article')).toBeUndefined();
    const asked: string[] = [];
    renderingWith({
      sanitize: (html, profile) => {
        asked.push(profile);
        return { html: html.toUpperCase(), removed: 0, content: html.toUpperCase() };
      },
    });
    expect(sanitizeHtmlOnServer('<p>x</p>', 'banner')).toEqual({ html: '<P>X</P>', removed: 0, content: '<P>X</P>' });
    expect(asked).toEqual(['banner']);
    expect(SANITIZE_ALLOWLISTS.banner.tags).toContain('img');
    expect(SANITIZE_ALLOWLISTS.banner.tags).not.toContain('table');
    expect(SANITIZE_ALLOWLISTS.article.tags).toContain('table');
    expect(sanitizeHtmlOnServer(42, 'article')).toBeUndefined();
    await expect(sanitizeHtml('<p>x</p>', 'article')).rejects.toThrow('sanitizeHtml needs a DOM');
  });

  it('loads nothing, and says what the browser will first show: loading when there is a source', () => {
    const probe = new Probe();
    expect(probe.data.state).toBe('idle');
    probe.source = 'site';
    expect(probe.data.state).toBe('loading');
    // No lifecycle runs here, and nothing of the DOM is touched if one does.
    probe.data.hostConnected();
    probe.data.hostDisconnected();
    expect(probe.data.value).toBeUndefined();
  });
});
