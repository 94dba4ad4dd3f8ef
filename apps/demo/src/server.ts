import { createSqliteStore, createStatsHandler, parseTotalsImport, type StatsStore } from '@portico/stats-server';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { STATS_BASE } from './render-page.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page's policy: scripts only from here; the server-rendered shadow roots carry `<style>`. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface DemoServerOptions {
  /** The built pages and assets (`dist/public`). */
  publicDirectory: string;
  /** Where the stats service keeps its SQLite file; made when missing. */
  dataDirectory: string;
  /** Totals (in `portico-stats import` format) added once, when the store is new. */
  seedTotalsFile?: string | undefined;
}

export interface DemoServer {
  server: Server;
  store: StatsStore;
  /** Stops serving and closes the store, writing what it holds. */
  close(): Promise<void>;
}

/** Cache rules: pages are checked every time; hashed chunks never change; the rest for an hour. */
function cacheControl(urlPath: string, type: string): string {
  if (type.startsWith('text/html')) return 'no-cache';
  if (urlPath.startsWith('/assets/chunks/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

interface FoundFile {
  path: string;
  mtimeMs: number;
}

/** Each file's bytes, read once (and gzipped once) per version on disk: a rebuild is served at once. */
const bodies = new Map<string, { mtimeMs: number; raw: Buffer; gzipped?: Buffer }>();

async function bodyOf(file: FoundFile, gzip: boolean): Promise<Buffer> {
  let cached = bodies.get(file.path);
  if (cached?.mtimeMs !== file.mtimeMs) {
    cached = { mtimeMs: file.mtimeMs, raw: await readFile(file.path) };
    bodies.set(file.path, cached);
  }
  if (!gzip) return cached.raw;
  cached.gzipped ??= gzipSync(cached.raw);
  return cached.gzipped;
}

function isInside(directory: string, path: string): boolean {
  return path === directory || path.startsWith(directory + sep);
}

async function findFile(publicDirectory: string, urlPath: string): Promise<FoundFile | undefined> {
  const candidates = extname(urlPath) ? [urlPath] : [urlPath, `${urlPath.replace(/\/$/, '')}/index.html`];
  for (const candidate of candidates) {
    const path = normalize(join(publicDirectory, candidate));
    if (!isInside(publicDirectory, path)) return undefined;
    const found = await stat(path).catch(() => undefined);
    if (found?.isFile()) return { path, mtimeMs: found.mtimeMs };
  }
  return undefined;
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: FoundFile,
  status: number,
  urlPath: string,
): Promise<void> {
  const type = CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': status === 200 ? cacheControl(urlPath, type) : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    vary: 'accept-encoding',
  };
  if (type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  const gzip =
    /^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
  if (gzip) headers['content-encoding'] = 'gzip';
  const body = await bodyOf(file, gzip);
  headers['content-length'] = String(body.length);
  response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
}

/**
 * The demo's one server: the built portal pages and assets, and the stats service mounted at
 * `/stats` on an embedded SQLite store. A new store starts from the seed's totals
 * (`18116910`), as a site moving from Joomla would import its own.
 */
export function createDemoServer(options: DemoServerOptions): DemoServer {
  const publicDirectory = normalize(options.publicDirectory);
  mkdirSync(options.dataDirectory, { recursive: true });
  const databaseFile = join(options.dataDirectory, 'stats.sqlite');
  const isNewStore = !existsSync(databaseFile);
  const store = createSqliteStore({ file: databaseFile });
  const seeded =
    isNewStore && options.seedTotalsFile
      ? store.importTotals(
          'default',
          parseTotalsImport(JSON.parse(readFileSync(options.seedTotalsFile, 'utf8')) as unknown),
        )
      : Promise.resolve();
  const stats = createStatsHandler({ store, basePath: STATS_BASE });

  const serveFile = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (!isInside(publicDirectory, normalize(join(publicDirectory, urlPath)))) {
      response.writeHead(403).end();
      return;
    }
    const file = await findFile(publicDirectory, urlPath);
    if (file) {
      await sendFile(request, response, file, 200, urlPath);
      return;
    }
    const notFound = await findFile(publicDirectory, urlPath.startsWith('/en/') ? '/en/404.html' : '/404.html');
    if (notFound) await sendFile(request, response, notFound, 404, urlPath);
    else response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  };

  const server = createServer((request, response) => {
    // The seed's totals are in before the first answer.
    void seeded
      .then(() => {
        if (request.url === STATS_BASE || request.url?.startsWith(`${STATS_BASE}/`)) {
          stats(request, response, () => void serveFile(request, response));
          return undefined;
        }
        return serveFile(request, response);
      })
      .catch((error: unknown) => {
        console.error('portico demo: a request failed:', error);
        if (!response.headersSent) response.writeHead(500).end();
      });
  });
  return {
    server,
    store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await store.close();
    },
  };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number(process.env.PORT ?? 8080);
  const demo = createDemoServer({
    publicDirectory: fileURLToPath(new URL('public', import.meta.url)),
    dataDirectory: process.env.PORTICO_DEMO_DATA ?? fileURLToPath(new URL('../.data', import.meta.url)),
    seedTotalsFile: fileURLToPath(new URL('seed-totals.json', import.meta.url)),
  });
  demo.server.listen(port, () => {
    const address = demo.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`Portico demo portal: http://localhost:${String(actualPort)}/\n`);
  });
  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
