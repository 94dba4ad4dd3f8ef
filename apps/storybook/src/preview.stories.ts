/**
 * Checks of the preview itself (`.storybook/preview.ts`, `.storybook/widget.ts`), run with the
 * stories: links are not followed, `lang` is set only when given, heading levels are a select.
 * Tagged out of the sidebar and the Docs pages: they are for the tests, not for designers.
 */
import '@portico/sidebar-banners';
import { controlFor, LANG_OPTIONS, LANG_UNSET } from '../.storybook/widget.js';
import { declarationOf } from '../.storybook/manifest.js';
import { expect, seedContent, userEvent, waitFor, type Meta, type StoryObj } from './kit/index.js';

const { banners } = seedContent();

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

/** The controls: `lang` on every widget, `heading-level` a select of 1–6 wherever it is. */
export const Controls: Story = {
  play: async ({ argTypes }) => {
    await expect(argTypes.lang?.options).toEqual(LANG_OPTIONS);
    await expect(argTypes.lang?.control).toMatchObject({ type: 'select' });
    for (const tag of ['portico-article-card', 'portico-online-visitors', 'portico-view-counter']) {
      const attribute = declarationOf(tag)?.attributes?.find(({ name }) => name === 'heading-level');
      if (!attribute) throw new Error(`${tag} has no heading-level`);
      await expect(controlFor(attribute), tag).toMatchObject({ control: 'select', options: [1, 2, 3, 4, 5, 6] });
    }
  },
};
