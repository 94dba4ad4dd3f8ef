import { randomBytes } from 'node:crypto';
import { previousDay } from '../identity/calendar-day.js';
import { siteKeys } from './redis-keys.js';
import {
  APPLY_IMPORT,
  ONLINE,
  RECORD_VISIT,
  SALTS,
  STAGE_IMPORT,
  VIEWS,
  type RedisCommandSender,
  type RedisScript,
} from './redis-scripts.js';
import {
  importOverflowError,
  type DailySaltValues,
  type OnlineCounts,
  type StatsStore,
  type TotalsImport,
  type ViewCounts,
  type Visit,
  type VisitOutcome,
} from './stats-store.js';

/** What the store needs of a node-redis client (`createClient()` from `redis`, connected). */
export interface RedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** What the store needs of a node-redis cluster (`createCluster()` from `redis`, connected). */
export interface RedisClusterLike {
  sendCommand(firstKey: string, isReadonly: boolean | undefined, args: string[]): Promise<unknown>;
}

export type RedisStoreOptions = {
  /** Prefix of every key. Default `portico`. */
  keyPrefix?: string | undefined;
} & (
  | {
      /** `redis://host:6379` (or `rediss://`, with credentials): the store connects, reconnects and disconnects. */
      url: string;
      /**
       * How long the first connection may take (Redis may be starting too) before
       * `createRedisStore` gives up, naming the server. Default 10000 ms.
       */
      connectTimeoutMs?: number | undefined;
      /** Gives up connecting when aborted: a shutdown while Redis does not answer. */
      signal?: AbortSignal | undefined;
    }
  | {
      /** A connected client of yours; the store never closes it. */
      client: RedisClientLike;
    }
  | {
      /** A connected cluster of yours; the store never closes it. */
      cluster: RedisClusterLike;
    }
);

// Paths per import script call: a big import never blocks Redis for long.
const IMPORT_SLICE = 1000;
// An import's staged paths outlive any pause between its slices, and go if it never finishes.
const IMPORT_STAGING_TTL_MS = 3_600_000;
// Views are deduped only within their day; the hour absorbs clocks a little apart.
const SEEN_MARGIN_MS = 3_600_000;
// A day's salt is kept a day beyond its own, as the next day's "previous" salt, which serves
// only in that day's first window: a day of 23 or 25 hours makes no difference.
const SALT_KEPT_BEYOND_ITS_DAY_MS = 86_400_000;

/**
 * The shared store, on Redis 7 or Valkey: several instances behind a load balancer see the
 * same presences, counts and salts. Keep Redis persistence on (`appendonly yes`): the
 * totals live there.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<StatsStore> {
  const keyPrefix = options.keyPrefix ?? 'portico';
  if ('client' in options) {
    const { client } = options;
    return new RedisStore(
      (args) => client.sendCommand(args),
      keyPrefix,
      () => Promise.resolve(),
    );
  }
  if ('cluster' in options) {
    const { cluster } = options;
    return new RedisStore(
      (args, firstKey) => cluster.sendCommand(firstKey, false, args),
      keyPrefix,
      () => Promise.resolve(),
    );
  }
  const { createClient } = await import('redis');
  // Without the offline queue a request fails at once while Redis is away (503), rather
  // than piling up until it returns.
  const client = createClient({ url: options.url, disableOfflineQueue: true });
  const where = redactCredentials(options.url);
  await connectFirst(client, where, options.connectTimeoutMs ?? 10_000, options.signal);
  reportConnectionChanges(client, where);
  return new RedisStore(
    (args) => client.sendCommand(args),
    keyPrefix,
    () => client.close(),
  );
}

class RedisStore implements StatsStore {
  readonly #send: RedisCommandSender;
  readonly #keyPrefix: string;
  readonly #disconnect: () => Promise<void>;

  constructor(send: RedisCommandSender, keyPrefix: string, disconnect: () => Promise<void>) {
    this.#send = send;
    this.#keyPrefix = keyPrefix;
    this.#disconnect = disconnect;
  }

  async salts(site: string, day: string, nowMs: number, dayEndMs: number): Promise<DailySaltValues> {
    const keys = this.#keys(site);
    // Today's salt is yesterday's the next day, then goes: two salts at most. The expiry
    // deletes it too when no request comes that day.
    const ttlMs = dayEndMs + SALT_KEPT_BEYOND_ITS_DAY_MS - nowMs;
    const yesterday = previousDay(day);
    const reply = await this.#run(
      SALTS,
      [keys.salt(day), keys.salt(yesterday), keys.salt(previousDay(yesterday))],
      [randomBytes(32).toString('hex'), String(ttlMs)],
    );
    const [current, previous] = asArray(reply);
    if (typeof current !== 'string') throw new Error(`unexpected salts reply from Redis: ${JSON.stringify(reply)}`);
    return { current, previous: typeof previous === 'string' ? previous : undefined };
  }

  async record(visit: Visit): Promise<VisitOutcome> {
    const keys = this.#keys(visit.site);
    const { view, guestCap } = visit;
    const day = visit.salt.day;
    // A guest's own IP, or for a member the IP of the guest it was: KEYS[6].
    const ipKey = guestCap?.ipKey ?? visit.supersedes.find((former) => former.ipKey !== undefined)?.ipKey;
    const reply = await this.#run(
      RECORD_VISIT,
      [
        keys.salt(day),
        keys.presence.guest,
        keys.presence.member,
        keys.presence.bot,
        keys.memberNames,
        keys.guestsOfIp(ipKey ?? ''),
        keys.seenViews(view?.day ?? day),
        keys.total,
        keys.pathViews,
        keys.newPaths(view?.day ?? day),
        keys.guestsOfIpOnDay(day, guestCap?.ipKey ?? ''),
      ],
      [
        visit.salt.value,
        String(visit.dayEndMs + SALT_KEPT_BEYOND_ITS_DAY_MS - visit.nowMs),
        String(visit.nowMs),
        String(visit.nowMs - visit.windowMs),
        String(visit.windowMs),
        visit.kind,
        visit.id,
        visit.name ?? '',
        String(guestCap?.max ?? 0),
        view?.key ?? '',
        view?.path ?? '',
        String(visit.dayEndMs - visit.nowMs + SEEN_MARGIN_MS),
        view?.cappedKey ?? '',
        String(view?.maxPaths ?? 0),
        view?.newPaths?.by ?? '',
        String(view?.newPaths?.max ?? 0),
        view?.guestKey ?? '',
        String(guestCap?.maxPerDay ?? 0),
        ...visit.supersedes.flatMap((former) => [
          former.kind,
          former.id,
          former.ipKey !== undefined && former.ipKey === ipKey ? '1' : '',
        ]),
      ],
    );
    if (reply !== 'recorded' && reply !== 'paths-full' && reply !== 'too-many-guests' && reply !== 'stale-salt') {
      throw new Error(`unexpected visit reply from Redis: ${JSON.stringify(reply)}`);
    }
    return reply;
  }

  async online(site: string, nowMs: number, windowMs: number, maxNames: number): Promise<OnlineCounts> {
    const keys = this.#keys(site);
    const reply = await this.#run(
      ONLINE,
      [keys.presence.guest, keys.presence.member, keys.presence.bot, keys.memberNames],
      [String(nowMs - windowMs), String(maxNames)],
    );
    const [guests, members, bots, names] = asArray(reply);
    return {
      guests: Number(guests),
      members: Number(members),
      bots: Number(bots),
      memberNames: asArray(names).filter((name): name is string => typeof name === 'string' && name !== ''),
    };
  }

  async views(site: string, path?: string): Promise<ViewCounts> {
    const keys = this.#keys(site);
    const [total, views] = asArray(await this.#run(VIEWS, [keys.total, keys.pathViews], [path ?? '']));
    return path === undefined ? { total: toCount(total) } : { total: toCount(total), views: toCount(views) };
  }

  async importTotals(site: string, { total, paths = new Map() }: TotalsImport): Promise<void> {
    const keys = this.#keys(site);
    const entries = [...paths];
    const addToTotal = total ?? entries.reduce((sum, [, views]) => sum + views, 0n);
    // Paths are staged slice by slice (a big import never blocks Redis for long), then added
    // in one script: an import cut short by a lost connection counts nothing, and runs again.
    const staging = keys.importStaging(randomBytes(12).toString('hex'));
    for (let start = 0; start < entries.length; start += IMPORT_SLICE) {
      await this.#run(
        STAGE_IMPORT,
        [staging],
        [
          String(IMPORT_STAGING_TTL_MS),
          ...entries.slice(start, start + IMPORT_SLICE).flatMap(([path, views]) => [path, String(views)]),
        ],
      );
    }
    const reply = await this.#run(
      APPLY_IMPORT,
      [keys.total, keys.pathViews, staging],
      [String(addToTotal), String(entries.length)],
    );
    if (reply !== 'imported') {
      const [, path] = asArray(reply);
      throw importOverflowError(site, typeof path === 'string' ? path : undefined);
    }
  }

  close(): Promise<void> {
    return this.#disconnect();
  }

  #keys(site: string) {
    return siteKeys(this.#keyPrefix, site);
  }

  #run(script: RedisScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    return script.run(this.#send, keys, args);
  }
}

function asArray(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`unexpected reply from Redis: ${JSON.stringify(reply)}`);
  return reply as unknown[];
}

function toCount(value: unknown): bigint {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) {
    throw new Error(`unexpected count from Redis: ${JSON.stringify(value)}`);
  }
  return BigInt(value);
}

/** What `connectFirst` needs of a node-redis client. */
interface ConnectingClient extends NodeJS.EventEmitter {
  connect(): Promise<unknown>;
  readonly isOpen: boolean;
  destroy(): void;
}

/**
 * Connects, or gives up after `timeoutMs` or when `signal` aborts, saying why: node-redis
 * alone retries for ever, and a service waiting on it would never listen, nor say why.
 */
async function connectFirst(
  client: ConnectingClient,
  where: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  let lastError: unknown;
  const onError = (error: unknown): void => {
    lastError = error;
  };
  client.on('error', onError);
  let giveUp: (reason: string) => void = () => undefined;
  const onAbort = (): void => {
    giveUp(`stopped while connecting to Redis at ${where}`);
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      giveUp = (reason) => {
        const cause = lastError instanceof Error ? ` (${lastError.message})` : '';
        reject(new Error(`${reason}${cause}`, { cause: lastError }));
      };
      timer = setTimeout(() => {
        giveUp(`Redis at ${where} did not answer within ${timeoutMs / 1000} s`);
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort);
      if (signal?.aborted) onAbort();
      client.connect().then(
        () => {
          resolve();
        },
        (error: unknown) => {
          // node-redis gives up by itself on a connection that times out.
          lastError = error;
          giveUp(`Redis at ${where} did not answer`);
        },
      );
    });
    client.off('error', onError);
  } catch (error) {
    // No more retries in the background, so the process can end. The listener stays: a
    // socket still opening may yet report an error, which unheard would crash the process.
    if (client.isOpen) client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Says once when the connection is lost, and once when it is back, rather than at every retry. */
function reportConnectionChanges(client: NodeJS.EventEmitter, where: string): void {
  let lost = false;
  client.on('error', (error: unknown) => {
    if (lost) return;
    lost = true;
    console.warn(`portico-stats: Redis at ${where} is unreachable (${String(error)}); reconnecting`);
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    console.warn(`portico-stats: Redis at ${where} is back`);
  });
}

function redactCredentials(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//…@');
}
