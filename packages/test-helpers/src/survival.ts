/// <reference types="vite/client" />
import fc from 'fast-check';
import { registerSource, type DataSource } from '@portico/core';
import { expect, vi } from 'vitest';
import { oddAttribute, oddValue } from './odd-input.js';

let runCount = 0;

/** Text or an image a reader can see in `root`, slotted light DOM included. */
function seesSomething(root: ParentNode): boolean {
  const shown = (element: Element | null): boolean => {
    if (!element?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const { width, height } = element.getBoundingClientRect();
    // Visually hidden text (a 1 px clip) is for screen readers, not what a reader sees.
    return width > 1 && height > 1;
  };
  const walk = (node: Node): boolean => {
    if (node.nodeType === Node.TEXT_NODE) return Boolean(node.textContent?.trim()) && shown(node.parentElement);
    if (node instanceof HTMLImageElement) return shown(node);
    if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).some(walk);
    if (node instanceof Element && node.shadowRoot) return walk(node.shadowRoot);
    return Array.from(node.childNodes).some(walk);
  };
  return walk(root);
}

/** A custom-elements manifest, as its JSON is imported. */
export interface ElementsManifest {
  modules: readonly { declarations?: readonly object[] }[];
}

/** The part of a manifest's declaration the bad-input test reads. */
interface Declaration {
  tagName?: string;
  attributes?: readonly { name: string }[];
  members?: readonly { kind: string; name: string; static?: boolean; privacy?: string; readonly?: boolean }[];
}

/**
 * Every attribute and every public field `manifest` gives `tag`, each with odd values: so an
 * attribute or property added later is tried too, with no change to the test.
 */
function everyInput(manifest: ElementsManifest, tag: string): Pick<SurvivalOptions, 'attributes' | 'properties'> {
  const declaration = manifest.modules
    .flatMap((module): readonly Declaration[] => module.declarations ?? [])
    .find((found) => found.tagName === tag);
  if (!declaration) throw new Error(`the manifest has no <${tag}>`);
  const fields = (declaration.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && !member.privacy && !member.readonly,
  );
  return {
    attributes: Object.fromEntries(
      (declaration.attributes ?? []).map(({ name }) => [name, fc.option(oddAttribute, { nil: undefined })]),
    ),
    properties: Object.fromEntries(fields.map(({ name }) => [name, oddValue])),
  };
}

export interface SurvivalOptions {
  /**
   * The widget's custom-elements manifest: every attribute and public property it lists is given
   * odd values, besides those below (which take precedence: a data property's damaged data, an
   * enumeration's allowed values, so the widget gets past its first checks).
   */
  manifest?: ElementsManifest;
  /** Attributes set on every run, each from its arbitrary (`undefined`: not set). */
  attributes?: Record<string, fc.Arbitrary<string | undefined>>;
  /** Properties set from JavaScript, as a framework sets them, each from its arbitrary (or not set). */
  properties?: Record<string, fc.Arbitrary<unknown>>;
  /** Light-DOM markup put inside the tag before it joins the page, as a server prints it. */
  markup?: fc.Arbitrary<string>;
  /**
   * A source the widget may be given (its `source` set to it, on some runs): its `capability`
   * answers with a damaged value, or fails with an odd thrown value, as a broken plugin would.
   */
  source?: { capability: keyof DataSource; answers: fc.Arbitrary<unknown> };
  /** How many damaged inputs (default 100, or `VITE_SURVIVAL_RUNS`). */
  runs?: number;
}

/**
 * The rule for bad input, tried on many damaged inputs: a widget given odd attributes and
 * damaged data never throws out of its update, never runs script from its data, and always
 * shows something (its content, or a fallback), never a blank box. A failure names the
 * smallest input that breaks it and the seed to run it again.
 */
export async function expectToSurviveBadInput(tag: string, options: SurvivalOptions): Promise<void> {
  const every = options.manifest ? everyInput(options.manifest, tag) : {};
  const {
    attributes = {},
    properties = {},
    markup = fc.constant(''),
    source,
    runs = Number(import.meta.env.VITE_SURVIVAL_RUNS ?? 100),
  } = options;
  const input = fc.record({
    attributes: fc.record({ ...every.attributes, ...attributes }),
    properties: fc.record({ ...every.properties, ...properties }, { requiredKeys: [] }),
    markup,
    // What the source does, if the widget is given one: answer, or fail with what it throws.
    answer: source
      ? fc.option(
          fc.oneof(
            source.answers.map((value) => ({ value })),
            oddValue.map((error) => ({ error })),
          ),
        )
      : fc.constant(null),
  });
  // The widgets warn about each bad value: the point here is what they do, not what they say.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const box = document.createElement('div');
  box.style.inlineSize = '300px';
  document.body.append(box);
  try {
    await fc.assert(
      fc.asyncProperty(input, async (given) => {
        const errors: unknown[] = [];
        const onError = (event: ErrorEvent | PromiseRejectionEvent): void => {
          errors.push('error' in event ? event.error : event.reason);
        };
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onError);
        const element = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
        let unregister: (() => void) | undefined;
        try {
          element.innerHTML = given.markup;
          for (const [name, text] of Object.entries(given.attributes)) {
            if (text !== undefined) element.setAttribute(name, text);
          }
          Object.assign(element, given.properties);
          const { answer } = given;
          if (source && answer) {
            const name = `survival-source-${String((runCount += 1))}`;
            const respond = async (): Promise<unknown> => {
              await Promise.resolve();
              // A broken plugin may throw anything, not only an Error.
              if ('error' in answer) throw answer.error;
              return answer.value;
            };
            const broken: DataSource = { [source.capability]: respond };
            unregister = registerSource(name, broken);
            element.setAttribute('source', name);
          }
          box.append(element);
          await element.updateComplete;
          // The source answers in a later task.
          await new Promise((resolve) => setTimeout(resolve));
          await element.updateComplete;
          await new Promise(requestAnimationFrame);
          await element.updateComplete;
          expect(errors, 'nothing thrown out of the widget').toEqual([]);
          expect((window as { pwned?: unknown }).pwned, 'no script run from the data').toBeUndefined();
          expect(seesSomething(element), `<${tag}> shows something, never a blank box`).toBe(true);
        } finally {
          element.remove();
          unregister?.();
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onError);
        }
      }),
      // The same inputs on every run, so CI never turns red by chance; explore new ones with
      // VITE_SURVIVAL_SEED (and more with VITE_SURVIVAL_RUNS).
      { numRuns: runs, seed: Number(import.meta.env.VITE_SURVIVAL_SEED ?? 20_261_127) },
    );
  } finally {
    box.remove();
    warn.mockRestore();
  }
}
