// The single-file CDN build: dist/cdn/portico.js with no bare imports (Lit included once),
// chunks for what most pages never need (the HTML sanitizer, each data plugin), and the
// head stylesheet dist/cdn/portico.css. The build writes and prints the files' SRI hashes, and
// the page head's pinned tags (dist/cdn/sri.html).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { minifyCss, minifyLitCss } from './css-minify.js';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Writes the head stylesheet beside the build (minified), writes `integrity.json` (each file's SRI hash)
 * and writes (`sri.html`) and prints the tags for a versioned CDN URL: `portico.css`, `portico.js`, and a
 * `modulepreload` for each chunk it imports, so the browser checks those too and fetches them
 * without waiting for `portico.js` to be parsed.
 */
function subresourceIntegrity(): Plugin {
  return {
    name: 'portico-sri',
    writeBundle(options, bundle) {
      const directory = options.dir ?? 'dist/cdn';
      // The head stylesheet blocks the page's first paint: its comments (half its weight) stay
      // in the commented source, @portico/element/before-upgrade.css.
      const headCss = minifyCss(readFileSync(require.resolve('@portico/element/before-upgrade.css'), 'utf8'));
      writeFileSync(
        `${directory}/portico.css`,
        `/* @portico/widgets ${version}: the head stylesheet (source: @portico/element/before-upgrade.css) */\n${headCss.trim()}\n`,
      );
      const files = [...Object.keys(bundle).filter((file) => file.endsWith('.js')), 'portico.css'].sort();
      const integrity = Object.fromEntries(
        files.map((file) => [
          file,
          `sha384-${createHash('sha384')
            .update(readFileSync(`${directory}/${file}`))
            .digest('base64')}`,
        ]),
      );
      writeFileSync(`${directory}/integrity.json`, `${JSON.stringify(integrity, null, 2)}\n`);
      const entry = bundle['portico.js'];
      const imported = entry?.type === 'chunk' ? entry.imports : [];
      const url = (file: string) => `https://cdn.jsdelivr.net/npm/@portico/widgets@${version}/dist/cdn/${file}`;
      const attributes = (file: string) => `integrity="${integrity[file] ?? ''}" crossorigin="anonymous"`;
      const tags = [
        `<link rel="stylesheet" href="${url('portico.css')}" ${attributes('portico.css')} />`,
        ...imported.map((file) => `<link rel="modulepreload" href="${url(file)}" ${attributes(file)} />`),
        `<script type="module" src="${url('portico.js')}" ${attributes('portico.js')}></script>`,
      ].join('\n');
      // The same tags in the package, so an integrator copies them from the CDN without building.
      writeFileSync(
        `${directory}/sri.html`,
        `<!-- @portico/widgets ${version}: the page head's tags, pinned with Subresource Integrity. -->\n${tags}\n`,
      );
      this.info(`SRI for a versioned URL (also in dist/cdn/sri.html; every hash: dist/cdn/integrity.json):\n${tags}`);
    },
  };
}

export default defineConfig({
  // Production Lit, without its development warnings.
  resolve: { conditions: ['browser', 'module', 'import', 'production', 'default'] },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'portico.js' },
    // Vite leaves whitespace in ES library output (for consumers' tree-shaking); a CDN file is
    // the end of the line, so Rolldown minifies it fully.
    rolldownOptions: {
      output: {
        // Chunks named after the package they come from: chunks/plugin-joomla-[hash].js; the
        // HTML sanitizer (DOMPurify with our allowlists) is chunks/sanitizer-[hash].js.
        chunkFileNames: (chunk) => {
          if (chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]dompurify[\\/]/.test(id)))
            return 'chunks/sanitizer-[hash].js';
          const from = /[\\/](?:packages|node_modules)[\\/](?:@[^\\/]+[\\/])?([^\\/]+)[\\/]/.exec(
            chunk.facadeModuleId ?? '',
          )?.[1];
          return `chunks/${from ?? chunk.name}-[hash].js`;
        },
        // Classes keep their names (`PorticoOnlineVisitors`, as devtools and stack traces show
        // them) for about 0.1 kB gzip; functions do not.
        // Pure annotations guide a bundler that reads this file again; nothing does (0.1 kB).
        comments: { annotation: false, jsdoc: false },
        minify: {
          compress: { keepNames: { function: false, class: true } },
          mangle: { keepNames: { function: false, class: true } },
          codegen: { removeWhitespace: true },
        },
      },
    },
  },
  plugins: [minifyLitCss(), subresourceIntegrity()],
  logLevel: 'info',
});
