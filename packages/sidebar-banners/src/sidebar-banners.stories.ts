import type { Banner } from '@portico/core';
import {
  expect,
  fn,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  sample,
  sampleBanners,
  sampleImage,
  samplePngSource,
  seed,
  userEvent,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  type Meta,
  type StoryObj,
  preferReducedMotion,
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

/** The accessible name of the slide shown (`1 trên 3`). */
function currentSlide(root: ShadowRoot): string {
  return root.querySelector('[part~="slide"][data-current]')?.getAttribute('aria-label') ?? '';
}

/** The carousel texts a story checks, in the toolbar's locale. */
function carouselPhrases(globals: Record<string, unknown>): {
  carousel: string;
  start: string;
  pause: string;
  slide: (index: number, count: number) => string;
} {
  return globals.locale === 'en'
    ? {
        carousel: 'carousel',
        start: 'Start rotation',
        pause: 'Pause rotation',
        slide: (index, count) => `${String(index)} of ${String(count)}`,
      }
    : {
        carousel: 'trình chiếu',
        start: 'Bắt đầu trình chiếu',
        pause: 'Tạm dừng',
        slide: (index, count) => `${String(index)} trên ${String(count)}`,
      };
}

/** The carousel's rotation button, once it has rendered. */
async function rotationButton(root: ShadowRoot): Promise<HTMLButtonElement> {
  await waitFor(async () => {
    await expect(root.querySelector('[part~="rotation"]')).toBeTruthy();
  });
  const button = root.querySelector<HTMLButtonElement>('[part~="rotation"]');
  if (!button) throw new Error('no rotation button');
  return button;
}

/** The accessible name of the rotation button (`Pause rotation` / `Start rotation`). */
function rotationLabel(root: ShadowRoot): string {
  return root.querySelector('[part~="rotation"]')?.textContent.trim() ?? '';
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
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
 * then previous and next. The pinned banner stays above it. It rotates when opened: the
 * checks that stop it (keyboard focus, the pause button) are in `CarouselKeyboard` and
 * `CarouselPauseButton`.
 */
export const Carousel: Story = {
  args: { position: 'sidebar', rotate: 5, banners: SAMPLE_BANNERS },
  parameters: inSidebar,
  play: async ({ canvasElement, globals, step }) => {
    const root = bannersRoot(canvasElement);
    const phrases = carouselPhrases(globals);
    await rotationButton(root);
    const slideCount = SAMPLE_BANNERS.filter((banner) => !banner.pinned).length;

    await step('a carousel region of slides, the first shown, rotating', async () => {
      await expect(root.querySelector('[part~="carousel"]')?.getAttribute('aria-roledescription')).toBe(
        phrases.carousel,
      );
      await expect(currentSlide(root)).toBe(phrases.slide(1, slideCount));
      // Rotating: the button offers to pause it. Nothing here focuses or clicks it.
      await expect(rotationLabel(root)).toBe(phrases.pause);
      await expect(root.querySelector('[part~="slides"]')?.getAttribute('aria-live')).toBe('off');
    });
  },
};

/**
 * The carousel from the keyboard: focus coming in stops the rotation (the button then offers
 * to start it, as the WAI-ARIA carousel pattern asks), and ArrowRight and ArrowLeft change
 * the slide. Left stopped, as a reader's keyboard leaves it: the button starts it again.
 */
export const CarouselKeyboard: Story = {
  args: { position: 'sidebar', rotate: 5, banners: SAMPLE_BANNERS },
  parameters: inSidebar,
  play: async ({ canvasElement, globals, step }) => {
    const root = bannersRoot(canvasElement);
    const phrases = carouselPhrases(globals);
    const button = await rotationButton(root);
    const slideCount = SAMPLE_BANNERS.filter((banner) => !banner.pinned).length;

    await step('keyboard focus coming in stops the rotation: the button offers to start it', async () => {
      await expect(rotationLabel(root)).toBe(phrases.pause);
      button.focus();
      await waitFor(async () => {
        await expect(rotationLabel(root)).toBe(phrases.start);
      });
    });

    await step('ArrowRight shows the next slide, ArrowLeft the previous one', async () => {
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(async () => {
        await expect(currentSlide(root)).toBe(phrases.slide(2, slideCount));
      });
      await userEvent.keyboard('{ArrowLeft}');
      await waitFor(async () => {
        await expect(currentSlide(root)).toBe(phrases.slide(1, slideCount));
      });
      button.blur();
    });
  },
};

/** `label`: the carousel region's accessible name, in place of `Featured links` / `Liên kết nổi bật`. */
export const CarouselWithLabel: Story = {
  args: { position: 'sidebar', rotate: 5, label: 'Cổng thông tin các sở, ngành', banners: SAMPLE_BANNERS },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    const root = bannersRoot(canvasElement);
    await rotationButton(root);
    await expect(root.querySelector('[part~="carousel"]')?.getAttribute('aria-label')).toBe(
      'Cổng thông tin các sở, ngành',
    );
  },
};

/**
 * The reader prefers reduced motion: the carousel never rotates by itself, and its button
 * offers to start the rotation. Open the story on its own to see it: on the Docs page, it
 * follows your own preference.
 */
export const CarouselReducedMotion: Story = {
  args: { position: 'sidebar', rotate: 1, banners: IMAGE_BANNERS },
  beforeEach: preferReducedMotion,
  parameters: inSidebar,
  play: async ({ canvasElement, globals }) => {
    const root = bannersRoot(canvasElement);
    const phrases = carouselPhrases(globals);
    await rotationButton(root);
    await expect(rotationLabel(root)).toBe(phrases.start);
    await expect(root.querySelector('[part~="slides"]')?.getAttribute('aria-live')).toBe('polite');
    const first = currentSlide(root);
    await pause(2500);
    await expect(currentSlide(root)).toBe(first);
  },
};

/** Rotation stopped by the reader as the page loads: the button then offers to start it, and nothing moves. */
export const CarouselPaused: Story = {
  args: { position: 'sidebar', rotate: 1, banners: IMAGE_BANNERS },
  parameters: inSidebar,
  play: async ({ canvasElement, globals }) => {
    const root = bannersRoot(canvasElement);
    const phrases = carouselPhrases(globals);
    const button = await rotationButton(root);
    await userEvent.click(button);
    await waitFor(async () => {
      await expect(rotationLabel(root)).toBe(phrases.start);
    });
    const carousel = root.querySelector<HTMLElement>('[part~="carousel"]');
    if (carousel) await userEvent.unhover(carousel);
    button.blur();
    const paused = currentSlide(root);
    await pause(2500);
    await expect(currentSlide(root)).toBe(paused);
    await expect(rotationLabel(root)).toBe(phrases.start);
  },
};

const LONG_SLIDES: Banner[] = [
  { id: 'mau-ngan', title: sample('Cổng dịch vụ công'), url: '/mau/dich-vu-cong' },
  { id: 'mau-dai', title: LONG_VIETNAMESE.banner, url: '/mau/hang-viet' },
  { id: 'mau-rat-dai', title: LONG_VIETNAMESE.title, url: '/mau/so-ket' },
  { id: 'mau-vua', title: LONG_VIETNAMESE.category, url: '/mau/hoc-tap-lam-theo-bac' },
];

/**
 * A carousel of very long Vietnamese titles in a 200 px sidebar: the box keeps the tallest
 * slide's height, so the page does not move as the slides change.
 */
export const CarouselLongVietnameseText: Story = {
  args: { position: 'sidebar', rotate: 8, banners: LONG_SLIDES },
  parameters: inSidebar,
  play: async ({ canvasElement, globals }) => {
    const root = bannersRoot(canvasElement);
    const phrases = carouselPhrases(globals);
    await rotationButton(root);
    const slides = root.querySelector<HTMLElement>('[part~="slides"]');
    const next = root.querySelector<HTMLButtonElement>('[part~="next"]');
    if (!slides || !next) throw new Error('no carousel');
    const heights: number[] = [];
    for (let index = 1; index <= LONG_SLIDES.length; index += 1) {
      await waitFor(async () => {
        await expect(currentSlide(root)).toBe(phrases.slide(index, LONG_SLIDES.length));
      });
      heights.push(slides.getBoundingClientRect().height);
      await userEvent.click(next);
    }
    const tallest = Math.max(
      ...Array.from(root.querySelectorAll<HTMLElement>('[part~="slide"]'), (slide) => slide.offsetHeight),
    );
    const shortest = root.querySelector('[part~="slide"] [part~="link"]')?.getBoundingClientRect().height ?? 0;
    await expect(shortest, 'the titles take different heights').toBeLessThan(tallest / 2);
    for (const height of heights) await expect(Math.abs(height - tallest)).toBeLessThan(1);
    const carousel = root.querySelector<HTMLElement>('[part~="carousel"]');
    if (carousel) await userEvent.unhover(carousel);
    next.blur();
  },
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

const TRACKED_BANNERS = SEED_BANNERS.map((banner) => ({ ...banner }));

/**
 * Tracking: `portico-banner-impression` when a banner is first half visible, and
 * `portico-banner-click` when its link is activated, both with `{ id, title, url, position }`
 * (logged in the Actions panel). The play clicks a banner with navigation prevented.
 */
export const Tracking: Story = {
  args: {
    position: 'sidebar',
    banners: TRACKED_BANNERS,
    onPorticoBannerImpression: fn(),
    onPorticoBannerClick: fn(),
  },
  parameters: inSidebar,
  play: async ({ args, canvasElement, step }) => {
    const root = bannersRoot(canvasElement);
    const [first] = TRACKED_BANNERS;
    if (!first) throw new Error('no banner');
    // Events carry the address resolved against the page, as the browser follows it.
    const url = first.url === undefined ? undefined : new URL(first.url, document.baseURI).href;
    const detail = { id: first.id, title: first.title, url, position: 'sidebar' };
    const onImpression = args.onPorticoBannerImpression as ReturnType<typeof fn>;
    const onClick = args.onPorticoBannerClick as ReturnType<typeof fn>;

    await step('an impression for each banner shown', async () => {
      await waitFor(async () => {
        await expect(onImpression).toHaveBeenCalledTimes(TRACKED_BANNERS.length);
      });
      await expect(onImpression).toHaveBeenCalledWith(expect.objectContaining({ detail }));
    });

    await step('a click, without leaving the page', async () => {
      const link = root.querySelector<HTMLAnchorElement>(`[data-id="${first.id}"] a`);
      if (!link) throw new Error('no link');
      canvasElement.addEventListener(
        'click',
        (event) => {
          event.preventDefault();
        },
        { once: true },
      );
      await userEvent.click(link);
      await expect(onClick).toHaveBeenCalledTimes(1);
      await expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ detail }));
      await expect(onImpression).toHaveBeenCalledTimes(TRACKED_BANNERS.length);
    });
  },
};

/** `limit="3"`: the first three after ordering. */
export const Limit: Story = { args: { position: 'sidebar', limit: 3, banners: SAMPLE_BANNERS }, parameters: inSidebar };

/** A sample text banner of the `sidebar` position, at `ordering`. */
function orderedBanner(id: string, title: string, ordering: number, pinned = false): Banner {
  return { id, title: sample(title), url: `/mau/${id}`, position: 'sidebar', ordering, ...(pinned ? { pinned } : {}) };
}

/** Banners given out of order: two pinned, their orderings shuffled among the others'. */
const SHUFFLED_BANNERS: Banner[] = [
  orderedBanner('mau-thu-ba', 'Thứ ba theo thứ tự', 3),
  orderedBanner('mau-ghim-sau', 'Ghim, thứ tự 5', 5, true),
  orderedBanner('mau-thu-nhat', 'Thứ nhất theo thứ tự', 1),
  orderedBanner('mau-thu-tu', 'Thứ tư theo thứ tự', 4),
  orderedBanner('mau-ghim-truoc', 'Ghim, thứ tự 2', 2, true),
  orderedBanner('mau-thu-hai', 'Thứ hai theo thứ tự', 2),
];

/** `SHUFFLED_BANNERS` as shown: the pinned ones by their ordering, then the others by theirs. */
const SHUFFLED_SHOWN = ['mau-ghim-truoc', 'mau-ghim-sau', 'mau-thu-nhat', 'mau-thu-hai', 'mau-thu-ba', 'mau-thu-tu'];

/**
 * `order="ordering"` (the default), as Joomla's mod_banners: banners given in shuffled
 * `ordering`, two of them pinned. The pinned ones come first (by their own `ordering`, even
 * above lower-ordered others), then the others, lowest `ordering` first.
 */
export const PinnedAndOrdering: Story = {
  args: { position: 'sidebar', banners: SHUFFLED_BANNERS },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    const root = bannersRoot(canvasElement);
    const shownIds = (): (string | null)[] =>
      Array.from(root.querySelectorAll('[part~="banner"]'), (banner) => banner.getAttribute('data-id'));
    await waitFor(async () => {
      await expect(shownIds()).toEqual(SHUFFLED_SHOWN);
    });
    const titles = Array.from(root.querySelectorAll('[part~="banner"] [part~="link"]'), (link) =>
      link.textContent.trim(),
    );
    await expect(titles).toEqual(
      SHUFFLED_SHOWN.map((id) => SHUFFLED_BANNERS.find((banner) => banner.id === id)?.title),
    );
  },
};

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

const UNSAFE_TITLE = sample('Tuần lễ văn hóa');

/**
 * Custom HTML with a script, event handlers, inline styles and a style sheet: none of them
 * survive the sanitizer; the text, the link and the image stay, and the link to another site
 * is marked sponsored.
 */
export const UnsafeHtml: Story = {
  args: {
    position: 'sidebar',
    banners: [
      {
        id: 'mau-html-nguy-hiem',
        title: UNSAFE_TITLE,
        html:
          '<style>body { display: none }</style>' +
          '<p onclick="window.porticoUnsafe = true" style="color: red">' +
          '<strong style="font-size: 4em">Tuần lễ</strong> ' +
          '<a href="https://vanhoa.example.org/tuan-le" onmouseover="window.porticoUnsafe = true">Xem chương trình</a></p>' +
          '<script>window.porticoUnsafe = true</script>' +
          `<img src="${samplePngSource(240, 80, 2)}" onerror="window.porticoUnsafe = true" width="240" height="80">`,
      },
    ],
  },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    const root = bannersRoot(canvasElement);
    await waitFor(async () => {
      await expect(root.querySelector('[part~="html"] a')).toBeTruthy();
    });
    const box = root.querySelector<HTMLElement>('[part~="html"]');
    if (!box) throw new Error('no custom HTML');
    await expect(box.querySelector('script, style, iframe, form')).toBeNull();
    await expect(box.querySelector('[style], [onclick], [onmouseover], [onerror]')).toBeNull();
    await expect(box.textContent).toContain('Xem chương trình');
    const link = box.querySelector('a');
    await expect(link?.relList.contains('sponsored')).toBe(true);
    const image = box.querySelector('img');
    await expect(image?.alt).toBe(UNSAFE_TITLE);
    await waitFor(async () => {
      await expect(image?.naturalWidth, 'the image shows').toBe(240);
    });
    await expect(Reflect.get(window, 'porticoUnsafe')).toBeUndefined();
  },
};

const BROKEN_IMAGE_TITLE = sample('Cổng thông tin điện tử tỉnh');

/** An image that does not load (404): the banner becomes a text link with its title. */
export const BrokenImage: Story = {
  args: {
    position: 'sidebar',
    banners: [
      {
        id: 'mau-anh-hong',
        title: BROKEN_IMAGE_TITLE,
        url: '/mau/cong-thong-tin',
        image: { src: '/mau/khong-co-anh-nay.png', alt: '', width: 240, height: 80 },
      },
    ],
  },
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    const root = bannersRoot(canvasElement);
    // The image's error comes when the server answers 404: more than waitFor's default second on
    // a loaded machine.
    await waitFor(
      async () => {
        await expect(root.querySelector('[part~="link"] [part~="title"]')?.textContent.trim()).toBe(BROKEN_IMAGE_TITLE);
      },
      { timeout: 10_000 },
    );
    await expect(root.querySelector('[part~="image"]')).toBeNull();
    await expect(root.querySelector('[part~="link"]')?.getAttribute('href')).toBe('/mau/cong-thong-tin');
  },
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

/** The source answered with no banners for the position: the box says there is nothing yet. */
export const EmptyFromSource: Story = {
  args: { source: 'banners-empty', position: 'sidebar' },
  beforeEach: withData('banners-empty', { banners: [] }),
  parameters: inSidebar,
};

/**
 * A carousel (`rotate="5"`) waiting for the source's answer: the loading note, and no carousel
 * controls until there are banners to rotate.
 */
export const CarouselLoading: Story = {
  args: { source: 'banners-carousel-loading', position: 'sidebar', rotate: 5 },
  beforeEach: withLoadingSource('banners-carousel-loading'),
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(bannersRoot(canvasElement).querySelector('[part~="status"]')).toHaveAttribute('role', 'status');
    });
    await expect(bannersRoot(canvasElement).querySelector('[part~="carousel"]')).toBeNull();
  },
};

/** A carousel (`rotate="5"`) whose source failed, with no links to fall back on: no carousel controls. */
export const CarouselFailed: Story = {
  args: { source: 'banners-carousel-failed', position: 'sidebar', rotate: 5 },
  beforeEach: withFailingSource('banners-carousel-failed'),
  parameters: inSidebar,
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(bannersRoot(canvasElement).querySelector('[part~="empty"][part~="error"]')).toBeTruthy();
    });
    await expect(bannersRoot(canvasElement).querySelector('[part~="carousel"]')).toBeNull();
  },
};

/** The source failed: the links the server printed stay. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'banners-failed-markup', position: 'sidebar' },
  beforeEach: withFailingSource('banners-failed-markup'),
  parameters: withMarkup(SEED_MARKUP, 'sidebar'),
};

/** Joomla's mod_banners markup, read and shown by the widget (no script-side data). */
export const ServerMarkup: Story = { args: { position: 'sidebar' }, parameters: withMarkup(SEED_MARKUP, 'sidebar') };

/**
 * A whole Joomla banners module: its header and footer texts (parts `header` and `footer`), an
 * image with no click address, and a custom banner's own HTML, all shown.
 */
export const JoomlaModuleMarkup: Story = {
  args: { position: 'sidebar' },
  parameters: withMarkup(
    `<div class="bannergroup">
      <div class="bannerheader">Liên kết website</div>
      ${SEED_MARKUP}
      <div class="banneritem"><img src="${sampleImage('Ảnh không có liên kết', 240, 80, 3).src}" alt="Ảnh không có liên kết" width="240" height="80" /><div class="clr"></div></div>
      <div class="banneritem"><p><strong>Đường dây nóng:</strong> 1900 1234</p><div class="clr"></div></div>
      <div class="bannerfooter">Đơn vị tài trợ</div>
    </div>`,
    'sidebar',
  ),
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(bannersRoot(canvasElement).querySelector('[part~="html"]')?.textContent).toBe(
        'Đường dây nóng: 1900 1234',
      );
    });
    const root = bannersRoot(canvasElement);
    await expect(root.querySelector('[part~="header"]')?.textContent).toBe('Liên kết website');
    await expect(root.querySelector('[part~="footer"]')?.textContent).toBe('Đơn vị tài trợ');
    await expect(root.querySelector('img[alt="Ảnh không có liên kết"]')?.closest('a')).toBeNull();
  },
};

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
