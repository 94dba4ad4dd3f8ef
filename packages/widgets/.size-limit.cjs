// Size budgets. A JavaScript file (not package.json) because the CDN file must be measured as
// the browser loads it: its on-demand chunks (the sanitizer, the plugins) stay outside, and
// the chunks it imports at once (shared with on-demand ones, so Rolldown splits them out)
// count in the second budget, with it.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The chunks portico.js imports statically: every page loads them with it. */
function chunksLoadedAtOnce() {
  const main = readFileSync(join(__dirname, 'dist', 'cdn', 'portico.js'), 'utf8');
  const chunks = [...main.matchAll(/(?:from|import)\s*"\.\/(chunks\/[^"]+)"/g)].map((match) => `dist/cdn/${match[1]}`);
  // None found means the pattern no longer fits the build's output, not that there are none.
  if (chunks.length === 0) throw new Error('.size-limit.cjs: found no static import of a chunk in portico.js');
  return chunks;
}

/** The file is an ES module with a top-level await (the hydration check); its chunks are measured apart. */
function moduleWithChunksApart(config) {
  return { ...config, format: 'esm', external: [...(config.external ?? []), './chunks/*', './*'] };
}

module.exports = [
  {
    name: 'dist/cdn/portico.js: five widgets, Lit and core (aim 20 kB)',
    path: 'dist/cdn/portico.js',
    gzip: true,
    limit: '31.1 kB',
    modifyEsbuildConfig: moduleWithChunksApart,
  },
  {
    name: 'dist/cdn/portico.js and the chunks it imports at once: the JavaScript every page downloads',
    path: ['dist/cdn/portico.js', ...chunksLoadedAtOnce()],
    gzip: true,
    limit: '36.15 kB',
    modifyEsbuildConfig: moduleWithChunksApart,
  },
  {
    // Measured as written (no bundler): the build minifies it.
    name: 'dist/cdn/portico.css: the head stylesheet, which every page loads before it paints',
    path: 'dist/cdn/portico.css',
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '3.05 kB',
  },
  {
    name: '@portico/widgets from npm: five widgets, Lit and core (the sanitizer loads on demand)',
    path: 'dist/index.js',
    import: '*',
    ignore: ['dompurify'],
    gzip: true,
    limit: '36.3 kB',
  },
];
