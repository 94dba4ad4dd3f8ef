import { getSource, unregisterSource } from '@portico/core';
import { afterEach, describe, expect, it } from 'vitest';
import { configurePageLazily, loadPlugin } from './lazy.js';

const added: Element[] = [];
afterEach(() => {
  added.splice(0).forEach((element) => {
    element.remove();
  });
});

describe('@portico/plugins/lazy', () => {
  it('registers the sources a block names once their plugins have loaded', async () => {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.dataset.portico = '';
    block.textContent = '{ "sources": { "lazy-json": { "type": "json", "data": { "categories": [] } } } }';
    document.body.append(block);
    added.push(block);
    const result = configurePageLazily();
    await result.ready;
    expect(result.registered).toEqual(['lazy-json']);
    expect(getSource('lazy-json')?.kind).toBe('json');
    unregisterSource('lazy-json');
  });

  it('gives a built-in factory on demand', async () => {
    const joomla = await loadPlugin('joomla');
    expect(joomla({ baseUrl: '/portico-proxy' }).kind).toBe('joomla');
    // Typed as the plugin's own factory: its options are checked.
    // @ts-expect-error The Joomla plugin takes a baseUrl, not a url.
    expect(() => joomla({ url: '/x' })).toThrow();
    await expect(loadPlugin('drupal' as never)).rejects.toThrow('No built-in plugin "drupal"');
  });

  it('names the built-in plugins when asked for another, and the one a wrong case or a typo meant', async () => {
    await expect(loadPlugin('drupal' as never)).rejects.toThrow(
      new TypeError('No built-in plugin "drupal": the built-in plugins are "json", "joomla", "wordpress", "stats".'),
    );
    await expect(loadPlugin('Joomla' as never)).rejects.toThrow(
      new TypeError(
        'No built-in plugin "Joomla": the built-in plugins are "json", "joomla", "wordpress", "stats". Did you mean "joomla"?',
      ),
    );
    await expect(loadPlugin('wordpres' as never)).rejects.toThrow(/ Did you mean "wordpress"\?$/);
    await expect(loadPlugin(' joomla ' as never)).rejects.toThrow(/ Did you mean "joomla"\?$/);
    await expect(loadPlugin(undefined as never)).rejects.toThrow(/^No built-in plugin undefined: the built-in plugins/);
  });
});
