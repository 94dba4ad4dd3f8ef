import { afterEach, describe, expect, it, vi } from 'vitest';
import { warnOfUnknownOptions, type OptionNames } from './unknown-options.js';

interface FeedOptions {
  baseUrl: string;
  maxAge?: number;
}

const FEED_OPTIONS: OptionNames<FeedOptions> = { baseUrl: true, maxAge: true };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('warnOfUnknownOptions', () => {
  it('names each option the factory does not take, once, with the one it was likely meant as', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnOfUnknownOptions('feed', { baseURL: '/p', maxage: 5, colour: 'red' } as unknown as FeedOptions, FEED_OPTIONS);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'Portico: feed() does not take the option "baseURL", which is ignored; it takes "baseUrl", "maxAge". Did you mean "baseUrl"?',
      'Portico: feed() does not take the option "maxage", which is ignored; it takes "baseUrl", "maxAge". Did you mean "maxAge"?',
      'Portico: feed() does not take the option "colour", which is ignored; it takes "baseUrl", "maxAge".',
    ]);
    // A page that makes the source again (each block, each widget's script) is told once.
    warnOfUnknownOptions('feed', { baseURL: '/p' } as unknown as FeedOptions, FEED_OPTIONS);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('says nothing of options it takes, or of options that are not an object', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnOfUnknownOptions('feed', { baseUrl: '/p', maxAge: 5 }, FEED_OPTIONS);
    warnOfUnknownOptions('feed', undefined as unknown as FeedOptions, FEED_OPTIONS);
    expect(warn).not.toHaveBeenCalled();
  });
});
