/**
 * Checks of the preview itself (`.storybook/preview.ts`, `.storybook/widget.ts`,
 * `.storybook/source.ts`), run with the stories: links are not followed, `lang` is set only
 * when given, heading levels are a select, the main switch comes first, the System theme
 * follows the reader's colour-scheme preference, the snippet is the widget's own.
 * Tagged out of the sidebar and the Docs pages: they are for the tests, not for designers.
 */
import '@portico/article-card';
import '@portico/category-menu';
import '@portico/online-visitors';
import '@portico/sidebar-banners';
import '@portico/view-counter';
import { html } from 'lit';
import { composeStory } from 'storybook/preview-api';
import { storySnippet } from '../.storybook/source.js';
import { LANG_OPTIONS, LANG_UNSET, MAIN_ATTRIBUTES } from '../.storybook/widget.js';
import { declaredTags } from '../.storybook/manifest.js';
import {
  expect,
  preferColorScheme,
  seedArticle,
  seedContent,
  userEvent,
  waitFor,
  type Meta,
  type StoryObj,
} from './kit/index.js';

const { banners, categories, viewStats, visitorStats } = seedContent();

/** The first banner link in the story's banners, once they have rendered. */
async function firstBannerLink(canvasElement: HTMLElement): Promise<HTMLAnchorElement> {
  let link: HTMLAnchorElement | null | undefined;
  await waitFor(async () => {
    link = canvasElement.querySelector('portico-sidebar-banners')?.shadowRoot?.querySelector('a[href]');
    await expect(link).toBeTruthy();
  });
  if (!link) throw new Error('no banner link');
  return link;
}

const meta = {
  title: 'Storybook/Preview',
  component: 'portico-sidebar-banners',
  tags: ['!dev', '!autodocs'],
  args: { position: 'sidebar', banners },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * A banner clicked in a story: its `portico-banner-click` is dispatched as on a page, and
 * the preview stays where it is (the click's default is prevented at the story root).
 */
export const LinksAreNotFollowed: Story = {
  play: async ({ canvasElement }) => {
    const link = await firstBannerLink(canvasElement);
    const address = window.location.href;
    const tracked: (string | undefined)[] = [];
    let prevented: boolean | undefined;
    const onBannerClick = (event: Event): void => {
      tracked.push((event as CustomEvent<{ url?: string }>).detail.url);
    };
    const onClick = (event: MouseEvent): void => {
      prevented = event.defaultPrevented;
    };
    canvasElement.addEventListener('portico-banner-click', onBannerClick);
    // On the window, after the story root's listener.
    window.addEventListener('click', onClick);
    try {
      await userEvent.click(link);
    } finally {
      canvasElement.removeEventListener('portico-banner-click', onBannerClick);
      window.removeEventListener('click', onClick);
    }
    await expect(tracked).toEqual([link.href]);
    await expect(prevented).toBe(true);
    await expect(window.location.href).toBe(address);
  },
};

/** `lang` given: the widget carries it. */
export const LangGiven: Story = {
  args: { lang: 'en-GB' },
  play: async ({ canvasElement }) => {
    await firstBannerLink(canvasElement);
    await expect(canvasElement.querySelector('portico-sidebar-banners')?.getAttribute('lang')).toBe('en-GB');
  },
};

/** `lang` unset: no attribute, so the widget follows the story root's (the toolbar's locale). */
export const LangUnset: Story = {
  args: { lang: LANG_UNSET },
  play: async ({ canvasElement, globals }) => {
    await firstBannerLink(canvasElement);
    const widget = canvasElement.querySelector('portico-sidebar-banners');
    await expect(widget?.hasAttribute('lang')).toBe(false);
    await expect(widget?.closest('[lang]')?.getAttribute('lang')).toBe(globals.locale);
  },
};

/**
 * The argTypes Storybook gives a story of `tag`, through the whole pipeline: the story composed
 * with the project annotations the stories' tests run with (the framework's, the addons' and
 * the preview's, its `argTypesEnhancers` included), as every story test is.
 */
function argTypesOf(tag: string, args: Record<string, unknown> = {}): ReturnType<typeof composeStory>['argTypes'] {
  return composeStory({ args }, { title: `Storybook/Preview/Controls of ${tag}`, component: tag }).argTypes;
}

/** The widgets with a `heading-level` attribute. */
const WITH_HEADING_LEVEL = ['portico-article-card', 'portico-online-visitors', 'portico-view-counter'];

/**
 * The controls as Storybook resolves them: `lang` a select on every widget, `heading-level` a
 * select of 1–6 wherever it is (read from the manifest, then copied into the argTypes by the
 * preview's `enhanceArgTypes`), and each widget's main switch first (`variant` for the card).
 */
export const Controls: Story = {
  play: async ({ argTypes }) => {
    // This story's own argTypes (its widget's), as Storybook resolved them.
    await expect(argTypes.lang?.options).toEqual(LANG_OPTIONS);
    await expect(argTypes.lang?.control).toMatchObject({ type: 'select' });
    const tags = declaredTags();
    await expect(tags).toEqual(expect.arrayContaining(WITH_HEADING_LEVEL));
    for (const tag of tags) {
      const resolved = argTypesOf(tag);
      await expect(resolved.lang, tag).toMatchObject({ control: { type: 'select' }, options: LANG_OPTIONS });
      // The main switch first (`controls.sort` is `none`), even when a story gives other args
      // (Storybook puts the args it infers a type for first).
      const main = MAIN_ATTRIBUTES[tag] ?? [];
      const withArgs = argTypesOf(tag, { source: 'preview-controls', lang: 'vi' });
      await expect(Object.keys(withArgs).slice(0, main.length), tag).toEqual(main);
      if (!WITH_HEADING_LEVEL.includes(tag)) continue;
      await expect(resolved['heading-level'], tag).toMatchObject({
        control: { type: 'select' },
        options: [1, 2, 3, 4, 5, 6],
        table: { category: 'attributes', type: { summary: '1 | 2 | 3 | 4 | 5 | 6' } },
      });
    }
  },
};

/** The comments Lit leaves in rendered HTML, which Storybook takes out of what it prints. */
const LIT_COMMENTS = /<!--\?lit\$[0-9]+\$-->|<!--\??-->/g;

/**
 * The story's snippet, as the Docs page and the Code panel show it (`.storybook/source.ts`).
 * Storybook prints the story as rendered, the preview's story root included (as the canvas
 * holds it here), and a data property as nothing; the snippet is the widget's own markup and
 * a script setting the property to the args' data. A snippet is left as it is: the Docs page
 * applies the transform once more.
 */
export const Snippet: Story = {
  play: async (context) => {
    await firstBannerLink(context.canvasElement);
    const printed = context.canvasElement.innerHTML.replace(LIT_COMMENTS, '');
    await expect(printed).toContain('class="portico-story"');
    const snippet = storySnippet(printed, context);
    await expect(snippet).not.toContain('portico-story');
    const [tag, open, assignment] = snippet.split('\n');
    // (The live widget has reflected a few attributes since Storybook printed it.)
    await expect(tag).toMatch(/^<portico-sidebar-banners position="sidebar"[^>]*><\/portico-sidebar-banners>$/);
    await expect(open).toBe('<script type="module">');
    await expect(assignment).toBe("  document.querySelector('portico-sidebar-banners').banners = [");
    // The args' data, whole (the seed's banners are short: nothing is shortened).
    const data = /\.banners = (\[[\s\S]*\]);\n<\/script>$/.exec(snippet)?.[1] ?? '';
    await expect(JSON.parse(data)).toEqual(banners);
    await expect(storySnippet(snippet, context)).toBe(snippet);
  },
};

const WIDGETS = [
  'portico-category-menu',
  'portico-online-visitors',
  'portico-article-card',
  'portico-sidebar-banners',
  'portico-view-counter',
];

/**
 * The colours of every widget in `container`: the `color`, `background-color` and border
 * colours of each host and each element of its shadow root, keyed by widget and element.
 */
function coloursIn(container: Element): Record<string, string> {
  const colours: Record<string, string> = {};
  for (const tag of WIDGETS) {
    const widget = container.querySelector(tag);
    const elements = [widget, ...(widget?.shadowRoot?.querySelectorAll('*:not(style)') ?? [])];
    elements.forEach((element, index) => {
      if (!element) return;
      const style = getComputedStyle(element);
      const part = element.getAttribute('part');
      colours[`${tag} ${String(index)} ${element.localName}${part ? `::part(${part})` : ''}`] = [
        style.color,
        style.backgroundColor,
        style.borderTopColor,
        style.borderBottomColor,
      ].join(' / ');
    });
  }
  return colours;
}

/**
 * The toolbar's System theme: the story root's `color-scheme` is `light dark`, so the widgets'
 * colours follow the reader's `prefers-color-scheme`. Each widget's colours, the reader
 * preferring dark, are exactly the Dark theme's (taken first with `color-scheme: dark` on the
 * widgets' wrapper), and, preferring light, the Light theme's. The browser emulates each
 * preference (`preferColorScheme`), so this story runs as a test only.
 */
export const SystemTheme: Story = {
  globals: { theme: 'system' },
  render: () => html`
    <div class="system-theme" style="display: grid; gap: 1rem; grid-template-columns: 200px minmax(0, 1fr)">
      <portico-category-menu .categories=${categories} current=${categories[0]?.url ?? ''}></portico-category-menu>
      <portico-article-card .article=${seedArticle}></portico-article-card>
      <portico-online-visitors
        guests=${visitorStats.guests}
        members=${visitorStats.members}
        heading-level="2"
      ></portico-online-visitors>
      <portico-view-counter value=${viewStats.total} digits="tiles" heading-level="2"></portico-view-counter>
      <portico-sidebar-banners position="sidebar" .banners=${banners}></portico-sidebar-banners>
    </div>
  `,
  play: async ({ canvasElement, step }) => {
    const wrapper = canvasElement.querySelector<HTMLElement>('.system-theme');
    if (!wrapper) throw new Error('no widgets');
    await waitFor(async () => {
      for (const tag of WIDGETS) {
        await expect(wrapper.querySelector(tag)?.shadowRoot?.childElementCount, tag).toBeGreaterThan(0);
      }
    });
    // The System theme's root, which the widgets inherit.
    await expect(getComputedStyle(wrapper).colorScheme).toBe('light dark');

    /** The widgets' colours with `scheme` set on their wrapper, as the Light or Dark theme sets it. */
    const coloursInScheme = (scheme: 'light' | 'dark'): Record<string, string> => {
      wrapper.style.colorScheme = scheme;
      try {
        return coloursIn(wrapper);
      } finally {
        wrapper.style.removeProperty('color-scheme');
      }
    };
    const light = coloursInScheme('light');
    const dark = coloursInScheme('dark');
    // Else the checks below would tell nothing.
    await expect(dark).not.toEqual(light);

    try {
      await step('the reader prefers dark: the Dark theme’s colours', async () => {
        await preferColorScheme('dark');
        await expect(window.matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
        await waitFor(async () => {
          await expect(coloursIn(wrapper)).toEqual(dark);
        });
      });
      await step('the reader prefers light: the Light theme’s colours', async () => {
        await preferColorScheme('light');
        await expect(window.matchMedia('(prefers-color-scheme: light)').matches).toBe(true);
        await waitFor(async () => {
          await expect(coloursIn(wrapper)).toEqual(light);
        });
      });
    } finally {
      await preferColorScheme(null);
    }
  },
};
