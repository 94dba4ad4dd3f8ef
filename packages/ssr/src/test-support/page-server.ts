import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/** A web server for whole test pages: pages set by the test, images, and this package's modules through Vite. */
export interface PageServer {
  origin: string;
  /** Serves `html` at `path`. */
  setPage(path: string, html: string): void;
  close(): Promise<void>;
}

/** A 3×2 grey PNG, the shape of the test articles' 600×400 images: every `/images/…` address answers with it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAADklEQVR4nGNogAEGOAsAWhQJAbISPYcAAAAASUVORK5CYII=',
  'base64',
);

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const vite = await createServer({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    configFile: false,
    appType: 'custom',
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: 'node_modules/.vite-hydration-test',
    // Every module as it is (all are ES modules): no dependency optimizing that reloads a page mid-test.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    plugins: [
      {
        name: 'portico-test-pages',
        configureServer(server) {
          server.middlewares.use((request, response, next) => {
            const path = new URL(request.url ?? '/', 'http://localhost').pathname;
            const page = pages.get(path);
            if (page !== undefined) {
              response.setHeader('content-type', 'text/html; charset=utf-8');
              response.end(page);
            } else if (path === '/images/broken.png') {
              response.setHeader('content-type', 'image/png');
              response.end('not a picture');
            } else if (path.startsWith('/images/')) {
              response.setHeader('content-type', 'image/png');
              response.end(PNG);
            } else {
              next();
            }
          });
        },
      },
    ],
  });
  await vite.listen();
  const { port } = vite.httpServer?.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    setPage(path, html) {
      pages.set(path, html);
    },
    close: () => vite.close(),
  };
}
