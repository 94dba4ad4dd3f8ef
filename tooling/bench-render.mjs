// `npm run bench:render`: how long each widget takes to render the seed portal's data, in
// headless Chromium, against a minimal LitElement rendering the same markup in the same page
// (tooling/bench-render-page.ts has the page's half: the cases, the baselines, the timing).
// Per widget, two operations: first render (create N elements with their data, connect them,
// wait for every `updateComplete`) and update (new data on the N mounted elements, wait
// again); it prints the median µs per element over the kept rounds and its ratio to the Lit
// baseline's. Figures, not a pass/fail: the exit code is non-zero only when the benchmark could
// not run (or found that an element did not show its data when its `updateComplete` resolved).
//
// The widgets come from the CDN build (packages/widgets/dist/cdn, as a CMS template loads them);
// the page's half is bundled here with esbuild, with its own Lit. A small node:http server on
// 127.0.0.1 serves both, cross-origin isolated so that `performance.now()` is precise to 5 µs.
//
// Options: --elements=N (default 100), --rounds=N (kept, default 9), --warmup=N (default 3),
// --updates=N (per round, default 5); --quick is --elements=20 --rounds=1 --warmup=1 --updates=2,
// to see that it runs (tooling/test does).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, MISSING_CHROMIUM_MESSAGE, findChromium } from './chromium.mjs';

const CDN = fileURLToPath(new URL('../packages/widgets/dist/cdn/', import.meta.url));
const PAGE_SOURCE = fileURLToPath(new URL('bench-render-page.ts', import.meta.url));

/** @typedef {import('./bench-render-page.js').CaseResult} CaseResult */
/** @typedef {import('./bench-render-page.js').RenderBench} RenderBench */

/** @param {string[]} args */
function readOptions(args) {
  /** @type {import('./bench-render-page.js').MeasureOptions} */
  const options = { count: 100, rounds: 9, warmup: 3, updates: 5 };
  for (const arg of args) {
    const [, name, value] = /^--(elements|rounds|warmup|updates)=(\d+)$/.exec(arg) ?? [];
    if (arg === '--quick') Object.assign(options, { count: 20, rounds: 1, warmup: 1, updates: 2 });
    else if (name === 'elements' && Number(value) > 0) options.count = Number(value);
    else if (name === 'rounds' && Number(value) > 0) options.rounds = Number(value);
    else if (name === 'warmup') options.warmup = Number(value);
    else if (name === 'updates' && Number(value) > 0) options.updates = Number(value);
    else {
      console.error(
        `bench:render: unknown option ${arg} (use --elements=N, --rounds=N, --warmup=N, --updates=N or --quick)`,
      );
      process.exit(2);
    }
  }
  return options;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The page's script: the baselines, Lit and the timing, in one ES module. */
async function bundlePage() {
  const result = await build({
    entryPoints: [PAGE_SOURCE],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    // Minified production Lit, as in the CDN build.
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const PAGE = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <title>Portico render benchmark</title>
    <link rel="stylesheet" href="/cdn/portico.css" />
    <script type="module" src="/cdn/portico.js"></script>
    <script type="module" src="/bench.js"></script>
  </head>
  <body></body>
</html>
`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/**
 * Serves the page, the bundled script and the CDN build, all from one origin, cross-origin
 * isolated (precise timers).
 * @param {string} script
 * @returns {Promise<{ origin: string, close(): void }>}
 */
async function serve(script) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    response.setHeader('Cache-Control', 'no-store');
    /** @param {string} type @param {string | Buffer} body */
    const send = (type, body) => {
      response.setHeader('Content-Type', `${type}; charset=utf-8`);
      response.end(body);
    };
    if (path === '/') return send('text/html', PAGE);
    if (path === '/bench.js') return send('text/javascript', script);
    if (path === '/favicon.ico') {
      response.statusCode = 204;
      return response.end();
    }
    const file = normalize(join(CDN, path.replace(/^\/cdn\//, '')));
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))];
    if (path.startsWith('/cdn/') && file.startsWith(CDN) && type && existsSync(file)) {
      return send(type, readFileSync(file));
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** @param {number} value µs */
function micro(value) {
  return Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—';
}

/** @param {number} value */
function times(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

/** @param {CaseResult[]} results @param {import('./bench-render-page.js').MeasureOptions} options @param {string} version @param {boolean} isolated */
function report(results, options, version, isolated) {
  const header = ['widget', 'operation', 'Portico µs', 'Lit µs', '× Lit', 'innerHTML µs', '× Lit'];
  /** @type {string[][]} */
  const rows = [];
  for (const result of results) {
    for (const [operation, key] of /** @type {const} */ ([
      ['first render', 'first'],
      ['update', 'update'],
    ])) {
      const figures = result[key];
      rows.push([
        result.name,
        operation,
        micro(median(figures.portico)),
        micro(median(figures.lit)),
        times(median(figures.portico) / median(figures.lit)),
        micro(median(figures.dom)),
        times(median(figures.dom) / median(figures.lit)),
      ]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  /** @param {string[]} row */
  const line = (row) =>
    `  ${row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`;
  console.log(
    `\nRender time per element, headless Chromium ${version}, the CDN build (packages/widgets/dist/cdn/portico.js):` +
      `\n${options.count} elements at a time, median of ${options.rounds} round${options.rounds === 1 ? '' : 's'} after ${options.warmup} warm-up round${options.warmup === 1 ? '' : 's'}, ${options.updates} update${options.updates === 1 ? '' : 's'} a round` +
      `${isolated ? '' : ' (timer not cross-origin isolated: 100 µs steps)'}.\n`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`
  first render: create the elements with the seed's data (visitors and counter: attributes; menu, card,
    banners: their data property), connect them, until every updateComplete (the card's waits for its body).
  update: new data on the mounted elements (a count +1, a new article, one more category or banner;
    then the seed's again, and so on), until every updateComplete. Reduced motion is on: the counter
    shows a new count at once instead of counting up to it.
  Lit: a minimal LitElement rendering the same markup and text from the same data, statically
    (no locale, phrases, Intl, checks, sanitizer, styles or sources): × Lit, the ratio of the medians,
    is what Portico's own work costs on top of Lit's.
  innerHTML: a shadow root's innerHTML set to the widget's markup, a second reference.

  The ratios are the figures to watch: they compare with the baseline measured in the same run
  and page, so they move far less with the machine and its load than the times do.
`);
  for (const result of results) {
    for (const mismatch of result.mismatches) console.log(`  Note: ${result.name}: ${mismatch}`);
  }
}

const options = readOptions(process.argv.slice(2));
if (!existsSync(join(CDN, 'portico.js'))) {
  console.error(
    'No CDN build (packages/widgets/dist/cdn/portico.js): run `npm run bench:render`, which builds it first.',
  );
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error(MISSING_CHROMIUM_MESSAGE);
  process.exit(1);
}

const server = await serve(await bundlePage());
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage();
  /** @type {Set<string>} */
  const messages = new Set();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      messages.add(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.add(`page error: ${error.message}`));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(
    () => 'porticoRenderBench' in globalThis && globalThis.customElements.get('portico-sidebar-banners'),
  );
  const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
  const cases = await page.evaluate(
    () =>
      /** @type {{ porticoRenderBench: RenderBench }} */ (/** @type {unknown} */ (globalThis)).porticoRenderBench.cases,
  );
  /** @type {CaseResult[]} */
  const results = [];
  for (const name of cases) {
    if (process.stderr.isTTY) process.stderr.write(`\r  measuring ${name}…`.padEnd(60));
    results.push(
      await page.evaluate(
        ([name, options]) =>
          /** @type {{ porticoRenderBench: RenderBench }} */ (
            /** @type {unknown} */ (globalThis)
          ).porticoRenderBench.measure(name, options),
        /** @type {const} */ ([name, options]),
      ),
    );
  }
  if (process.stderr.isTTY) process.stderr.write(`\r${''.padEnd(60)}\r`);
  report(results, options, browser.version(), isolated);
  if (messages.size > 0) {
    console.log('  The page said (the figures include any time spent saying it):');
    for (const message of messages) console.log(`    ${message}`);
    console.log('');
  }
} finally {
  await browser.close();
  server.close();
}
