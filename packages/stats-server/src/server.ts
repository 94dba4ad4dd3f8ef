import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStatsHandler } from './http/handler.js';
import type { StatsHandlerOptions } from './options.js';

export interface StatsServerOptions extends StatsHandlerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number | undefined;
  /** Default: every interface. */
  host?: string | undefined;
  /** How long `close()` waits for requests under way before cutting them off. Default 5000 ms. */
  shutdownGraceMs?: number | undefined;
}

export interface StatsServer {
  server: Server;
  port: number;
  /** `http://localhost:<port>` (or the host it listens on). */
  url: string;
  /**
   * Stops taking requests, lets those under way finish, then closes the store (flushing it).
   * Rejects, saying what was lost, when the store could not be flushed; it is closed all the same.
   */
  close(): Promise<void>;
}

/** Starts the stats service on its own HTTP server. The store is the server's: `close()` closes it. */
export async function startStatsServer(options: StatsServerOptions): Promise<StatsServer> {
  const handler = createStatsHandler(options);
  const server = createServer((req, res) => {
    handler(req, res);
  });
  // Requests are small: a client that trickles its headers or body is cut off.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  let closing: Promise<void> | undefined;

  return {
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close() {
      closing ??= closeGracefully(server, options.shutdownGraceMs ?? 5000).then(() => options.store.close());
      return closing;
    },
  };
}

async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  // A keep-alive connection whose request finishes is idle, but would stay open until it
  // times out: close each as it falls idle, and cut off whatever remains at the deadline.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => {
    server.closeIdleConnections();
  }, 50);
  const deadline = setTimeout(() => {
    server.closeAllConnections();
  }, graceMs);
  await closed;
  clearInterval(idleSweep);
  clearTimeout(deadline);
}
