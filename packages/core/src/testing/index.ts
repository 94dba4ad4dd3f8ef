/** @portico/core/testing: an in-memory data source for tests, stories and prototypes. */
export {
  createMemorySource,
  type MemorySource,
  type MemorySourceData,
  type MemorySourceOptions,
} from './memory-source.js';
