/** The `<portico-view-counter>` class, without registering the tag. */
export {
  PorticoViewCounter,
  type ViewCounterDigits,
  type ViewCounterGrouping,
  type ViewCounterNotation,
} from './view-counter.js';
