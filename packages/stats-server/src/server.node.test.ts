import { describe, expect, it } from 'vitest';
import { startStatsServer } from './server.js';
import { createSqliteStore } from './store/sqlite-store.js';
import type { StatsStore } from './store/stats-store.js';
import { BROWSER, send } from './test-support/http-client.js';

describe('startStatsServer', () => {
  it('finishes requests under way when closed, then closes the store, and takes no more', async () => {
    const store = createSqliteStore({ file: ':memory:' });
    // What happened, in order: the hit under way is recorded before the store closes.
    const events: string[] = [];
    let entered: () => void = () => undefined;
    const inStore = new Promise<void>((resolve) => (entered = resolve));
    const slow: StatsStore = {
      ...store,
      salts: store.salts.bind(store),
      online: store.online.bind(store),
      views: store.views.bind(store),
      importTotals: store.importTotals.bind(store),
      record: async (visit) => {
        entered();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const outcome = await store.record(visit);
        events.push('recorded');
        return outcome;
      },
      close: async () => {
        events.push('closed');
        await store.close();
      },
    };
    const service = await startStatsServer({ store: slow, port: 0, host: '127.0.0.1' });
    expect(service.url).toBe(`http://127.0.0.1:${service.port}`);

    const hit = send(`${service.url}/v1/hit`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': BROWSER },
      body: '{"path":"/a.html"}',
    });
    await inStore; // the hit is in the store's hands
    const closing = service.close();

    expect(events, 'nothing closed while the hit is under way').toEqual([]);
    expect((await hit).status).toBe(200);
    await closing;
    expect(events).toEqual(['recorded', 'closed']);
    await expect(fetch(`${service.url}/v1/online`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });
});
