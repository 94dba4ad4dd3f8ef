/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJoomlaProxy, type JoomlaProxyHandler } from './proxy.js';
import { startFakeJoomla, type FakeJoomla } from './test-support/fake-joomla.js';
import {
  TOKEN,
  database,
  proxyContract,
  type ProxySettings,
  type RunningProxy,
} from './test-support/proxy-contract.js';

async function serve(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer(handle);
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function startNodeProxy(settings: ProxySettings): Promise<RunningProxy> {
  const logs: string[] = [];
  const handler = createJoomlaProxy({
    joomlaUrl: settings.joomlaUrl,
    token: TOKEN,
    cacheSeconds: settings.cacheSeconds,
    timeout: settings.timeoutSeconds * 1000,
    allowedOrigins: settings.allowedOrigins,
    log: (message) => logs.push(message),
  });
  // Plain node:http: the handler sees the whole path and reads the routes at its end.
  const server = await serve((request, response) => {
    handler(request, response);
  });
  return { base: `${server.origin}/portico-proxy`, logs: () => logs.join('\n'), close: server.close };
}

proxyContract({ name: 'createJoomlaProxy (node:http)', start: startNodeProxy });

describe('createJoomlaProxy in frameworks', () => {
  let fake: FakeJoomla;
  beforeAll(async () => {
    fake = await startFakeJoomla(database, TOKEN);
  });
  afterAll(() => fake.close());

  /** What Express and Connect do for `app.use('/portico-proxy', handler)`: strip the mount path, pass `next`. */
  function mount(prefix: string, handler: JoomlaProxyHandler, fallback: (response: ServerResponse) => void) {
    return (request: IncomingMessage, response: ServerResponse): void => {
      const url = request.url ?? '/';
      if (!url.startsWith(`${prefix}/`)) {
        fallback(response);
        return;
      }
      request.url = url.slice(prefix.length);
      handler(request, response, () => {
        fallback(response);
      });
    };
  }

  it('works mounted under a prefix as middleware, handing other routes to next()', async () => {
    const handler = createJoomlaProxy({
      joomlaUrl: `${fake.origin}/api/index.php/`,
      token: TOKEN,
      log: () => undefined,
    });
    const app = await serve(
      mount('/portico-proxy', handler, (response) => {
        response.writeHead(418).end('the app’s own route');
      }),
    );
    const articles = await fetch(`${app.origin}/portico-proxy/v1/content/articles/27`);
    expect(articles.status).toBe(200);
    expect(fake.requests.at(-1)?.parsed.pathname).toBe('/api/index.php/v1/content/articles/27');
    const other = await fetch(`${app.origin}/portico-proxy/v1/users`);
    expect(other.status).toBe(418);
    expect(await other.text()).toBe('the app’s own route');
    await app.close();
  });

  it('checks its options: an http(s) Joomla address and a token', () => {
    expect(() => createJoomlaProxy({ joomlaUrl: fake.origin, token: '' })).toThrow('needs the API token');
    expect(() => createJoomlaProxy({ joomlaUrl: 'ftp://example.vn', token: TOKEN })).toThrow('http(s)');
    expect(() => createJoomlaProxy({ joomlaUrl: 'example.vn', token: TOKEN })).toThrow();
  });

  it('reports Joomla’s problems through log, naming the address but never the token', async () => {
    const logs: string[] = [];
    const handler = createJoomlaProxy({ joomlaUrl: fake.origin, token: TOKEN, log: (message) => logs.push(message) });
    const app = await serve((request, response) => {
      handler(request, response);
    });
    fake.override = () => ({ status: 500, body: JSON.stringify({ errors: [{ title: TOKEN }] }) });
    expect((await fetch(`${app.origin}/v1/banners`)).status).toBe(502);
    fake.override = undefined;
    expect(logs).toEqual([`Portico Joomla proxy: ${fake.origin}/api/index.php/v1/banners answered 500.`]);
    await app.close();
  });
});
