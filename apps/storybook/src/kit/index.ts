/**
 * What the stories share (`@portico/storybook/kit`): Storybook's types and test helpers,
 * the seed's content, generated samples and data sources for each state. Stories beside the
 * widgets import it from here, so they need no Storybook package of their own.
 */
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';

export type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
// Imported, then exported: Storybook's build replaces `storybook/test` imports with its own
// module, and does not follow an `export … from` of it.
export { expect, fn, userEvent, waitFor, within };
export { seed, seedArticle, seedContent, seedShownIn, type SeedPortal } from './seed.js';
export {
  LONG_VIETNAMESE,
  SAMPLE_MARK,
  SAMPLE_MEMBER_NAMES,
  sample,
  sampleArticles,
  sampleBanners,
  sampleCategoryTree,
  sampleFullArticle,
  sampleImage,
  samplePngSource,
} from './samples.js';
export {
  answersThenFails,
  failingSource,
  loadingSource,
  memorySourceNamed,
  provideSource,
  sampleError,
  withData,
  withFailingSource,
  withLoadingSource,
  withSourceThatFailsAfterAnswering,
  withTicking,
  type StorySetUp,
} from './sources.js';
export {
  inContentColumn,
  inMenuSidebar,
  inSidebar,
  inWideColumn,
  withMarkup,
  type PorticoParameters,
  type StoryWidth,
} from './parameters.js';
export {
  expectHeading,
  expectStaleNote,
  headingInLocale,
  partOf,
  partsOf,
  preferReducedMotion,
  shown,
} from './plays.js';
export { localeOf, type StoryLocale } from './locale.js';
export { preferColorScheme, type ColorSchemePreference } from './color-scheme.js';
