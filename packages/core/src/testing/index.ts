/** @portico/core/testing: an in-memory data source for tests, stories and prototypes, and test helpers for sources. */
export {
  createMemorySource,
  type MemorySource,
  type MemorySourceData,
  type MemorySourceOptions,
} from './memory-source.js';
export { sourceErrorOf } from './source-error-of.js';
