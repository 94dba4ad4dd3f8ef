// `npm run bench:size`: the gzip size of every published entry point, bundled and minified as
// an application would ship it (peer frameworks left out), and of the CDN build's files.
// Figures, not a pass/fail: the size-limit budgets in each package.json are the checks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SourceMapConsumer } from 'source-map-js';

const root = new URL('..', import.meta.url).pathname;
const packagesDirectory = join(root, 'packages');
const PEERS = ['react', 'react-dom', 'react/jsx-runtime', 'vue', '@lit-labs/ssr', 'node:*'];

/** @typedef {[label: string, raw: number, gzip: number, note?: string]} Row */

/** @param {number} bytes */
function kilobytes(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

/**
 * The output files an entry loads at once: itself and, through static imports, its chunks.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} entry
 */
function eagerOutputs(metafile, entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const output = metafile.outputs[next];
    for (const imported of output?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external && !seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return [...seen];
}

/** @type {Row[]} */
const rows = [];
for (const name of readdirSync(packagesDirectory).sort()) {
  const directory = join(packagesDirectory, name);
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.default;
    if (!/\.js$/.test(file ?? '') || subpath === './proxy' || manifest.name === '@portico/stats-server') continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
    try {
      // Code splitting, as an application's bundler does: what loads on demand (the
      // sanitizer, plugins) is left out of the figure.
      const result = await build({
        stdin: { contents: `export * from '${specifier}';`, resolveDir: root, loader: 'js', sourcefile: 'entry.js' },
        bundle: true,
        splitting: true,
        outdir: '/virtual',
        minify: true,
        format: 'esm',
        write: false,
        metafile: true,
        platform: 'browser',
        external: PEERS,
        logLevel: 'silent',
      });
      const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint)?.[0] ?? '';
      const eager = new Set(eagerOutputs(result.metafile, entry).map((path) => join(root, path)));
      const files = result.outputFiles.filter((file) => eager.has(file.path));
      const raw = files.reduce((sum, file) => sum + file.contents.length, 0);
      const gzip = files.reduce((sum, file) => sum + gzipSync(file.contents).length, 0);
      rows.push([specifier, raw, gzip]);
    } catch (error) {
      rows.push([
        specifier,
        0,
        0,
        `not bundled: ${String(error instanceof Error ? error.message : error).split('\n')[0] ?? ''}`,
      ]);
    }
  }
}

const cdn = join(packagesDirectory, 'widgets', 'dist', 'cdn');
/** @type {Row[]} */
const cdnRows = [];
/** @param {string} directory */
function collect(directory) {
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) collect(path);
    else if (/\.(js|css)$/.test(entry)) {
      const content = readFileSync(path);
      cdnRows.push([relative(cdn, path), content.length, gzipSync(content).length]);
    }
  }
}
try {
  collect(cdn);
} catch {
  console.error('No CDN build: run `npm run build` first.');
}

const width = Math.max(...[...rows, ...cdnRows].map(([label]) => label.length));
console.log(
  '\nEntry points, bundled and minified with their dependencies, as loaded at once (peers and on-demand chunks excluded):\n',
);
for (const [label, raw, gzip, note] of rows) {
  console.log(
    `  ${label.padEnd(width)}  ${kilobytes(raw).padStart(10)}  gzip ${kilobytes(gzip).padStart(9)}${note ? `  ${note}` : ''}`,
  );
}
console.log('\nCDN build (packages/widgets/dist/cdn):\n');
for (const [label, raw, gzip] of cdnRows.sort((a, b) => b[2] - a[2])) {
  console.log(`  ${label.padEnd(width)}  ${kilobytes(raw).padStart(10)}  gzip ${kilobytes(gzip).padStart(9)}`);
}
const main = cdnRows.find(([label]) => label === 'portico.js');
const eagerChunks = [...readFileSync(join(cdn, 'portico.js'), 'utf8').matchAll(/from"\.\/(chunks\/[^"]+)"/g)].map(
  (match) => match[1],
);
const eagerTotal =
  (main?.[2] ?? 0) + cdnRows.filter(([label]) => eagerChunks.includes(label)).reduce((sum, row) => sum + row[2], 0);
console.log(
  `\n  Every page loads portico.js${eagerChunks.length ? ` and ${eagerChunks.join(', ')}` : ''}: gzip ${kilobytes(eagerTotal)} (aim: under 20 kB).\n`,
);

/**
 * What the every-page files are made of, by package, from their source maps: minified bytes,
 * and each package's code gzipped alone (more than its share of the whole, which compresses
 * across packages). Where to look first when the total grows.
 * @param {string[]} files
 */
function packageShares(files) {
  /** @type {Map<string, string>} */
  const code = new Map();
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    /** @type {import('source-map-js').MappingItem[]} */
    const mappings = [];
    new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))).eachMapping((mapping) => {
      mappings.push(mapping);
    });
    mappings.forEach((mapping, index) => {
      const next = mappings[index + 1];
      const line = lines[mapping.generatedLine - 1] ?? '';
      const end = next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
      const source = resolve(dirname(file), mapping.source ?? '');
      const from = /\/(?:packages\/([^/]+)|node_modules\/((?:@[^/]+\/)?[^/]+))\/(?!.*\/node_modules\/)/.exec(source);
      const label = from?.[1] ? `@portico/${from[1]}` : (from?.[2] ?? '(bundler)');
      code.set(label, (code.get(label) ?? '') + line.slice(mapping.generatedColumn, end));
    });
  }
  /** @type {Row[]} */
  const shares = [...code].map(([label, text]) => [label, text.length, gzipSync(text).length]);
  return shares.sort((a, b) => b[1] - a[1]);
}

try {
  console.log('  By package (minified bytes; gzip of that package alone):\n');
  const everyPage = ['portico.js', ...eagerChunks.flatMap((file) => (file ? [file] : []))];
  for (const [label, raw, gzip] of packageShares(everyPage.map((file) => join(cdn, file)))) {
    console.log(`    ${label.padEnd(28)}  ${kilobytes(raw).padStart(10)}  gzip ${kilobytes(gzip).padStart(9)}`);
  }
  console.log('');
} catch (error) {
  console.error(`  No breakdown: ${error instanceof Error ? error.message : String(error)}`);
}
