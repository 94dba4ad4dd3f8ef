/**
 * The reader's colour-scheme preference (`prefers-color-scheme`), for the plays that check
 * the toolbar's System theme. A page cannot change it; the browser running the stories' tests
 * can, so their setup (`.storybook/vitest.setup.ts`) hands the emulation over here.
 */

/** A colour-scheme preference; `null` leaves the browser's own. */
export type ColorSchemePreference = 'light' | 'dark' | null;

type Emulation = (scheme: ColorSchemePreference) => Promise<void>;

/** Where the setup leaves the emulation: global, so every copy of this module finds it. */
const EMULATION = Symbol.for('portico.storybook.colorSchemeEmulation');

/** For the stories' test setup: how the browser emulates the reader's preference. */
export function provideColorSchemeEmulation(emulate: Emulation): void {
  (globalThis as Record<symbol, Emulation | undefined>)[EMULATION] = emulate;
}

/**
 * The reader's system prefers `scheme` (`null`: the browser's own again), so that a story
 * root with `color-scheme: light dark` (the System theme) and its widgets' `light-dark()`
 * follow it. Only the browser can: this works when the story runs as a test, and throws
 * elsewhere (a story opened in Storybook). A play that sets one sets `null` again when it ends.
 */
export async function preferColorScheme(scheme: ColorSchemePreference): Promise<void> {
  const emulate = (globalThis as Record<symbol, Emulation | undefined>)[EMULATION];
  if (!emulate) {
    throw new Error(
      'preferColorScheme: no emulation of prefers-color-scheme here. It works when the story runs as a test (.storybook/vitest.setup.ts).',
    );
  }
  await emulate(scheme);
}
