import { readFileSync } from 'node:fs';
import { parseTotalsImport } from '../import/totals-file.js';
import { startStatsServer, type StatsServer } from '../server.js';
import { createRedisStore } from '../store/redis-store.js';
import { createSqliteStore } from '../store/sqlite-store.js';
import type { StatsStore } from '../store/stats-store.js';
import { parseCommand, USAGE, type CliSettings, type Command } from './options.js';

export interface CliContext {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Where messages go (standard output). */
  write: (text: string) => void;
  /** Aborted by SIGTERM or SIGINT: the service shuts down gracefully. */
  shutdown: AbortSignal;
  version: string;
}

/** Runs `portico-stats`; resolves to the process's exit code. */
export async function runCli({ argv, env, write, shutdown, version }: CliContext): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, env);
  } catch (error) {
    console.error(`portico-stats: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help' || command.kind === 'version') {
    write(command.kind === 'help' ? USAGE : `${version}\n`);
    return 0;
  }

  const { settings } = command;
  let store: StatsStore;
  try {
    store = await openStore(settings, shutdown);
  } catch (error) {
    console.error(`portico-stats: cannot open the store: ${(error as Error).message}`);
    return 1;
  }
  if (command.kind === 'import') {
    try {
      const site = settings.handler.sites?.find(({ id }) => id === settings.site);
      const totals = parseTotalsImport(JSON.parse(readFileSync(command.file, 'utf8')), {
        queryParams: site?.queryParams,
        maxPathLength: settings.handler.maxPathLength,
      });
      await store.importTotals(settings.site, totals);
      const { total } = await store.views(settings.site);
      const paths = totals.paths?.size ?? 0;
      write(
        `Imported ${paths} path${paths === 1 ? '' : 's'} into site "${settings.site}"; its total is now ${total}.\n`,
      );
      return 0;
    } catch (error) {
      console.error(`portico-stats: import failed: ${(error as Error).message}`);
      return 1;
    } finally {
      await store.close();
    }
  }

  let service: StatsServer;
  try {
    service = await startStatsServer({ ...settings.handler, store, port: settings.port, host: settings.host });
  } catch (error) {
    await store.close();
    console.error(`portico-stats: cannot start: ${(error as Error).message}`);
    return 1;
  }
  const where = 'redisUrl' in settings.store ? 'Redis' : settings.store.file;
  write(`portico-stats listening on ${service.url} (store: ${where})\n`);
  const openToAnyOrigin = (settings.handler.sites ?? []).filter((site) => (site.origins ?? ['*']).includes('*'));
  if (openToAnyOrigin.length > 0) {
    // --origin is refused beside a config file's sites: point to where the origins go.
    console.warn(
      settings.sitesFile === undefined
        ? 'portico-stats: any origin may send stats; name your sites with --origin https://your.site'
        : `portico-stats: any origin may send stats to ${openToAnyOrigin.map((site) => `"${site.id}"`).join(', ')}; ` +
            `list their origins in ${settings.sitesFile}`,
    );
  }
  if (!shutdown.aborted) {
    await new Promise((resolve) => {
      shutdown.addEventListener('abort', resolve, { once: true });
    });
  }
  write('portico-stats shutting down\n');
  try {
    await service.close();
  } catch (error) {
    // Stopped all the same: say what was lost, and exit non-zero so a supervisor sees it.
    console.error(`portico-stats: stopped, but the store could not be flushed: ${(error as Error).message}`);
    return 1;
  }
  write('portico-stats stopped; the store is flushed\n');
  return 0;
}

/** Opens the store; a Redis that does not answer in time, or a shutdown meanwhile, makes it give up. */
function openStore({ store }: CliSettings, shutdown: AbortSignal): Promise<StatsStore> {
  if ('redisUrl' in store) {
    return createRedisStore({
      url: store.redisUrl,
      connectTimeoutMs: store.connectTimeoutSeconds * 1000,
      signal: shutdown,
    });
  }
  return Promise.resolve(createSqliteStore({ file: store.file }));
}
