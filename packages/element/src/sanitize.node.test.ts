// The warning a widget gives for what the server renderer's sanitizer removed, worded as in the browser.
import { afterEach, describe, expect, it } from 'vitest';
import { removalWarning, sanitizeHtmlOnServer } from './sanitize.js';
import type { ServerRenderContext, ServerSanitizedHtml } from './server-context.js';

const CONTEXT = Symbol.for('portico.server-render-context');

function renderingWith(sanitized: ServerSanitizedHtml): void {
  const context: ServerRenderContext = { sanitize: () => sanitized };
  (globalThis as Record<symbol, unknown>)[CONTEXT] = context;
}

afterEach(() => {
  (globalThis as Record<symbol, unknown>)[CONTEXT] = undefined;
});

describe('removalWarning', () => {
  it('calls unsafe only what is, names the rest as not kept, and says nothing of presentation', () => {
    expect(removalWarning({ unsafe: [], notKept: [], presentation: ['class', 'id', 'style'] }, 'article')).toBe(
      undefined,
    );
    expect(
      removalWarning({ unsafe: ['<iframe>', '<script>', 'onclick'], notKept: [], presentation: [] }, 'article'),
    ).toBe('had unsafe HTML, removed <iframe>, <script>, onclick');
    expect(removalWarning({ unsafe: [], notKept: ['<h2>', '<table>'], presentation: ['class'] }, 'banner')).toBe(
      'had HTML a banner does not keep, removed <h2>, <table>',
    );
    expect(removalWarning({ unsafe: ['<script>'], notKept: ['<video>'], presentation: [] }, 'article')).toBe(
      'had unsafe HTML, removed <script>, and HTML an article body does not keep, removed <video>',
    );
  });
});

describe('sanitizeHtmlOnServer', () => {
  it('words the warning from what the renderer’s sanitizer removed, as the browser does', () => {
    renderingWith({
      html: '<p>x</p>',
      removed: 3,
      removals: { unsafe: ['onclick'], notKept: ['<div>'], presentation: ['class'] },
      content: '<p>x</p>',
    });
    expect(sanitizeHtmlOnServer('<div class="a"><p onclick="x">x</p></div>', 'article')?.warning).toBe(
      'had unsafe HTML, removed onclick, and HTML an article body does not keep, removed <div>',
    );
    renderingWith({
      html: '<p>x</p>',
      removed: 1,
      removals: { unsafe: [], notKept: [], presentation: ['class'] },
      content: '<p>x</p>',
    });
    expect(sanitizeHtmlOnServer('<p class="a">x</p>', 'article')?.warning).toBeUndefined();
  });

  it('still warns, more plainly, with a renderer that only counts what it removed', () => {
    renderingWith({ html: '<p>x</p>', removed: 2, content: '<p>x</p>' });
    expect(sanitizeHtmlOnServer('<p class="a" id="b">x</p>', 'article')?.warning).toBe(
      'had HTML the sanitizer removed',
    );
    renderingWith({ html: '<p>x</p>', removed: 0, content: '<p>x</p>' });
    expect(sanitizeHtmlOnServer('<p>x</p>', 'article')?.warning).toBeUndefined();
  });
});
