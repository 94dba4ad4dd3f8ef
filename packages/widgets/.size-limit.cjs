// Size budgets. A JavaScript file (not package.json) because the CDN file must be measured as
// the browser loads it: its on-demand chunks (the sanitizer, the plugins) stay outside.
module.exports = [
  {
    name: 'dist/cdn/portico.js: what every page loads (five widgets, Lit, core; aim 20 kB)',
    path: 'dist/cdn/portico.js',
    gzip: true,
    limit: '30.8 kB',
    modifyEsbuildConfig(config) {
      // The file is an ES module with a top-level await (the hydration check).
      return { ...config, format: 'esm', external: [...(config.external ?? []), './chunks/*'] };
    },
  },
  {
    name: '@portico/widgets from npm: five widgets, Lit and core (the sanitizer loads on demand)',
    path: 'dist/index.js',
    import: '*',
    ignore: ['dompurify'],
    gzip: true,
    limit: '35.25 kB',
  },
];
