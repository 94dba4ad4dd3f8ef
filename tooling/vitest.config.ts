// The one Vitest configuration every package tests with (`vitest run --config
// ../../tooling/vitest.config.ts` from the package folder), so a new package adds no setup.
//
// Conventions, from the package folder:
// - `src/**/*.test.ts` runs twice: in Node and in headless Chromium (their ICU can differ).
// - `*.browser.test.ts` runs only in Chromium (widgets, anything with a DOM).
// - `*.node.test.ts` runs only in Node (servers, files, child processes).
import { playwright } from '@vitest/browser-playwright';
import { globSync } from 'tinyglobby';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from './chromium.mjs';

const packageRoot = process.cwd();
const TEST_FILES = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const NODE_ONLY = '**/*.node.test.ts';
const BROWSER_ONLY = '**/*.browser.test.ts';

function hasFiles(include: string[], exclude: string[]): boolean {
  return globSync(include, { cwd: packageRoot, ignore: ['node_modules/**', 'dist/**', ...exclude] }).length > 0;
}

const projects: TestProjectInlineConfiguration[] = [];

if (hasFiles(TEST_FILES, [BROWSER_ONLY])) {
  projects.push({
    extends: true,
    test: { name: 'node', environment: 'node', include: TEST_FILES, exclude: [BROWSER_ONLY, '**/node_modules/**'] },
  });
}

if (hasFiles(TEST_FILES, [NODE_ONLY])) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  projects.push({
    extends: true,
    test: {
      name: 'chromium',
      include: TEST_FILES,
      exclude: [NODE_ONLY, '**/node_modules/**'],
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        // Several packages start Chromium at once under turbo; on a 2-core machine the first
        // connection can take longer than the one-minute default.
        connectTimeout: 180_000,
        provider: playwright({ launchOptions: { executablePath, args: CHROMIUM_ARGS } }),
        instances: [{ browser: 'chromium' }],
      },
    },
  });
}

if (projects.length === 0) {
  throw new Error(`No test files in ${packageRoot}: every package has tests (${TEST_FILES.join(', ')}).`);
}

export default defineConfig({
  root: packageRoot,
  // Vite caches pre-bundled dependencies per package so parallel runs don't collide.
  cacheDir: 'node_modules/.vite',
  test: { projects },
});
