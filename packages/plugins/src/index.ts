/**
 * @portico/plugins: every built-in data plugin, and the declarative page configuration that
 * uses them.
 */
import type { PageConfigResult, SourceFactory } from '@portico/plugin-kit';
import { applyPageConfig } from '@portico/plugin-kit';
import { joomla } from '@portico/plugin-joomla';
import { json } from '@portico/plugin-json';
import { stats } from '@portico/plugin-stats';
import { wordpress } from '@portico/plugin-wordpress';

export { joomla, json, stats, wordpress };

/** The `type`s a `<script data-portico>` block may name, and the factories they stand for. */
export const builtInSourceTypes: Readonly<Record<string, SourceFactory>> = { json, joomla, wordpress, stats };

/**
 * Registers the sources that the page's `<script type="application/json" data-portico>`
 * blocks configure, with the built-in plugins (and any `extraTypes` of your own). Each block
 * is read once; problems are logged, never thrown.
 */
export function configurePage(
  options: { root?: ParentNode; extraTypes?: Readonly<Record<string, SourceFactory>> } = {},
): PageConfigResult {
  return applyPageConfig({
    types: { ...builtInSourceTypes, ...options.extraTypes },
    ...(options.root ? { root: options.root } : {}),
  });
}
