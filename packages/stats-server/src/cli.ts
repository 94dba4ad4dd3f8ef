#!/usr/bin/env node
// The `portico-stats` command: `runCli` does the work; this file binds it to the process.
import { readFileSync } from 'node:fs';
import { runCli } from './cli/run.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const shutdown = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutdown.abort();
  });
}

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  write: (text) => process.stdout.write(text),
  shutdown: shutdown.signal,
  version,
});
