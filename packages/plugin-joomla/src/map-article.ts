import { SourceError, type Article } from '@portico/core';
import { htmlToText, readId, readOptionalCount, readOptionalString, readString } from '@portico/plugin-kit';
import { fillTemplate, joomlaDate, joomlaImage, joomlaLanguage, scalarText } from './joomla-values.js';
import { relatedId, type JsonApiResource } from './json-api.js';

/** What turning Joomla items into Portico's needs besides the items. */
export interface LinkContext {
  /** The Joomla site's root, which relative addresses resolve against. */
  siteUrl: string;
  articleUrl: string;
  categoryUrl: string;
  menuItemUrl: string;
}

// Vietnamese portals open a lead with the news agency's tag: `(TUAG)- Ngày 25/8/2020, …`.
const SOURCE_TAG = /^\(([^()]{1,20})\)\s*[-\u2013\u2014]\s*/;
const FIRST_PARAGRAPH = /^\s*(<p\b[^>]*>[\s\S]*?<\/p>)/i;

function optionalHtml(value: unknown, path: string): string | undefined {
  const html = readOptionalString(value, path)?.trim();
  return html === '' ? undefined : html;
}

/**
 * Lead and body. Joomla's API gives `text` (the intro text, a space, the full text: the
 * read-more break is gone by then), unless a site plugin adds `introtext` and `fulltext`.
 * - With `introtext`: the lead is its text and the body the full text.
 * - With only `text`: the lead is its first paragraph, the body the rest, which splits an
 *   article the way its editors usually put the read-more break.
 * - A meta description (`metadesc`) is a lead written on purpose: it wins, and the body
 *   then keeps all the article's HTML.
 */
function leadAndBody(resource: JsonApiResource): { lead?: string | undefined; body?: string | undefined } {
  const { attributes, path } = resource;
  const at = (field: string): string => `${path}.attributes.${field}`;
  const description = htmlToText(readOptionalString(attributes.metadesc, at('metadesc')) ?? '');
  const introtext = optionalHtml(attributes.introtext, at('introtext'));
  const fulltext = optionalHtml(attributes.fulltext, at('fulltext'));
  const text = optionalHtml(attributes.text, at('text'));
  const whole = introtext === undefined && fulltext === undefined ? text : [introtext, fulltext].join(' ').trim();
  if (description) return { lead: description, body: whole };
  if (introtext !== undefined) return { lead: htmlToText(introtext), body: fulltext };
  if (text === undefined) return {};
  const first = FIRST_PARAGRAPH.exec(text)?.[1];
  if (first === undefined) return { lead: htmlToText(text) };
  const rest = text.slice(text.indexOf(first) + first.length).trim();
  return { lead: htmlToText(first), body: rest === '' ? undefined : rest };
}

function authorsOf(resource: JsonApiResource): string[] | undefined {
  const { attributes, path } = resource;
  // `created_by_alias` is the byline the editors wrote ("Thúy Vân, Bá Siêu"); the account's
  // name only when a site plugin adds it (the core API gives the user's id alone).
  const byline =
    readOptionalString(attributes.created_by_alias, `${path}.attributes.created_by_alias`) ||
    readOptionalString(attributes.author_name, `${path}.attributes.author_name`) ||
    '';
  const authors = htmlToText(byline)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return authors.length > 0 ? authors : undefined;
}

function imageOf(resource: JsonApiResource, prefer: 'intro' | 'fulltext', siteUrl: string): Article['image'] {
  const images = resource.attributes.images;
  if (typeof images !== 'object' || images === null) return undefined;
  const fields = images as Record<string, unknown>;
  const read = (kind: 'intro' | 'fulltext'): Article['image'] => {
    const at = `${resource.path}.attributes.images.image_${kind}`;
    const alt = readOptionalString(fields[`image_${kind}_alt`], `${at}_alt`)?.trim();
    // Joomla's "No Description" box marks a decorative image: an empty alt, on purpose.
    const decorative = scalarText(fields[`image_${kind}_alt_empty`]) === '1';
    return joomlaImage(fields[`image_${kind}`], decorative ? '' : alt || undefined, siteUrl, at);
  };
  return prefer === 'intro' ? (read('intro') ?? read('fulltext')) : (read('fulltext') ?? read('intro'));
}

/**
 * A Joomla article (`articles` resource) as Portico's `Article`. Lists prefer the intro
 * image, a single article its full-text image.
 */
export function mapArticle(resource: JsonApiResource, links: LinkContext, prefer: 'intro' | 'fulltext'): Article {
  const { attributes, path } = resource;
  const at = (field: string): string => `${path}.attributes.${field}`;
  const published =
    joomlaDate(attributes.publish_up, at('publish_up')) ?? joomlaDate(attributes.created, at('created'));
  if (published === undefined) {
    throw new SourceError('invalid-data', `${path} has neither publish_up nor created.`, { retryable: false });
  }
  const categoryId =
    relatedId(resource, 'category') ??
    (attributes.catid === undefined || attributes.catid === null ? undefined : readId(attributes.catid, at('catid')));
  const alias = readOptionalString(attributes.alias, at('alias')) ?? '';
  const language = readOptionalString(attributes.language, at('language'));
  const { lead, body } = leadAndBody(resource);
  const source = lead === undefined ? undefined : SOURCE_TAG.exec(lead);

  const article: Article = {
    id: resource.id,
    title: htmlToText(readString(attributes.title, at('title'))),
    url: new URL(
      fillTemplate(links.articleUrl, { id: resource.id, alias, catid: categoryId ?? '', language: language ?? '*' }),
      links.siteUrl,
    ).href,
    published,
  };
  const modified = joomlaDate(attributes.modified, at('modified'));
  if (modified !== undefined) article.modified = modified;
  if (source) article.source = source[1] ?? '';
  if (lead !== undefined && lead !== '') article.lead = source ? lead.slice(source[0].length) : lead;
  if (body !== undefined) article.body = body;
  const authors = authorsOf(resource);
  if (authors) article.authors = authors;
  if (categoryId !== undefined) article.categoryId = categoryId;
  const image = imageOf(resource, prefer, links.siteUrl);
  if (image) article.image = image;
  const views = readOptionalCount(attributes.hits, at('hits'));
  if (views !== undefined) article.views = views;
  const lang = joomlaLanguage(language, at('language'));
  if (lang !== undefined) article.lang = lang;
  return article;
}
