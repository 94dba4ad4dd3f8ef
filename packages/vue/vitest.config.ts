// The shared test configuration, with Vue's plugin to compile the test app's single-file
// components; Vue's template compiler leaves the Portico tags to the browser.
import vue from '@vitejs/plugin-vue';
import { mergeConfig } from 'vitest/config';
import shared from '../../tooling/vitest.config.js';
import { isPorticoElement } from './src/is-portico-element.js';

export default mergeConfig(shared, {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isPorticoElement } } })],
});
