// `npm test` in apps/storybook:
// - every story runs as a test (`@storybook/addon-vitest`) in headless Chromium: it renders,
//   its play function passes, and axe finds no violation (`parameters.a11y.test = 'error'`).
//   Twice: in Vietnamese on the light theme, and in English on the dark theme, so both
//   locales and both colour schemes are checked. The System theme (`light dark`, following the
//   reader's `prefers-color-scheme`) has a story of its own (`Storybook/Preview`), whose play
//   has the browser emulate each preference (the `emulateColorScheme` command below);
// - the static build is loaded in Chromium and every widget in it must be registered and
//   rendered (test/static-build.node.test.ts).
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import type { ColorSchemePreference } from './src/kit/color-scheme.js';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../tooling/chromium.mjs';

const chromium = findChromium();
if (!chromium) throw new Error(MISSING_CHROMIUM_MESSAGE);
const executablePath: string = chromium;

/**
 * Emulates the page's `prefers-color-scheme` (`null`: the browser's own again): what the
 * kit's `preferColorScheme` asks for, through `.storybook/vitest.setup.ts`.
 */
const emulateColorScheme: BrowserCommand<[scheme: ColorSchemePreference]> = async ({ page }, scheme) => {
  await page.emulateMedia({ colorScheme: scheme });
};

/** The stories as tests, with the toolbar set to `locale` and `theme`. */
function storiesProject(locale: 'vi' | 'en', theme: 'light' | 'dark'): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [storybookTest({ configDir: '.storybook', initialGlobals: { locale, theme } })],
    test: {
      name: `stories (${locale}, ${theme})`,
      setupFiles: ['./.storybook/vitest.setup.ts'],
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        // Wide enough for the wide column and the portal's three columns.
        viewport: { width: 1280, height: 800 },
        provider: playwright({ launchOptions: { executablePath, args: CHROMIUM_ARGS } }),
        instances: [{ browser: 'chromium' }],
        commands: { emulateColorScheme },
      },
    },
  };
}

export default defineConfig({
  cacheDir: 'node_modules/.vite',
  test: {
    projects: [
      storiesProject('vi', 'light'),
      storiesProject('en', 'dark'),
      {
        extends: true,
        test: {
          name: 'static build',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
