import '@portico/element/before-upgrade.css';
import './preview.css';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { PorticoParameters } from '../src/kit/parameters.js';
import { manifest } from './manifest.js';
import { enhanceArgTypes, renderWidget } from './widget.js';

setCustomElementsManifest(manifest);

/** The toolbar's locale and theme, read from a story's globals. */
function storyGlobals(globals: Record<string, unknown>): { locale: 'vi' | 'en'; theme: 'light' | 'dark' } {
  return { locale: globals.locale === 'en' ? 'en' : 'vi', theme: globals.theme === 'dark' ? 'dark' : 'light' };
}

/**
 * Every story sits in a root that carries the toolbar's choices as a page would: `lang`
 * (the widgets follow their closest ancestor's) and `color-scheme` (their colours use
 * `light-dark()`), on a page background of that scheme; then in the column the story asks
 * for (`parameters.portico.width`).
 */
const storyRoot: Decorator = (story, { globals, parameters }) => {
  const { locale, theme } = storyGlobals(globals);
  const width = (parameters.portico as PorticoParameters | undefined)?.width;
  return html`<div class="portico-story" lang=${locale} style="color-scheme: ${theme}">
    <div class="portico-story-column" data-width=${width ?? nothing}>${story()}</div>
  </div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'The widgets’ language: `lang` on the story root',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'vi', right: 'vi', title: 'Tiếng Việt' },
          { value: 'en', right: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark: `color-scheme` on the story root',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'vi', theme: 'light' },
  decorators: [storyRoot],
  render: renderWidget,
  argTypesEnhancers: [enhanceArgTypes],
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    // Accessibility violations fail the story's test.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { codePanel: true },
  },
};

export default preview;
