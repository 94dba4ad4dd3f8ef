/** The `<portico-online-visitors>` class, without registering the tag. */
export { PorticoOnlineVisitors, type OnlineVisitorsMode } from './online-visitors.js';
