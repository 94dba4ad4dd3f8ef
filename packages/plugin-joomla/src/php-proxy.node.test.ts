/// <reference types="node" />
// php/portico-joomla-proxy.php under PHP's built-in server (`php -S`, Debian's php-cli), held
// to the same contract as the Node proxy, and to the same answers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJoomlaProxy } from './proxy.js';
import { startFakeJoomla, type FakeJoomla } from './test-support/fake-joomla.js';
import {
  TOKEN,
  database,
  proxyContract,
  type ProxySettings,
  type RunningProxy,
} from './test-support/proxy-contract.js';

const PHP_FILE = join(import.meta.dirname, '..', 'php', 'portico-joomla-proxy.php');
const hasPhp = spawnSync('php', ['-v'], { encoding: 'utf8' }).status === 0;
/** Whether this PHP has the curl extension, which the proxy uses when the host has it. */
const hasCurl =
  hasPhp &&
  spawnSync('php', ['-r', 'echo function_exists("curl_init") ? "yes" : "no";'], { encoding: 'utf8' }).stdout === 'yes';

/**
 * How the proxy asks Joomla: with curl, or with PHP's own HTTP streams, the way a host without
 * the curl extension runs it (curl is then switched off with `disable_functions`), or a host
 * that has the extension but disables `curl_exec`, as hardened shared hosting often does; or
 * not at all, on a host with neither curl nor `allow_url_fopen`.
 */
type PhpHttp = 'curl' | 'streams' | 'streams, curl_exec disabled' | 'no way';
const PHP_SETTINGS: Record<PhpHttp, string[]> = {
  curl: [],
  streams: ['disable_functions=curl_init'],
  'streams, curl_exec disabled': ['disable_functions=curl_exec,curl_multi_exec'],
  'no way': ['disable_functions=curl_init', 'allow_url_fopen=0'],
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

async function startPhpProxy(
  settings: ProxySettings,
  http: PhpHttp = hasCurl ? 'curl' : 'streams',
): Promise<RunningProxy & { cacheDirectory: string }> {
  const cacheDirectory = mkdtempSync(join(tmpdir(), 'portico-php-cache-'));
  let logs = '';
  const settingsFlags = PHP_SETTINGS[http].flatMap((setting) => ['-d', setting]);
  // The port is free when freePort() closes it, but on a busy machine another process may take
  // it before php binds it: php then exits at once, and is started again on another port.
  for (let start = 1; ; start += 1) {
    const port = await freePort();
    const server: ChildProcess = spawn('php', [...settingsFlags, '-S', `127.0.0.1:${String(port)}`, PHP_FILE], {
      env: {
        PATH: process.env.PATH,
        PORTICO_JOOMLA_URL: settings.joomlaUrl,
        PORTICO_JOOMLA_TOKEN: TOKEN,
        PORTICO_CACHE_SECONDS: String(settings.cacheSeconds),
        PORTICO_CACHE_DIR: cacheDirectory,
        PORTICO_TIMEOUT: String(settings.timeoutSeconds),
        PORTICO_ALLOWED_ORIGINS: (settings.allowedOrigins ?? []).join(' '),
        // Several workers, so concurrent requests really run at once and the cache's file lock matters.
        PHP_CLI_SERVER_WORKERS: '4',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own: php -S forks its workers, which outlive a SIGTERM to php
      // alone (and keep listening); the whole group is stopped instead.
      detached: true,
    });
    const exited = new Promise<void>((resolve) => {
      server.once('exit', () => {
        resolve();
      });
    });
    const stop = (): Promise<void> => {
      if (server.exitCode === null && server.signalCode === null && server.pid !== undefined) {
        try {
          process.kill(-server.pid, 'SIGTERM');
        } catch {
          server.kill();
        }
      }
      return exited;
    };
    // An interrupted run (Ctrl-C) stops the group too, or its workers would keep listening.
    const stopOnExit = (): void => {
      void stop();
    };
    process.once('exit', stopOnExit);
    void exited.then(() => process.removeListener('exit', stopOnExit));
    server.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    // Shared hosting calls the file by name, with Joomla's API path after it.
    const base = `http://127.0.0.1:${String(port)}/portico-joomla-proxy.php`;
    const startedAt = Date.now();
    let ready = false;
    let problem: unknown;
    while (server.exitCode === null && server.signalCode === null) {
      try {
        // Its own answer, not another server's that took the port.
        ready = (await (await fetch(`${base}/ready`)).text()) === '{"errors":[{"title":"Resource not found"}]}';
        if (ready) break;
      } catch (error) {
        problem = error;
      }
      if (Date.now() - startedAt > 20_000) {
        await stop();
        rmSync(cacheDirectory, { recursive: true, force: true });
        throw new Error(`php -S did not start: ${logs}`, { cause: problem });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!ready) {
      await stop();
      if (start < 3) continue;
      rmSync(cacheDirectory, { recursive: true, force: true });
      throw new Error(`php -S did not start: ${logs}`);
    }
    return {
      base,
      cacheDirectory,
      logs: () => logs,
      close: async () => {
        await stop();
        rmSync(cacheDirectory, { recursive: true, force: true });
      },
    };
  }
}

// Without PHP (a contributor's machine) every test here is skipped, and reported as skipped; on CI,
// where PHP must be, the suite fails instead, saying what to install.
describe.skipIf(!hasPhp && !process.env.CI)('the PHP proxy', () => {
  if (!hasPhp) {
    it('needs php-cli', () => {
      throw new Error(
        'php was not found: CI must install php-cli (sudo apt-get install php-cli) to test the PHP proxy.',
      );
    });
    // On CI nothing else can run; elsewhere the rest is registered only to be listed as skipped.
    if (process.env.CI) return;
  }

  proxyContract({
    name: 'portico-joomla-proxy.php over PHP streams (php -S)',
    start: (settings) => startPhpProxy(settings, 'streams'),
  });
  if (hasCurl) {
    proxyContract({
      name: 'portico-joomla-proxy.php over curl (php -S)',
      start: (settings) => startPhpProxy(settings, 'curl'),
    });
  }

  describe('portico-joomla-proxy.php, asking Joomla', () => {
    it.each(hasCurl ? (['streams', 'curl', 'streams, curl_exec disabled'] as const) : (['streams'] as const))(
      'asks over %s when that is what the host has',
      async (http) => {
        const fake = await startFakeJoomla(database, TOKEN);
        const php = await startPhpProxy({ joomlaUrl: fake.origin, cacheSeconds: 0, timeoutSeconds: 2 }, http);
        try {
          expect((await fetch(`${php.base}/v1/banners`)).status).toBe(200);
          // PHP's HTTP streams close each connection (`Connection: close`); curl does not ask to.
          const [asked] = fake.apiRequests();
          expect(asked?.headers.connection).toBe(http === 'curl' ? undefined : 'close');
        } finally {
          await Promise.all([php.close(), fake.close()]);
        }
      },
    );

    it('says in its log what to enable on a host with neither curl nor allow_url_fopen', async () => {
      const fake = await startFakeJoomla(database, TOKEN);
      const php = await startPhpProxy({ joomlaUrl: fake.origin, cacheSeconds: 0, timeoutSeconds: 2 }, 'no way');
      try {
        expect((await fetch(`${php.base}/v1/banners`)).status).toBe(502);
        await vi.waitFor(() => {
          expect(php.logs()).toContain(
            'could not be reached (this PHP has neither the curl extension nor allow_url_fopen: enable one of them).',
          );
        });
        expect(fake.apiRequests()).toEqual([]);
      } finally {
        await Promise.all([php.close(), fake.close()]);
      }
    });
  });

  describe('portico-joomla-proxy.php beside the Node proxy', () => {
    let fake: FakeJoomla;
    let php: RunningProxy;
    let node: { base: string; close: () => Promise<void> };

    beforeAll(async () => {
      fake = await startFakeJoomla(database, TOKEN);
      php = await startPhpProxy({ joomlaUrl: fake.origin, cacheSeconds: 0, timeoutSeconds: 2 });
      const handler = createJoomlaProxy({ joomlaUrl: fake.origin, token: TOKEN, cacheSeconds: 0 });
      const { createServer: createHttpServer } = await import('node:http');
      const server = createHttpServer((request, response) => {
        handler(request, response);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      node = {
        base: `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}/portico-proxy`,
        close: () =>
          new Promise((resolve) =>
            server.close(() => {
              resolve();
            }),
          ),
      };
    });

    afterAll(async () => {
      await Promise.all([php.close(), node.close(), fake.close()]);
    });

    it('gives the same answers as the Node proxy, field for field', async () => {
      const paths = [
        '/v1/content/articles?page[limit]=7&page[offset]=7&list[ordering]=a.hits&list[direction]=desc',
        '/v1/content/articles?filter[category]=8&filter[language]=*',
        '/v1/content/articles/27',
        '/v1/content/articles/101',
        '/v1/content/articles/103',
        '/v1/content/articles/131',
        '/v1/content/articles/132',
        '/v1/banners/6',
        '/v1/content/categories?page[limit]=3',
        '/v1/menus/site/items?filter[menutype]=mainmenu',
        '/v1/banners',
        '/v1/banners/1',
        '/v1/banners/3',
        '/v1/banners/categories',
        '/v1/content/articles?page[limit]=500',
        '/v1/users',
      ];
      for (const path of paths) {
        const [fromPhp, fromNode] = await Promise.all([fetch(`${php.base}${path}`), fetch(`${node.base}${path}`)]);
        expect(fromPhp.status, path).toBe(fromNode.status);
        expect(fromPhp.headers.get('content-type'), path).toBe(fromNode.headers.get('content-type'));
        expect(JSON.parse(await fromPhp.text()), path).toEqual(JSON.parse(await fromNode.text()));
      }
    });

    it('keeps its configuration at the top of the file, the token read from the environment', () => {
      const source = readFileSync(PHP_FILE, 'utf8');
      const head = source.slice(0, source.indexOf('function '));
      for (const setting of [
        'PORTICO_JOOMLA_URL',
        'PORTICO_JOOMLA_TOKEN',
        'PORTICO_CACHE_SECONDS',
        'PORTICO_CACHE_DIR',
      ]) {
        expect(head).toContain(`const ${setting} =`);
      }
      expect(head).toContain("const PORTICO_JOOMLA_TOKEN = '';");
    });

    it('keeps no lock file for an answer it did not cache, so requests for ever new ids leave nothing behind', async () => {
      const cached = await startPhpProxy({ joomlaUrl: fake.origin, cacheSeconds: 60, timeoutSeconds: 2 });
      try {
        const statuses: number[] = [];
        for (const id of ['27', '103', '90001', '90002', '90003']) {
          statuses.push((await fetch(`${cached.base}/v1/content/articles/${id}`)).status);
        }
        expect(statuses).toEqual([200, 404, 404, 404, 404]);
        // The cached answers and their locks (the article, the category list it was checked
        // against, and the set of shown categories built from that); the 404s left nothing.
        const files = readdirSync(cached.cacheDirectory).map((file) => file.replace(/^[0-9a-f]{64}/, '<hash>'));
        expect(files.sort()).toEqual([
          '<hash>.json',
          '<hash>.json',
          '<hash>.json',
          '<hash>.json.lock',
          '<hash>.json.lock',
          '<hash>.json.lock',
        ]);
      } finally {
        await cached.close();
      }
    });

    it('reads no answer from a cache folder another account could write, and reuses none past its cache time', async () => {
      const cached = await startPhpProxy({ joomlaUrl: fake.origin, cacheSeconds: 60, timeoutSeconds: 2 });
      try {
        // An answer planted for /v1/banners, as if cached until the year 2286.
        const planted = `${createHash('sha256').update(`${fake.origin}/v1/banners?`).digest('hex')}.json`;
        const plant = (clickurl: string): void => {
          writeFileSync(
            join(cached.cacheDirectory, planted),
            `9999999999.000 200\n${JSON.stringify({ data: [{ type: 'banners', id: '1', attributes: { clickurl } }] })}`,
          );
        };
        const banners = async (): Promise<{ body: string; maxAge: number }> => {
          const answer = await fetch(`${cached.base}/v1/banners`);
          const maxAge = Number(/max-age=(\d+)/.exec(answer.headers.get('cache-control') ?? '')?.[1]);
          return { body: await answer.text(), maxAge };
        };

        // Others may write in the folder: it is not used, and the log says why.
        chmodSync(cached.cacheDirectory, 0o777);
        plant('https://phish.example/pay');
        fake.requests.length = 0;
        const refused = await banners();
        expect(refused.body).not.toContain('phish.example');
        expect(fake.apiRequests().length, 'Joomla was asked').toBeGreaterThan(0);
        expect(cached.logs()).toContain('belongs to another user or others may write in it; answering without a cache');

        // The proxy's own folder: a file in it is read, but kept no longer than the cache time.
        chmodSync(cached.cacheDirectory, 0o700);
        plant('https://example.vn/kept');
        const own = await banners();
        expect(own.body).toContain('https://example.vn/kept');
        expect(own.maxAge).toBeGreaterThan(0);
        expect(own.maxAge).toBeLessThanOrEqual(60);
      } finally {
        await cached.close();
      }
    });

    it('refuses to work without a token, without asking Joomla', () => {
      fake.requests.length = 0;
      const unconfigured = spawnSync(
        'php',
        ['-r', `$_SERVER['REQUEST_URI'] = '/p.php/v1/banners'; include '${PHP_FILE}';`],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, PORTICO_JOOMLA_URL: fake.origin },
        },
      );
      // A setup problem (424), which the plugins do not retry, saying what to set.
      expect(JSON.parse(unconfigured.stdout)).toEqual({
        errors: [
          {
            code: 'joomla-configuration',
            title:
              'The proxy has no Joomla API token: set PORTICO_JOOMLA_TOKEN (SetEnv, or the constant at the top of the proxy file)',
          },
        ],
      });
      expect(fake.apiRequests()).toEqual([]);
    });
  });
});
if (hasPhp && !hasCurl && process.env.CI) {
  describe('portico-joomla-proxy.php over curl', () => {
    it('needs php-curl on CI', () => {
      throw new Error(
        'PHP has no curl extension: CI must install php-curl (sudo apt-get install php-curl) to test the proxy over curl.',
      );
    });
  });
} else if (hasPhp && !hasCurl) {
  console.warn('The PHP proxy did not run over curl: PHP has no curl extension (sudo apt-get install php-curl).');
}
