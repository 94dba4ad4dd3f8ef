/** @portico/plugin-wordpress: Portico data from a WordPress site's REST API. */
export { wordpress, type WordPressSourceOptions } from './wordpress-source.js';
export type { ViewsOption, ViewsPlugin } from './views-plugins.js';
