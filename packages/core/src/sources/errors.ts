import type { DataSource } from './contract.js';

/**
 * What can go wrong when a widget asks a source for data. Plugins reject with a
 * `SourceError`; anything else they throw is wrapped into one by `toSourceError`.
 *
 * - `not-registered`: no source of that name was registered in time.
 * - `unsupported`: the source cannot provide that kind of data (a JSON file without banners).
 * - `network`: the request did not reach the server or got no answer.
 * - `http`: the server answered with an error status (`status` holds it).
 * - `invalid-data`: the answer was not what the plugin expects (`message` names the field).
 * - `not-found`: the item asked for does not exist.
 * - `timeout`: no answer in time.
 * - `unknown`: anything else.
 *
 * Cancellation is not an error: an aborted request rejects with the signal's `reason`
 * (an `AbortError` `DOMException` by default), which `isAbortError` recognises.
 */
export type SourceErrorCode =
  'not-registered' | 'unsupported' | 'network' | 'http' | 'invalid-data' | 'not-found' | 'timeout' | 'unknown';

const RETRYABLE: ReadonlySet<SourceErrorCode> = new Set(['not-registered', 'network', 'http', 'timeout']);

// A brand instead of `instanceof`: an error made by another copy of the library on the
// page is a SourceError too.
const BRAND = Symbol.for('portico.SourceError');

export interface SourceErrorOptions {
  /** The registered name of the source. */
  source?: string | undefined;
  /** The HTTP status, for `http`. */
  status?: number | undefined;
  /** Whether trying again may help; by default true for `not-registered`, `network`, `http` (5xx, 429) and `timeout`. */
  retryable?: boolean | undefined;
  cause?: unknown;
}

export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  readonly source: string | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(code: SourceErrorCode, message: string, options: SourceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.source = options.source;
    this.status = options.status;
    const retryableStatus = options.status === undefined || options.status >= 500 || options.status === 429;
    this.retryable = options.retryable ?? (RETRYABLE.has(code) && (code !== 'http' || retryableStatus));
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * The `unsupported` error for a source `name` that lacks `capability`: one wording for the
 * registry and for widgets calling a source directly.
 */
export function unsupportedCapabilityError(
  name: string,
  source: Pick<DataSource, 'kind'>,
  capability: string,
): SourceError {
  return new SourceError(
    'unsupported',
    `The data source "${name}"${source.kind ? ` (${source.kind})` : ''} does not provide ${capability}.`,
    { source: name, retryable: false },
  );
}

/** True for a `SourceError` from any copy of the library on the page. */
export function isSourceError(error: unknown): error is SourceError {
  return typeof error === 'object' && error !== null && BRAND in error;
}

/** True for the rejection of an aborted request: the default `AbortError` or a `TimeoutError`. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/** Wraps whatever a plugin threw into a `SourceError` (unchanged if it already is one). */
export function toSourceError(error: unknown, source?: string): SourceError {
  if (isSourceError(error)) return error;
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the request never got an answer.
    return new SourceError('network', error.message, { source, cause: error });
  }
  return new SourceError('unknown', messageOf(error), { source, cause: error });
}

/** What was thrown, as a message; never throws itself (for an object without a working `toString`). */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
