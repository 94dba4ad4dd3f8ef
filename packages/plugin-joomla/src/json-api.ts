import { readArray, readId, readObject } from '@portico/plugin-kit';

/**
 * The parts of a JSON:API document (https://jsonapi.org) that Joomla's Web Services give
 * and the plugin reads: `data` (one resource or a list) and `links` (`next`). Joomla renders
 * them with tobscure/json-api. Nothing else is read, so nothing else is checked: an odd
 * `meta` or `type` fails no request.
 */

/** One resource: `{ id, attributes, relationships }`. */
export interface JsonApiResource {
  id: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
  /** Where it sits in the answer, for error messages: `data[3]`. */
  path: string;
}

export interface JsonApiDocument {
  resources: JsonApiResource[];
  links: Record<string, unknown>;
}

function readResource(value: unknown, path: string): JsonApiResource {
  const resource = readObject(value, path);
  return {
    id: readId(resource.id, `${path}.id`),
    attributes: readObject(resource.attributes, `${path}.attributes`),
    relationships:
      resource.relationships === undefined ? {} : readObject(resource.relationships, `${path}.relationships`),
    path,
  };
}

/** Reads a JSON:API document; `data` may be one resource or a list of them. */
export function readJsonApiDocument(value: unknown): JsonApiDocument {
  const document = readObject(value, 'the answer');
  const data = document.data;
  const resources = Array.isArray(data)
    ? readArray(data, 'data').map((item, index) => readResource(item, `data[${String(index)}]`))
    : [readResource(data, 'data')];
  return {
    resources,
    links: document.links === undefined ? {} : readObject(document.links, 'links'),
  };
}

/** The id a to-one relationship points at (`relationships.category.data.id`), if any. */
export function relatedId(resource: JsonApiResource, name: string): string | undefined {
  const relationship = resource.relationships[name];
  if (typeof relationship !== 'object' || relationship === null) return undefined;
  const data = (relationship as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * The query of the next page, from `links.next`, or `undefined` on the last page. Joomla
 * writes its own address into the links, which a browser cannot call (it holds no token), so
 * only the query is kept and asked of the same route through the proxy.
 */
export function nextPageQuery(document: JsonApiDocument, requestUrl: string): string | undefined {
  const next = document.links.next;
  if (typeof next !== 'string' || next === '') return undefined;
  try {
    const search = new URL(next, requestUrl).search;
    return search === '' ? undefined : search.slice(1);
  } catch {
    return undefined;
  }
}
