// Pre-renders the demo page into dist/public at build time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderPortalPage, type SeedPortal } from './render-page.js';

const seed = JSON.parse(
  readFileSync(new URL('../../../fixtures/seed-portal.json', import.meta.url), 'utf8'),
) as SeedPortal;
const publicDirectory = new URL('../dist/public/', import.meta.url);
mkdirSync(publicDirectory, { recursive: true });
writeFileSync(new URL('index.html', publicDirectory), renderPortalPage(seed));
