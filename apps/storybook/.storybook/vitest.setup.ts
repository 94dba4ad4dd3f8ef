/**
 * Set up for the stories' tests only (`vitest.config.ts`), in the browser before each stories
 * file: the plays get the browser's colour-scheme emulation (`preferColorScheme` in the kit),
 * through the `emulateColorScheme` command the config defines.
 */
import { commands } from 'vitest/browser';
import { provideColorSchemeEmulation, type ColorSchemePreference } from '../src/kit/color-scheme.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Emulates the page's `prefers-color-scheme`; `null` ends the emulation. */
    emulateColorScheme: (scheme: ColorSchemePreference) => Promise<void>;
  }
}

provideColorSchemeEmulation((scheme) => commands.emulateColorScheme(scheme));
