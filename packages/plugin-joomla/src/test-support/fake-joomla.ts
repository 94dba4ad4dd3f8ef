/// <reference types="node" />
// A local Joomla stand-in for the proxy tests: answers like Joomla 5's Web Services (from
// joomla-api.ts), checks the token as its API Authentication - Token plugin does, sends the
// session cookie and headers Joomla sends, and lets a test answer otherwise (slow, failing,
// echoing the request's headers).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FORBIDDEN, joomlaAnswer, type JoomlaSite } from './joomla-api.js';

export interface SeenRequest {
  method: string;
  /** Path and query as sent: `/api/index.php/v1/content/articles?filter%5Bstate%5D=1`. */
  url: string;
  /** The parsed URL, for its `searchParams`. */
  parsed: URL;
  headers: IncomingMessage['headers'];
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface FakeJoomla {
  origin: string;
  requests: SeenRequest[];
  /** Milliseconds to wait before answering. */
  delay: number;
  /** Answers instead of Joomla while set; `undefined` from it lets Joomla answer. */
  override: ((request: SeenRequest) => FakeAnswer | undefined) | undefined;
  /** Requests to the API routes only (not to other paths such as a redirect's target). */
  apiRequests(): SeenRequest[];
  close(): Promise<void>;
}

export const JOOMLA_HEADERS = {
  'content-type': 'application/vnd.api+json; charset=utf-8',
  // Joomla starts a session even for API calls; the proxy must never pass it on.
  'set-cookie': '8f3a5b0c1d2e3f40=q1w2e3r4t5y6u7i8o9p0; path=/; HttpOnly; SameSite=Lax',
  'x-frame-options': 'SAMEORIGIN',
  'x-powered-by': 'PHP/8.2.0',
};

export async function startFakeJoomla(site: JoomlaSite, token: string): Promise<FakeJoomla> {
  const fake: FakeJoomla = {
    origin: '',
    requests: [],
    delay: 0,
    override: undefined,
    apiRequests: () => fake.requests.filter((request) => request.url.startsWith('/api/index.php/')),
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
  const server: Server = createServer((request, response) => {
    const parsed = new URL(request.url ?? '/', fake.origin);
    const seen: SeenRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      parsed,
      headers: request.headers,
    };
    fake.requests.push(seen);
    const answer = (): FakeAnswer => {
      const overridden = fake.override?.(seen);
      if (overridden) return overridden;
      // Joomla's token plugin reads `Authorization: Bearer …` or `X-Joomla-Token`.
      const given = request.headers['x-joomla-token'] ?? request.headers.authorization?.replace(/^Bearer /, '');
      if (given !== token) return { status: 401, body: JSON.stringify(FORBIDDEN) };
      const { status, body } = joomlaAnswer(site, parsed);
      return { status, body: JSON.stringify(body) };
    };
    setTimeout(() => {
      if (response.destroyed) return;
      const { status, headers, body } = answer();
      response.writeHead(status, { ...JOOMLA_HEADERS, ...headers }).end(body);
    }, fake.delay);
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return fake;
}
