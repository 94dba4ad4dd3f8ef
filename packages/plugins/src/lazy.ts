/**
 * The built-in plugins as lazy types: a page downloads only the plugins its
 * `<script data-portico>` blocks name (what the CDN build uses).
 */
import {
  applyPageConfig,
  type LazySourceFactory,
  type PageConfigResult,
  type SourceFactory,
} from '@portico/plugin-kit';

export const lazySourceTypes: Readonly<Record<string, LazySourceFactory>> = {
  json: { load: () => import('@portico/plugin-json').then((plugin) => plugin.json) },
  joomla: { load: () => import('@portico/plugin-joomla').then((plugin) => plugin.joomla) },
  wordpress: { load: () => import('@portico/plugin-wordpress').then((plugin) => plugin.wordpress) },
  stats: { load: () => import('@portico/plugin-stats').then((plugin) => plugin.stats) },
};

/** A built-in plugin's factory, downloaded on first use: `(await loadPlugin('joomla'))({ baseUrl })`. */
export function loadPlugin(type: 'json' | 'joomla' | 'wordpress' | 'stats'): Promise<SourceFactory> {
  const lazy = lazySourceTypes[type];
  if (!lazy) return Promise.reject(new TypeError(`No built-in plugin "${type as string}".`));
  return lazy.load();
}

/** `configurePage` with plugins downloaded only when a block names them. */
export function configurePageLazily(root?: ParentNode): PageConfigResult {
  return applyPageConfig({ types: lazySourceTypes, ...(root ? { root } : {}) });
}
