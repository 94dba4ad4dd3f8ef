import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSiteShape, type SiteOptions, type StatsHandlerOptions } from '../options.js';

export const USAGE = `Usage:
  portico-stats [serve] [options]        start the stats service
  portico-stats import <file> [options]  add existing totals ({"total": "…", "paths": {"/a.html": "…"}})

Options (environment variable in brackets; flags win):
  --port <n>            [PORT] default 8787
  --host <address>      [HOST] default every interface
  --db <file>           [PORTICO_STATS_DB] the embedded store; default ./portico-stats.sqlite
  --redis <url>         [PORTICO_STATS_REDIS_URL] Redis or Valkey instead of the embedded store
  --site <id>           [PORTICO_STATS_SITE] the site's id (with --config: the site import adds to); default "default"
  --origin <origin>     [PORTICO_STATS_ORIGINS, comma-separated] an origin allowed to call; repeatable; default any
  --trust-proxy <cidr>  [PORTICO_STATS_TRUSTED_PROXIES, comma-separated] a proxy whose X-Forwarded-For is believed; repeatable
  --window <seconds>    [PORTICO_STATS_WINDOW_SECONDS] how long a visitor stays online; default 300
  --time-zone <zone>    [PORTICO_STATS_TIME_ZONE] the IANA zone whose days count views once (Asia/Ho_Chi_Minh); default UTC
  --config <file>       [PORTICO_STATS_CONFIG] a JSON file of options, several sites among them
                        [PORTICO_STATS_MEMBER_SECRET] the secret member tokens are signed with (not a flag: flags show in ps)
  --help, --version
`;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; settings: CliSettings }
  | { kind: 'import'; settings: CliSettings; file: string };

/** Everything the command needs: where the store is, where to listen, and the handler's options. */
export interface CliSettings {
  store: { redisUrl: string; connectTimeoutSeconds: number } | { file: string };
  port: number;
  host: string | undefined;
  handler: Omit<StatsHandlerOptions, 'store'>;
  /** The site `import` writes to. */
  site: string;
  /** The config file the sites come from, when it lists them. */
  sitesFile?: string | undefined;
}

/** What the `--config` file may hold: the handler's options, and the flags' settings. */
type ConfigFile = Omit<StatsHandlerOptions, 'store' | 'now'> & {
  port?: number;
  host?: string;
  db?: string;
  redis?: string;
  /** How long the first connection to Redis may take before the command gives up. */
  redisConnectTimeoutSeconds?: number;
};

const CONFIG_KEYS = new Set<string>([
  'port',
  'host',
  'db',
  'redis',
  'redisConnectTimeoutSeconds',
  'sites',
  'trustedProxies',
  'windowSeconds',
  'cacheSeconds',
  'maxBodyBytes',
  'maxPathLength',
  'maxGuestsPerIp',
  'maxDailyGuestsPerIp',
  'maxNewPathsPerIp',
  'rateLimit',
  'maxMemberNames',
  'basePath',
  'timeZone',
] satisfies (keyof ConfigFile)[]);

const SITE_KEYS = new Set<string>([
  'id',
  'origins',
  'memberSecret',
  'queryParams',
  'maxPaths',
] satisfies (keyof SiteOptions)[]);

/** Reads flags, then the environment, then the config file, then defaults. Throws a usage error. */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      redis: { type: 'string' },
      site: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'trust-proxy': { type: 'string', multiple: true },
      window: { type: 'string' },
      'time-zone': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean' },
      version: { type: 'boolean' },
    },
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command = 'serve', file, extra] = positionals;
  if (command !== 'serve' && command !== 'import') throw new Error(`unknown command "${command}"`);
  if (command === 'import' && file === undefined) {
    throw new Error('import needs a file: portico-stats import totals.json');
  }
  if (extra !== undefined || (command === 'serve' && file !== undefined)) {
    throw new Error(`unexpected argument "${extra ?? file ?? ''}"`);
  }

  const configPath = values.config ?? env.PORTICO_STATS_CONFIG;
  const {
    port,
    host,
    db,
    redis,
    redisConnectTimeoutSeconds = 10,
    ...config
  } = configPath === undefined ? {} : readConfigFile(configPath);
  if (!(typeof redisConnectTimeoutSeconds === 'number' && redisConnectTimeoutSeconds > 0)) {
    throw new Error(`redisConnectTimeoutSeconds in ${configPath ?? ''} must be a number above 0`);
  }
  const origins = values.origin ?? list(env.PORTICO_STATS_ORIGINS);
  const siteId = values.site ?? env.PORTICO_STATS_SITE;
  const memberSecret = env.PORTICO_STATS_MEMBER_SECRET;
  if (config.sites && (origins ?? memberSecret) !== undefined) {
    throw new Error(`${configPath ?? ''} lists its sites: set their origins and secrets there`);
  }
  const sites: readonly SiteOptions[] = config.sites ?? [{ id: siteId ?? 'default', origins, memberSecret }];
  if (siteId !== undefined && !sites.some((site) => site.id === siteId)) {
    throw new Error(`--site ${siteId} is not among the sites of ${configPath ?? ''}`);
  }
  const windowSeconds = values.window ?? env.PORTICO_STATS_WINDOW_SECONDS;
  if (values.db !== undefined && values.redis !== undefined) {
    throw new Error('--db and --redis name two stores: give one');
  }

  const settings: CliSettings = {
    store: chooseStore(
      [
        { db: values.db, redis: values.redis },
        { db: env.PORTICO_STATS_DB, redis: env.PORTICO_STATS_REDIS_URL },
        { db, redis },
      ],
      redisConnectTimeoutSeconds,
    ),
    port: toNumber('--port', values.port ?? env.PORT) ?? port ?? 8787,
    host: values.host ?? env.HOST ?? host,
    handler: {
      ...config,
      sites,
      trustedProxies: values['trust-proxy'] ?? list(env.PORTICO_STATS_TRUSTED_PROXIES) ?? config.trustedProxies,
      windowSeconds: toNumber('--window', windowSeconds) ?? config.windowSeconds,
      timeZone: values['time-zone'] ?? (env.PORTICO_STATS_TIME_ZONE || undefined) ?? config.timeZone,
    },
    site: siteId ?? sites[0]?.id ?? 'default',
    sitesFile: config.sites ? configPath : undefined,
  };
  return command === 'import' ? { kind: 'import', settings, file: file ?? '' } : { kind: 'serve', settings };
}

/** The first of flags, environment and config file to name a store decides it, as for every other setting. */
function chooseStore(
  sources: readonly { db: string | undefined; redis: string | undefined }[],
  connectTimeoutSeconds: number,
): CliSettings['store'] {
  for (const { db, redis } of sources) {
    if (redis) return { redisUrl: redis, connectTimeoutSeconds };
    if (db !== undefined) return { file: db };
  }
  return { file: 'portico-stats.sqlite' };
}

function readConfigFile(path: string): ConfigFile {
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the config file ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error(`the config file ${path} must hold a JSON object`);
  }
  const unknown = Object.keys(config).filter((key) => !CONFIG_KEYS.has(key));
  if (unknown.length > 0) throw new Error(`the config file ${path} has unknown options: ${unknown.join(', ')}`);
  if ('sites' in config) checkConfigSites(path, config.sites);
  return config;
}

/** A typo in a site (`origin`, `secret`) would otherwise leave it open to any origin, or without members. */
function checkConfigSites(path: string, sites: unknown): void {
  if (!Array.isArray(sites)) throw new Error(`in the config file ${path}, sites must be a list of sites`);
  for (const site of sites as unknown[]) {
    let id: string;
    try {
      ({ id } = checkSiteShape(site));
    } catch (error) {
      throw new Error(`in the config file ${path}, ${(error as Error).message}`, { cause: error });
    }
    const unknown = Object.keys(site as object).filter((key) => !SITE_KEYS.has(key));
    if (unknown.length > 0) {
      throw new Error(`in the config file ${path}, site "${id}" has unknown options: ${unknown.join(', ')}`);
    }
  }
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function toNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`${name} must be a number, not "${value}"`);
  return number;
}
