import type { ServerResponse } from 'node:http';

/** A refusal the client can act on: a status, a stable `code`, and a sentence saying why. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | readonly string[]>,
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

/** `{"error": code, "message": …}`, never cached. */
export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string>): void {
  sendJson(
    res,
    error.status,
    { error: error.code, message: error.message },
    { ...headers, ...error.headers, 'cache-control': 'no-store' },
  );
}
