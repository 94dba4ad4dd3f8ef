/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clearCache } from '@portico/plugin-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { stats } from './stats-source.js';

let server: Server;
let origin = '';
const requests: string[] = [];
let online = '{"guests":69,"members":0,"bots":0,"windowSeconds":300,"asOf":"2026-11-26T10:00:00.000Z"}';

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    setTimeout(() => {
      if (request.url === '/stats/v1/online')
        response.writeHead(200, { 'content-type': 'application/json' }).end(online);
      else if (request.url?.startsWith('/stats/v1/views'))
        response.writeHead(200).end('{"total":"123456789012345678901234567890"}');
      else response.writeHead(404).end('{"error":"not found"}');
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(() => {
  server.close();
});
afterEach(() => {
  requests.length = 0;
  clearCache();
});

describe('stats() against a stats service', () => {
  it('records nothing where there is no page (a server rendering one)', async () => {
    stats({ baseUrl: `${origin}/stats` }).stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
  });

  it('asks once for many widgets, and keeps counts beyond 2^53 exact', async () => {
    const source = stats({ baseUrl: `${origin}/stats/`, recordHit: false });
    const answers = await Promise.all(Array.from({ length: 10 }, () => source.getVisitorStats!()));
    expect(answers.every((answer) => answer.guests === 69)).toBe(true);
    expect(requests).toEqual(['GET /stats/v1/online']);
    await expect(source.getViewStats!()).resolves.toEqual({ total: '123456789012345678901234567890' });
  });

  it('names the field of a malformed answer', async () => {
    online = '{"guests":"many","members":0}';
    const source = stats({ baseUrl: `${origin}/stats`, recordHit: false });
    await expect(source.getVisitorStats!()).rejects.toThrow(
      'the online stats.guests must be a whole number of 0 or more',
    );
  });
});

describe('stats() options', () => {
  it('warns of heartBeat for heartbeat', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      stats({ baseUrl: 'https://stats.example.vn', heartBeat: 30 } as unknown as Parameters<typeof stats>[0]);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /^Portico: stats\(\) does not take the option "heartBeat", which is ignored; it takes "baseUrl", .* Did you mean "heartbeat"\?$/,
      );
    } finally {
      warn.mockRestore();
    }
  });
});
