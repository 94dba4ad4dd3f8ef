import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's `redis-server`, or the one `REDIS_SERVER` names. */
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * Whether the Redis tests can run. Without `redis-server` they are skipped with a plain
 * warning, except on CI (`CI` set), where that is an error.
 */
export function redisServerAvailable(): boolean {
  if (existsSync(REDIS_SERVER)) return true;
  const message =
    `redis-server is not at ${REDIS_SERVER}: the Redis store's tests did not run. ` +
    'Install it (sudo apt-get install redis-server) or set REDIS_SERVER to its path.';
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return false;
}

/** A throwaway `redis-server` on 127.0.0.1 and a free port, keeping nothing on disk. */
export class RedisServer {
  readonly port: number;
  readonly #cluster: boolean;
  readonly #directory = mkdtempSync(join(tmpdir(), 'portico-redis-'));
  #process: ChildProcess | undefined;

  private constructor(port: number, cluster: boolean) {
    this.port = port;
    this.#cluster = cluster;
  }

  /** `cluster`: cluster mode (its slots still to assign), to show that a site's keys share one slot. */
  static async start({ cluster = false } = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), cluster);
    await server.#spawn();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Kills the server (as a crash would: nothing is saved) and starts it again, empty, on the same port. */
  async restart(): Promise<void> {
    await this.#kill('SIGKILL');
    await this.#spawn();
  }

  async stop(): Promise<void> {
    await this.#kill('SIGTERM');
    rmSync(this.#directory, { recursive: true, force: true });
  }

  async #spawn(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--dir', this.#directory);
    if (this.#cluster) args.push('--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${Date.now()}.conf`);
    const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onOutput = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      };
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
      child.once('exit', (code) => {
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  }

  async #kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.#process;
    if (child?.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address?.port) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}
