/**
 * The built-in plugins as lazy types: a page downloads only the plugins its
 * `<script data-portico>` blocks name (what the CDN build uses).
 */
import { didYouMean, quotedNames } from '@portico/core';
import type { json } from '@portico/plugin-json';
import type { joomla } from '@portico/plugin-joomla';
import { applyPageConfig, type LazySourceFactory, type PageConfigResult } from '@portico/plugin-kit';
import type { stats } from '@portico/plugin-stats';
import type { wordpress } from '@portico/plugin-wordpress';

/** The built-in plugins' factories, by type name. */
export interface BuiltInPlugins {
  json: typeof json;
  joomla: typeof joomla;
  wordpress: typeof wordpress;
  stats: typeof stats;
}

const loaders: { [Type in keyof BuiltInPlugins]: () => Promise<BuiltInPlugins[Type]> } = {
  json: () => import('@portico/plugin-json').then((plugin) => plugin.json),
  joomla: () => import('@portico/plugin-joomla').then((plugin) => plugin.joomla),
  wordpress: () => import('@portico/plugin-wordpress').then((plugin) => plugin.wordpress),
  stats: () => import('@portico/plugin-stats').then((plugin) => plugin.stats),
};

export const lazySourceTypes: Readonly<Record<string, LazySourceFactory>> = Object.fromEntries(
  Object.entries(loaders).map(([type, load]) => [type, { load }]),
);

/**
 * A built-in plugin's factory, typed as the plugin's own, downloaded on first use:
 * `(await loadPlugin('joomla'))({ baseUrl: '/portico-proxy' })`.
 */
export function loadPlugin<Type extends keyof BuiltInPlugins>(type: Type): Promise<BuiltInPlugins[Type]> {
  if (!Object.hasOwn(loaders, type)) {
    // Names are exact, as a block's `type` is: one spelling everywhere, and the one TypeScript checks.
    const names = Object.keys(loaders);
    const trimmed = typeof type === 'string' ? type.trim() : undefined;
    // Stray spaces around a right name are the likeliest slip of all.
    const hint =
      trimmed === undefined ? '' : names.includes(trimmed) ? ` Did you mean "${trimmed}"?` : didYouMean(trimmed, names);
    return Promise.reject(
      new TypeError(
        `No built-in plugin ${JSON.stringify(type)}: the built-in plugins are ${quotedNames(names)}.${hint}`,
      ),
    );
  }
  return loaders[type]();
}

/** `configurePage` with plugins downloaded only when a block names them. */
export function configurePageLazily(root?: ParentNode): PageConfigResult {
  return applyPageConfig({ types: lazySourceTypes, ...(root ? { root } : {}) });
}
