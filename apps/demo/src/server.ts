import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the built demo's files from `publicDirectory`. */
export function createDemoServer(publicDirectory: string): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(publicDirectory, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(publicDirectory + sep) && file !== publicDirectory) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response
          .writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body);
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      },
    );
  });
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number(process.env.PORT ?? 8080);
  const server = createDemoServer(fileURLToPath(new URL('public', import.meta.url)));
  server.listen(port, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`Portico demo portal: http://localhost:${String(actualPort)}/\n`);
  });
  const stop = (): void => {
    server.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
