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
  it('names each option the factory does not take, with the one it was likely meant as', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnOfUnknownOptions('feed', { baseURL: '/p', maxage: 5, colour: 'red' } as unknown as FeedOptions, FEED_OPTIONS);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      'Portico feed(): the option "baseURL" is not one it takes, and is ignored; it takes "baseUrl", "maxAge". Did you mean "baseUrl"?',
      'Portico feed(): the option "maxage" is not one it takes, and is ignored; it takes "baseUrl", "maxAge". Did you mean "maxAge"?',
      'Portico feed(): the option "colour" is not one it takes, and is ignored; it takes "baseUrl", "maxAge".',
    ]);
  });

  it('says nothing of options it takes, or of options that are not an object', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnOfUnknownOptions('feed', { baseUrl: '/p', maxAge: 5 }, FEED_OPTIONS);
    warnOfUnknownOptions('feed', undefined as unknown as FeedOptions, FEED_OPTIONS);
    expect(warn).not.toHaveBeenCalled();
  });
});
