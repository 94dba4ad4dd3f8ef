// dist/cdn/sri.html: the page head's tags for a versioned CDN URL, pinned, copied from the
// package without building it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const directory = new URL('../dist/cdn/', import.meta.url);
const read = (file: string | URL) => readFile(file, 'utf8');

describe('dist/cdn/sri.html', () => {
  it('pins the stylesheet, portico.js and every chunk it imports, at this version, with their hashes', async () => {
    const { version } = JSON.parse(await read(new URL('../package.json', import.meta.url))) as { version: string };
    const integrity = JSON.parse(await read(new URL('integrity.json', directory))) as Record<string, string>;
    const entry = await read(new URL('portico.js', directory));
    const imported = [...entry.matchAll(/\bfrom\s*"\.\/(chunks\/[\w-]+\.js)"/g)].map(([, file]) => file ?? '');
    expect(imported.length).toBeGreaterThan(0);
    const tags = await read(new URL('sri.html', directory));
    const pinned = [...tags.matchAll(/<(link|script)\b[^>]*?(?:href|src)="([^"]+)" integrity="([^"]+)"/g)].map(
      ([, tag, address, hash]) => ({ tag, address, hash }),
    );
    const base = `https://cdn.jsdelivr.net/npm/@portico/widgets@${version}/dist/cdn/`;
    expect(pinned).toEqual([
      { tag: 'link', address: `${base}portico.css`, hash: integrity['portico.css'] },
      ...imported.map((file) => ({ tag: 'link', address: `${base}${file}`, hash: integrity[file] })),
      { tag: 'script', address: `${base}portico.js`, hash: integrity['portico.js'] },
    ]);
    expect(tags).toContain('rel="modulepreload"');
    expect(tags).toContain('<script type="module"');
  });
});
