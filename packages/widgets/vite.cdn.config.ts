// The single-file CDN build: dist/cdn/portico.js with no bare imports (Lit included once),
// chunks for what most pages never need (the HTML sanitizer, each data plugin), and the
// head stylesheet dist/cdn/portico.css. The build prints the file's SRI hash.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { minifyLitCss } from './css-minify.js';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

function subresourceIntegrity(): Plugin {
  return {
    name: 'portico-sri',
    writeBundle(options) {
      const directory = options.dir ?? 'dist/cdn';
      copyFileSync(require.resolve('@portico/element/before-upgrade.css'), `${directory}/portico.css`);
      for (const file of ['portico.js', 'portico.css']) {
        const hash = createHash('sha384')
          .update(readFileSync(`${directory}/${file}`))
          .digest('base64');
        const url = `https://cdn.jsdelivr.net/npm/@portico/widgets@${version}/dist/cdn/${file}`;
        this.info(`${file}: integrity="sha384-${hash}"  (${url})`);
      }
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
        minify: true,
      },
    },
  },
  plugins: [minifyLitCss(), subresourceIntegrity()],
  logLevel: 'info',
});
