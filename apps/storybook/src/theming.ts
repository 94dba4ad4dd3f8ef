/**
 * What the Theming page shows: its example theme, and the tokens and parts of each widget
 * read from the manifests (so the page lists what the widgets document, nothing else).
 */
import { declarationOf, declaredTags, type ManifestNamed } from '../.storybook/manifest.js';

/**
 * The theme of `Pages/Theming`, as a page would write it: shared tokens on a wrapper (every
 * widget inside reads them), a per-widget token or two, and `::part()` rules for what no
 * token covers. The Theming docs page (`theming.mdx`) shows the same CSS.
 * Kept out of the stories file, whose every export would be a story.
 */
export const THEME_CSS = `.themed {
  /* Shared tokens: every widget reads them. */
  --portico-color-accent: light-dark(#8a1c1c, #ff9b9b);
  --portico-color-border: light-dark(#c9b8a8, #5c4d42);
  --portico-radius: 0;
  --portico-font-family: Georgia, serif;

  /* Per-widget tokens: one widget reads each. */
  --portico-article-card-title-color: var(--portico-color-accent);
  --portico-view-counter-tile-background: var(--portico-color-accent);
  --portico-view-counter-tile-color: light-dark(#ffffff, #1b1f24);
}

/* Parts: the elements inside a widget's shadow root that it names for styling. */
.themed portico-view-counter::part(digit) {
  min-inline-size: 1.4ch;
  box-shadow: inset 0 -0.2em 0 rgb(0 0 0 / 0.25);
}

.themed portico-article-card::part(title) {
  padding-block-end: 0.25em;
  border-block-end: 2px solid var(--portico-color-accent);
  font-variant: small-caps;
}`;

const SHARED = 'Shared token. ';

export interface ThemingItem {
  name: string;
  description: string;
}

export interface WidgetTheming {
  tag: string;
  /** The widget's own custom properties (the shared tokens left out). */
  tokens: ThemingItem[];
  parts: ThemingItem[];
}

const item = ({ name, description }: ManifestNamed): ThemingItem => ({ name, description: description ?? '' });

/** The shared `--portico-*` tokens, as the manifests document them (every widget lists them). */
export function sharedTokens(): ThemingItem[] {
  const seen = new Map<string, ThemingItem>();
  for (const tag of declaredTags()) {
    for (const property of declarationOf(tag)?.cssProperties ?? []) {
      const description = property.description ?? '';
      if (description.startsWith(SHARED) && !seen.has(property.name)) {
        seen.set(property.name, { name: property.name, description: description.slice(SHARED.length) });
      }
    }
  }
  return [...seen.values()];
}

/** Each widget's own tokens and its parts, from its custom-elements.json. */
export function widgetTheming(): WidgetTheming[] {
  return declaredTags().map((tag) => {
    const declaration = declarationOf(tag);
    return {
      tag,
      tokens: (declaration?.cssProperties ?? [])
        .filter(({ description }) => !(description ?? '').startsWith(SHARED))
        .map(item),
      parts: (declaration?.cssParts ?? []).map(item),
    };
  });
}
