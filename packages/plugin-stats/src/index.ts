/** @portico/plugin-stats: the browser client of Portico's stats service. */
export { stats, type StatsSource, type StatsSourceOptions } from './stats-source.js';
