import { SourceError, type VisitorStats } from '@portico/core';
import { createMemorySource } from '@portico/core/testing';
import { MISSING_DATA_GRACE_MS } from '@portico/element';
import {
  cleanUpMounted,
  damaged,
  elementWithText,
  expectNoAxeViolations,
  expectToSurviveBadInput,
  expectUpgradeMovesNothing,
  flushUpdates,
  languageOf,
  mount,
  oddLang,
  oddMarkup,
  onCleanUp,
  registerTestSource,
  seed,
  statusText,
  testSource,
  textDrawnBeforeUpgrade,
} from '@portico/test-helpers';
import fc from 'fast-check';
import manifest from '../custom-elements.json' with { type: 'json' };
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { PorticoOnlineVisitors } from './index.js';

const SEED_SENTENCE = 'Đang có 69\u00A0khách và không thành viên đang online';

function mountVisitors(markup: string, container?: Element): Promise<PorticoOnlineVisitors> {
  return mount<PorticoOnlineVisitors>('portico-online-visitors', markup, container);
}

function source(stats: VisitorStats = seed.visitorStats, latency = 0) {
  return testSource({ visitorStats: stats }, { latency });
}

function countText(element: PorticoOnlineVisitors): string | undefined {
  return element.shadowRoot?.querySelector('[part~="count"]')?.textContent.trim();
}

afterEach(() => {
  cleanUpMounted();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<portico-online-visitors> text', () => {
  it('renders the seed sentence byte for byte, under its heading, in a status region', async () => {
    const element = await mountVisitors(
      '<portico-online-visitors guests="69" members="0" lang="vi"></portico-online-visitors>',
    );
    expect(countText(element)).toBe(SEED_SENTENCE);
    await expect.element(page.getByRole('heading', { level: 3, name: 'Truy cập hiện tại' })).toBeVisible();
    expect(page.getByRole('status').element().textContent.trim()).toBe(SEED_SENTENCE);
    await expectNoAxeViolations(element);
  });

  it('has the 0, 1 and many forms in vi and en', async () => {
    const cases: [string, string, string, string][] = [
      ['vi', '0', '0', 'Đang có 0 khách và không thành viên đang online'],
      ['vi', '1', '1', 'Đang có một khách và một thành viên đang online'],
      ['vi', '2', '3', 'Đang có 2\u00A0khách và 3\u00A0thành viên đang online'],
      ['en', '0', '0', 'We have no guests and no members online'],
      ['en', '1', '1', 'We have one guest and one member online'],
      ['en', '1234', '3', 'We have 1,234\u00A0guests and 3\u00A0members online'],
    ];
    for (const [lang, guests, members, sentence] of cases) {
      const element = await mountVisitors(
        `<portico-online-visitors lang="${lang}" guests="${guests}" members="${members}"></portico-online-visitors>`,
      );
      expect(countText(element), `${lang} ${guests}/${members}`).toBe(sentence);
    }
  });

  it('takes its heading from the attribute or the slot, or leaves it out', async () => {
    const english = await mountVisitors('<portico-online-visitors guests="1" members="0"></portico-online-visitors>');
    expect(english.shadowRoot?.querySelector('[role="heading"]')?.textContent.trim()).toBe("Who's Online");

    const custom = await mountVisitors(
      '<portico-online-visitors lang="vi" heading="Đang xem trang" heading-level="2" guests="1" members="0"></portico-online-visitors>',
    );
    await expect.element(page.getByRole('heading', { level: 2, name: 'Đang xem trang' })).toBeVisible();
    custom.remove();

    await mountVisitors(
      '<portico-online-visitors lang="vi" guests="1" members="0"><h4 slot="heading">Khách truy cập</h4></portico-online-visitors>',
    );
    await expect.element(page.getByRole('heading', { level: 4, name: 'Khách truy cập' })).toBeVisible();

    const hidden = await mountVisitors(
      '<portico-online-visitors no-heading lang="vi" guests="1" members="0"></portico-online-visitors>',
    );
    expect(hidden.shadowRoot?.querySelector('[role="heading"], slot[name="heading"]')).toBeNull();
    await expectNoAxeViolations(hidden);
  });

  it('shows the members’ names, or both names and the sentence', async () => {
    const stats = { guests: 3, members: 2, memberNames: ['Thúy Vân', 'Bá Siêu'] };
    const names = await mountVisitors('<portico-online-visitors lang="vi" mode="names"></portico-online-visitors>');
    names.stats = stats;
    await names.updateComplete;
    await expect.element(page.getByRole('list', { name: 'Thành viên đang online' })).toBeVisible();
    expect([...(names.shadowRoot?.querySelectorAll('li') ?? [])].map((item) => item.textContent)).toEqual([
      'Thúy Vân',
      'Bá Siêu',
    ]);
    expect(countText(names)).toBeUndefined();
    await expectNoAxeViolations(names);

    names.mode = 'both';
    await names.updateComplete;
    expect(countText(names)).toBe('Đang có 3\u00A0khách và 2\u00A0thành viên đang online');
    expect(names.shadowRoot?.querySelectorAll('li')).toHaveLength(2);

    names.stats = { guests: 3, members: 0 };
    await names.updateComplete;
    expect(statusText(names), 'no members, said once').toBe('Đang có 3\u00A0khách và không thành viên đang online');
    expect(names.shadowRoot?.querySelector('[part~="names"]')).toBeNull();

    names.mode = 'names';
    await names.updateComplete;
    expect(names.shadowRoot?.querySelector('[part~="names"]')?.textContent).toBe('không thành viên');
  });

  it('does not say there are no members when members are online but their names are unknown', async () => {
    const cases: [string, string][] = [
      ['vi', 'Đang có 69\u00A0khách và 3\u00A0thành viên đang online'],
      ['en', 'We have 69\u00A0guests and 3\u00A0members online'],
    ];
    for (const [lang, sentence] of cases) {
      const both = await mountVisitors(
        `<portico-online-visitors lang="${lang}" guests="69" members="3" mode="both"></portico-online-visitors>`,
      );
      expect(statusText(both), `${lang} both, from attributes`).toBe(sentence);
      expect(both.shadowRoot?.querySelector('[part~="names"]'), `${lang} both`).toBeNull();
      await expectNoAxeViolations(both);
      both.remove();

      const names = await mountVisitors(
        `<portico-online-visitors lang="${lang}" mode="names"></portico-online-visitors>`,
      );
      // A source may leave memberNames out for privacy.
      names.stats = { guests: 69, members: 3 };
      await names.updateComplete;
      expect(statusText(names), `${lang} names, without memberNames`).toBe(sentence);
      await expectNoAxeViolations(names);
      names.remove();
    }

    const none: [string, string][] = [
      ['vi', 'không thành viên'],
      ['en', 'no members'],
    ];
    for (const [lang, phrase] of none) {
      const names = await mountVisitors(
        `<portico-online-visitors lang="${lang}" guests="69" members="0" mode="names"></portico-online-visitors>`,
      );
      expect(statusText(names), `${lang} names, no members`).toBe(phrase);
      names.remove();
    }
  });

  it('shows guests and members set as properties, as React and Vue set them, before or after it is on the page', async () => {
    const before = document.createElement('portico-online-visitors');
    before.lang = 'vi';
    before.guests = 69;
    before.members = 0;
    document.body.append(before);
    onCleanUp(() => {
      before.remove();
    });
    await before.updateComplete;
    expect(countText(before)).toBe(SEED_SENTENCE);

    const after = await mountVisitors('<portico-online-visitors lang="en"></portico-online-visitors>');
    after.guests = 2n;
    after.members = '1';
    await after.updateComplete;
    expect(countText(after)).toBe('We have 2\u00A0guests and one member online');
  });

  it('keeps attribute and property in sync', async () => {
    const element = await mountVisitors(
      '<portico-online-visitors lang="vi" guests="1" members="0"></portico-online-visitors>',
    );
    element.guests = 42;
    await element.updateComplete;
    expect(element.getAttribute('guests')).toBe('42');
    expect(countText(element)).toBe('Đang có 42\u00A0khách và không thành viên đang online');
    element.setAttribute('members', '7');
    await element.updateComplete;
    expect(element.members).toBe('7');
    expect(countText(element)).toBe('Đang có 42\u00A0khách và 7\u00A0thành viên đang online');
    element.mode = 'both';
    await element.updateComplete;
    expect(element.getAttribute('mode')).toBe('both');
  });
});

describe('<portico-online-visitors> language', () => {
  it('follows the closest lang, then <html lang>, then English', async () => {
    const outer = document.createElement('section');
    outer.lang = 'vi';
    document.body.append(outer);
    onCleanUp(() => {
      outer.remove();
    });
    const element = await mountVisitors(
      '<portico-online-visitors guests="2" members="0"></portico-online-visitors>',
      outer,
    );
    expect(countText(element)).toBe('Đang có 2\u00A0khách và không thành viên đang online');

    outer.lang = 'en-GB';
    await vi.waitFor(() => {
      expect(countText(element)).toBe('We have 2\u00A0guests and no members online');
    });

    element.lang = 'vi-VN';
    await vi.waitFor(() => {
      expect(countText(element)).toBe('Đang có 2\u00A0khách và không thành viên đang online');
    });

    const htmlLang = document.documentElement.getAttribute('lang');
    document.documentElement.lang = 'vi';
    onCleanUp(() => {
      if (htmlLang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.lang = htmlLang;
    });
    const fromHtml = await mountVisitors('<portico-online-visitors guests="0" members="0"></portico-online-visitors>');
    expect(countText(fromHtml)).toBe('Đang có 0 khách và không thành viên đang online');
  });
});

describe('<portico-online-visitors> language without phrases', () => {
  it('on a page in French (no phrases shipped), marks its English text as English, and a heading given as French', async () => {
    const element = await mountVisitors(
      '<portico-online-visitors lang="fr-CA" guests="1234" members="1"></portico-online-visitors>',
    );
    // English phrases, French number formats.
    const sentence = elementWithText(element, 'We have');
    expect(countText(element)).toMatch(/^We have 1[\u00A0\u202F]234\u00A0guests and one member online$/);
    expect(languageOf(sentence), 'read in an English voice').toBe('en');
    expect(languageOf(elementWithText(element, "Who's Online"))).toBe('en');
    await expectNoAxeViolations(element);

    element.setAttribute('heading', 'Qui est en ligne');
    await element.updateComplete;
    expect(languageOf(elementWithText(element, 'Qui est en ligne')), 'the integrator’s title').toBe('fr-CA');

    element.lang = 'vi';
    await vi.waitFor(() => {
      expect(countText(element)).toBe('Đang có 1.234\u00A0khách và một thành viên đang online');
    });
    expect(element.shadowRoot?.querySelector('[lang]'), 'phrases in the page’s language: no mark').toBeNull();
  });
});

describe('<portico-online-visitors> live', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  });

  it('subscribes with its interval and, asked to announce, announces a change at most once per interval', async () => {
    const { name, memory } = source();
    const subscribe = vi.spyOn(memory, 'subscribeVisitorStats');
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}" interval="30" announce="changes"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    expect(countText(element)).toBe(SEED_SENTENCE);
    expect(element.shadowRoot!.querySelector('[role="status"]')!.hasAttribute('aria-live')).toBe(false);
    expect(subscribe.mock.calls[0]![1]!.interval).toBe(30_000);

    memory.setVisitorStats({ guests: 70, members: 0 });
    memory.setVisitorStats({ guests: 71, members: 1 });
    await flushUpdates(element);
    expect(countText(element), 'no second announcement within the interval').toBe(SEED_SENTENCE);

    await vi.advanceTimersByTimeAsync(30_000);
    await element.updateComplete;
    expect(countText(element)).toBe('Đang có 71\u00A0khách và một thành viên đang online');
  });

  it('updates without interrupting a screen reader by default: the status region is not announced', async () => {
    const { name, memory } = source();
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    expect(element.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).toBe('off');
    memory.setVisitorStats({ guests: 70, members: 0 });
    await vi.advanceTimersByTimeAsync(30_000);
    await element.updateComplete;
    expect(countText(element)).toBe('Đang có 70 khách và không thành viên đang online');
    expect(element.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).toBe('off');
  });

  it('loads once when live updates are off', async () => {
    const { name, memory } = source();
    const subscribe = vi.spyOn(memory, 'subscribeVisitorStats');
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}" live="off"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    expect(countText(element)).toBe(SEED_SENTENCE);
    expect(subscribe).not.toHaveBeenCalled();
    memory.setVisitorStats({ guests: 80, members: 0 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(countText(element)).toBe(SEED_SENTENCE);
  });

  it('pauses while the tab is hidden and catches up when it is shown', async () => {
    const { name, memory } = source();
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    expect(memory.subscriberCount).toBe(1);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(memory.subscriberCount).toBe(0);
    memory.setVisitorStats({ guests: 90, members: 2 });
    await flushUpdates(element);
    expect(countText(element)).toBe(SEED_SENTENCE);

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await flushUpdates(element);
    expect(memory.subscriberCount).toBe(1);
    expect(countText(element)).toBe('Đang có 90\u00A0khách và 2\u00A0thành viên đang online');
  });

  it('keeps the last numbers, marked out of date, when the source fails, and recovers', async () => {
    const { name, memory } = source();
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}" interval="30"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    const errors: unknown[] = [];
    element.addEventListener('portico-error', (event) =>
      errors.push((event as CustomEvent<{ error: unknown }>).detail.error),
    );

    memory.failWith(new SourceError('network', 'offline'));
    await element.updateComplete;
    expect(countText(element)).toBe(SEED_SENTENCE);
    expect(statusText(element)).toBe(`${SEED_SENTENCE} Chưa được cập nhật`);
    await expect.element(page.getByText('Chưa được cập nhật')).toBeVisible();
    expect(errors).toMatchObject([{ code: 'network' }]);

    memory.setVisitorStats({ guests: 75, members: 0 });
    memory.failWith(undefined);
    await vi.advanceTimersByTimeAsync(30_000);
    await element.updateComplete;
    expect(statusText(element)).toBe('Đang có 75\u00A0khách và không thành viên đang online');
  });

  it('is accessible while out of date', async () => {
    const { name, memory } = source();
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    memory.failWith(new SourceError('network', 'offline'));
    await element.updateComplete;
    vi.useRealTimers(); // axe schedules its own work with timers
    await expectNoAxeViolations(element);
  });

  it('waits for a source registered late, shows the error state in time, and recovers', async () => {
    const element = await mountVisitors(
      '<portico-online-visitors lang="vi" source="registered-late"></portico-online-visitors>',
    );
    expect(element.shadowRoot?.querySelector('[role="status"]')?.getAttribute('aria-busy')).toBe('true');

    await vi.advanceTimersByTimeAsync(10_000);
    await element.updateComplete;
    expect(statusText(element)).toBe('Chưa có số liệu');

    registerTestSource('registered-late', createMemorySource({ visitorStats: seed.visitorStats }));
    await flushUpdates(element);
    expect(statusText(element)).toBe(SEED_SENTENCE);
  });

  it('is accessible when there are no figures at all', async () => {
    const element = await mountVisitors(
      '<portico-online-visitors lang="vi" source="never-registered"></portico-online-visitors>',
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await element.updateComplete;
    expect(statusText(element)).toBe('Chưa có số liệu');
    vi.useRealTimers();
    await expectNoAxeViolations(element);
  });
});

describe('<portico-online-visitors> data precedence', () => {
  it('shows server-rendered text, then the source’s numbers', async () => {
    const { name } = source({ guests: 12, members: 1 }, 50);
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}"><p>${SEED_SENTENCE}</p></portico-online-visitors>`,
    );
    expect(element.shadowRoot?.querySelector('[role="status"] slot:not([name])')).not.toBeNull();
    await expect.element(page.getByText(/^Đang có 69.khách/)).toBeVisible();
    await vi.waitFor(() => {
      expect(countText(element)).toBe('Đang có 12\u00A0khách và một thành viên đang online');
    });
  });

  it('shows attributes until the source answers', async () => {
    const { name } = source({ guests: 12, members: 1 }, 50);
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" guests="69" members="0" source="${name}"></portico-online-visitors>`,
    );
    expect(countText(element)).toBe(SEED_SENTENCE);
    await vi.waitFor(() => {
      expect(countText(element)).toBe('Đang có 12\u00A0khách và một thành viên đang online');
    });
  });

  it('lets a property set from JavaScript win over the source', async () => {
    const { name, memory } = source();
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}"></portico-online-visitors>`,
    );
    element.stats = { guests: 5, members: 5 };
    await element.updateComplete;
    expect(countText(element)).toBe('Đang có 5\u00A0khách và 5\u00A0thành viên đang online');
    expect(memory.subscriberCount).toBe(0);
    memory.setVisitorStats({ guests: 99, members: 0 });
    await element.updateComplete;
    expect(countText(element)).toBe('Đang có 5\u00A0khách và 5\u00A0thành viên đang online');
  });

  it('treats stats = null like a stats property never set: the source and the attributes still work', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    const { name, memory } = source({ guests: 12, members: 1 });
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}" interval="30"></portico-online-visitors>`,
    );
    await flushUpdates(element);
    expect(countText(element)).toBe('Đang có 12\u00A0khách và một thành viên đang online');
    element.stats = { guests: 5, members: 5 };
    await element.updateComplete;
    expect(countText(element)).toBe('Đang có 5\u00A0khách và 5\u00A0thành viên đang online');

    element.stats = null;
    await flushUpdates(element);
    expect(countText(element)).toBe('Đang có 12\u00A0khách và một thành viên đang online');
    memory.setVisitorStats({ guests: 13, members: 0 });
    await vi.advanceTimersByTimeAsync(30_000);
    await element.updateComplete;
    expect(countText(element), 'the source is live again').toBe(
      'Đang có 13\u00A0khách và không thành viên đang online',
    );

    const fromAttributes = await mountVisitors(
      '<portico-online-visitors lang="en" guests="4" members="0"></portico-online-visitors>',
    );
    fromAttributes.stats = null;
    await fromAttributes.updateComplete;
    expect(countText(fromAttributes)).toBe('We have 4\u00A0guests and no members online');
  });

  it('shows a placeholder of the final size while loading, with nothing rendered by the server', async () => {
    const { name } = source(seed.visitorStats, 10_000);
    const element = await mountVisitors(
      `<portico-online-visitors lang="vi" source="${name}"></portico-online-visitors>`,
    );
    const placeholder = element.shadowRoot?.querySelector('.placeholder');
    expect(placeholder?.getAttribute('aria-hidden')).toBe('true');
    expect(placeholder?.getBoundingClientRect().height).toBeGreaterThan(10);
    // No made-up number, for a reader that ignores the styles (a scraper, reader mode).
    expect(placeholder?.textContent).not.toMatch(/\d/);
    await expect.element(page.getByRole('status')).toHaveTextContent('Đang tải…');
    await expectNoAxeViolations(element);
  });
});

describe('<portico-online-visitors> bad input', () => {
  it('renders a fallback and warns, naming the attribute, for bad values', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cases: [string, string][] = [
      ['guests="abc" members="0"', 'guests="abc"'],
      ['guests="-4" members="0"', 'guests="-4"'],
      ['guests="3"', 'members (not given)'],
      ['guests="1e400" members="0"', 'guests="1e400"'],
    ];
    for (const [attributes, named] of cases) {
      warn.mockClear();
      const element = await mountVisitors(
        `<portico-online-visitors lang="en" ${attributes}></portico-online-visitors>`,
      );
      expect(countText(element), attributes).toMatch(/—\u00A0(guests|members)/);
      expect(warn.mock.calls.map((call) => String(call[0])).join('\n'), attributes).toContain(named);
    }
  });

  it('survives an object where a number belongs, and a stats value that is not an object', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await mountVisitors('<portico-online-visitors lang="en"></portico-online-visitors>');
    element.stats = { guests: {} as number, members: 2 };
    await element.updateComplete;
    expect(countText(element)).toBe('We have —\u00A0guests and 2\u00A0members online');
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain('stats.guests={}');

    element.stats = 'lots' as unknown as VisitorStats;
    await element.updateComplete;
    expect(countText(element)).toBe('We have —\u00A0guests and —\u00A0members online');
    expect(String(warn.mock.calls.at(-1)?.[0])).toContain('stats="lots" is not a VisitorStats object');
  });

  it('keeps its title at level 3 for a heading level outside 1–6, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mountVisitors(
      '<portico-online-visitors lang="vi" heading-level="9" guests="1" members="0"></portico-online-visitors>',
    );
    await expect.element(page.getByRole('heading', { level: 3, name: 'Truy cập hiện tại' })).toBeVisible();
    expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toContain(
      'heading-level="9" is not 1–6; showing "3"',
    );
  });

  it('says what is missing when it has no data at all', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await mountVisitors('<portico-online-visitors lang="vi"></portico-online-visitors>');
    expect(countText(element)).toBe('Đang có —\u00A0khách và —\u00A0thành viên đang online');
    await vi.waitFor(
      () => {
        expect(String(warn.mock.calls[0]?.[0])).toContain('give guests and members, a stats property or a source');
      },
      { timeout: MISSING_DATA_GRACE_MS + 2_000 },
    );
  });
});

describe('<portico-online-visitors> layout', () => {
  it('fits a 200 px sidebar, long Vietnamese text wrapping', async () => {
    const sidebar = document.createElement('aside');
    sidebar.style.width = '200px';
    document.body.append(sidebar);
    onCleanUp(() => {
      sidebar.remove();
    });
    const element = await mountVisitors(
      '<portico-online-visitors lang="vi" guests="123456789" members="987654" heading="Số người đang truy cập cổng thông tin điện tử của Tỉnh ủy An Giang"></portico-online-visitors>',
      sidebar,
    );
    expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    const count = element.shadowRoot?.querySelector('[part~="count"]');
    expect(count?.scrollWidth).toBeLessThanOrEqual(count?.clientWidth ?? 0);
  });

  it('can be themed through custom properties and parts, light and dark', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --portico-color-text: rgb(1, 2, 3); }
      .themed portico-online-visitors::part(count) { font-weight: 700; }
      .dark { color-scheme: dark; }`;
    document.head.append(style);
    onCleanUp(() => {
      style.remove();
    });
    const themed = await mountVisitors(
      '<div class="themed"><portico-online-visitors guests="1" members="0"></portico-online-visitors></div>',
    );
    const count = themed.shadowRoot!.querySelector<HTMLElement>('[part~="count"]')!;
    expect(getComputedStyle(count).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(count).fontWeight).toBe('700');

    const light = await mountVisitors('<portico-online-visitors guests="1" members="0"></portico-online-visitors>');
    const dark = await mountVisitors(
      '<div class="dark"><portico-online-visitors guests="1" members="0"></portico-online-visitors></div>',
    );
    expect(getComputedStyle(light).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(dark).backgroundColor).not.toBe('rgb(255, 255, 255)');
    await expectNoAxeViolations(dark);
  });

  it('is drawn, before it upgrades, with the title it then shows (a template printing none; a narrow column wraps it alike)', async () => {
    for (const lang of ['vi', 'en', 'fr', 'vn', 'vi_VN']) {
      const element = await mountVisitors(
        `<div lang="${lang}"><portico-online-visitors guests="69" members="0"></portico-online-visitors></div>`,
      );
      const shown = element.shadowRoot?.querySelector('[part~="heading"]')?.textContent.trim();
      expect(textDrawnBeforeUpgrade('portico-online-visitors', 'guests="69" members="0"', lang, '::before'), lang).toBe(
        shown,
      );
    }
    expect(textDrawnBeforeUpgrade('portico-online-visitors', 'heading="Thống kê"', 'vi', '::before')).toBe('Thống kê');
    expect(textDrawnBeforeUpgrade('portico-online-visitors', 'no-heading', 'vi', '::before')).toBeUndefined();
    // On a page in `vi_VN` (which `:lang()` does not read), a part in English stays English.
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'vi_VN';
    try {
      expect(textDrawnBeforeUpgrade('portico-online-visitors', 'guests="1" members="0"', 'en', '::before')).toBe(
        "Who's Online",
      );
      expect(textDrawnBeforeUpgrade('portico-online-visitors', 'guests="1" members="0"', 'vi_VN', '::before')).toBe(
        'Truy cập hiện tại',
      );
    } finally {
      document.documentElement.lang = pageLang;
    }
  });

  it('is drawn, before it upgrades, with the sentence it then shows when its counts are attributes (no script yet, or none)', async () => {
    const counts = [
      ['0', '0'],
      ['1', '1'],
      ['69', '0'],
      ['2', '15'],
    ];
    for (const lang of ['vi', 'en', 'fr', 'vn', 'vi_VN']) {
      for (const [guests, members] of counts) {
        const attributes = `guests="${guests}" members="${members}"`;
        const element = await mountVisitors(
          `<div lang="${lang}"><portico-online-visitors ${attributes}></portico-online-visitors></div>`,
        );
        expect(textDrawnBeforeUpgrade('portico-online-visitors', attributes, lang, '::after'), attributes).toBe(
          countText(element),
        );
      }
    }
    // What the widget shows then is not the sentence, or not these counts: nothing is drawn.
    expect(
      textDrawnBeforeUpgrade('portico-online-visitors', 'guests="69" members="0" mode="names"', 'vi', '::after'),
    ).toBeUndefined();
    expect(textDrawnBeforeUpgrade('portico-online-visitors', 'guests="69"', 'vi', '::after')).toBeUndefined();
  });

  it('does not shift the layout when it upgrades over server-rendered markup', async () => {
    await expectUpgradeMovesNothing(
      'portico-online-visitors',
      class extends PorticoOnlineVisitors {},
      'lang="vi" guests="69" members="0"',
      `<h3 slot="heading">Truy cập hiện tại</h3><p>${SEED_SENTENCE}</p>`,
    );
  });
});

describe('<portico-online-visitors> properties set from JavaScript', () => {
  it('reads a heading set to a number as its digits, and one set to an object as none, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await mountVisitors(
      '<portico-online-visitors lang="en" guests="1" members="0"></portico-online-visitors>',
    );
    Object.assign(element, { heading: 2026 });
    await element.updateComplete;
    await expect.element(page.getByRole('heading', { name: '2026' })).toBeVisible();
    Object.assign(element, { heading: { text: 'Online' } });
    await element.updateComplete;
    await expect.element(page.getByRole('heading', { name: "Who's Online" })).toBeVisible();
    expect(warn.mock.calls.map(String).join('\n')).toContain('heading={"text":"Online"} is not text; showing "none"');
  });
});

describe('<portico-online-visitors> any bad input', () => {
  it('never throws and never shows a blank box, whatever its attributes and properties', async () => {
    await expectToSurviveBadInput('portico-online-visitors', {
      manifest,
      attributes: {
        lang: oddLang,
        mode: fc.constantFrom('count', 'names', 'both', 'x'),
      },
      source: { capability: 'getVisitorStats', answers: damaged(seed.visitorStats) },
      markup: oddMarkup,
      properties: {
        stats: fc.option(damaged(seed.visitorStats), { nil: undefined }),
      },
    });
  });
});
