// Where the browser tests find Chromium. We never download a browser: CI and developers
// use the system's Chromium (Debian's `chromium` package) or point CHROME_PATH at one.
import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for headless Chromium in a sandboxed container with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const MISSING_CHROMIUM_MESSAGE = `The browser tests need Chromium, and none was found.
  Set CHROME_PATH to a Chromium or Chrome executable, or install Debian's package:
    sudo apt-get install chromium     (gives ${DEFAULT_CHROMIUM_PATH})
  Then run the test command again.`;

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to test with: CHROME_PATH when set, else /usr/bin/chromium.
 * @returns {string | undefined} undefined when neither exists.
 */
export function findChromium() {
  const fromEnvironment = process.env['CHROME_PATH'];
  if (fromEnvironment) return isExecutable(fromEnvironment) ? fromEnvironment : undefined;
  return isExecutable(DEFAULT_CHROMIUM_PATH) ? DEFAULT_CHROMIUM_PATH : undefined;
}
