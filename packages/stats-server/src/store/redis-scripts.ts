import { createHash } from 'node:crypto';

/** Sends one command; for a cluster, to the node that owns `firstKey`. */
export type RedisCommandSender = (args: string[], firstKey: string) => Promise<unknown>;

/**
 * A Lua script run by its SHA-1, and sent in full only when the server does not know it yet
 * (after a restart). Its first line tells Redis 7 whether it writes: while Redis refuses
 * writes (out of memory, `MISCONF`), a writing one is refused before it starts, and a reading
 * one runs. Unflagged, a script whose first write frees memory (`ZREMRANGEBYSCORE`) may go
 * on writing past `maxmemory`.
 */
export class RedisScript {
  readonly #source: string;
  readonly #sha: string;

  /** A script that writes. */
  static writing(source: string): RedisScript {
    return new RedisScript(`#!lua${source}`);
  }

  /** A script that only reads. */
  static reading(source: string): RedisScript {
    return new RedisScript(`#!lua flags=no-writes${source}`);
  }

  private constructor(source: string) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  async run(send: RedisCommandSender, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const [firstKey = ''] = keys;
    const rest = [String(keys.length), ...keys, ...args];
    try {
      return await send(['EVALSHA', this.#sha, ...rest], firstKey);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return send(['EVAL', this.#source, ...rest], firstKey);
    }
  }
}

/**
 * Makes the day's salt unless another instance did, deletes the one before yesterday's,
 * and answers today's and yesterday's.
 * KEYS: today's salt, yesterday's, the day before's. ARGV: a new random salt, its time to live (ms).
 */
export const SALTS = RedisScript.writing(`
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
redis.call('DEL', KEYS[3])
return { redis.call('GET', KEYS[1]), redis.call('GET', KEYS[2]) }
`);

/**
 * One hit or ping, in one round trip: check the salt, cap guests per IP, retire superseded
 * ids, record the presence, and count the view once per visitor, path and day (a guest
 * beyond the cap once per IP, path and day). A known path always counts; a new path whose
 * adder has added their most new paths that day counts nowhere; any other new path counts
 * for itself while the site holds fewer than its most paths, else in the total only. A
 * member's view of a page their browser counted as a guest's is remembered, not counted.
 * KEYS: 1 salt, 2-4 guest/member/bot presence, 5 member names, 6 the IP's guests,
 *       7 the day's seen views, 8 total, 9 path views, 10 the day's new paths per adder,
 *       11 the IP's guests of the day.
 * ARGV: 1 salt, 2 salt ttl, 3 now, 4 window start (exclusive), 5 window (ms), 6 kind, 7 id,
 *       8 name, 9 guest cap (0: none), 10 view key ('': no view), 11 path, 12 seen ttl,
 *       13 view key beyond the guest cap ('': none), 14 most paths (0: no limit),
 *       15 who adds a new path ('': no limit), 16 new paths each may add a day,
 *       17 a member's view: its key as a guest's ('': none),
 *       18 distinct guests of the IP whose views count in the day (0: no cap),
 *       19… superseded kind, id and '1' when it is among the IP's guests (KEYS[6]), in threes.
 */
export const RECORD_VISIT = RedisScript.writing(`
local salt = redis.call('GET', KEYS[1])
if not salt then
  -- Lost with a Redis restart: this instance's copy is the day's salt again.
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
elseif salt ~= ARGV[1] then
  return 'stale-salt'
end
local presence = { guest = KEYS[2], member = KEYS[3], bot = KEYS[4] }
local now, cutoff, window, kind, id = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local cap = tonumber(ARGV[9])
local online = true
if cap > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', cutoff)
  if not redis.call('ZSCORE', KEYS[6], id) and redis.call('ZCARD', KEYS[6]) >= cap then
    online = false
  else
    redis.call('ZADD', KEYS[6], now, id)
    redis.call('PEXPIRE', KEYS[6], window)
  end
end
if online then
  for i = 19, #ARGV, 3 do
    redis.call('ZREM', presence[ARGV[i]], ARGV[i + 1])
    if ARGV[i + 2] == '1' then redis.call('ZREM', KEYS[6], ARGV[i + 1]) end
  end
  local key = presence[kind]
  if kind == 'member' then
    for _, gone in ipairs(redis.call('ZRANGEBYSCORE', key, '-inf', cutoff)) do
      redis.call('HDEL', KEYS[5], gone)
    end
    if ARGV[8] == '' then redis.call('HDEL', KEYS[5], id) else redis.call('HSET', KEYS[5], id, ARGV[8]) end
    redis.call('PEXPIRE', KEYS[5], window)
  end
  -- Expired presences leave as new ones arrive, so a set holds one window of visitors.
  redis.call('ZREMRANGEBYSCORE', key, '-inf', cutoff)
  redis.call('ZADD', key, now, id)
  redis.call('PEXPIRE', key, window)
end
local outcome = online and 'recorded' or 'too-many-guests'
-- A guest past the IP's guests of the day counts as the IP, as one beyond the online cap does.
local daily = tonumber(ARGV[18])
local of_the_day = true
if online and daily > 0 and redis.call('SISMEMBER', KEYS[11], id) == 0 then
  if redis.call('SCARD', KEYS[11]) >= daily then
    of_the_day = false
  else
    redis.call('SADD', KEYS[11], id)
    redis.call('PEXPIRE', KEYS[11], ARGV[12])
  end
end
local view = (online and of_the_day) and ARGV[10] or ARGV[13]
local as_guest = online and ARGV[17] or ''
if view == '' or redis.call('SISMEMBER', KEYS[7], view) == 1 then
  -- No view, or counted already.
elseif as_guest ~= '' and redis.call('SISMEMBER', KEYS[7], as_guest) == 1 then
  -- Read by this browser as a guest: signing in is no new view. Remembered for the member's other devices.
  redis.call('SADD', KEYS[7], view)
else
  local path, most, adder = ARGV[11], tonumber(ARGV[14]), ARGV[15]
  local counts = true
  if redis.call('HEXISTS', KEYS[9], path) == 1 then
    redis.call('HINCRBY', KEYS[9], path, 1)
  elseif adder ~= '' and tonumber(redis.call('HGET', KEYS[10], adder) or '0') >= tonumber(ARGV[16]) then
    -- Its adder is past their new paths of the day: made-up pages, which count nowhere, full site or not.
    counts = false
  else
    if adder ~= '' then
      redis.call('HINCRBY', KEYS[10], adder, 1)
      redis.call('PEXPIRE', KEYS[10], ARGV[12])
    end
    if most > 0 and redis.call('HLEN', KEYS[9]) >= most then
      if online then outcome = 'paths-full' end
    else
      redis.call('HINCRBY', KEYS[9], path, 1)
    end
  end
  -- Only a view that counts is remembered: once someone adds a made-up page, this view counts.
  if counts then
    redis.call('SADD', KEYS[7], view)
    redis.call('PEXPIRE', KEYS[7], ARGV[12])
    redis.call('INCR', KEYS[8])
  end
end
return outcome
`);

/**
 * Counts per kind within the window, and the names of the most recently seen members who have one.
 * KEYS: guest, member, bot presence, member names. ARGV: window start (exclusive), names wanted.
 */
export const ONLINE = RedisScript.reading(`
local since = '(' .. ARGV[1]
local wanted = tonumber(ARGV[2])
local page = 100
local names = {}
local offset = 0
-- Members without a name take no place: page on until enough names, or no more members.
while #names < wanted do
  local ids = redis.call('ZREVRANGEBYSCORE', KEYS[2], '+inf', since, 'LIMIT', offset, page)
  if #ids == 0 then break end
  for _, name in ipairs(redis.call('HMGET', KEYS[4], unpack(ids))) do
    if name and name ~= '' and #names < wanted then names[#names + 1] = name end
  end
  offset = offset + #ids
end
return {
  redis.call('ZCOUNT', KEYS[1], since, '+inf'),
  redis.call('ZCOUNT', KEYS[2], since, '+inf'),
  redis.call('ZCOUNT', KEYS[3], since, '+inf'),
  names,
}
`);

/** KEYS: total, path views. ARGV: a path, or '' for the total alone. */
export const VIEWS = RedisScript.reading(`
local total = redis.call('GET', KEYS[1]) or '0'
if ARGV[1] == '' then return { total } end
return { total, redis.call('HGET', KEYS[2], ARGV[1]) or '0' }
`);

/**
 * Stages one slice of an import's path counts, out of the counters' sight; an import left
 * unfinished expires with its staging key.
 * KEYS: the import's staging hash. ARGV: its time to live (ms), then path and views pairs.
 */
export const STAGE_IMPORT = RedisScript.writing(`
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 'staged'
`);

/**
 * Adds a staged import to the counts at once, so an import that failed part way counts
 * nothing and can simply run again; one that would take a count past 2^63 - 1 adds nothing,
 * and answers `{'over-limit'}` (the total) or `{'over-limit', path}`.
 * KEYS: total, path views, the import's staging hash. ARGV: what to add to the total, and how
 * many paths were staged (a staging key gone, or short, means the import expired: nothing is added).
 */
export const APPLY_IMPORT = RedisScript.writing(`
local staged = redis.call('HGETALL', KEYS[3])
if #staged ~= 2 * tonumber(ARGV[2]) then return redis.error_reply('ERR the import was staged too long ago and expired; run it again') end
redis.call('DEL', KEYS[3])
-- Redis refuses a sum past 2^63 - 1 and writes nothing (Lua's numbers could not tell): what
-- this import added before it is taken back, a path it made deleted.
local applied = {}
local function take_back()
  for _, change in ipairs(applied) do
    if not change.existed then
      redis.call('HDEL', KEYS[2], change.path)
    elseif change.views ~= '0' then
      redis.call('HINCRBY', KEYS[2], change.path, '-' .. change.views)
    end
  end
end
local function refused(reply)
  return type(reply) == 'table' and reply.err ~= nil
end
for i = 1, #staged, 2 do
  local path, views = staged[i], staged[i + 1]
  local existed = redis.call('HEXISTS', KEYS[2], path) == 1
  if refused(redis.pcall('HINCRBY', KEYS[2], path, views)) then
    take_back()
    return { 'over-limit', path }
  end
  applied[#applied + 1] = { path = path, views = views, existed = existed }
end
if refused(redis.pcall('INCRBY', KEYS[1], ARGV[1])) then
  take_back()
  return { 'over-limit' }
end
return 'imported'
`);
