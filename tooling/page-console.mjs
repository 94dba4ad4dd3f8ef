// What a page in Playwright's Chromium says in its console: the whole-page tests (the CDN
// build, server rendering, the demo) check that a page logs no error, and read its warnings.

/**
 * Collects what `page` logs from now on: its console errors and uncaught exceptions, and its
 * console warnings, each prefixed with `prefix` when given (a test visiting many pages).
 * @param {import('playwright').Page} page
 * @param {string} [prefix]
 * @returns {{ errors: string[], warnings: string[] }}
 */
export function consoleOf(page, prefix = '') {
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const warnings = [];
  page.on('console', (message) => {
    // A widget's warning ends with the widget itself, for the developer tools to link to; its
    // text here is a handle's name.
    const text = `${prefix}${message.text().replace(/ JSHandle@node$/, '')}`;
    if (message.type() === 'error') errors.push(text);
    if (message.type() === 'warning') warnings.push(text);
  });
  page.on('pageerror', (error) => errors.push(`${prefix}${error.message}`));
  return { errors, warnings };
}
