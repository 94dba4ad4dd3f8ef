import { SourceError, isSourceError } from '@portico/core';
import { fetchJson } from '@portico/plugin-kit';

/** An error answer of the REST API: `{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}`. */
export interface WordPressError {
  code: string;
  message: string;
  status: number;
}

export interface RestAnswer {
  data: unknown;
  headers: Headers;
}

export interface RestRequestOptions {
  signal: AbortSignal;
  timeout?: number | undefined;
  retries?: number | undefined;
  retryDelay?: number | undefined;
  fetch?: typeof fetch | undefined;
}

// The WordPress error behind a SourceError, for callers that act on its code.
const WORDPRESS_ERRORS = new WeakMap<SourceError, WordPressError>();

/** The WordPress error answer a request failed with, if it failed with one. */
export function wordPressErrorOf(error: unknown): WordPressError | undefined {
  return isSourceError(error) ? WORDPRESS_ERRORS.get(error) : undefined;
}

function readWordPressError(text: string, status: number): WordPressError | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null) return undefined;
    const { code, message } = body as Record<string, unknown>;
    if (typeof code !== 'string') return undefined;
    return { code, message: typeof message === 'string' ? message : '', status };
  } catch {
    return undefined;
  }
}

/**
 * GETs a REST route with plugin-kit's `fetchJson` (timeouts, retries with backoff, clear
 * errors for HTML or cut answers), and reads WordPress's error body when the answer is an
 * error, so the SourceError names WordPress's code and message and callers can act on the
 * code (`rest_post_invalid_id` is a missing article, `rest_cannot_view` a private menu).
 */
export async function getRest(url: string, options: RestRequestOptions): Promise<RestAnswer> {
  let wordPressError: WordPressError | undefined;
  const baseFetch = options.fetch ?? fetch;
  // Peeks at error bodies on their way to fetchJson, which reads them again.
  const peekingFetch: typeof fetch = async (input, init) => {
    const response = await baseFetch(input, init);
    if (response.ok) return response;
    const text = await response.text();
    wordPressError = readWordPressError(text, response.status);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  try {
    const { data, headers } = await fetchJson(url, {
      signal: options.signal,
      timeout: options.timeout,
      retries: options.retries,
      retryDelay: options.retryDelay,
      fetch: peekingFetch,
    });
    return { data, headers };
  } catch (error) {
    if (!isSourceError(error) || error.code !== 'http' || wordPressError === undefined) throw error;
    const { code, message, status } = wordPressError;
    const explained = new SourceError(
      'http',
      `${url} answered ${String(status)} (${code})${message ? `: ${message}` : '.'}`,
      { status, retryable: error.retryable, cause: error },
    );
    WORDPRESS_ERRORS.set(explained, wordPressError);
    throw explained;
  }
}

/** A whole number from a header (`X-WP-Total`), or `undefined` when it is missing or not one. */
export function headerCount(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

// The codes WordPress answers a visitor with for a post that does not exist or is not public.
const NOT_PUBLIC = new Set(['rest_post_invalid_id', 'rest_forbidden', 'rest_cannot_read']);

/** `notFound` (caused by `error`) when `error` says the post is missing or not public; else `error`. */
export function notPublic(error: unknown, notFound: SourceError): unknown {
  const wordPressError = wordPressErrorOf(error);
  if (!wordPressError || !NOT_PUBLIC.has(wordPressError.code)) return error;
  return new SourceError(
    'not-found',
    `${notFound.message.replace(/\.$/, '')} (${wordPressError.code}: ${wordPressError.message})`,
    {
      retryable: false,
      cause: error,
    },
  );
}
