import { registerSource, type DataSource } from '@portico/core';
import { vi } from 'vitest';
import {
  createMemorySource,
  type MemorySource,
  type MemorySourceData,
  type MemorySourceOptions,
} from '@portico/core/testing';

const cleanUps: (() => void)[] = [];

/** Runs everything `mount`, `testSource` and `onCleanUp` registered; call it in `afterEach`. */
export function cleanUpMounted(): void {
  cleanUps.splice(0).forEach((cleanUp) => {
    cleanUp();
  });
}

/** Registers something to undo after the test. */
export function onCleanUp(cleanUp: () => void): void {
  cleanUps.push(cleanUp);
}

/**
 * Puts `markup` into the page (inside `container`, default the body) and waits for the
 * first element matching `selector` to render. Removed again by `cleanUpMounted`.
 */
export async function mount<T extends Element & { updateComplete: Promise<unknown> }>(
  selector: string,
  markup: string,
  container: Element = document.body,
): Promise<T> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  container.append(wrapper);
  onCleanUp(() => {
    wrapper.remove();
  });
  const element = wrapper.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector} in ${markup}`);
  await element.updateComplete;
  return element;
}

let sourceCount = 0;

/** A memory source registered under a fresh name, unregistered by `cleanUpMounted`. */
export function testSource(
  data: MemorySourceData,
  options: MemorySourceOptions = {},
): { name: string; memory: MemorySource } {
  sourceCount += 1;
  const name = `test-source-${String(sourceCount)}`;
  const memory = createMemorySource(data, options);
  onCleanUp(registerSource(name, memory));
  return { name, memory };
}

/** Registers a source under a given name until `cleanUpMounted`. */
export function registerTestSource(name: string, source: DataSource): void {
  onCleanUp(registerSource(name, source));
}

/**
 * The text of an element's `role="status"` region, with runs of ASCII white space as one
 * space: no-break spaces are kept, since they are part of what is tested.
 */
export function statusText(element: Element): string {
  return (
    element.shadowRoot
      ?.querySelector('[role="status"]')
      ?.textContent.replace(/[ \t\n\r]+/g, ' ')
      .trim() ?? ''
  );
}

/** Under fake timers: runs what is due now, then waits for the element's update. */
export async function flushUpdates(element: { updateComplete: Promise<unknown> }): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
  await element.updateComplete;
}

/** Makes `prefers-reduced-motion: reduce` match, or not, until mocks are restored. */
export function stubReducedMotion(reduce: boolean): void {
  const original = window.matchMedia.bind(window);
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) =>
    query.includes('prefers-reduced-motion') ? ({ matches: reduce } as MediaQueryList) : original(query),
  );
}

/** The number a view counter shows (its `number` part), without the hidden spoken copy. */
export function shownNumber(counter: Element): string | undefined {
  return counter.shadowRoot?.querySelector('[part~="number"]')?.textContent.trim();
}
