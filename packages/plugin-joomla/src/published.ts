import { isInPublishWindow, joomlaDate } from './joomla-values.js';
import type { JsonApiResource } from './json-api.js';

/**
 * Whether Joomla's own site would show an item: published (`state` or `published` is 1,
 * as a number or, from some database drivers, a string) and inside its publishing window.
 * The proxy already drops unpublished items; this keeps the plugin right when it talks to a
 * Joomla API opened to the public without the proxy.
 */
export function isShown(resource: JsonApiResource, stateField: 'state' | 'published', now: number): boolean {
  const { attributes, path } = resource;
  if (Number(attributes[stateField]) !== 1) return false;
  return isInPublishWindow(
    joomlaDate(attributes.publish_up, `${path}.attributes.publish_up`),
    joomlaDate(attributes.publish_down, `${path}.attributes.publish_down`),
    now,
  );
}

/** Whether an item belongs to the configured language: its own, or all (`*`). */
export function inLanguage(resource: JsonApiResource, language: string | undefined): boolean {
  const itemLanguage = resource.attributes.language;
  return language === undefined || itemLanguage === undefined || itemLanguage === '*' || itemLanguage === language;
}
