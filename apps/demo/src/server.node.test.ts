import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from './server.js';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';

function scratchSite(): { publicDirectory: string; dataDirectory: string; seedTotalsFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'portico-demo-server-'));
  const publicDirectory = join(root, 'public');
  mkdirSync(join(publicDirectory, 'tin-tuc'), { recursive: true });
  writeFileSync(join(publicDirectory, 'index.html'), '<!doctype html><title>Trang chủ</title>');
  writeFileSync(join(publicDirectory, 'tin-tuc', 'index.html'), '<!doctype html><title>Tin tức</title>');
  writeFileSync(join(publicDirectory, '404.html'), '<!doctype html><title>Không tìm thấy trang</title>');
  const seedTotalsFile = join(root, 'seed-totals.json');
  writeFileSync(seedTotalsFile, '{"total":"18116910"}');
  return { publicDirectory, dataDirectory: join(root, 'data'), seedTotalsFile };
}

async function listen(demo: DemoServer): Promise<string> {
  await new Promise<void>((resolve) => demo.server.listen(0, resolve));
  return `http://localhost:${String((demo.server.address() as AddressInfo).port)}`;
}

describe('the demo server', () => {
  it('starts a new store from the seed’s total once, and keeps counting across restarts', async () => {
    const site = scratchSite();
    let demo = createDemoServer(site);
    let origin = await listen(demo);
    expect(await (await fetch(`${origin}/stats/v1/views`)).json()).toMatchObject({ total: '18116910' });
    const hit = await fetch(`${origin}/stats/v1/hit`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': UA },
      body: JSON.stringify({ path: '/tin-tuc' }),
    });
    expect(await hit.json()).toEqual({ as: 'guest' });
    await demo.close();

    demo = createDemoServer(site);
    origin = await listen(demo);
    expect(await (await fetch(`${origin}/stats/v1/views?path=/tin-tuc`)).json()).toMatchObject({
      total: '18116911',
      views: '1',
    });
    await demo.close();
  });

  it('serves pages at their addresses, gzipped, with a content policy; 404 and 403 where due', async () => {
    const site = scratchSite();
    const demo = createDemoServer(site);
    const origin = await listen(demo);
    const page = await fetch(`${origin}/tin-tuc`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Tin tức</title>');

    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import('node:http')
        .then(({ get }) => {
          get(`${origin}/`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) });
            });
          }).on('error', reject);
        })
        .catch(reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toContain('<title>Trang chủ</title>');

    // A rebuild while the server runs is served at once, gzipped or not.
    writeFileSync(join(site.publicDirectory, 'tin-tuc', 'index.html'), '<!doctype html><title>Tin tức mới</title>');
    utimesSync(join(site.publicDirectory, 'tin-tuc', 'index.html'), new Date(), new Date(Date.now() + 5000));
    expect(await (await fetch(`${origin}/tin-tuc`)).text()).toContain('<title>Tin tức mới</title>');
    expect(await (await fetch(`${origin}/tin-tuc`, { headers: { 'accept-encoding': 'identity' } })).text()).toContain(
      '<title>Tin tức mới</title>',
    );

    const missing = await fetch(`${origin}/khong-co`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
    await demo.close();
  });
});
