// `npm run bench`: how many hits per second the service takes, and how fast it answers, on
// the embedded store and on Redis side by side. It runs the built command (`dist/cli.js`)
// in its own process, so the service and the load each have a core. Per store: a 2 s
// warm-up, a fixed 5,000 hits/s, then as fast as 64 keep-alive connections go (autocannon).
// Every hit is a new visitor (a new address behind the trusted proxy, 127.0.0.1), so every
// hit counts a view: the views counted must match the hits answered.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/**
 * A child whose stdout this script reads and whose stdin and stderr it does not pipe.
 * @typedef {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, null>} PipedChild
 */
/**
 * A connection of the fixed-rate run, with the hit it is waiting on.
 * @typedef {import('node:net').Socket & { startedAt: number, busy: boolean, buffer: string }} HitSocket
 */
/**
 * What a run answered, counted the way autocannon counts it.
 * @typedef {{ '2xx': number, non2xx: number, errors: number }} RunCounts
 */

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FIXED_RATE = 5000;
const PATHS = 100;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
let visitor = 0;

if (!existsSync(CLI)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}

// os.loadavg() always returns the 1, 5 and 15 minute averages (zeros where there are none).
const [loadAtStart] = /** @type {[number, number, number]} */ (os.loadavg());
const scratch = mkdtempSync(join(tmpdir(), 'portico-stats-bench-'));
// The service and redis-server this run started, and its files: gone however the run ends (a signal, a crash).
/** @type {Set<ChildProcess>} */
const children = new Set();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));

const results = [await benchStore('embedded (SQLite)', ['--db', join(scratch, 'bench.sqlite')])];
if (existsSync(REDIS_SERVER)) {
  const redis = await startRedis();
  results.push(await benchStore('Redis', ['--redis', `redis://127.0.0.1:${redis.port}`]));
  await stop(redis.child);
} else {
  console.warn(
    `bench: no redis-server at ${REDIS_SERVER} (set REDIS_SERVER, or sudo apt-get install redis-server): Redis not measured`,
  );
}

const [loadAtEnd] = /** @type {[number, number, number]} */ (os.loadavg());
console.log(`\nPOST /v1/hit, distinct visitors, keep-alive, ${SECONDS} s per run on ${os.cpus().length} cores`);
// Other work on the machine shows in the latencies: say how busy it was (this run's own
// processes add about 2 to the load average).
console.log(`load average ${loadAtStart.toFixed(1)} before, ${loadAtEnd.toFixed(1)} after`);
console.table(
  Object.fromEntries(
    results.map((result) => [
      result.name,
      {
        [`hits/s (${CONNECTIONS} connections)`]: Math.round(result.saturated.requests.average),
        'p50 ms': result.saturated.latency.p50,
        'p99 ms': result.saturated.latency.p99,
        [`p50 ms at ${FIXED_RATE}/s`]: result.fixedRate.latency.p50,
        [`p99 ms at ${FIXED_RATE}/s`]: result.fixedRate.latency.p99,
        'hits answered (all runs)': result.answered,
        'views counted': result.counted,
      },
    ]),
  ),
);

/**
 * @param {string} name
 * @param {string[]} storeArguments
 */
async function benchStore(name, storeArguments) {
  const service = await startService(storeArguments);
  try {
    const warmUp = await drive(service.url, { duration: 2 }); // JIT, SQLite pages, Redis scripts
    const fixedRate = await driveAtFixedRate(service.url, FIXED_RATE, SECONDS);
    const saturated = await drive(service.url, { duration: SECONDS });
    const runs = [warmUp, fixedRate, saturated];
    for (const run of runs) {
      if (run.non2xx || run.errors) console.warn(`bench: ${name}: ${run.non2xx} non-2xx answers, ${run.errors} errors`);
    }
    // Hits still in flight when an autocannon run stops are counted but not answered: 64 a run.
    const answered = runs.reduce((sum, run) => sum + run['2xx'], 0);
    /** @type {{ total: string }} */
    const { total } = await (await fetch(`${service.url}/v1/views`)).json();
    return { name, saturated, fixedRate, answered, counted: Number(total) };
  } finally {
    await stop(service.child);
  }
}

function nextHit() {
  visitor++;
  return {
    headers: {
      'content-type': 'text/plain',
      'user-agent': USER_AGENT,
      'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
    },
    body: JSON.stringify({ path: `/news/article-${visitor % PATHS}.html` }),
  };
}

/**
 * An open-loop run: hits fall due on a fixed schedule whatever the answers do, over
 * CONNECTIONS keep-alive connections. A hit that finds every connection busy waits, and
 * that wait counts in its latency, so a service that falls behind shows it; only the
 * client's own lateness in noticing a hit is due is left out. (autocannon's rate option
 * sends each connection's share in a burst at the top of every second, and its correction
 * for that assumes a 1 ms interval.) Plain sockets keep the client cheap enough to hold
 * the rate on the core it shares.
 *
 * @param {string} url
 * @param {number} rate hits per second
 * @param {number} seconds
 */
async function driveAtFixedRate(url, rate, seconds) {
  const { hostname, port } = new URL(url);
  const total = rate * seconds;
  /** @type {number[]} */
  const latencies = [];
  /** @type {RunCounts} */
  const run = { '2xx': 0, non2xx: 0, errors: 0 };
  /** @type {number[]} */
  const waiting = []; // when each hit that found every connection busy fell due
  let waitingHead = 0;
  // First in, first out: every connection is used in turn, so none idles into the
  // service's keep-alive timeout.
  /** @type {HitSocket[]} */
  const idle = [];
  let settled = 0;
  /** @type {() => void} */
  let finish = () => undefined; // the promise's resolve from the next line on
  /** @type {Promise<void>} */
  const finished = new Promise((resolve) => (finish = resolve));
  const settle = () => {
    if (++settled === total) finish();
  };

  const sockets = await Promise.all(
    Array.from(
      { length: CONNECTIONS },
      () =>
        /** @type {Promise<HitSocket>} */ (
          new Promise((resolve, reject) => {
            const socket = connect({ host: hostname, port: Number(port) }, () =>
              resolve(Object.assign(socket, { startedAt: 0, busy: false, buffer: '' })),
            );
            socket.once('error', reject);
          })
        ),
    ),
  );
  /**
   * @param {HitSocket} socket
   * @param {number} startedAt when the hit fell due
   */
  const send = (socket, startedAt) => {
    socket.startedAt = startedAt;
    socket.busy = true;
    socket.buffer = '';
    const { headers, body } = nextHit();
    const lines = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(
      `POST /v1/hit HTTP/1.1\r\nhost: ${hostname}\r\n${lines}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
  /** @param {HitSocket} socket */
  const release = (socket) => {
    const dueAt = waiting[waitingHead]; // the longest-waiting hit, if any
    if (dueAt === undefined) idle.push(socket);
    else {
      waitingHead++;
      send(socket, dueAt);
    }
  };
  for (const socket of sockets) {
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('error', () => undefined); // counted when the socket closes
    socket.on('close', () => {
      if (!socket.busy) return;
      socket.busy = false;
      run.errors++;
      settle();
    });
    socket.on('data', (chunk) => {
      socket.buffer += chunk;
      const headerEnd = socket.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(socket.buffer)?.[1] ?? 0);
      if (socket.buffer.length < headerEnd + 4 + length) return;
      socket.busy = false;
      latencies.push(performance.now() - socket.startedAt);
      if (socket.buffer.startsWith('HTTP/1.1 2')) run['2xx']++;
      else run.non2xx++;
      settle();
      release(socket);
    });
    idle.push(socket);
  }

  const startedAt = performance.now();
  let scheduled = 0;
  const tick = () => {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - startedAt) * rate) / 1000));
    for (; scheduled < due; scheduled++) {
      let socket = idle.shift();
      while (socket?.destroyed) socket = idle.shift();
      if (socket) send(socket, now);
      else waiting.push(now);
    }
    if (scheduled < total) setImmediate(tick);
  };
  tick();
  // Hits still unanswered 10 s after the last fell due (all connections lost) count as errors.
  const deadline = setTimeout(finish, seconds * 1000 + 10_000);
  await finished;
  clearTimeout(deadline);
  run.errors += total - settled;
  const elapsed = (performance.now() - startedAt) / 1000;
  for (const socket of sockets) socket.destroy();

  latencies.sort((a, b) => a - b);
  // With no hit answered there is no latency to tell: NaN, as before.
  /** @param {number} p */
  const percentile = (p) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN) * 10) / 10;
  return {
    ...run,
    requests: { average: run['2xx'] / elapsed },
    latency: { p50: percentile(0.5), p99: percentile(0.99) },
  };
}

/**
 * Each request comes from a new visitor: a new address behind the trusted proxy (127.0.0.1).
 *
 * @param {string} url
 * @param {{ duration: number }} options duration in seconds
 */
function drive(url, { duration }) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/hit',
        setupRequest(request) {
          return { ...request, ...nextHit() };
        },
      },
    ],
  });
}

/** @param {string[]} storeArguments */
async function startService(storeArguments) {
  const child = spawnChild(
    process.execPath,
    [CLI, '--port', '0', '--host', '127.0.0.1', '--trust-proxy', '127.0.0.1', ...storeArguments],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, PORTICO_STATS_ORIGINS: 'https://bench.invalid' },
    },
  );
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const listening = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (listening) resolve(listening);
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before listening:\n${output}`)));
  });
  return { child, url };
}

async function startRedis() {
  const port = await freePort();
  const child = spawnChild(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
    })
  );
  return { child, port };
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      // A server listening on a TCP port has an AddressInfo (a string only for a pipe or socket file).
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptionsWithStdioTuple<'ignore', 'pipe', 'inherit'>} options
 * @returns {PipedChild}
 */
function spawnChild(command, args, options) {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** @param {ChildProcess} child */
function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}
