import { afterEach, describe, expect, it, vi } from 'vitest';
import seed from '../../../../fixtures/seed-portal.json' with { type: 'json' };
import { createMemorySource } from '../testing/memory-source.js';
import type { DataSource } from './contract.js';
import type * as RegistryModule from './registry.js';
import { isAbortError, isSourceError, SourceError } from './errors.js';
import {
  getSource,
  onSourceRegistered,
  registerSource,
  registeredSources,
  requireCapability,
  unregisterSource,
  whenSourceRegistered,
} from './registry.js';

const cleanUp: (() => void)[] = [];
afterEach(() => {
  cleanUp.splice(0).forEach((undo) => {
    undo();
  });
  vi.useRealTimers();
});

function register(name: string, source: DataSource): void {
  cleanUp.push(registerSource(name, source));
}

describe('the source registry', () => {
  it('maps a name to a configured source', () => {
    const source = createMemorySource({ categories: [] });
    register('site', source);
    expect(getSource('site')).toBe(source);
    expect(getSource(' site ')).toBe(source);
    expect(registeredSources()).toContain('site');
    expect(unregisterSource('site')).toBe(true);
    expect(getSource('site')).toBeUndefined();
  });

  it('replaces a source registered twice under one name', () => {
    const first = createMemorySource({});
    const second = createMemorySource({});
    const removeFirst = registerSource('twice', first);
    register('twice', second);
    removeFirst();
    expect(getSource('twice')).toBe(second);
  });

  it('stops a source another one replaces, once, after the new one is in place', () => {
    const stop = vi.fn(() => {
      // By then widgets find the new source.
      expect(getSource('replaced')).toBe(second);
    });
    const first: DataSource = { kind: 'stats', getVisitorStats: () => Promise.reject(new Error('unused')), stop };
    const second = createMemorySource({});
    register('replaced', first);
    register('replaced', second);
    expect(stop).toHaveBeenCalledTimes(1);
    register('replaced', createMemorySource({}));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('announces each registration, a replacement included, before the replaced source stops', () => {
    const heard: [string, DataSource | undefined][] = [];
    const stop = vi.fn();
    cleanUp.push(
      onSourceRegistered((name) => {
        heard.push([name, getSource(name)]);
        expect(stop).not.toHaveBeenCalled();
      }),
    );
    const first: DataSource = { ...createMemorySource({}), stop };
    const second = createMemorySource({});
    register('announced', first);
    register('announced', second);
    expect(heard).toEqual([
      ['announced', first],
      ['announced', second],
    ]);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('stops announcing to a listener that stopped listening, and a second copy hears the first', async () => {
    // @ts-expect-error -- the query string is not a file TypeScript can see.
    const secondCopy = (await import('./registry.js?announcing-copy')) as typeof RegistryModule;
    const heard: string[] = [];
    const heardBySecond: string[] = [];
    const stopListening = onSourceRegistered((name) => heard.push(name));
    cleanUp.push(secondCopy.onSourceRegistered((name) => heardBySecond.push(name)));
    register('heard', createMemorySource({}));
    stopListening();
    register('not-heard', createMemorySource({}));
    expect(heard).toEqual(['heard']);
    expect(heardBySecond).toEqual(['heard', 'not-heard']);
  });

  it('does not stop a source registered again under the same name', () => {
    const stop = vi.fn();
    const source = Object.assign(createMemorySource({}), { stop });
    register('again', source);
    register('again', source);
    expect(getSource('again')).toBe(source);
    expect(stop).not.toHaveBeenCalled();
  });

  it('stops a source registered under two names only when the last name is replaced', () => {
    const stop = vi.fn();
    const shared = Object.assign(createMemorySource({}), { stop });
    register('first-name', shared);
    register('second-name', shared);
    register('first-name', createMemorySource({}));
    expect(stop).not.toHaveBeenCalled();
    expect(getSource('second-name')).toBe(shared);
    register('second-name', createMemorySource({}));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('leaves stopping to the caller when a source is unregistered', () => {
    const stop = vi.fn();
    const source = Object.assign(createMemorySource({}), { stop });
    registerSource('unregistered', source)();
    register('unregistered', createMemorySource({}));
    expect(unregisterSource('unregistered')).toBe(true);
    expect(stop).not.toHaveBeenCalled();
  });

  it('reports a stop that throws and registers the new source all the same', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const failure = new Error('stop failed');
      const broken: DataSource = {
        kind: 'stats',
        getVisitorStats: () => Promise.reject(new Error('unused')),
        stop: () => {
          throw failure;
        },
      };
      const replacement = createMemorySource({});
      register('broken-stop', broken);
      expect(() => {
        register('broken-stop', replacement);
      }).not.toThrow();
      expect(getSource('broken-stop')).toBe(replacement);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"broken-stop" (stats)'), failure);
    } finally {
      warn.mockRestore();
    }
  });

  it('rejects a configuration mistake with a clear TypeError', () => {
    expect(() => registerSource('', createMemorySource({}))).toThrow(/non-empty string/);
    expect(() => registerSource('x', {})).toThrow(/at least one of: listArticles/);
    expect(() => registerSource('x', null as unknown as DataSource)).toThrow(TypeError);
  });

  it('lets a widget that upgrades first wait for its source', async () => {
    const waiting = whenSourceRegistered('late', { timeout: 1000 });
    const source = createMemorySource({ visitorStats: seed.visitorStats });
    setTimeout(() => {
      register('late', source);
    }, 10);
    await expect(waiting).resolves.toBe(source);
  });

  it('gives a not-registered error that says how to fix it when none arrives in time', async () => {
    vi.useFakeTimers();
    const waiting = whenSourceRegistered('missing', { timeout: 5000 });
    vi.advanceTimersByTime(5000);
    const error: unknown = await waiting.catch((caught: unknown) => caught);
    expect(isSourceError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'not-registered', source: 'missing', retryable: true });
    expect((error as Error).message).toMatch(/registerSource\('missing', …\)/);
    expect((error as Error).message).toMatch(/data-portico/);
  });

  it('names the sources that are registered when the one asked for is not, so a typo shows', async () => {
    vi.useFakeTimers();
    const messageAfterWaiting = async (name: string): Promise<string> => {
      const waiting = whenSourceRegistered(name, { timeout: 100 }).catch((caught: unknown) => caught);
      vi.advanceTimersByTime(100);
      return ((await waiting) as Error).message;
    };
    // Sources other tests left registered, put back afterwards.
    const others = registeredSources().map((name) => [name, getSource(name)!] as const);
    others.forEach(([name]) => unregisterSource(name));
    try {
      expect(await messageAfterWaiting('sitee')).toMatch(/ Registered: none\.$/);
      register('site', createMemorySource({}));
      expect(await messageAfterWaiting('sitee')).toMatch(/ Registered: "site"\. Did you mean "site"\?$/);
      register('stats', createMemorySource({}));
      register('banners', createMemorySource({}));
      expect(await messageAfterWaiting('sitee')).toBe(
        'No data source named "sitee" was registered within 100 ms. ' +
          `Register it with registerSource('sitee', …), or in a <script type="application/json" data-portico> block ` +
          `(read by the CDN build, or from npm once @portico/plugins/auto is imported). ` +
          'Registered: "site", "stats", "banners". Did you mean "site"?',
      );
      expect(await messageAfterWaiting('blog')).toMatch(/ Registered: "site", "stats", "banners"\.$/);
    } finally {
      others.forEach(([name, source]) => registerSource(name, source));
    }
  });

  it('waits for good when the timeout is Infinity', async () => {
    vi.useFakeTimers();
    let settled = false;
    const waiting = whenSourceRegistered('patient', { timeout: Infinity }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(settled).toBe(false);
    const source = createMemorySource({});
    register('patient', source);
    await expect(waiting).resolves.toBe(source);
  });

  it('stops waiting when the widget aborts', async () => {
    const controller = new AbortController();
    const waiting = whenSourceRegistered('never', { signal: controller.signal });
    controller.abort();
    const error: unknown = await waiting.catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
    await expect(whenSourceRegistered('never', { signal: controller.signal })).rejects.toThrow();
  });

  it('reports a capability the source lacks as unsupported', async () => {
    register('categories-only', { kind: 'json', getCategories: () => Promise.resolve([]) });
    const error: unknown = await requireCapability('categories-only', 'getBanners').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unsupported', retryable: false });
    expect((error as Error).message).toBe('The data source "categories-only" (json) does not provide getBanners.');
    const getCategories = await requireCapability('categories-only', 'getCategories');
    await expect(getCategories()).resolves.toEqual([]);
  });

  it('is one registry per page, shared by a second copy of the library', async () => {
    // The query string makes the bundler load the module a second time, as a second copy
    // of Portico on the page would be.
    // @ts-expect-error -- the query string is not a file TypeScript can see.
    const secondCopy = (await import('./registry.js?second-copy')) as typeof RegistryModule;
    expect(secondCopy.registerSource).not.toBe(registerSource);

    const waiting = secondCopy.whenSourceRegistered('shared', { timeout: 1000 });
    const source = createMemorySource({});
    register('shared', source);
    await expect(waiting).resolves.toBe(source);
    expect(secondCopy.getSource('shared')).toBe(source);

    cleanUp.push(secondCopy.registerSource('from-second', source));
    expect(getSource('from-second')).toBe(source);
  });
});

describe('SourceError', () => {
  it('tells retryable failures from permanent ones', () => {
    expect(new SourceError('network', 'offline').retryable).toBe(true);
    expect(new SourceError('http', 'busy', { status: 503 }).retryable).toBe(true);
    expect(new SourceError('http', 'gone', { status: 404 }).retryable).toBe(false);
    expect(new SourceError('invalid-data', 'articles[0].title must be a string').retryable).toBe(false);
  });
});
