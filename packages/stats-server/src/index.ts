export { createStatsHandler, type StatsHandler } from './http/handler.js';
export type { SiteOptions, StatsHandlerOptions } from './options.js';
export type { RateLimitOptions } from './http/rate-limit.js';
export { startStatsServer, type StatsServer, type StatsServerOptions } from './server.js';
export { createSqliteStore, type SqliteStoreOptions } from './store/sqlite-store.js';
export {
  createRedisStore,
  type RedisClientLike,
  type RedisClusterLike,
  type RedisStoreOptions,
} from './store/redis-store.js';
export type {
  DailySaltValues,
  OnlineCounts,
  StatsStore,
  TotalsImport,
  ViewCounts,
  Visit,
  VisitView,
  VisitorKind,
  VisitOutcome,
} from './store/stats-store.js';
export {
  signMemberToken,
  verifyMemberToken,
  type Member,
  type MemberTokenCheck,
  type MemberTokenClaims,
} from './identity/member-token.js';
export type { OnlineAnswer, ViewsAnswer } from './reads/stats-reads.js';
export type { VisitAnswer } from './http/visits.js';
export { parseTotalsImport, type TotalsImportOptions } from './import/totals-file.js';
export { DEFAULT_QUERY_PARAMS } from './http/page-path.js';
