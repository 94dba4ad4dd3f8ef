/** @portico/plugin-json: Portico data from a JSON document. */
export {
  json,
  readPortalDocument,
  type JsonSourceOptions,
  type PortalData,
  type PortalDocument,
} from './json-source.js';
