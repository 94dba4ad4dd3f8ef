// Builds the demo portal into dist/public: every page pre-rendered, Portico's CDN build and
// the page's styles beside them, and the totals the stats service starts from.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPortalContent } from './content.js';
import { renderPortalPage } from './render-page.js';
import { fileForPath, portalPages } from './routes.js';

const seedDocument: unknown = JSON.parse(
  readFileSync(new URL('../../../fixtures/seed-portal.json', import.meta.url), 'utf8'),
);
const distDirectory = new URL('../dist/', import.meta.url);
const publicDirectory = new URL('public/', distDirectory);
const assetsDirectory = new URL('assets/', publicDirectory);

rmSync(publicDirectory, { recursive: true, force: true });
mkdirSync(assetsDirectory, { recursive: true });

const content = await loadPortalContent(seedDocument);
for (const page of portalPages(content)) {
  const file = new URL(fileForPath(page.path), publicDirectory);
  mkdirSync(new URL('./', file), { recursive: true });
  writeFileSync(file, await renderPortalPage(page, content));
}

// The CDN build as a CMS template would load it: portico.js, its chunks and portico.css.
const cdnDirectory = dirname(fileURLToPath(import.meta.resolve('@portico/widgets/cdn')));
cpSync(cdnDirectory, fileURLToPath(assetsDirectory), { recursive: true });
for (const asset of ['site.css', 'favicon.svg']) {
  cpSync(fileURLToPath(new URL(`../src/${asset}`, import.meta.url)), fileURLToPath(new URL(asset, assetsDirectory)));
}

// In the format `portico-stats import` reads: the seed's total, imported into a new store.
writeFileSync(new URL('seed-totals.json', distDirectory), `${JSON.stringify({ total: content.viewTotal })}\n`);
