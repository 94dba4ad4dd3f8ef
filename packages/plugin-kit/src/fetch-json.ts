import { SourceError } from '@portico/core';

export interface FetchJsonOptions {
  /** Cancels the request and any wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Milliseconds one attempt may take. Default 8000. */
  timeout?: number | undefined;
  /** Further attempts after a retryable failure (network, timeout, 5xx, 429). Default 2. */
  retries?: number | undefined;
  /** The first retry's delay ceiling in milliseconds; it doubles each time, with full jitter. Default 400. */
  retryDelay?: number | undefined;
  /** Method, headers, body. */
  init?: RequestInit | undefined;
  /** The registered source's name, for error messages. */
  source?: string | undefined;
  /** For tests and unusual hosts. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** For tests: the jitter's random source. */
  random?: (() => number) | undefined;
}

export interface JsonResponse {
  data: unknown;
  status: number;
  headers: Headers;
  /** The final URL, after redirects. */
  url: string;
}

const DEFAULT_TIMEOUT = 8000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY = 400;
const LONGEST_RETRY_WAIT = 30_000;

/**
 * Fetches and parses JSON the way every plugin needs it: a timeout per attempt, retries
 * with exponential backoff and full jitter (honouring `Retry-After`) for failures that may
 * pass, cancellation through `signal`, and clear `SourceError`s for answers that are not
 * JSON (an HTML error page, an empty 200, a truncated body).
 */
export async function fetchJson(url: string | URL, options: FetchJsonOptions = {}): Promise<JsonResponse> {
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt += 1) {
    let failure: SourceError;
    try {
      return await attemptFetch(url, options);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (!(error instanceof SourceError)) throw error;
      failure = error;
    }
    if (!failure.retryable || attempt >= retries) throw failure;
    const ceiling = Math.min(LONGEST_RETRY_WAIT, (options.retryDelay ?? DEFAULT_RETRY_DELAY) * 2 ** attempt);
    const retryAfter = retryAfterMilliseconds(failure);
    await wait(retryAfter ?? ceiling * random(), options.signal);
  }
}

async function attemptFetch(url: string | URL, options: FetchJsonOptions): Promise<JsonResponse> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const timeoutSignal = AbortSignal.timeout(timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
  const source = options.source;
  const where = String(url);
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      ...options.init,
      signal,
      headers: { accept: 'application/json', ...headersOf(options.init) },
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeoutSignal.aborted) {
      throw new SourceError('timeout', `No answer from ${where} within ${String(timeout)} ms.`, {
        source,
        cause: error,
      });
    }
    throw new SourceError('network', `Could not reach ${where}: ${errorMessage(error)}.`, { source, cause: error });
  }

  if (!response.ok) {
    const webPage = looksLikeHtml(text, response.headers.get('content-type'));
    // A web server's own error page, not the API's answer: most often the address is wrong.
    const ending = webPage
      ? ', a web page rather than the API’s answer: is the address (baseUrl) right, with the API or proxy in place there?'
      : '.';
    const error = new SourceError(
      'http',
      `${where} answered ${String(response.status)} ${response.statusText}${describeBody(text)}${ending}`,
      {
        source,
        status: response.status,
      },
    );
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null) RETRY_AFTER.set(error, retryAfter);
    if (webPage) WEB_PAGE_ANSWERS.add(error);
    throw error;
  }
  return {
    data: parseJson(text, where, response.headers.get('content-type'), source),
    status: response.status,
    headers: response.headers,
    url: response.url || where,
  };
}

function parseJson(text: string, where: string, contentType: string | null, source: string | undefined): unknown {
  if (text.trim() === '') {
    throw new SourceError('invalid-data', `${where} answered with an empty body instead of JSON.`, {
      source,
      retryable: false,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = looksLikeHtml(text, contentType)
      ? `${where} answered with an HTML page${pageTitle(text)} instead of JSON (a login page, an error page or a wrong URL?).`
      : `${where} answered with JSON that does not parse (${errorMessage(error)}); was it cut short?`;
    throw new SourceError('invalid-data', message, { source, retryable: false, cause: error });
  }
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  return /^\s*</.test(text) || (contentType ?? '').includes('html');
}

/** Errors whose answer was a web page (HTML), not the API's JSON: a 404 from the web server, not the API. */
const WEB_PAGE_ANSWERS = new WeakSet<SourceError>();

/**
 * Whether `error` is an HTTP error `fetchJson` got as a web page instead of the API's JSON: a
 * plugin reads a 404 as "no such item" only when the API said so, not a web server that has no
 * API (or proxy) at that address.
 */
export function isWebPageAnswer(error: unknown): boolean {
  return error instanceof SourceError && WEB_PAGE_ANSWERS.has(error);
}

// A SourceError has no field for Retry-After; keep it beside the error.
const RETRY_AFTER = new WeakMap<SourceError, string>();

function retryAfterMilliseconds(error: SourceError): number | undefined {
  const header = RETRY_AFTER.get(error);
  if (header === undefined) return undefined;
  const seconds = Number(header);
  const milliseconds = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(milliseconds) ? Math.min(LONGEST_RETRY_WAIT, Math.max(0, milliseconds)) : undefined;
}

function wait(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries());
}

function describeBody(text: string): string {
  const title = pageTitle(text);
  if (title) return title;
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return snippet ? `: ${snippet}` : '';
}

function pageTitle(text: string): string {
  const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text)?.[1]?.trim();
  return title ? ` ("${title}")` : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
