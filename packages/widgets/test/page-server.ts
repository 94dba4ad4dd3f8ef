/// <reference types="node" />
// Serves the CDN build and test pages as a CMS host would: /cdn/ is the build, /copy/ the
// same build again at another address (a second copy of Portico on one page), and
// /strict/pages/… serves a page with a strict Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const cdn = join(packageRoot, 'dist', 'cdn');
const pages = join(packageRoot, 'test', 'pages');
const bootstrap = require.resolve('bootstrap/dist/css/bootstrap.min.css');
const seedFixture = join(packageRoot, '..', '..', 'fixtures', 'seed-portal.json');

/** A CSP with no `unsafe-inline` anywhere, and Trusted Types required for every DOM sink. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
  // Two copies of Portico on a page each create their policies: 'allow-duplicates' lets them.
  "trusted-types lit-html dompurify 'allow-duplicates'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

function inside(base: string, path: string): string | undefined {
  const file = normalize(join(base, path));
  return file.startsWith(base) ? file : undefined;
}

export interface PageServer {
  origin: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** Pages a test renders itself (on the server side, say), by path. */
  pages: Map<string, string>;
  /**
   * Pages sent in two parts, as a slow CMS streams them: the first at once, the rest once the
   * browser has asked for the CDN build and a moment has passed.
   */
  streamedPages: Map<string, [first: string, rest: string]>;
  close(): void;
}

export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  const renderedPages = new Map<string, string>();
  const streamedPages = new Map<string, [string, string]>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const rendered = renderedPages.get(path);
    if (rendered !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'] ?? 'text/html' }).end(rendered);
      return;
    }
    const streamed = streamedPages.get(path);
    if (streamed !== undefined) {
      const asked = requests.length;
      response.writeHead(200, { 'content-type': TYPES['.html'] ?? 'text/html' }).write(streamed[0]);
      const poll = setInterval(() => {
        if (!requests.slice(asked).includes('/cdn/portico.js')) return;
        clearInterval(poll);
        setTimeout(() => response.end(streamed[1]), 500);
      }, 20);
      return;
    }
    let file: string | undefined;
    const headers: Record<string, string> = {};
    if (path.startsWith('/cdn/')) file = inside(cdn, path.slice('/cdn/'.length));
    else if (path.startsWith('/copy/')) file = inside(cdn, path.slice('/copy/'.length));
    else if (path === '/bootstrap.css') file = bootstrap;
    else if (path === '/seed-portal.json') file = seedFixture;
    else if (path.startsWith('/pages/')) file = inside(pages, path.slice('/pages/'.length));
    else if (path.startsWith('/strict/pages/')) {
      file = inside(pages, path.slice('/strict/pages/'.length));
      headers['content-security-policy'] = STRICT_CSP;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    requests,
    pages: renderedPages,
    streamedPages,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
