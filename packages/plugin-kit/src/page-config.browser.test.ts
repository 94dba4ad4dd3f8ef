import {
  definePhrases,
  getSource,
  registeredSources,
  registerSource,
  translate,
  unregisterSource,
  type DataSource,
} from '@portico/core';
import { PorticoViewCounter } from '@portico/view-counter/element';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { applyPageConfig, configureNowAndWhenParsed } from './page-config.js';

const added: Element[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  added.splice(0).forEach((element) => {
    element.remove();
  });
  stops.splice(0).forEach((stop) => {
    stop();
  });
  // What a block could not set up is registered too, as a source that says so.
  registeredSources().forEach(unregisterSource);
  vi.restoreAllMocks();
});

function block(json: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.dataset.portico = '';
  script.textContent = json;
  document.body.append(script);
  added.push(script);
  return script;
}

/** `configureNowAndWhenParsed`, stopped after the test. */
function watchPage(configure: () => void): () => void {
  const stop = configureNowAndWhenParsed(configure);
  stops.push(stop);
  return stop;
}

const made: Record<string, unknown>[] = [];
const fakeFactory = (options: Record<string, unknown>): DataSource => {
  made.push(options);
  if (options.baseUrl === undefined) throw new TypeError('joomla() needs a baseUrl.');
  return { kind: 'fake', getCategories: () => Promise.resolve([]) } satisfies DataSource;
};

describe('applyPageConfig', () => {
  it('registers the sources a block configures, once, without running it as script', () => {
    block(`{
      "sources": { "site": { "type": "joomla", "baseUrl": "/portico-proxy" } },
      "phrases": { "vi": { "GUESTS_0": "không có khách" } }
    }`);
    const result = applyPageConfig({ types: { joomla: fakeFactory } });
    expect(result).toMatchObject({ registered: ['site'], problems: [] });
    expect(getSource('site')?.kind).toBe('fake');
    expect(made.at(-1)).toEqual({ baseUrl: '/portico-proxy' });
    expect(translate('GUESTS_0', 'vi')).toBe('không có khách');
    expect(applyPageConfig({ types: { joomla: fakeFactory } }).registered, 'each block is read once').toEqual([]);
    unregisterSource('site');
  });

  it('reports every problem clearly, applies what it can and never throws', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    block('{ "sources": { "broken": ');
    block(
      '{ "sources": { "a": { "type": "drupal" }, "b": { "type": "joomla" }, "c": "x", "ok": { "type": "joomla", "baseUrl": "/p" } } }',
    );
    const result = applyPageConfig({ types: { joomla: fakeFactory } });
    expect(result.registered).toEqual(['ok']);
    expect(result.problems).toEqual([
      expect.stringMatching(/^Portico: <script data-portico> block \d+: is not valid JSON configuration/),
      expect.stringContaining('"sources"."a".type is "drupal", which is not one of "joomla".'),
      expect.stringMatching(/ block 2, "sources"\."b": joomla\(\) needs a baseUrl\.$/),
      expect.stringMatching(/ block 2: "sources"\."c" must be an object, got the text "x"\.$/),
    ]);
    expect(logged).toHaveBeenCalledTimes(4);
    unregisterSource('ok');
  });

  it('says a block of another type is not read, rather than leave the page waiting for its sources', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const mistyped = block('{ "sources": { "site": { "type": "joomla", "baseUrl": "/p" } } }');
    mistyped.type = 'text/json';
    const result = applyPageConfig({ types: { joomla: fakeFactory } });
    expect(result).toMatchObject({ registered: [] });
    const said =
      'Portico: <script data-portico type="text/json">: not read. A configuration block needs type="application/json" ' +
      '(one without a type is run as a script, not read).';
    expect(result.problems).toEqual([said]);
    expect(logged).toHaveBeenCalledWith(said);
    expect(applyPageConfig({ types: { joomla: fakeFactory } }).problems, 'said once').toEqual([]);
  });

  it('names the source a plugin’s own error is about, and the type a misspelt one meant', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    block('{ "sources": { "site": { "type": "joomla" }, "other": { "type": "Joomla", "baseUrl": "/p" } } }');
    const result = applyPageConfig({ types: { json: fakeFactory, joomla: fakeFactory } });
    expect(result.problems).toEqual([
      'Portico: <script data-portico> block 1, "sources"."site": joomla() needs a baseUrl.',
      'Portico: <script data-portico> block 1: "sources"."other".type is "Joomla", which is not one of "json", "joomla". Did you mean "joomla"?',
    ]);
  });

  it('reports the keys a block does not know, which it ignores', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    block('{ "site": { "type": "joomla", "baseUrl": "/p" } }');
    block('{ "source": { "site": { "type": "joomla", "baseUrl": "/p" } }, "phrases": {}, "version": 2 }');
    const result = applyPageConfig({ types: { joomla: fakeFactory } });
    expect(result).toMatchObject({ registered: [] });
    expect(result.problems).toEqual([
      'Portico: <script data-portico> block 1: has an unknown key "site", ignored: a block takes "sources" and "phrases". Sources go inside "sources".',
      'Portico: <script data-portico> block 2: has an unknown key "source", ignored: a block takes "sources" and "phrases". Did you mean "sources"?',
      'Portico: <script data-portico> block 2: has an unknown key "version", ignored: a block takes "sources" and "phrases".',
    ]);
    expect(logged).toHaveBeenCalledTimes(3);
  });

  it('warns of a phrase key no widget uses, suggesting the one it may mean, and keeps it', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // GUESTS_FEW and MEMBERS_2 are plural forms translatePlural reads: not reported.
    block(
      '{ "phrases": { "vi": { "VIEW_HIT_TITLE": "Lượt xem", "MY_OWN_PHRASE": "Của tôi", "GUESTS_FEW": "%s khách", "MEMBERS_2": "hai" } } }',
    );
    const result = applyPageConfig({ types: {} });
    expect(result.problems).toEqual([
      'Portico: <script data-portico> block 1: "phrases"."vi".VIEW_HIT_TITLE is not a phrase key of Portico. Did you mean "VIEW_HITS_TITLE"?',
      'Portico: <script data-portico> block 1: "phrases"."vi".MY_OWN_PHRASE is not a phrase key of Portico.',
    ]);
    expect(warned).toHaveBeenCalledTimes(2);
    expect(logged).not.toHaveBeenCalled();
    // Kept, for a page's own phrases.
    expect(translate('MY_OWN_PHRASE', 'vi')).toBe('Của tôi');
  });

  it('reports a bad phrase locale and still applies the ones after it', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    block('{ "phrases": { "fr": "x", "de": { "GUESTS_0": "keine Gäste" } } }');
    const result = applyPageConfig({ types: {} });
    expect(result.problems).toEqual([expect.stringContaining('"phrases"."fr" must be an object, got the text "x".')]);
    expect(translate('GUESTS_0', 'de')).toBe('keine Gäste');
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('applies phrases given under the country code vn to Vietnamese, as widgets read lang="vn", and says so', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    block('{ "phrases": { "vn": { "GUESTS_0": "chưa có khách" } } }');
    const result = applyPageConfig({ types: {} });
    expect(result.problems).toEqual([
      'Portico: <script data-portico> block 1: "phrases"."vn" is a country code; its phrases are applied to "vi", the language.',
    ]);
    expect(warned).toHaveBeenCalledTimes(1);
    expect(translate('GUESTS_0', 'vi')).toBe('chưa có khách');
    definePhrases('vi', { GUESTS_0: '0 khách' });
  });
});

describe('a source a block names but could not set up', () => {
  // The view counter under a tag of its own: the tests below use the real tag names for
  // elements that are not defined.
  customElements.define('configured-view-counter', class extends PorticoViewCounter {});

  it('shows its widgets’ error at once, not after the wait for a late source, until a script registers the name', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    block('{ "sources": { "hits": { "type": "stat", "baseUrl": "/s" } } }');
    applyPageConfig({ types: { stats: fakeFactory } });
    const counter = document.createElement('configured-view-counter');
    counter.setAttribute('lang', 'vi');
    counter.setAttribute('source', 'hits');
    document.body.append(counter);
    added.push(counter);
    // The registration wait is 10 s; the problem is known now.
    await expect.element(page.getByText('Chưa có số liệu'), { timeout: 1_000 }).toBeVisible();
    expect(warned.mock.calls.map(String).join('\n')).toContain(
      '<configured-view-counter>: The data source "hits" could not be set up from the page’s configuration: ' +
        '"sources"."hits".type is "stat", which is not one of "stats". Did you mean "stats"?',
    );

    registerSource('hits', { getViewStats: () => Promise.resolve({ total: '18116910' }) });
    await expect.element(page.getByText('18.116.910').first()).toBeVisible();
    unregisterSource('hits');
  });

  it('leaves alone a source a script registered under the name', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const script: DataSource = { kind: 'script', getCategories: () => Promise.resolve([]) };
    registerSource('kept', script);
    block('{ "sources": { "kept": { "type": "joomla" } } }');
    expect(applyPageConfig({ types: { joomla: fakeFactory } }).problems).toHaveLength(1);
    expect(getSource('kept')).toBe(script);
    unregisterSource('kept');
  });
});

describe('applyPageConfig with plugins loaded on demand', () => {
  it('loads only the plugins the page names, registers them, and reports one that fails to load', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loads: string[] = [];
    const lazy = (type: string, fails = false) => ({
      load: () => {
        loads.push(type);
        return fails ? Promise.reject(new Error('network down')) : Promise.resolve(fakeFactory);
      },
    });
    block(
      '{ "sources": { "lazy-site": { "type": "joomla", "baseUrl": "/p" }, "broken": { "type": "stats", "baseUrl": "/s" } } }',
    );
    const result = applyPageConfig({
      types: { joomla: lazy('joomla'), wordpress: lazy('wordpress'), stats: lazy('stats', true) },
    });
    expect(result.registered).toEqual([]);
    await result.ready;
    expect(loads).toEqual(['joomla', 'stats']);
    expect(result.registered).toEqual(['lazy-site']);
    expect(getSource('lazy-site')?.kind).toBe('fake');
    expect(result.problems).toEqual([
      expect.stringMatching(/ block 1, "sources"\."broken": the "stats" plugin did not load \(network down\)\.$/),
    ]);
    expect(logged).toHaveBeenCalledTimes(1);
    unregisterSource('lazy-site');
  });
});

describe('configureNowAndWhenParsed', () => {
  it('configures once at once when the page is parsed already', () => {
    const configure = vi.fn();
    watchPage(configure);
    expect(configure).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(configure).toHaveBeenCalledTimes(1);
  });

  it('configures at once and again, without arguments, when a loading page is parsed', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const configure = vi.fn();
    watchPage(configure);
    expect(configure).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(configure).toHaveBeenCalledTimes(2);
    expect(configure).toHaveBeenLastCalledWith();
  });

  it('picks up a block printed after the script', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const configure = (): void => {
      applyPageConfig({ types: { joomla: fakeFactory } });
    };
    watchPage(configure);
    block('{ "sources": { "late": { "type": "joomla", "baseUrl": "/late-proxy" } } }');
    expect(getSource('late')).toBeUndefined();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(getSource('late')?.kind).toBe('fake');
    unregisterSource('late');
  });

  it('applies a block the page adds after it was parsed (a module loaded by script), until stopped', async () => {
    const stop = watchPage(() => {
      applyPageConfig({ types: { joomla: fakeFactory } });
    });
    const holder = document.createElement('div');
    holder.innerHTML =
      '<script type="application/json" data-portico>{ "sources": { "added": { "type": "joomla", "baseUrl": "/x" } } }</script>';
    document.body.append(holder);
    added.push(holder);
    await vi.waitFor(() => {
      expect(getSource('added')?.kind).toBe('fake');
    });
    unregisterSource('added');

    stop();
    block('{ "sources": { "after-stop": { "type": "joomla", "baseUrl": "/y" } } }');
    // A block the observer would have seen: its records are delivered before this task ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(getSource('after-stop')).toBeUndefined();
  });
});

describe('configureNowAndWhenParsed, once the page has loaded', () => {
  function widget(tag: string, source: string): void {
    const element = document.createElement(tag);
    element.setAttribute('source', source);
    document.body.append(element);
    added.push(element);
  }

  /** Starts watching a page that is still loading, then lets it finish: parsed, then loaded. */
  async function loadPage(types: Parameters<typeof applyPageConfig>[0]['types']): Promise<void> {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    watchPage(() => applyPageConfig({ types }));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    readyState.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    // The lazily loaded plugins' registration, then the check.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it('warns early of a widget source nothing registered, naming those that are, and what it may mean', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const lazyJoomla = { load: () => Promise.resolve(fakeFactory) };
    block('{ "sources": { "early-site": { "type": "joomla", "baseUrl": "/p" } } }');
    widget('portico-article-card', 'early-sitee');
    widget('portico-category-menu', 'early-sitee');
    widget('portico-view-counter', 'early-site');
    widget('other-element', 'not-a-widget');
    // Registered by a page script before the page loaded: no warning.
    stops.push(registerSource('early-script', fakeFactory({ baseUrl: '/s' })));
    widget('portico-online-visitors', 'early-script');
    await loadPage({ joomla: lazyJoomla });
    expect(getSource('early-site')?.kind).toBe('fake');
    expect(warn.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^Portico: <portico-article-card source="early-sitee">: no data source "early-sitee" is registered yet, though the page has loaded\. Did you mean "early-site"\? Registered: (?=.*"early-site")(?=.*"early-script").*\. The widget waits on, in case a script registers it, then shows its error state\.$/,
        ),
      ],
    ]);
    unregisterSource('early-site');
  });

  it('leaves a name a block gave to the block’s own report, and says nothing once stopped', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    block('{ "sources": { "broken-early": { "type": "joomla" } } }');
    widget('portico-article-card', 'broken-early');
    await loadPage({ joomla: fakeFactory });
    expect(warn).not.toHaveBeenCalled();

    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const stop = watchPage(() => applyPageConfig({ types: {} }));
    widget('portico-article-card', 'stopped-early');
    stop();
    readyState.mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).not.toHaveBeenCalled();
  });
});
