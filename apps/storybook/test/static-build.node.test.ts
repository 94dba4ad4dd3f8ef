// The static Storybook, as designers get it from `npm run build-storybook`, loaded in
// Chromium from a plain static server: in every story, every `portico-*` element must be
// registered and rendered. This is what catches a `sideEffects` list that lets the build drop
// a widget's registering import (the dev server and the story tests would not notice).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../../tooling/chromium.mjs';
import { declarationOf } from '../.storybook/manifest.js';
import { SOURCES_README } from '../.storybook/source.js';
import { seedArticle } from '../src/kit/seed.js';
import { ensureStaticBuild, serveStatic, STATIC_DIR } from './static-storybook.js';

/** The stories of each widget, and the page composing them. */
const TITLES = [
  'Widgets/Online visitors',
  'Widgets/View counter',
  'Widgets/Category menu',
  'Widgets/Article card',
  'Widgets/Sidebar banners',
  'Pages/Portal',
  'Pages/Theming',
] as const;

/** Each widget's stories, and its tag. */
const WIDGETS = [
  ['Widgets/Online visitors', 'portico-online-visitors'],
  ['Widgets/View counter', 'portico-view-counter'],
  ['Widgets/Category menu', 'portico-category-menu'],
  ['Widgets/Article card', 'portico-article-card'],
  ['Widgets/Sidebar banners', 'portico-sidebar-banners'],
] as const;

// Generous waits: on a loaded CI machine a first Docs page or story can take
// several seconds, and these only bound how long a real failure takes to show.
const STORY_TIMEOUT = 20_000;
const RENDER_TIMEOUT = 15_000;
const DOCS_TIMEOUT = 30_000;
const SLOW = { timeout: 180_000 };

interface IndexEntry {
  type: string;
  id: string;
  title: string;
  name: string;
  importPath: string;
}

interface WidgetState {
  tag: string;
  defined: boolean;
  rendered: boolean;
}

interface StoryResult {
  id: string;
  widgets: WidgetState[];
  errors: string[];
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let allEntries: Record<string, IndexEntry> = {};
let entries: IndexEntry[] = [];

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  ensureStaticBuild();
  const index = JSON.parse(await readFile(join(STATIC_DIR, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  allEntries = index.entries;
  entries = Object.values(index.entries).filter((entry) => entry.type === 'story');
  server = await serveStatic(STATIC_DIR);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** Every `portico-*` element of the story's page: registered, and with rendered shadow content. */
function widgetStates(): WidgetState[] {
  return Array.from(document.querySelectorAll('*'))
    .filter((element) => element.localName.startsWith('portico-'))
    .map((element) => ({
      tag: element.localName,
      defined: customElements.get(element.localName) !== undefined,
      rendered:
        element.shadowRoot !== null &&
        (element.shadowRoot.childElementCount > 0 || element.shadowRoot.textContent.trim() !== ''),
    }));
}

/** Whether every `portico-*` element of the page is registered and has rendered shadow content. */
function widgetsReady(): boolean {
  const widgets = Array.from(document.querySelectorAll('*')).filter((element) =>
    element.localName.startsWith('portico-'),
  );
  return (
    widgets.length > 0 &&
    widgets.every(
      (element) =>
        customElements.get(element.localName) !== undefined &&
        element.shadowRoot !== null &&
        (element.shadowRoot.childElementCount > 0 || element.shadowRoot.textContent.trim() !== ''),
    )
  );
}

interface PreviewWindow {
  __STORYBOOK_PREVIEW__?: { onSetCurrentStory(selection: { storyId: string; viewMode: 'story' }): Promise<void> };
  __STORYBOOK_ADDONS_CHANNEL__?: {
    on(event: string, listener: (...args: unknown[]) => void): void;
    off(event: string, listener: (...args: unknown[]) => void): void;
  };
}

/**
 * Shows a story in the preview already open in `page`, as the Storybook UI does when a
 * designer picks it, and waits until it has finished (rendered, played); resolves with the
 * errors it reported.
 */
function showStory({ id, timeout }: { id: string; timeout: number }): Promise<string[]> {
  const preview = window as unknown as PreviewWindow;
  const channel = preview.__STORYBOOK_ADDONS_CHANNEL__;
  const store = preview.__STORYBOOK_PREVIEW__;
  if (!channel || !store) return Promise.resolve(['the Storybook preview did not start']);
  const errors: string[] = [];
  const failures = ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'];
  const onFailure = (...args: unknown[]): void => {
    errors.push(JSON.stringify(args).slice(0, 500));
  };
  return new Promise<string[]>((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      channel.off('storyFinished', onFinished);
      failures.forEach((event) => {
        channel.off(event, onFailure);
      });
      resolve(errors);
    };
    const onFinished = (...args: unknown[]): void => {
      if ((args[0] as { storyId?: string } | undefined)?.storyId === id) finish();
    };
    const timer = setTimeout(() => {
      errors.push(`the story did not finish within ${String(timeout)} ms`);
      finish();
    }, timeout);
    channel.on('storyFinished', onFinished);
    failures.forEach((event) => {
      channel.on(event, onFailure);
    });
    void store.onSetCurrentStory({ storyId: id, viewMode: 'story' });
  });
}

/** The snippet-rendered event: Storybook's Docs pages and Code panel show its `source`. */
const SNIPPET_RENDERED = 'storybook/docs/snippet-rendered';

/** Shows a story in the preview open in `page`, and resolves with its snippet (Docs, Code panel). */
function snippetOf({ id, event, timeout }: { id: string; event: string; timeout: number }): Promise<string> {
  const preview = window as unknown as PreviewWindow;
  const channel = preview.__STORYBOOK_ADDONS_CHANNEL__;
  const store = preview.__STORYBOOK_PREVIEW__;
  if (!channel || !store) return Promise.reject(new Error('the Storybook preview did not start'));
  return new Promise<string>((resolve, reject) => {
    const onSnippet = (...args: unknown[]): void => {
      const snippet = args[0] as { id?: string; source?: string } | undefined;
      if (snippet?.id !== id) return;
      clearTimeout(timer);
      channel.off(event, onSnippet);
      failures.forEach((failure) => {
        channel.off(failure, onFailure);
      });
      resolve(snippet.source ?? '');
    };
    // What went wrong, should no snippet come: a story emits its snippet only once it has
    // rendered and played.
    const failures = ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'];
    const reported: string[] = [];
    const onFailure = (...args: unknown[]): void => {
      reported.push(JSON.stringify(args).slice(0, 500));
    };
    failures.forEach((failure) => {
      channel.on(failure, onFailure);
    });
    const timer = setTimeout(() => {
      channel.off(event, onSnippet);
      reject(new Error([`no snippet for ${id} within ${String(timeout)} ms`, ...reported].join('; ')));
    }, timeout);
    channel.on(event, onSnippet);
    void store.onSetCurrentStory({ storyId: id, viewMode: 'story' });
  });
}

/**
 * Opens the static preview (`iframe.html`) with no story, and waits until it has started:
 * it shows its "no story" screen once its story index is loaded. Asking for a story earlier
 * races the preview's own start, which renders the selection a second time.
 */
async function openPreview(page: Page): Promise<void> {
  await page.goto(`${server.url}/iframe.html`);
  await page.waitForFunction(
    () => {
      const preview = window as unknown as PreviewWindow;
      return (
        preview.__STORYBOOK_PREVIEW__ !== undefined &&
        preview.__STORYBOOK_ADDONS_CHANNEL__ !== undefined &&
        document.body.classList.contains('sb-show-nopreview')
      );
    },
    undefined,
    { timeout: STORY_TIMEOUT },
  );
}

/** The snippet of the story `id`, from a fresh preview page. */
async function storySnippetOf(id: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await openPreview(page);
    return await page.evaluate(snippetOf, { id, event: SNIPPET_RENDERED, timeout: STORY_TIMEOUT });
  } finally {
    await page.close();
  }
}

/**
 * Opens the static preview (`iframe.html`, which loads no story until one is picked) in a
 * fresh page, then shows the stories one after the other in it. One page per title: only
 * that title's stories file is loaded, so a widget registered by another file cannot hide a
 * missing registration.
 */
async function checkStories(ids: string[]): Promise<StoryResult[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await openPreview(page);
    const results: StoryResult[] = [];
    for (const id of ids) {
      const errors = await page.evaluate(showStory, { id, timeout: STORY_TIMEOUT });
      await page
        .waitForFunction(widgetsReady, undefined, { timeout: RENDER_TIMEOUT, polling: 50 })
        .catch(() => undefined);
      results.push({ id, widgets: await page.evaluate(widgetStates), errors: [...errors, ...pageErrors.splice(0)] });
    }
    return results;
  } finally {
    await page.close();
  }
}

/** What is wrong with a story's widgets, one line each. */
function problems({ id, widgets, errors }: StoryResult): string[] {
  return [
    ...(widgets.length === 0 ? [`${id}: no portico-* element on the page`] : []),
    ...widgets.flatMap(({ tag, defined, rendered }) =>
      !defined ? [`${id}: <${tag}> is not registered`] : !rendered ? [`${id}: <${tag}> rendered nothing`] : [],
    ),
    ...errors.map((error) => `${id}: ${error}`),
  ];
}

describe('the static Storybook build', () => {
  it('has the stories of each widget and of the pages', () => {
    const titles = new Set(entries.map((entry) => entry.title));
    for (const title of TITLES) expect(titles, title).toContain(title);
  });

  it('has the Theming docs page, written in MDX, in place of the generated one', () => {
    const docs = Object.values(allEntries).find((entry) => entry.type === 'docs' && entry.title === 'Pages/Theming');
    expect(docs?.importPath).toBe('./src/theming.mdx');
  });

  it('generates each widget’s Docs page from custom-elements.json', SLOW, async () => {
    const page = await browser.newPage();
    try {
      for (const [title, tag] of WIDGETS) {
        const docs = Object.values(allEntries).find((entry) => entry.type === 'docs' && entry.title === title);
        expect(docs, `${title} has a Docs page`).toBeDefined();
        const declaration = declarationOf(tag);
        const expected = [
          ...(declaration?.attributes ?? []),
          ...(declaration?.events ?? []),
          ...(declaration?.slots ?? []),
          ...(declaration?.cssParts ?? []),
          ...(declaration?.cssProperties ?? []),
        ].map((item) => item.name);
        expect(expected.length, `${tag} is in a custom-elements.json`).toBeGreaterThan(0);
        await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(docs?.id ?? '')}&viewMode=docs`);
        await page.waitForSelector('.docblock-argstable tbody tr', { timeout: DOCS_TIMEOUT });
        const shown = await page.$$eval('.docblock-argstable tbody tr > td:first-child', (cells) =>
          cells.map((cell) => cell.textContent.trim()),
        );
        expect(
          expected.filter((name) => !shown.includes(name)),
          `${title}: rows missing from the Docs table`,
        ).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it('leaves the reader’s motion preference alone on a Docs page, where every story shows at once', SLOW, async () => {
    const page = await browser.newPage();
    try {
      // Its reduced-motion story is there among the rest: it must not stop the others moving.
      await page.goto(`${server.url}/iframe.html?id=widgets-sidebar-banners--docs&viewMode=docs`);
      await page.waitForSelector('.docblock-argstable tbody tr', { timeout: DOCS_TIMEOUT });
      await page.waitForFunction(() => document.querySelectorAll('portico-sidebar-banners').length > 5, undefined, {
        timeout: DOCS_TIMEOUT,
      });
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('sorts the sidebar: the introduction, the widgets in the DESIGN’s order, then the pages', () => {
    const titles = [...new Set(Object.values(allEntries).map((entry) => entry.title))];
    expect(titles.slice(0, 1 + TITLES.length)).toEqual(['Introduction', ...TITLES]);
  });

  it('gives a story whose data is a property a snippet that sets it, without the story root', SLOW, async () => {
    const snippet = await storySnippetOf('widgets-article-card--seed');
    const [tag, open, assignment] = snippet.split('\n');
    expect(tag).toBe('<portico-article-card variant="full"></portico-article-card>');
    expect(open).toBe('<script type="module">');
    expect(snippet).toContain("document.querySelector('portico-article-card').article = {");
    expect(assignment).toMatch(/^ {2}\/\/ Shortened for reading/);
    expect(snippet).toContain(`"id": ${JSON.stringify(seedArticle.id)}`);
    expect(snippet).toContain(`"title": ${JSON.stringify(seedArticle.title)}`);
    expect(snippet).not.toContain('portico-story');
    expect(snippet.endsWith('</script>')).toBe(true);
  });

  it('gives a story fed by a source a snippet saying the page registers it, without the story root', SLOW, async () => {
    const snippet = await storySnippetOf('widgets-online-visitors--loading');
    expect(snippet).not.toContain('portico-story');
    expect(snippet).not.toContain('<script type="module">');
    const [comment, tag] = snippet.split('\n');
    expect(tag).toBe('<portico-online-visitors source="visitors-loading"></portico-online-visitors>');
    expect(comment).toMatch(/^<!-- source="visitors-loading" names a data source the page registers/);
    expect(comment).toContain("registerSource('visitors-loading', …)");
    expect(comment).toContain('<script type="application/json" data-portico>');
    expect(comment).toContain(SOURCES_README);
  });

  it('shows the same snippet under “Show code” on the Docs page', SLOW, async () => {
    const page = await browser.newPage();
    try {
      const docs = Object.values(allEntries).find(
        (entry) => entry.type === 'docs' && entry.title === 'Widgets/Article card',
      );
      await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(docs?.id ?? '')}&viewMode=docs`);
      // The first canvas: the primary story, Seed.
      await page.locator('button', { hasText: 'Show code' }).first().click({ timeout: DOCS_TIMEOUT });
      const code = page.locator('pre.prismjs', { hasText: '<portico-article-card' }).first();
      await code.waitFor({ timeout: DOCS_TIMEOUT });
      expect(await code.textContent()).toBe(await storySnippetOf('widgets-article-card--seed'));
    } finally {
      await page.close();
    }
  });

  it.each(TITLES)('registers and renders every widget in the stories of %s', SLOW, async (title) => {
    const ids = entries.filter((entry) => entry.title === title).map((entry) => entry.id);
    expect(ids.length).toBeGreaterThan(0);
    const results = await checkStories(ids);
    expect(results.flatMap(problems)).toEqual([]);
    expect(results).toHaveLength(ids.length);
  });
});
