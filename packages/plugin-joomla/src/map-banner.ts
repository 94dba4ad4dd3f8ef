import type { Banner } from '@portico/core';
import { htmlToText, readOptionalString, readString } from '@portico/plugin-kit';
import { joomlaAddress, joomlaDate, joomlaImage, joomlaLanguage } from './joomla-values.js';
import type { JsonApiResource } from './json-api.js';

/** The fields only `banners/{id}` gives; Joomla's banner list leaves them out. */
const DETAIL_FIELDS = ['type', 'clickurl', 'custombannercode', 'params'] as const;

export function lacksDetails(resource: JsonApiResource): boolean {
  return DETAIL_FIELDS.some((field) => !(field in resource.attributes));
}

/** Joomla stops showing a banner once it has made all the impressions bought (`imptotal`, 0 = unlimited). */
export function hasImpressionsLeft(resource: JsonApiResource): boolean {
  const total = Number(resource.attributes.imptotal ?? 0);
  return !(total > 0 && Number(resource.attributes.impmade ?? 0) >= total);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${String(character.charCodeAt(0))};`);
}

export interface BannerLinks {
  siteUrl: string;
  /** Count clicks in Joomla (link through `task=click`), or link straight to the advertiser. */
  trackClicks: boolean;
}

/**
 * A Joomla banner (list item with its details) as Portico's `Banner`. An image banner
 * (`type` 0) takes `params.imageurl`, `alt`, `width` and `height`; a custom banner (`type` 1)
 * its code, with Joomla's `{CLICKURL}` and `{NAME}` filled in as `mod_banners` does.
 */
export function mapBanner(resource: JsonApiResource, position: string, links: BannerLinks): Banner {
  const { attributes, path } = resource;
  const at = (field: string): string => `${path}.attributes.${field}`;
  const name = readString(attributes.name, at('name'));
  const clickUrl = readOptionalString(attributes.clickurl, at('clickurl'))?.trim();
  const banner: Banner = { id: resource.id, title: htmlToText(name), position };
  if (clickUrl) {
    banner.url = links.trackClicks
      ? new URL(`index.php?option=com_banners&task=click&id=${encodeURIComponent(resource.id)}`, links.siteUrl).href
      : joomlaAddress(clickUrl, links.siteUrl, at('clickurl'));
  }
  const params =
    typeof attributes.params === 'object' && attributes.params !== null
      ? (attributes.params as Record<string, unknown>)
      : {};
  if (Number(attributes.type ?? 0) === 1) {
    const code = readOptionalString(attributes.custombannercode, at('custombannercode')) ?? '';
    if (code.trim() !== '') {
      banner.html = code.replaceAll('{CLICKURL}', escapeHtml(banner.url ?? '')).replaceAll('{NAME}', escapeHtml(name));
    }
  } else {
    const alt = readOptionalString(params.alt, at('params.alt'))?.trim();
    const image = joomlaImage(params.imageurl, alt || undefined, links.siteUrl, at('params.imageurl'));
    const width = Number(params.width);
    const height = Number(params.height);
    // The sizes an editor typed win over the file's own, as Joomla renders them.
    if (image && width > 0 && height > 0) Object.assign(image, { width, height });
    if (image) banner.image = image;
  }
  if (Number(attributes.sticky) === 1) banner.pinned = true;
  const ordering = Number(attributes.ordering);
  if (attributes.ordering !== undefined && Number.isFinite(ordering)) banner.ordering = ordering;
  const publishUp = joomlaDate(attributes.publish_up, at('publish_up'));
  if (publishUp !== undefined) banner.publishUp = publishUp;
  const publishDown = joomlaDate(attributes.publish_down, at('publish_down'));
  if (publishDown !== undefined) banner.publishDown = publishDown;
  const lang = joomlaLanguage(attributes.language, at('language'));
  if (lang !== undefined) banner.lang = lang;
  return banner;
}

/** Joomla's `mod_banners` order: pinned (sticky) first, then by ordering. */
export function byBannerOrder(a: Banner, b: Banner): number {
  return Number(b.pinned ?? false) - Number(a.pinned ?? false) || (a.ordering ?? 0) - (b.ordering ?? 0);
}
