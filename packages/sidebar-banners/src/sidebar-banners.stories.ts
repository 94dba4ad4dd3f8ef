import type { Banner } from '@portico/core';
import {
  expect,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  sample,
  sampleBanners,
  sampleImage,
  seed,
  userEvent,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  type Meta,
  type StoryObj,
} from '@portico/storybook/kit';
import './index.js';

const SEED_BANNERS: Banner[] = structuredClone(seed.banners);
const SAMPLE_BANNERS = sampleBanners();
const IMAGE_BANNERS = SAMPLE_BANNERS.filter((banner) => banner.image && !banner.pinned);

/** The seed's banners as Joomla's mod_banners prints them. */
const SEED_MARKUP = SEED_BANNERS.map(
  ({ title, url }) => `<div class="banneritem"><a href="${url ?? '#'}">${title}</a></div>`,
).join('');

const DAY = 86_400_000;

function bannersRoot(canvasElement: HTMLElement): ShadowRoot {
  const root = canvasElement.querySelector('portico-sidebar-banners')?.shadowRoot;
  if (!root) throw new Error('<portico-sidebar-banners> has not rendered');
  return root;
}

/** The accessible name of the slide shown (`1 / 3`). */
function currentSlide(root: ShadowRoot): string {
  return root.querySelector('[part~="slide"][data-current]')?.getAttribute('aria-label') ?? '';
}

const meta = {
  title: 'Widgets/Sidebar banners',
  component: 'portico-sidebar-banners',
  parameters: {
    docs: {
      subtitle: 'A module position’s banners, ordered as Joomla’s mod_banners orders them, optionally rotating.',
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The seed page's two text banners in the `sidebar` position. */
export const Seed: Story = { args: { position: 'sidebar', banners: SEED_BANNERS }, parameters: inSidebar };

/** Image banners, a custom-HTML banner, a text link and a pinned banner first (samples). */
export const Many: Story = { args: { position: 'sidebar', banners: SAMPLE_BANNERS }, parameters: inSidebar };

/** One banner. */
export const One: Story = { args: { position: 'sidebar', banners: IMAGE_BANNERS.slice(0, 1) }, parameters: inSidebar };

/** No banner to show: the box says there is nothing yet. */
export const Empty: Story = { args: { position: 'sidebar', banners: [] }, parameters: inSidebar };

/**
 * `rotate="5"`: one banner at a time, as the WAI-ARIA carousel, with the pause button first,
 * then previous and next. The pinned banner stays above it.
 */
export const Carousel: Story = {
  args: { position: 'sidebar', rotate: 5, banners: SAMPLE_BANNERS },
  parameters: inSidebar,
};

/**
 * The carousel's pause button: the banners rotate by themselves (every second here); the
 * button stops them, even with the pointer and focus elsewhere, and starts them again.
 */
export const CarouselPauseButton: Story = {
  args: { position: 'sidebar', rotate: 1, banners: IMAGE_BANNERS },
  parameters: inSidebar,
  play: async ({ canvasElement, step }) => {
    const root = bannersRoot(canvasElement);
    await waitFor(async () => {
      await expect(root.querySelector('[part~="rotation"]')).toBeTruthy();
    });
    const button = root.querySelector<HTMLButtonElement>('[part~="rotation"]');
    const carousel = root.querySelector<HTMLElement>('[part~="carousel"]');
    if (!button || !carousel) throw new Error('no carousel');
    const label = (): string => button.textContent.trim();
    const leave = async (): Promise<void> => {
      await userEvent.unhover(carousel);
      button.blur();
    };
    const pauseLabel = label();

    await step('rotates by itself', async () => {
      const first = currentSlide(root);
      await waitFor(
        async () => {
          await expect(currentSlide(root)).not.toBe(first);
        },
        { timeout: 3000 },
      );
    });

    await step('the pause button stops the rotation', async () => {
      await userEvent.click(button);
      await waitFor(async () => {
        await expect(label()).not.toBe(pauseLabel);
      });
      await leave();
      const paused = currentSlide(root);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await expect(currentSlide(root)).toBe(paused);
    });

    await step('the same button starts it again', async () => {
      await userEvent.click(button);
      await waitFor(async () => {
        await expect(label()).toBe(pauseLabel);
      });
      await leave();
      const restarted = currentSlide(root);
      await waitFor(
        async () => {
          await expect(currentSlide(root)).not.toBe(restarted);
        },
        { timeout: 3000 },
      );
    });
  },
};

/** `limit="3"`: the first three after ordering. */
export const Limit: Story = { args: { position: 'sidebar', limit: 3, banners: SAMPLE_BANNERS }, parameters: inSidebar };

/** `order="random"`: pinned banners first, then shuffled on each page view. */
export const RandomOrder: Story = {
  args: { position: 'sidebar', order: 'random', banners: SAMPLE_BANNERS },
  parameters: inSidebar,
};

/** A custom-HTML banner: sanitized, its links kept. */
export const CustomHtml: Story = {
  args: { position: 'sidebar', banners: SAMPLE_BANNERS.filter((banner) => banner.html) },
  parameters: inSidebar,
};

/** Outside their publish window (ended yesterday, starts tomorrow): not shown; only the current one is. */
export const PublishWindow: Story = {
  args: {
    position: 'sidebar',
    banners: [
      {
        id: 'mau-het-han',
        title: sample('Đã hết hạn'),
        url: '/mau/het-han',
        publishDown: new Date(Date.now() - DAY).toISOString(),
      },
      {
        id: 'mau-sap-toi',
        title: sample('Sắp diễn ra'),
        url: '/mau/sap-toi',
        publishUp: new Date(Date.now() + DAY).toISOString(),
      },
      ...SEED_BANNERS.slice(0, 1),
    ],
  },
  parameters: inSidebar,
};

/** The seed's banners from a data source (`getBanners('sidebar')`). */
export const FromSource: Story = {
  args: { source: 'banners-seed', position: 'sidebar' },
  beforeEach: withData('banners-seed', { banners: SEED_BANNERS }),
  parameters: inSidebar,
};

/** Waiting for the source's answer. */
export const Loading: Story = {
  args: { source: 'banners-loading', position: 'sidebar' },
  beforeEach: withLoadingSource('banners-loading'),
  parameters: inSidebar,
};

/** The source failed, with no links to fall back on. */
export const Failed: Story = {
  args: { source: 'banners-failed', position: 'sidebar' },
  beforeEach: withFailingSource('banners-failed'),
  parameters: inSidebar,
};

/** The source failed: the links the server printed stay. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'banners-failed-markup', position: 'sidebar' },
  beforeEach: withFailingSource('banners-failed-markup'),
  parameters: withMarkup(SEED_MARKUP, 'sidebar'),
};

/** Joomla's mod_banners markup, read and shown by the widget (no script-side data). */
export const ServerMarkup: Story = { args: { position: 'sidebar' }, parameters: withMarkup(SEED_MARKUP, 'sidebar') };

/** Very long Vietnamese titles: a text link and an image's alt text, in a 200 px sidebar. */
export const LongVietnameseText: Story = {
  args: {
    position: 'sidebar',
    banners: [
      { id: 'mau-dai', title: LONG_VIETNAMESE.banner, url: '/mau/hang-viet' },
      {
        id: 'mau-dai-anh',
        title: LONG_VIETNAMESE.banner,
        url: '/mau/hang-viet-anh',
        image: sampleImage(LONG_VIETNAMESE.banner, 240, 120, 1),
      },
      ...SEED_BANNERS,
    ],
  },
  parameters: inSidebar,
};

/** A carousel of wide banners in the main column. */
export const InWideColumn: Story = {
  args: {
    position: 'top',
    rotate: 6,
    banners: IMAGE_BANNERS.map((banner, index) => ({
      ...banner,
      position: 'top',
      image: sampleImage(banner.title, 960, 160, index),
    })),
  },
  parameters: inWideColumn,
};
