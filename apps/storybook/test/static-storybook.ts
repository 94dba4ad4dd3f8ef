/**
 * The static Storybook (`npm run build-storybook`, in `storybook-static/`): built when it is
 * missing or older than what it is built from, and served over HTTP as a static host would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const STATIC_DIR = join(APP_ROOT, 'storybook-static');
const REPOSITORY_ROOT = resolve(APP_ROOT, '../..');

/** The newest modification time of the files under `path`, skipping `node_modules`. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'storybook-static' && name !== '.turbo')
    .reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

/** The workspace packages the Storybook is built from: this app's `@portico/*` dependencies. */
function portalPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  return Object.keys(manifest.devDependencies ?? {})
    .filter((name) => name.startsWith('@portico/'))
    .map((name) => join(REPOSITORY_ROOT, 'packages', name.slice('@portico/'.length)));
}

/** What the static build is made from: this app's configuration and stories, the fixtures and its packages. */
function newestInput(): number {
  return Math.max(
    newestChange(join(APP_ROOT, '.storybook')),
    newestChange(join(APP_ROOT, 'src')),
    newestChange(join(APP_ROOT, 'package.json')),
    newestChange(join(REPOSITORY_ROOT, 'fixtures')),
    ...portalPackages().flatMap((folder) => [
      newestChange(join(folder, 'src')),
      newestChange(join(folder, 'dist')),
      newestChange(join(folder, 'custom-elements.json')),
      newestChange(join(folder, 'package.json')),
    ]),
  );
}

/** Builds the static Storybook unless an up-to-date build is there. */
export function ensureStaticBuild(): { built: boolean } {
  const index = join(STATIC_DIR, 'index.json');
  if (existsSync(index) && statSync(index).mtimeMs >= newestInput()) return { built: false };
  const build = spawnSync('npm', ['run', 'build-storybook'], { cwd: APP_ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`npm run build-storybook failed:\n${build.stdout}\n${build.stderr}`);
  }
  return { built: true };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves `root` on a free port of 127.0.0.1, as any static host would. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolveListening) => {
    server.listen(0, '127.0.0.1', resolveListening);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolveClosed) => {
        server.close(() => {
          resolveClosed();
        });
      }),
  };
}
