import { isInPublishWindow, joomlaDate } from './joomla-values.js';
import type { JsonApiResource } from './json-api.js';

/**
 * Whether Joomla's own site would show an item to a visitor: published (`state` or
 * `published` is 1, as a number or, from some database drivers, a string), inside its
 * publishing window, and at a public access level (an item without `access`, a banner, has
 * none). The proxy already drops the others; this keeps the plugin right when it talks to a
 * Joomla API opened to the public without the proxy.
 *
 * A publishing date that is not a date is an `invalid-data` error, so the caller leaves the
 * item out with a warning, as the proxy hides it. Reading it as no date instead would show a
 * visitor what an editor meant to hold back: an embargoed category, an expired banner.
 */
export function isShown(
  resource: JsonApiResource,
  stateField: 'state' | 'published',
  now: number,
  publicAccessLevels: readonly number[],
): boolean {
  const { attributes, path } = resource;
  if (Number(attributes[stateField]) !== 1) return false;
  const { access } = attributes;
  if (access !== undefined && access !== null && !publicAccessLevels.includes(Number(access))) return false;
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
