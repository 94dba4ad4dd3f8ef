import '@portico/element/before-upgrade.css';
import './preview.css';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { action } from 'storybook/actions';
import { configure } from 'storybook/test';
import { localeOf, type StoryLocale } from '../src/kit/locale.js';
import type { PorticoParameters } from '../src/kit/parameters.js';
import { manifest } from './manifest.js';
import { storySnippet, STORY_COLUMN_CLASS } from './source.js';
import { enhanceArgTypes, renderWidget } from './widget.js';

setCustomElementsManifest(manifest);

export type StoryTheme = 'light' | 'dark' | 'system';

/** The `color-scheme` each theme gives the story root: `light dark` follows the reader's system. */
const COLOR_SCHEMES: Record<StoryTheme, string> = { light: 'light', dark: 'dark', system: 'light dark' };

/** The toolbar's locale and theme, read from a story's globals. */
function storyGlobals(globals: Record<string, unknown>): { locale: StoryLocale; theme: StoryTheme } {
  const theme = globals.theme === 'dark' || globals.theme === 'system' ? globals.theme : 'light';
  return { locale: localeOf(globals), theme };
}

const linkFollowed = action('link (not followed)');

/**
 * Stories are not pages of a site: a link clicked in one (a banner, a menu item, an article
 * title) would take the preview frame to an address Storybook does not serve. Once the click
 * has reached the story root, after the widgets' own listeners (banner click tracking sees it
 * as usual), its default is prevented and the address goes to the Actions panel instead. The
 * composed path finds links inside the widgets' shadow roots too.
 */
function keepLinksInStory(event: MouseEvent): void {
  if (event.defaultPrevented) return;
  const link = event
    .composedPath()
    .find(
      (target): target is HTMLAnchorElement | HTMLAreaElement | SVGAElement =>
        target instanceof Element && target.matches('a[href], area[href]'),
    );
  if (!link) return;
  event.preventDefault();
  linkFollowed(link instanceof SVGAElement ? link.href.baseVal : link.href);
}

/**
 * Every story sits in a root that carries the toolbar's choices as a page would: `lang`
 * (the widgets follow their closest ancestor's) and `color-scheme` (their colours use
 * `light-dark()`), on a page background of that scheme; then in the column the story asks
 * for (`parameters.portico.width`). Links clicked in it are not followed (`keepLinksInStory`).
 * The story's snippet leaves both out (`storySnippet`): they stand for the page, not the widget.
 */
const storyRoot: Decorator = (story, { globals, parameters }) => {
  const { locale, theme } = storyGlobals(globals);
  const width = (parameters.portico as PorticoParameters | undefined)?.width;
  return html`<div
    class="portico-story"
    lang=${locale}
    style="color-scheme: ${COLOR_SCHEMES[theme]}"
    @click=${keepLinksInStory}
  >
    <div class=${STORY_COLUMN_CLASS} data-width=${width ?? nothing}>${story()}</div>
  </div>`;
};

// A play's `waitFor` waits for what a widget renders after a source answers or an image
// fails; testing-library's default of 1 s is too short on a loaded CI machine (it only bounds
// how long a real failure takes to show).
configure({ asyncUtilTimeout: 5_000 });

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
      description: 'Light, dark or the system’s: `color-scheme` on the story root (`light dark` for the system’s)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
          { value: 'system', icon: 'browser', title: 'System (light dark)' },
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
    // In the argTypes' order: each widget's main switch first (`enhanceArgTypes`).
    controls: { expanded: true, sort: 'none' },
    // The snippet a page can copy: the widget's markup and a script setting its data properties.
    docs: { codePanel: true, source: { transform: storySnippet } },
    options: {
      // The widgets in the DESIGN's order, then the pages built from them. (Read by Storybook
      // without running this file: it must stay a literal here.)
      storySort: {
        order: [
          'Introduction',
          'Widgets',
          ['Online visitors', 'View counter', 'Category menu', 'Article card', 'Sidebar banners'],
          'Pages',
          ['Portal', 'Theming'],
        ],
      },
    },
  },
};

export default preview;
