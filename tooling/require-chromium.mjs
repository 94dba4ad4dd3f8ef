// First step of `npm test`: stop at once, with directions, when no Chromium is available,
// instead of letting every package's browser suite fail on its own.
import { findChromium, MISSING_CHROMIUM_MESSAGE } from './chromium.mjs';

if (!findChromium()) {
  if (process.env['CHROME_PATH']) {
    console.error(`CHROME_PATH is set to ${process.env['CHROME_PATH']}, which is not an executable file.\n`);
  }
  console.error(MISSING_CHROMIUM_MESSAGE);
  process.exit(1);
}
