// `npm run bench` (from the root: `npm run bench:demo`): Lighthouse against the built demo,
// once as a phone (Lighthouse's defaults: Moto G-sized screen, slow 4G, 4x slower CPU) and
// once with its desktop preset. It prints, per form factor, the performance, accessibility,
// best-practices and SEO scores (0-100) with LCP, CLS and TBT, then every audit that did not
// pass, so a developer sees what to fix. The aims are 100 on all four and CLS 0; they are
// reported, not enforced: the exit code is non-zero only when Lighthouse could not run.
//
// With no argument it starts `dist/server.js` (PORT=0, a fresh data directory, so the
// developer's stats are untouched) and stops it at the end. With a URL it benches that page
// instead: `node bench/lighthouse.mjs http://localhost:8080/`.
//
// Chromium is the system's (CHROME_PATH, else /usr/bin/chromium), headless, with the flags the
// browser tests use: the network here is closed, so Chromium must not try to reach Google.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, MISSING_CHROMIUM_MESSAGE, findChromium } from '../../../tooling/chromium.mjs';

const SERVER = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FORM_FACTORS = [
  { name: 'mobile', config: undefined }, // Lighthouse's default configuration
  { name: 'desktop', config: desktopConfig },
];
// Audits with no pass mark: never reported as failing.
const UNSCORED = new Set(['informative', 'notApplicable', 'manual']);

const chromePath = findChromium();
if (!chromePath) {
  console.error(MISSING_CHROMIUM_MESSAGE);
  process.exit(1);
}

// Everything this run starts is gone however it ends (an error, Ctrl-C): the server, the
// Chromium in use, and the scratch directory holding the server's data and Chromium's profile.
const scratch = mkdtempSync(join(tmpdir(), 'portico-demo-bench-'));
let server; // the server's child process, when this run started one
let chrome; // the running Chromium, from chrome-launcher
process.once('exit', () => {
  chrome?.kill();
  server?.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => process.exit(code));
}

const urlArgument = process.argv[2];
if (urlArgument !== undefined && !/^https?:$/.test(URL.canParse(urlArgument) ? new URL(urlArgument).protocol : '')) {
  console.error(`bench: not an http(s) URL: ${urlArgument} (usage: node bench/lighthouse.mjs [URL])`);
  process.exit(2);
}
if (urlArgument === undefined && !existsSync(SERVER)) {
  console.error(`bench: ${SERVER} is missing; build the demo first (\`npm run bench:demo\` from the root does)`);
  process.exit(2);
}

try {
  const url = urlArgument ?? (await startServer());
  const results = [];
  for (const { name, config } of FORM_FACTORS) {
    console.error(`bench: Lighthouse, ${name}, ${url}`);
    results.push({ name, lhr: await runLighthouse(url, name, config) });
  }
  report(url, results);
  if (results.some(({ lhr }) => lhr.runtimeError)) process.exitCode = 1;
} catch (error) {
  console.error(`bench: Lighthouse could not run: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  chrome?.kill();
  chrome = undefined;
  if (server) await stopServer(server);
}

/** One Lighthouse run in a fresh Chromium (an empty profile, as Lighthouse's own CLI does). */
async function runLighthouse(url, formFactor, config) {
  const userDataDir = join(scratch, `chrome-${formFactor}`);
  mkdirSync(userDataDir);
  chrome = await launch({
    chromePath,
    chromeFlags: CHROMIUM_ARGS,
    userDataDir,
    logLevel: 'silent',
    handleSIGINT: false, // ours above kills it
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, onlyCategories: CATEGORIES, output: 'json', logLevel: 'error' },
      config,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    return result.lhr;
  } finally {
    chrome.kill();
    chrome = undefined;
  }
}

/** The table of figures, then what to fix. */
function report(url, results) {
  const { lighthouseVersion, environment } = results[0].lhr;
  const chromium = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(environment.hostUserAgent)?.[1] ?? 'unknown';
  console.log(`\nLighthouse ${lighthouseVersion}, Chromium ${chromium}, ${url}`);
  console.log('Aims: 100 in all four categories, CLS 0. LCP and TBT are simulated from the throttling settings.');
  console.table(
    Object.fromEntries(
      results.map(({ name, lhr }) => {
        const score = (id) => {
          const value = lhr.categories[id]?.score;
          return typeof value === 'number' ? Math.round(value * 100) : '-';
        };
        const metric = (id, digits = 0) => {
          const value = lhr.audits[id]?.numericValue;
          return typeof value === 'number' ? Number(value.toFixed(digits)) : '-';
        };
        return [
          name,
          {
            performance: score('performance'),
            accessibility: score('accessibility'),
            'best practices': score('best-practices'),
            SEO: score('seo'),
            'LCP ms': metric('largest-contentful-paint'),
            CLS: metric('cumulative-layout-shift', 3),
            'TBT ms': metric('total-blocking-time'),
          },
        ];
      }),
    ),
  );

  for (const { name, lhr } of results) {
    if (lhr.runtimeError) {
      // No page, so every audit failed the same way: the reason once is enough.
      console.log(
        `\n${name}: Lighthouse could not load the page: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`,
      );
      continue;
    }
    for (const warning of lhr.runWarnings) console.log(`\n${name}: warning: ${warning}`);
    const { failing, errored } = auditsToReport(lhr);
    console.log(failing.length ? `\n${name}: audits to fix (score, id: title)` : `\n${name}: no failing audits`);
    for (const { category, audit } of failing) {
      const shown = audit.displayValue ? ` (${audit.displayValue})` : '';
      console.log(
        `  ${category.padEnd(14)} ${String(Math.round(audit.score * 100)).padStart(3)}  ${audit.id}: ${audit.title}${shown}`,
      );
      for (const line of evidence(lhr, audit)) console.log(`${' '.repeat(22)}${line}`);
    }
    if (errored.length) console.log(`\n${name}: audits Lighthouse could not run`);
    for (const { category, audit } of errored) {
      console.log(`  ${category.padEnd(14)} ${audit.id}: ${audit.errorMessage ?? 'no reason given'}`);
    }
  }
  // Lighthouse 13.5 wants Node 22.19 or newer; on Node 20 it runs, but the trace insights that
  // use iterator helpers (Node 22) fail as above. They weigh nothing in the scores.
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22 && results.some(({ lhr }) => !lhr.runtimeError && auditsToReport(lhr).errored.length)) {
    console.log(
      `\n(Node ${process.versions.node}: Lighthouse 13.5 wants Node 22.19+, hence the audits it could not run.)`,
    );
  }
}

/**
 * The audits of the four categories that scored below 1 (failing) or threw (errored), each
 * once, in category order. Informative, not-applicable and manual audits have no pass mark.
 */
function auditsToReport(lhr) {
  const seen = new Set();
  const failing = [];
  const errored = [];
  for (const category of CATEGORIES) {
    for (const { id } of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[id];
      if (!audit || seen.has(id) || UNSCORED.has(audit.scoreDisplayMode)) continue;
      seen.add(id);
      if (audit.scoreDisplayMode === 'error') errored.push({ category, audit });
      else if (audit.score !== null && audit.score < 1) failing.push({ category, audit });
    }
  }
  return { failing, errored };
}

/**
 * Up to three lines saying what an audit found: the elements, resources or console messages at
 * fault (from its table), or the checks that failed (from its checklist).
 */
function evidence(lhr, audit) {
  // CLS's own details are debug data; the elements that moved are in the layout-shifts audit.
  const details = audit.id === 'cumulative-layout-shift' ? lhr.audits['layout-shifts']?.details : audit.details;
  if (details?.type === 'checklist') {
    return Object.values(details.items)
      .filter((check) => !check.value)
      .map((check) => check.label);
  }
  const items = details?.type === 'table' || details?.type === 'opportunity' ? details.items : [];
  const lines = items
    .map((item) =>
      [
        item.description,
        item.node?.selector,
        item.node?.snippet,
        item.sourceLocation?.url ?? item.url,
        typeof item.score === 'number' ? `(shift ${item.score.toFixed(3)})` : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  const shown = lines.slice(0, 3);
  return lines.length > shown.length ? [...shown, `… ${lines.length - shown.length} more`] : shown;
}

/** Starts the built server on a free port with its own data directory; resolves to its URL. */
function startServer() {
  const data = join(scratch, 'data');
  mkdirSync(data);
  server = spawn(process.execPath, [SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '0', PORTICO_DEMO_DATA: data },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timeout = setTimeout(() => reject(new Error(`the server printed no URL in 30 s:\n${output}`)), 30_000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Portico demo portal: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve(match[1]);
      }
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timeout);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** SIGTERM, as the server expects; SIGKILL if it is still up 5 s later. */
function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timeout);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
