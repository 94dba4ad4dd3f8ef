import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPortalPage, type SeedPortal } from './render-page.js';
import { createDemoServer } from './server.js';

const seed = JSON.parse(
  readFileSync(new URL('../../../fixtures/seed-portal.json', import.meta.url), 'utf8'),
) as SeedPortal & { shown: Record<string, string> };
const publicDirectory = mkdtempSync(join(tmpdir(), 'portico-demo-'));
writeFileSync(join(publicDirectory, 'index.html'), renderPortalPage(seed));
const server = createDemoServer(publicDirectory);
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, resolve));
  origin = `http://localhost:${String((server.address() as AddressInfo).port)}`;
});
afterAll(() => {
  server.close();
});

describe('the demo server', () => {
  it('serves the pre-rendered page with the seed’s texts in the HTML', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    for (const text of [
      seed.shown.visitorsText,
      seed.shown.visitorsTitle,
      seed.shown.viewsTitle,
      seed.shown.viewsText,
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020');
    expect(html).toContain('<time datetime="2020-08-25">25/8/2020</time>');
    expect(html).toContain('Thúy Vân, Bá Siêu');
  });

  it('answers 404 for a missing file and never leaves its folder', async () => {
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});
