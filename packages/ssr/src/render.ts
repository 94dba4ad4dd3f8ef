import type {
  SanitizeProfile,
  ServerChildren,
  ServerRenderContext,
  ServerSanitizedHtml,
  ServerSanitizeFinish,
} from '@portico/element';
import { RENDERED_LANG_ATTRIBUTE } from '@portico/element';
import { SANITIZE_ALLOWLISTS } from '@portico/element/sanitize-allowlists';
import { LitElementRenderer, renderThunked, type RenderInfo } from '@lit-labs/ssr';
import { collectResult, type ThunkedRenderResult } from '@lit-labs/ssr/lib/render-result.js';
import { RenderResultReadable } from '@lit-labs/ssr/lib/render-result-readable.js';
import { shownText } from '@portico/core';
import { nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { Readable } from 'node:stream';
import { Parser } from 'htmlparser2';
import { sanitizeHtmlString } from './sanitize.js';

/** What the server knows about the page the widgets go in, which the browser would read from the DOM. */
export interface PageOptions {
  /**
   * The page's language, as its `<html lang>` (or the widget's closest ancestor's `lang`) will
   * say: the widgets' language unless they have a `lang` of their own. Default: none (English).
   */
  lang?: string | undefined;
  /**
   * The page's address: what links are resolved against, which of them leave the site, and
   * which category is current in `<portico-category-menu>` without `current`. Default: none
   * (no current category; absolute links count as leaving the site).
   */
  url?: string | URL | undefined;
}

/** An attribute value: `true` writes the attribute empty; `false`, `null` and `undefined` leave it out. */
export type AttributeValue = string | number | bigint | boolean | null | undefined;

/** The tags of Portico's widgets, as the widget packages declare them in `HTMLElementTagNameMap`. */
export type PorticoTagName = Extract<keyof HTMLElementTagNameMap, `portico-${string}`>;

/**
 * A tag `widget()` takes: one of Portico's, checked (a misspelt `portico-…` name does not
 * compile), or any other custom element name (a widget class registered under a name of yours).
 */
export type WidgetTagName<Tag extends string> = Tag extends `portico-${string}`
  ? Tag extends PorticoTagName
    ? Tag
    : PorticoTagName
  : Tag;

/** A widget's own properties, typed by its class (`article`, `categories`, …); any for other tags. */
export type WidgetProperties<Tag extends string> = Tag extends PorticoTagName
  ? Partial<Omit<HTMLElementTagNameMap[Tag], keyof HTMLElement>>
  : Record<string, unknown>;

export interface WidgetOptions<Properties extends object = Record<string, unknown>> extends PageOptions {
  /** Attributes, written on the tag (`{ guests: 69, members: 0 }`, `{ 'no-heading': true }`). */
  attributes?: Record<string, AttributeValue> | undefined;
  /**
   * Properties (`{ article }`, `{ categories }`): set on the element on the server and, through
   * a JSON block in its light DOM, in the browser before it hydrates. Values must survive JSON
   * (a bigint is written as its decimal string, which the widgets take for counts).
   */
  properties?: Properties | undefined;
  /**
   * Light-DOM HTML inside the element: a heading for its `heading` slot
   * (`<h3 slot="heading">…</h3>`), or server-rendered fallback. Written as it is: trusted
   * markup from your templates, never text from users.
   */
  children?: string | undefined;
}

/** CMS HTML sanitized with the profile's allowlist, and as content a template renders as HTML. */
function sanitizeToContent(html: string, profile: SanitizeProfile, finish?: ServerSanitizeFinish): ServerSanitizedHtml {
  const sanitized = sanitizeHtmlString(html, SANITIZE_ALLOWLISTS[profile], finish);
  return { ...sanitized, content: unsafeHTML(sanitized.html) };
}

const CONTEXT = Symbol.for('portico.server-render-context');

/** The property the template of `widget()` passes per-element options through to the renderer. */
const OPTIONS_PROPERTY = 'portico-ssr-options';

/** What `widget()` gives the renderer for one element. */
interface ElementOptions extends PageOptions {
  children?: ServerChildren | undefined;
}

const TAG_NAME = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;
const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
const PROPERTY_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * One widget as a template part for a page rendered with `renderPage` (or `@lit-labs/ssr`
 * with `porticoElementRenderer`): its tag with attributes, its shadow DOM as a declarative
 * shadow root, its light-DOM `children` and its properties for the browser.
 */
export function widget<Tag extends string>(
  tagName: WidgetTagName<Tag>,
  options: WidgetOptions<WidgetProperties<Tag>> = {},
): TemplateResult {
  if (!TAG_NAME.test(tagName)) throw new TypeError(`"${tagName}" is not a custom element name.`);
  if (!customElements.get(tagName)) {
    throw new TypeError(`<${tagName}> is not defined on the server: import the module that defines it first.`);
  }
  const parts: ({ code: string } | { value: unknown })[] = [{ code: `<${tagName}` }];
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`"${name}" is not an attribute name.`);
    if (value === false || value === null || value === undefined) continue;
    parts.push({ code: ` ${name}=` }, { value: value === true ? '' : String(value) });
  }
  const properties = Object.entries(options.properties ?? {});
  for (const [name, value] of properties) {
    if (!PROPERTY_NAME.test(name)) throw new TypeError(`"${name}" is not a property name.`);
    parts.push({ code: ` .${name}=` }, { value });
  }
  const elementOptions: ElementOptions = {
    lang: options.lang,
    url: options.url,
    children: summarizeChildren(options.children ?? ''),
  };
  parts.push({ code: ` .${OPTIONS_PROPERTY}=` }, { value: elementOptions }, { code: '>' });
  const block = properties.length ? propertiesBlock(tagName, Object.fromEntries(properties)) : '';
  const lightDom = (options.children ?? '') + block;
  parts.push({ value: lightDom ? unsafeHTML(lightDom) : nothing }, { code: `</${tagName}>` });
  return templateOf(parts);
}

/**
 * Renders a page template (from `html` of `@lit-labs/ssr` or `lit`) with the Portico widgets
 * in it (written with `widget()`, or as tags) to HTML: each widget with its declarative shadow
 * DOM, ready for the browser to hydrate.
 */
export async function renderPage(template: unknown, page: PageOptions = {}): Promise<string> {
  return collectResult(renderThunked(template, { elementRenderers: [porticoElementRenderer(page)] }));
}

/** As `renderPage`, as a Node stream, for a web server to send while it renders. */
export function renderPageToStream(template: unknown, page: PageOptions = {}): Readable {
  return new RenderResultReadable(renderThunked(template, { elementRenderers: [porticoElementRenderer(page)] }));
}

/**
 * One widget's HTML: its tag with attributes, its shadow DOM as a declarative shadow root
 * (`<template shadowrootmode="open">`), its light-DOM children and, when given properties, a
 * JSON block the browser sets them from. The page's language and address, which the server
 * cannot read, come from `lang` and `url`.
 */
export async function renderWidget<Tag extends string>(
  tagName: WidgetTagName<Tag>,
  options: WidgetOptions<WidgetProperties<Tag>> = {},
): Promise<string> {
  return renderPage(widget<Tag>(tagName, options));
}

/**
 * The element renderer for `@lit-labs/ssr` (`renderInfo.elementRenderers`) that renders Portico
 * widgets as they render in the browser: it tells each what the server cannot read from a DOM
 * (the page's language and address, the element's light-DOM children), sanitizes CMS HTML for
 * it, runs its own `attributeChangedCallback`, and leaves to the browser a widget that asks to
 * be (one whose data is in light-DOM markup the server cannot read).
 */
export function porticoElementRenderer(page: PageOptions = {}): RenderInfo['elementRenderers'][number] {
  return class PorticoElementRenderer extends LitElementRenderer {
    private readonly context: ServerRenderContext = {
      lang: page.lang,
      url: page.url?.toString(),
      sanitize: sanitizeToContent,
      renderInBrowser: (reason) => {
        this.leftToBrowser ??= reason;
      },
    };
    private leftToBrowser: string | undefined;

    override setProperty(name: string, value: unknown): void {
      if (name !== OPTIONS_PROPERTY) {
        super.setProperty(name, value);
        return;
      }
      const { lang, url, children } = value as ElementOptions;
      if (lang !== undefined) this.context.lang = lang;
      if (url !== undefined) this.context.url = url.toString();
      this.context.children = children;
    }

    // The element's own, as in the browser: Lit's renderer calls Lit's, skipping overrides.
    override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      this.inContext(() => {
        this.element.attributeChangedCallback(name, old, value);
      });
    }

    override connectedCallback(): void {
      this.inContext(() => {
        super.connectedCallback();
      });
      if (this.leftToBrowser) console.warn(`<${this.tagName}> is left to the browser: ${this.leftToBrowser}.`);
    }

    // The language the widget rendered in, for the browser to check against the page's.
    override renderAttributes(): string[] {
      const attributes = super.renderAttributes() as string[];
      const locale = this.inContext(() => (this.element as Partial<{ locale: string }>).locale);
      if (this.leftToBrowser || !locale) return attributes;
      return [...attributes, ` ${RENDERED_LANG_ATTRIBUTE}="${locale.replace(/[^\w-]/g, '')}"`];
    }

    override renderShadow(renderInfo: RenderInfo): ThunkedRenderResult | undefined {
      if (this.leftToBrowser) {
        // No shadow root. @lit-labs/ssr 4.1 pushes this element on its host stack before asking,
        // and pops it only when given a shadow root: left there, every later element would be
        // written as nested (`defer-hydration`) and never hydrate.
        if (renderInfo.customElementHostStack.at(-1) === this) renderInfo.customElementHostStack.pop();
        return undefined;
      }
      return super
        .renderShadow(renderInfo)
        ?.map((chunk) => (typeof chunk === 'function' ? () => this.inContext(chunk) : chunk));
    }

    private inContext<T>(run: () => T): T {
      const global = globalThis as Record<symbol, unknown>;
      const outer = global[CONTEXT];
      global[CONTEXT] = this.context;
      try {
        return run();
      } finally {
        global[CONTEXT] = outer;
      }
    }
  };
}

/**
 * What the browser will see of light-DOM `children`: the slots child elements name, whether
 * there is content that shows something (text, or an image with a source, outside the named
 * slots), and whether there are links with an address there, as the browser's widget judges it
 * (`hasServerMarkup`).
 */
export function summarizeChildren(children: string): { slots: string[]; content: boolean; links: boolean } {
  const slots = new Set<string>();
  let content = false;
  let links = false;
  let depth = 0;
  // Inside a top-level element that may show content (not slotted, not a template or script).
  let inShown = false;
  // Inside a script or style there: its text is never shown.
  let hiddenDepth = 0;
  // htmlparser2 closes implied and void elements as a browser's parser does.
  const parser = new Parser({
    onopentag(name, attributes) {
      if (depth === 0) {
        if (attributes.slot !== undefined) slots.add(attributes.slot);
        // Never shown, as the browser's widget also judges: templates (a declarative shadow
        // root the browser did not take) and scripts (JSON-LD, a properties block).
        inShown = attributes.slot === undefined && name !== 'template' && name !== 'script';
      }
      if (inShown && name === 'img' && shownText(attributes.src) !== undefined) content = true;
      if (inShown && name === 'a' && shownText(attributes.href) !== undefined) links = true;
      if (hiddenDepth > 0 || name === 'script' || name === 'style') hiddenDepth += 1;
      depth += 1;
    },
    onclosetag() {
      depth -= 1;
      if (hiddenDepth > 0) hiddenDepth -= 1;
      if (depth === 0) inShown = false;
    },
    ontext(text) {
      if ((depth === 0 || inShown) && hiddenDepth === 0 && shownText(text) !== undefined) content = true;
    },
  });
  parser.write(children);
  parser.end();
  return { slots: [...slots], content, links };
}

/** A JSON block of properties the widget takes in the browser before its first render (never executed). */
function propertiesBlock(tagName: string, properties: Record<string, unknown>): string {
  const json = JSON.stringify(properties, (key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`<${tagName}>: the property value at "${key}" cannot be sent to the browser as JSON.`);
    }
    return value;
  });
  // `<` escaped, so no `</script>` or `<!--` inside ends or changes the block.
  const safe = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<script type="application/json" data-portico-properties>${safe}</script>`;
}

/** A template from code (tag, attribute and property names, checked above) and bound values. */
function templateOf(parts: readonly ({ code: string } | { value: unknown })[]): TemplateResult {
  // Static code between bindings: each a static value between empty strings, so the template's
  // strings (which Lit caches) hold only names, never values.
  const strings: string[] = [''];
  const values: unknown[] = [];
  for (const part of parts) {
    values.push('code' in part ? unsafeStatic(part.code) : part.value);
    strings.push('');
  }
  return staticHtml(Object.assign(strings, { raw: strings }), ...values);
}
