/**
 * What the widgets' play functions share: the toolbar's locale, a widget's parts and text as
 * a reader sees them, the checks of a heading and of the "not up to date" note, and the
 * reader's reduced-motion preference for a story.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { localeOf, type StoryLocale } from './locale.js';

/** Text with white space as the reader sees it (a no-break space stays). */
export function shown(element: Element | null | undefined): string {
  return element?.textContent.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
}

/** Every shadow part `name` of the story's `tag` widget. */
export function partsOf(canvasElement: HTMLElement, tag: string, name: string): Element[] {
  return [...(canvasElement.querySelector(tag)?.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])];
}

/** The story's `tag` widget's first shadow part `name`. */
export function partOf(canvasElement: HTMLElement, tag: string, name: string): Element | null {
  return partsOf(canvasElement, tag, name)[0] ?? null;
}

/** Waits for the widget's `stale` part and checks its text (the "not up to date" phrase). */
export async function expectStaleNote(canvasElement: HTMLElement, tag: string, text: string): Promise<void> {
  await waitFor(async () => {
    await expect(shown(partOf(canvasElement, tag, 'stale'))).toBe(text);
  });
}

/** Checks the widget's title: its text and level. */
export async function expectHeading(
  canvasElement: HTMLElement,
  tag: string,
  text: string,
  level: string,
): Promise<void> {
  await waitFor(async () => {
    const heading = partOf(canvasElement, tag, 'heading');
    await expect(shown(heading)).toBe(text);
    await expect(heading?.getAttribute('aria-level')).toBe(level);
  });
}

/** The `heading` arg in the toolbar's locale, unless the Controls panel set one. */
export function headingInLocale(headings: Record<StoryLocale, string>): Decorator {
  return (story, { args, globals }) =>
    story({ args: { ...args, heading: args.heading ?? headings[localeOf(globals)] } });
}

/**
 * For a `beforeEach`: the page reports `prefers-reduced-motion: reduce` while the story is
 * shown; returns what restores `matchMedia` after. Not on a Docs page: its stories share one
 * page until it closes, so every other carousel and count-up there would stop moving too.
 */
export function preferReducedMotion({ viewMode }: { viewMode?: string }): () => void {
  if (viewMode === 'docs') return () => undefined;
  // `matchMedia` lives on Window.prototype; the stub is an own property, removed afterwards.
  const own = Object.getOwnPropertyDescriptor(window, 'matchMedia');
  const real = window.matchMedia.bind(window);
  // For the reduced-motion query, a real list that always matches (`all`).
  const stub = (query: string): MediaQueryList => real(/prefers-reduced-motion:\s*reduce/.test(query) ? 'all' : query);
  Object.defineProperty(window, 'matchMedia', { configurable: true, writable: true, value: stub });
  return () => {
    if (own) Object.defineProperty(window, 'matchMedia', own);
    else Reflect.deleteProperty(window, 'matchMedia');
  };
}
