import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

/**
 * Portico's Storybook: one stories file per widget, beside the widget
 * (`packages/<name>/src/<name>.stories.ts`), and the pages that compose them, with their MDX
 * docs pages (`src/`).
 */
const config: StorybookConfig = {
  stories: ['../../../packages/*/src/*.stories.ts', '../src/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      optimizeDeps: {
        // Found up front, so that Vite does not reload the page while stories (or tests) run.
        include: ['storybook/test', 'dompurify'],
        // One copy of Lit, shared by the widgets (linked workspace sources) and Storybook's renderer.
        exclude: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
      },
    }),
};

export default config;
