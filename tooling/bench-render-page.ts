// The in-page half of `npm run bench:render` (tooling/bench-render.mjs bundles it with esbuild,
// with its own copy of Lit, and loads it beside the CDN build). For each widget it has three
// implementations of one job, rendering the seed portal's data:
// - `portico`: the widget, given its data as an integrator gives it;
// - `lit`: a minimal LitElement rendering the same markup and text from the same data, with
//   nothing else (no locale, phrases, Intl, checks, sanitizer, styles or data sources): what Lit
//   itself costs, the baseline the ratios are against;
// - `dom`: a shadow root's innerHTML set to the widget's own markup, a second reference.
// It measures two operations with `performance.now()`: first render (create N elements with
// their data, connect them, wait for every `updateComplete`) and update (new data on the N
// mounted elements, wait again). No figure passes or fails; it stops only when an element does
// not show its data once its `updateComplete` has resolved (the time would not cover the work).
import seed from '../fixtures/seed-portal.json' with { type: 'json' };
import type { Article, Banner, Category } from '@portico/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

type Variant = 'full' | 'featured' | 'list' | 'compact';

/** Attributes to set, or a data property's value. */
type Input = Record<string, string> | Article | Category[] | Banner[];

interface Case {
  /** The row's label: the tag, and the variant for the article card. */
  name: string;
  tag: string;
  /** The seed's data, then the new data of the update. */
  first: Input;
  next: Input;
  /** `attributes`: `first` and `next` are attributes; else the data property they are set to. */
  via: 'attributes' | 'article' | 'categories' | 'banners';
  /** Attributes set once, at creation, on the widget and on the baseline alike. */
  fixed?: Record<string, string>;
  /** The Lit baseline's tag. */
  baseline: string;
}

// ---------------------------------------------------------------------------------------------
// The data: the seed portal's, and for the update what a source's next answer would bring.

const article = seed.articles[0] as Article;
/** A new article: every field the cards show changes. */
const nextArticle: Article = {
  ...article,
  id: `${article.id}-tiep-theo`,
  title: `${article.title} (tiếp theo)`,
  url: `${article.url ?? ''}-tiep-theo`,
  published: '2020-08-26',
  lead: (article.lead ?? '').replace('25/8/2020', '26/8/2020'),
  // The same paragraphs, the other way round: a new body to sanitize.
  body: (article.body ?? '').split('</p>').filter(Boolean).reverse().join('</p>') + '</p>',
  authors: (article.authors ?? []).slice().reverse(),
};
/** A new category or banner (not the seed's: "Tin tức", news). */
const news = { id: 'tin-tuc', title: 'Tin tức', url: '/tin-tuc' };

const CASES: Case[] = [
  {
    name: 'portico-online-visitors',
    tag: 'portico-online-visitors',
    via: 'attributes',
    first: { guests: String(seed.visitorStats.guests), members: String(seed.visitorStats.members) },
    next: { guests: String(seed.visitorStats.guests + 1), members: String(seed.visitorStats.members) },
    baseline: 'bench-online-visitors',
  },
  {
    name: 'portico-view-counter',
    tag: 'portico-view-counter',
    via: 'attributes',
    fixed: { grouping: 'off' },
    first: { value: String(seed.viewStats.total) },
    next: { value: String(seed.viewStats.total + 1) },
    baseline: 'bench-view-counter',
  },
  {
    name: 'portico-category-menu',
    tag: 'portico-category-menu',
    via: 'categories',
    first: seed.categories,
    next: [...seed.categories, news],
    baseline: 'bench-category-menu',
  },
  ...(['full', 'featured', 'list', 'compact'] as const).map((variant): Case => ({
    name: `portico-article-card ${variant}`,
    tag: 'portico-article-card',
    via: 'article',
    fixed: { variant },
    first: article,
    next: nextArticle,
    baseline: 'bench-article-card',
  })),
  {
    name: 'portico-sidebar-banners',
    tag: 'portico-sidebar-banners',
    via: 'banners',
    first: seed.banners,
    next: [...seed.banners, { ...news, position: 'sidebar', ordering: 3 }],
    baseline: 'bench-sidebar-banners',
  },
];

// ---------------------------------------------------------------------------------------------
// The Lit baselines: the widgets' markup (as they render the seed in Vietnamese) as static
// templates, with the data bound where the widgets show it. Their only logic is what it takes
// to print this data; the titles are fixed text.

/** `2020-08-25` → `25/8/2020`, as the vi widgets print it. */
function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)}/${Number(month)}/${year ?? ''}`;
}

class BenchOnlineVisitors extends LitElement {
  @property() guests = '';
  @property() members = '';

  override render(): TemplateResult {
    const members = this.members === '0' ? 'không thành viên' : `${this.members}\u00A0thành viên`;
    return html`<div part="base">
      <div part="heading" role="heading" aria-level="3"><slot name="heading">Truy cập hiện tại</slot></div>
      <div part="status" role="status">
        <p part="count">Đang có ${this.guests}&nbsp;khách và ${members} đang online</p>
      </div>
    </div>`;
  }
}

class BenchViewCounter extends LitElement {
  @property() value = '';
  @property() grouping = 'auto';

  override render(): TemplateResult {
    return html`<div part="base">
      <div part="heading" role="heading" aria-level="3"><slot name="heading">Số lần xem các bài viết</slot></div>
      <div part="status" role="status">
        <span part="number" aria-hidden="true">${this.value}</span><span class="visually-hidden">${this.value}</span>
      </div>
    </div>`;
  }
}

class BenchCategoryMenu extends LitElement {
  @property({ attribute: false }) categories: Category[] = [];

  override render(): TemplateResult {
    return html`<nav part="base" class="vertical" aria-label="Chuyên mục">
      <div id="width"></div>
      <div id="menu">
        <ul part="list">
          ${this.categories.map(
            (category) =>
              html`<li part="item">
                <div><a part="link" href=${category.url}>${category.title}</a></div>
              </li>`,
          )}
        </ul>
      </div>
      <slot hidden></slot>
    </nav>`;
  }
}

class BenchArticleCard extends LitElement {
  @property({ attribute: false }) article: Article | undefined;
  @property() variant: Variant = 'featured';

  override render(): TemplateResult | typeof nothing {
    const article = this.article;
    if (!article) return nothing;
    const meta = html`<p part="meta">
      <time part="date" datetime=${article.published}>${shortDate(article.published)}</time>
    </p>`;
    const lead = html`<span part="source">(${article.source})- </span>${article.lead}`;
    if (this.variant === 'full') {
      const authors = (article.authors ?? []).join(', ');
      return html`<article part="article" class="full">
        <h1 part="title">${article.title}</h1>
        ${meta}
        <p part="lead">${lead}</p>
        <div part="body">${unsafeHTML(article.body)}</div>
        <p part="byline">
          <span part="authors" aria-hidden="true">${authors}</span>
          <span class="visually-hidden">Viết bởi ${authors}</span>
        </p>
      </article>`;
    }
    return html`<article part="article" class=${this.variant}>
      <div part="text">
        <h3 part="title"><a part="link" href=${article.url ?? ''}>${article.title}</a></h3>
        ${meta}
        ${
          this.variant === 'compact'
            ? nothing
            : html`<p part="lead" data-lines=${this.variant === 'list' ? '3' : nothing}>${lead}</p>`
        }
      </div>
    </article>`;
  }
}

class BenchSidebarBanners extends LitElement {
  @property({ attribute: false }) banners: Banner[] = [];

  override render(): TemplateResult {
    return html`<div part="base">
      <div hidden><slot></slot></div>
      <ul part="list" role="list">
        ${this.banners.map(
          (banner, index) =>
            html`<li part="banner" data-index=${index} data-id=${banner.id}>
              <a part="link" href=${banner.url ?? ''}><span part="title">${banner.title}</span></a>
            </li>`,
        )}
      </ul>
    </div>`;
  }
}

customElements.define('bench-online-visitors', BenchOnlineVisitors);
customElements.define('bench-view-counter', BenchViewCounter);
customElements.define('bench-category-menu', BenchCategoryMenu);
customElements.define('bench-article-card', BenchArticleCard);
customElements.define('bench-sidebar-banners', BenchSidebarBanners);

// ---------------------------------------------------------------------------------------------
// The implementations and the measurement.

type Implementation = 'portico' | 'lit' | 'dom';
const IMPLEMENTATIONS: readonly Implementation[] = ['portico', 'lit', 'dom'];

interface Job {
  /** A new element with the seed's data, not yet connected. */
  create(index: number): HTMLElement;
  /** Gives a mounted element new data: the update's at odd steps (1, 3, …), the seed's again at even ones. */
  update(element: HTMLElement, index: number, step: number): void;
}

function setAttributes(element: Element, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
}

/** `input` as the element takes it: attributes are set; a data property gets the value. */
function give(element: HTMLElement, via: Case['via'], input: Input): void {
  if (via === 'attributes') setAttributes(element, input as Record<string, string>);
  else (element as unknown as Record<string, unknown>)[via] = input;
}

/** The widget's markup, from its shadow root, without Lit's comment markers. */
function markupOf(element: Element): string {
  return (element.shadowRoot?.innerHTML ?? '').replace(/<!--[\s\S]*?-->/g, '');
}

/** The text of a shadow root, without ASCII white space (markup's indentation differs; no-break spaces stay). */
function textOf(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/[ \t\n\r]+/g, '');
}

/** Where two texts part: a little of each from there, quoted. */
function difference(first: string, second: string): [string, string] {
  let at = 0;
  while (at < first.length && first[at] === second[at]) at += 1;
  const from = Math.max(0, at - 20);
  const quote = (text: string) => JSON.stringify(`${from > 0 ? '…' : ''}${text.slice(from, at + 40)}`);
  return [quote(first), quote(second)];
}

/**
 * A job for `count` elements and `updates` updates. Each element gets its own copy of the data
 * for each step, made here, untimed: an integrator's elements do not share objects, and a
 * widget must not be flattered by a cache.
 */
function job(
  testCase: Case,
  implementation: Implementation,
  count: number,
  updates: number,
  markup: [string, string],
): Job {
  if (implementation === 'dom') {
    return {
      create: () => {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'open' }).innerHTML = markup[0];
        return host;
      },
      update: (element, _index, step) => {
        if (element.shadowRoot) element.shadowRoot.innerHTML = markup[step % 2] ?? '';
      },
    };
  }
  const tag = implementation === 'portico' ? testCase.tag : testCase.baseline;
  const inputs = Array.from({ length: updates + 1 }, (_, step) => {
    const input = step % 2 ? testCase.next : testCase.first;
    return Array.from({ length: count }, () => (testCase.via === 'attributes' ? input : structuredClone(input)));
  });
  const input = (step: number, index: number): Input => inputs[step]?.[index] ?? testCase.first;
  return {
    create: (index) => {
      const element = document.createElement(tag);
      if (testCase.fixed) setAttributes(element, testCase.fixed);
      give(element, testCase.via, input(0, index));
      return element;
    },
    update: (element, index, step) => {
      give(element, testCase.via, input(step, index));
    },
  };
}

/**
 * Waits for a Lit element's update (and a card's body); plain DOM is done at once. (Not
 * `instanceof LitElement`: the widgets extend the CDN build's own copy of Lit.)
 */
function done(element: HTMLElement): Promise<unknown> {
  return 'updateComplete' in element ? (element as LitElement).updateComplete : Promise.resolve();
}

/**
 * A garbage collection (Chromium runs with --expose-gc), untimed, so that fewer fall in a
 * measurement: `minor` (the young generation, about free) or `major` (the whole heap, some ms).
 */
function collectGarbage(type: 'minor' | 'major'): void {
  (globalThis as { gc?: (options: { type: string }) => void }).gc?.({ type });
}

/** Between measurements, untimed: a frame (layout, observers), then a minor garbage collection. */
async function settle(): Promise<void> {
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
  collectGarbage('minor');
}

/** Runs `operation` and waits for `elements` to be done: how long it took, in µs per element. */
async function time(elements: HTMLElement[], operation: () => void): Promise<number> {
  const start = performance.now();
  operation();
  await Promise.all(elements.map(done));
  return ((performance.now() - start) * 1000) / elements.length;
}

/**
 * One round of one implementation: the first render of `count` elements, then `updates`
 * updates of them (a minor garbage collection before each, untimed). After each, untimed,
 * `shows` checks that every element shows that step's data: that the time covered the work.
 */
async function round(
  job: Job,
  count: number,
  updates: number,
  shows: (element: HTMLElement, step: number) => void,
): Promise<[first: number, updates: number[]]> {
  const container = document.createElement('div');
  document.body.append(container);
  await settle();
  // The last round's elements and data.
  collectGarbage('major');
  const elements: HTMLElement[] = [];
  const first = await time(elements, () => {
    for (let index = 0; index < count; index += 1) elements.push(job.create(index));
    container.append(...elements);
  });
  for (const element of elements) shows(element, 0);
  // The frame after the first render: layout, and what the widgets do after it (observers).
  await settle();
  const times: number[] = [];
  for (let step = 1; step <= updates; step += 1) {
    if (step > 1) collectGarbage('minor');
    times.push(
      await time(elements, () => {
        elements.forEach((element, index) => {
          job.update(element, index, step);
        });
      }),
    );
    for (const element of elements) shows(element, step);
  }
  container.remove();
  return [first, times];
}

export interface CaseResult {
  name: string;
  /** Per implementation, per round after warm-up (and per update in it): µs per element. */
  first: Record<Implementation, number[]>;
  update: Record<Implementation, number[]>;
  /** Where the baseline's text is not the widget's (it should be: then the comparison is fair). */
  mismatches: string[];
}

interface Prepared {
  /** The widget's markup, with the first data and with the new, for the plain-DOM reference. */
  markup: [string, string];
  /** The texts the widget and the baseline show, with the first data and with the new. */
  texts: Record<'portico' | 'lit', [string, string]>;
  mismatches: string[];
}

/**
 * Renders one widget and one baseline with the first data, then the new data, untimed: the
 * widget's markup for the plain-DOM reference, and a check that the baseline shows its text.
 */
async function prepare(testCase: Case): Promise<Prepared> {
  const container = document.createElement('div');
  document.body.append(container);
  const widget = job(testCase, 'portico', 1, 1, ['', '']).create(0);
  const baseline = job(testCase, 'lit', 1, 1, ['', '']).create(0);
  container.append(widget, baseline);
  const markup: string[] = [];
  const texts: Record<'portico' | 'lit', string[]> = { portico: [], lit: [] };
  const mismatches: string[] = [];
  for (const step of ['first', 'next'] as const) {
    if (step === 'next') {
      give(widget, testCase.via, structuredClone(testCase.next));
      give(baseline, testCase.via, structuredClone(testCase.next));
    }
    await Promise.all([done(widget), done(baseline)]);
    markup.push(markupOf(widget));
    const [shown, expected] = [textOf(widget), textOf(baseline)];
    texts.portico.push(shown);
    texts.lit.push(expected);
    if (shown !== expected) {
      const [widgetText, baselineText] = difference(shown, expected);
      mismatches.push(
        `${step} data: the widget shows ${widgetText}, the baseline ${baselineText} (white space left out)`,
      );
    }
  }
  container.remove();
  const pair = (list: string[]): [string, string] => [list[0] ?? '', list[1] ?? ''];
  return { markup: pair(markup), texts: { portico: pair(texts.portico), lit: pair(texts.lit) }, mismatches };
}

export interface MeasureOptions {
  /** Elements rendered at once. */
  count: number;
  /** Rounds kept, after `warmup` rounds thrown away. */
  rounds: number;
  warmup: number;
  /** Updates measured in each round. */
  updates: number;
}

/** Measures one case: `warmup` rounds thrown away, then `rounds` kept; implementations take turns going first. */
async function measure(name: string, options: MeasureOptions): Promise<CaseResult> {
  const testCase = CASES.find((candidate) => candidate.name === name);
  if (!testCase) throw new Error(`No case ${name}`);
  const { markup, texts, mismatches } = await prepare(testCase);
  const result: CaseResult = {
    name,
    first: { portico: [], lit: [], dom: [] },
    update: { portico: [], lit: [], dom: [] },
    mismatches,
  };
  for (let index = 0; index < options.warmup + options.rounds; index += 1) {
    // Each implementation goes first in turn.
    const order = [
      ...IMPLEMENTATIONS.slice(index % IMPLEMENTATIONS.length),
      ...IMPLEMENTATIONS.slice(0, index % IMPLEMENTATIONS.length),
    ];
    for (const implementation of order) {
      const { count, updates } = options;
      // The plain-DOM reference shows the widget's markup, so its text.
      const expected = texts[implementation === 'lit' ? 'lit' : 'portico'];
      const shows = (element: HTMLElement, step: number) => {
        const text = textOf(element);
        if (text === expected[step % 2]) return;
        const when = step === 0 ? 'its first render' : `update ${step}`;
        const [shown, wanted] = difference(text, expected[step % 2] ?? '');
        throw new Error(
          `${name} (${implementation}): after ${when} and updateComplete, an element shows ${shown}, not ${wanted}: the time would not cover the work`,
        );
      };
      const [first, times] = await round(job(testCase, implementation, count, updates, markup), count, updates, shows);
      if (index < options.warmup) continue;
      result.first[implementation].push(first);
      result.update[implementation].push(...times);
    }
  }
  return result;
}

const bench = { cases: CASES.map((testCase) => testCase.name), measure };
export type RenderBench = typeof bench;
(globalThis as { porticoRenderBench?: RenderBench }).porticoRenderBench = bench;
