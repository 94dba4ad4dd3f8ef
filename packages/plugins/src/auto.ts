/**
 * `import '@portico/plugins/auto'` (or the CDN build) applies the page's
 * `<script type="application/json" data-portico>` blocks: the sources they configure are
 * registered for the widgets, with no JavaScript in the page.
 */
import { configureNowAndWhenParsed } from '@portico/plugin-kit';
import { configurePage } from './index.js';

export * from './index.js';

configureNowAndWhenParsed(configurePage);
