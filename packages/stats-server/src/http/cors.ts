import { HttpError } from './http-error.js';

/** The CORS answer for one request: headers to add, and whether a browser page there may write. */
export interface CorsDecision {
  headers: Record<string, string>;
  allowed: boolean;
}

/** `origins` lists allowed origins (`https://example.com`), or holds `*` for any. */
export function decideCors(origins: readonly string[], origin: string | undefined): CorsDecision {
  if (origins.includes('*')) return { headers: { 'access-control-allow-origin': '*' }, allowed: true };
  // The answer depends on the Origin header, so a CDN must keep one copy per origin.
  const headers: Record<string, string> = { vary: 'Origin' };
  if (origin === undefined) return { headers, allowed: true };
  if (!origins.includes(origin)) return { headers, allowed: false };
  return { headers: { ...headers, 'access-control-allow-origin': origin }, allowed: true };
}

/** The answer to a preflight `OPTIONS` request. */
export function preflightHeaders(cors: CorsDecision): Record<string, string> {
  if (!cors.allowed) throw forbiddenOrigin();
  return {
    ...cors.headers,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Content-Type',
    'access-control-max-age': '86400',
  };
}

export function forbiddenOrigin(): HttpError {
  return new HttpError(403, 'origin-not-allowed', 'this origin is not allowed to send stats to this site');
}
