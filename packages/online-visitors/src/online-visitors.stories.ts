import {
  expect,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  memorySourceNamed,
  SAMPLE_MEMBER_NAMES,
  seed,
  seedShownIn,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  withSourceThatFailsAfterAnswering,
  withTicking,
  type Meta,
  type StoryObj,
  expectHeading,
  expectStaleNote,
  headingInLocale,
  localeOf,
  partOf,
  shown,
  type StoryLocale,
} from '@portico/storybook/kit';
import { definePhrases } from '@portico/core';
import './index.js';

type Locale = StoryLocale;
const TAG = 'portico-online-visitors';

/** The interface texts the plays look for (`packages/core/src/locale/vi.ts` and `en.ts`). */
const TEXT = {
  vi: {
    seed: seedShownIn('vi').visitorsText,
    loading: 'Đang tải…',
    outOfDate: 'Chưa được cập nhật',
    unavailable: 'Chưa có số liệu',
    customHeading: 'Đang xem trang',
  },
  en: {
    seed: seedShownIn('en').visitorsText,
    loading: 'Loading…',
    outOfDate: 'Not up to date',
    unavailable: 'Figures unavailable',
    customHeading: 'Browsing now',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The widget's shadow part `name`. */
function part(canvasElement: HTMLElement, name: string): Element | null {
  return partOf(canvasElement, TAG, name);
}

/** The sentence the widget shows (its `count` part), with white space as the reader sees it. */
function sentence(canvasElement: HTMLElement): string {
  const widget = canvasElement.querySelector('portico-online-visitors');
  return shown(widget?.shadowRoot?.querySelector('[part~="count"]'));
}

/** Waits for the `stale` part and checks it says "not up to date" in the story's locale. */
function expectOutOfDate(canvasElement: HTMLElement, locale: Locale): Promise<void> {
  return expectStaleNote(canvasElement, TAG, TEXT[locale].outOfDate);
}

const meta = {
  title: 'Widgets/Online visitors',
  component: 'portico-online-visitors',
  parameters: {
    // A portal's module column; `InWideColumn` shows it wider.
    ...inSidebar,
    docs: {
      subtitle:
        'Who is on the site now, as Joomla’s “Who’s Online” module says it. Switch the locale and theme in the toolbar.',
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The seed page's module: `guests="69" members="0"`. */
export const Seed: Story = {
  args: { guests: String(seed.visitorStats.guests), members: String(seed.visitorStats.members) },
  play: async ({ canvasElement, globals }) => {
    const expected = TEXT[localeOf(globals)].seed;
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(expected);
    });
  },
};

/** Nobody online: the `_0` phrases. */
export const Zero: Story = {
  args: { guests: '0', members: '0' },
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(
        localeOf(globals) === 'en'
          ? 'We have no guests and no members online'
          : 'Đang có 0 khách và không thành viên đang online',
      );
    });
  },
};

/** One guest and one member: the `_1` phrases. */
export const One: Story = {
  args: { guests: '1', members: '1' },
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(
        localeOf(globals) === 'en'
          ? 'We have one guest and one member online'
          : 'Đang có một khách và một thành viên đang online',
      );
    });
  },
};

/** Many: counts beyond 2^53 keep every digit. */
export const Many: Story = { args: { guests: '123456789012345678901', members: '4821' } };

/** `mode="both"`: the sentence and the members online (sample names), from the `stats` property. */
export const WithMemberNames: Story = {
  args: { mode: 'both', stats: { guests: 12, members: 4, memberNames: [...SAMPLE_MEMBER_NAMES] } },
};

/** `mode="names"`: only the members' names. */
export const NamesOnly: Story = {
  args: { mode: 'names', stats: { guests: 12, members: 2, memberNames: SAMPLE_MEMBER_NAMES.slice(0, 2) } },
};

/** `mode="names"` with no member online: the empty list says so. */
export const NoMembersOnline: Story = { args: { mode: 'names', stats: { guests: 69, members: 0 } } };

/** `mode="names"` with members online but no names (a source that keeps them private): the sentence instead. */
export const MemberNamesPrivate: Story = { args: { mode: 'names', stats: { guests: 69, members: 3 } } };

/** No data at all (no attributes, no source): dashes in the sentence, and a console warning. */
export const Empty: Story = { args: {} };

/** Bad input (`guests="abc"`): a dash for the bad count, and a console warning naming it. */
export const BadInput: Story = { args: { guests: 'abc', members: '2' } };

/** Waiting for the source's first answer: a placeholder of the sentence's size, `aria-busy`. */
export const Loading: Story = {
  args: { source: 'visitors-loading' },
  beforeEach: withLoadingSource('visitors-loading'),
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      const status = part(canvasElement, 'status');
      await expect(status?.getAttribute('aria-busy')).toBe('true');
      await expect(shown(status?.querySelector('.visually-hidden'))).toBe(TEXT[localeOf(globals)].loading);
    });
  },
};

/** The source failed before answering, with nothing else to show. */
export const Failed: Story = {
  args: { source: 'visitors-failed' },
  beforeEach: withFailingSource('visitors-failed'),
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(shown(part(canvasElement, 'error'))).toBe(TEXT[localeOf(globals)].unavailable);
    });
  },
};

/** The source answered, then failed: the last numbers stay, marked out of date. */
export const OutOfDate: Story = {
  args: { source: 'visitors-out-of-date' },
  beforeEach: withSourceThatFailsAfterAnswering('visitors-out-of-date', { visitorStats: seed.visitorStats }),
  play: async ({ canvasElement, globals }) => {
    const locale = localeOf(globals);
    await expectOutOfDate(canvasElement, locale);
    // The numbers the source gave before failing (the seed's) are still shown.
    await expect(sentence(canvasElement)).toBe(TEXT[locale].seed);
  },
};

/** `mode="both"` while the source fails: the sentence and the members' names stay, marked out of date. */
export const BothOutOfDate: Story = {
  args: { source: 'visitors-both-out-of-date', mode: 'both' },
  beforeEach: withSourceThatFailsAfterAnswering('visitors-both-out-of-date', {
    visitorStats: { guests: 12, members: 4, memberNames: [...SAMPLE_MEMBER_NAMES] },
  }),
  play: async ({ canvasElement, globals }) => {
    const locale = localeOf(globals);
    await expectOutOfDate(canvasElement, locale);
    await expect(sentence(canvasElement)).toBe(
      locale === 'en'
        ? 'We have 12\u00A0guests and 4\u00A0members online'
        : 'Đang có 12\u00A0khách và 4\u00A0thành viên đang online',
    );
    const names = [...(part(canvasElement, 'names')?.querySelectorAll('li') ?? [])].map((item) => shown(item));
    await expect(names).toEqual([...SAMPLE_MEMBER_NAMES]);
  },
};

/** What the server rendered stays while the source fails, marked out of date. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'visitors-failed-markup' },
  beforeEach: withFailingSource('visitors-failed-markup'),
  parameters: withMarkup(`<h3 slot="heading">${seed.shown.visitorsTitle}</h3><p>${seed.shown.visitorsText}</p>`),
  play: async ({ canvasElement, globals }) => {
    await expectOutOfDate(canvasElement, localeOf(globals));
    // The server's sentence, with its numbers, is still the one shown (slotted, not replaced).
    const markup = canvasElement.querySelector(TAG)?.querySelector(':scope > p');
    await expect(shown(markup)).toBe(seed.shown.visitorsText);
    await expect(markup?.assignedSlot).toBeTruthy();
    await expect(part(canvasElement, 'count')).toBeNull();
  },
};

/** Server-rendered markup, shown as it is until a source answers (none here). */
export const ServerMarkup: Story = {
  parameters: withMarkup(`<h3 slot="heading">${seed.shown.visitorsTitle}</h3><p>${seed.shown.visitorsText}</p>`),
};

/**
 * Live from a source: the play function changes the numbers as visitors come and go, and the
 * sentence follows (at most once per `interval`, here 1 s).
 */
export const LiveUpdate: Story = {
  args: { source: 'visitors-live', interval: 1 },
  beforeEach: withData('visitors-live', { visitorStats: seed.visitorStats }),
  play: async ({ canvasElement, globals, step }) => {
    const locale = localeOf(globals);
    await step('shows the source’s numbers', async () => {
      await waitFor(async () => {
        await expect(sentence(canvasElement)).toBe(TEXT[locale].seed);
      });
    });
    await step('follows a change at the source', async () => {
      memorySourceNamed('visitors-live').setVisitorStats({ guests: 70, members: 1 });
      await waitFor(
        async () => {
          await expect(sentence(canvasElement)).toBe(
            locale === 'en'
              ? 'We have 70\u00A0guests and one member online'
              : 'Đang có 70\u00A0khách và một thành viên đang online',
          );
        },
        { timeout: 3000 },
      );
    });
  },
};

/** `live="off"`: the source is asked once; a later change there does not show until the page reloads. */
export const LiveOff: Story = {
  args: { source: 'visitors-live-off', interval: 1, live: false },
  beforeEach: withData('visitors-live-off', { visitorStats: seed.visitorStats }),
  play: async ({ canvasElement, globals, step }) => {
    const expected = TEXT[localeOf(globals)].seed;
    await expect(canvasElement.querySelector(TAG)?.getAttribute('live')).toBe('off');
    await step('shows the source’s numbers', async () => {
      await waitFor(async () => {
        await expect(sentence(canvasElement)).toBe(expected);
      });
    });
    await step('does not follow a change at the source', async () => {
      memorySourceNamed('visitors-live-off').setVisitorStats({ guests: 70, members: 1 });
      // Twice the interval: a live widget would have shown the change by now.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await expect(sentence(canvasElement)).toBe(expected);
    });
  },
};

/** Live, as on a busy day: the numbers change every 3 seconds while the story is open. */
export const LiveTicking: Story = {
  args: { source: 'visitors-ticking', interval: 3 },
  beforeEach: withTicking('visitors-ticking', { visitorStats: seed.visitorStats }, 3000, (memory) => {
    void memory.getVisitorStats().then(({ guests, members }) => {
      const change = Math.round(Math.random() * 6) - 2;
      memory.setVisitorStats({ guests: Math.max(0, guests + change), members: Math.max(0, members + (change % 2)) });
    });
  }),
};

/**
 * A language no locale ships (`lang="fr"`): the phrases fall back to English, while numbers
 * keep French formats (`1 284`, grouped with a narrow no-break space).
 */
export const LanguageFallback: Story = {
  args: { guests: '1284', members: '0', lang: 'fr' },
  play: async ({ canvasElement }) => {
    const guests = new Intl.NumberFormat('fr').format(1284);
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(`We have ${guests}\u00A0guests and no members online`);
    });
  },
};

/** Joomla 3's Vietnamese pack says `không có khách` for no guests; Portico ships `0 khách`. */
const JOOMLA_GUESTS_0 = 'không có khách';

/**
 * A phrase overridden by the page: Joomla 3's Vietnamese `GUESTS_0`, `không có khách`, in
 * place of the shipped `0 khách` (`definePhrases('vi', { GUESTS_0: 'không có khách' })` from
 * `@portico/core`, or `phrases` in a `data-portico` block). Removed again when the story
 * closes, so no other story sees it; for that, it is left out of the Docs page, where every
 * story is shown at once (the override is page-wide, as on a real page).
 */
export const PhraseOverride: Story = {
  tags: ['!autodocs'],
  args: { guests: '0', members: '0', lang: 'vi' },
  beforeEach: () => definePhrases('vi', { GUESTS_0: JOOMLA_GUESTS_0 }),
  parameters: {
    portico: {
      pageMarkup: `<script type="application/json" data-portico>
  { "phrases": { "vi": { "GUESTS_0": "${JOOMLA_GUESTS_0}" } } }
</script>`,
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(`Đang có ${JOOMLA_GUESTS_0} và không thành viên đang online`);
    });
  },
};

/** Very long Vietnamese text (title and member names) in a 200 px sidebar. */
export const LongVietnameseText: Story = {
  args: {
    heading: LONG_VIETNAMESE.heading,
    mode: 'both',
    stats: { guests: 1284, members: 2, memberNames: [LONG_VIETNAMESE.memberName, SAMPLE_MEMBER_NAMES[0] ?? ''] },
  },
  parameters: inSidebar,
};

/** The seed module in a 200 px sidebar, as portal templates place it. */
export const InSidebar: Story = { args: { ...Seed.args }, parameters: inSidebar };

/** The seed module in a wide main column. */
export const InWideColumn: Story = { args: { ...Seed.args }, parameters: inWideColumn };

/** `heading` and `heading-level`: another title (in the toolbar's locale), at level 2. */
export const CustomHeading: Story = {
  args: { ...Seed.args, 'heading-level': 2 },
  decorators: [headingInLocale({ vi: TEXT.vi.customHeading, en: TEXT.en.customHeading })],
  play: async ({ canvasElement, globals }) => {
    await expectHeading(canvasElement, TAG, TEXT[localeOf(globals)].customHeading, '2');
  },
};

/** `no-heading`: the CMS prints the module's title itself. */
export const NoHeading: Story = {
  args: { ...Seed.args, 'no-heading': true },
  play: async ({ canvasElement, globals }) => {
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(TEXT[localeOf(globals)].seed);
    });
    await expect(part(canvasElement, 'heading')).toBeNull();
  },
};
