// One lint configuration for the whole repository, run once over all of it (`npm run lint`):
// one process shares the TypeScript programs' library files, which 22 runs, one a package,
// parsed again each (about 2.4 times the CPU time, a sixth of a CI run's).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/storybook-static/**'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are how phrases and messages are built.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `text || fallback` deliberately treats an empty string as missing.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },
  {
    // Plain JavaScript (configs, scripts): type-aware rules need types it does not declare.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // CommonJS where a tool asks for it (size-limit's budgets file).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // @portico/core runs in Node and browsers alike: no DOM.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'HTMLElement',
          'customElements',
        ].map((name) => ({ name, message: '@portico/core has no DOM: it runs in Node too.' })),
      ],
    },
  },
  {
    // Joomla 3 pages load MooTools 1.4 (`JHtml::_('behavior.framework')`), which replaces the
    // global `Array.from` with one that ignores the mapping function, treats an iterable without
    // `length` (a Set, Intl.Segmenter's segments) as one item and turns `{ length: n }` into holes:
    // code that runs on a CMS page uses spread, a loop or `.map` instead. Exempt: tests and their
    // support code and stories (they run in the test runner and Storybook, never on a CMS page),
    // and @portico/stats-server, which runs in Node only.
    files: ['packages/*/src/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      '**/*.stories.ts',
      '**/test-support/**',
      'packages/test-helpers/**',
      'packages/stats-server/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Array',
          property: 'from',
          message:
            'MooTools 1.4 (loaded on Joomla 3 pages) replaces Array.from with one that ignores the mapping function and iterables without length: use [...iterable], .map() or a loop.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // Tests assert on values they know are there.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
