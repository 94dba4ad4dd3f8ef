// The README's first command, as a developer runs it: `npm start` builds what the demo needs
// (here served from turbo's cache, since the test task runs after the build) and serves the
// demo and its stats service at one printed URL, on the port PORT gives.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

it('npm start serves the demo and its stats service at the URL it prints', async () => {
  const child = spawn('npm', ['start'], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: '0', PORTICO_DEMO_DATA: mkdtempSync(join(tmpdir(), 'portico-demo-start-')) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const printed = /Portico demo portal: (http:\/\/localhost:\d+\/)/.exec(output);
        if (printed?.[1]) resolve(printed[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        reject(new Error(`npm start exited (${String(code)}) before serving:\n${output}`));
      });
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Thoại Sơn: Hội nghị giao ban công tác dân vận tháng 8 năm 2020');
    const views = (await (await fetch(new URL('stats/v1/views', url))).json()) as { total: string };
    expect(views.total).toBe('18116910');
  } finally {
    // npm, turbo's child and the server: the whole process group.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}, 180_000);
