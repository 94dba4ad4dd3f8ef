import {
  expect,
  inSidebar,
  inWideColumn,
  LONG_VIETNAMESE,
  memorySourceNamed,
  SAMPLE_MEMBER_NAMES,
  seed,
  waitFor,
  withData,
  withFailingSource,
  withLoadingSource,
  withMarkup,
  withSourceThatFailsAfterAnswering,
  withTicking,
  type Meta,
  type StoryObj,
} from '@portico/storybook/kit';
import './index.js';

/** The sentence the widget shows (its `count` part), with white space as the reader sees it. */
function sentence(canvasElement: HTMLElement): string {
  const widget = canvasElement.querySelector('portico-online-visitors');
  return (
    widget?.shadowRoot
      ?.querySelector('[part~="count"]')
      ?.textContent.replace(/[ \t\n\r]+/g, ' ')
      .trim() ?? ''
  );
}

const meta = {
  title: 'Widgets/Online visitors',
  component: 'portico-online-visitors',
  parameters: {
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
    const expected = globals.locale === 'en' ? 'We have 69\u00A0guests and no members online' : seed.shown.visitorsText;
    await waitFor(async () => {
      await expect(sentence(canvasElement)).toBe(expected);
    });
  },
};

/** Nobody online: the `_0` phrases. */
export const Zero: Story = { args: { guests: '0', members: '0' } };

/** One guest and one member: the `_1` phrases. */
export const One: Story = { args: { guests: '1', members: '1' } };

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
};

/** The source failed before answering, with nothing else to show. */
export const Failed: Story = {
  args: { source: 'visitors-failed' },
  beforeEach: withFailingSource('visitors-failed'),
};

/** The source answered, then failed: the last numbers stay, marked out of date. */
export const OutOfDate: Story = {
  args: { source: 'visitors-out-of-date' },
  beforeEach: withSourceThatFailsAfterAnswering('visitors-out-of-date', { visitorStats: seed.visitorStats }),
  play: async ({ canvasElement }) => {
    await waitFor(async () => {
      await expect(
        canvasElement.querySelector('portico-online-visitors')?.shadowRoot?.querySelector('[part~="stale"]'),
      ).toBeTruthy();
    });
  },
};

/** What the server rendered stays while the source fails, marked out of date. */
export const FailedOverServerMarkup: Story = {
  args: { source: 'visitors-failed-markup' },
  beforeEach: withFailingSource('visitors-failed-markup'),
  parameters: withMarkup(`<h3 slot="heading">${seed.shown.visitorsTitle}</h3><p>${seed.shown.visitorsText}</p>`),
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
    const english = globals.locale === 'en';
    await step('shows the source’s numbers', async () => {
      await waitFor(async () => {
        await expect(sentence(canvasElement)).toBe(
          english ? 'We have 69\u00A0guests and no members online' : seed.shown.visitorsText,
        );
      });
    });
    await step('follows a change at the source', async () => {
      memorySourceNamed('visitors-live').setVisitorStats({ guests: 70, members: 1 });
      await waitFor(
        async () => {
          await expect(sentence(canvasElement)).toBe(
            english
              ? 'We have 70\u00A0guests and one member online'
              : 'Đang có 70\u00A0khách và một thành viên đang online',
          );
        },
        { timeout: 3000 },
      );
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

/** `heading` and `heading-level`: another title, at level 2. */
export const CustomHeading: Story = {
  args: { ...Seed.args, heading: 'Đang xem trang', 'heading-level': 2 },
};

/** `no-heading`: the CMS prints the module's title itself. */
export const NoHeading: Story = { args: { ...Seed.args, 'no-heading': true } };
