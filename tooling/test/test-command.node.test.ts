// The README's test command: it stops with directions when there is no Chromium, and the
// task graph it runs is cached, so a second run does no work again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../chromium.mjs';
import { publishedPackages, readPackageJson, REPOSITORY_ROOT, run } from './workspace.js';

const requireChromium = join(REPOSITORY_ROOT, 'tooling', 'require-chromium.mjs');

async function exitOf(command: Promise<unknown>): Promise<{ code: number; stderr: string }> {
  try {
    await command;
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe('npm test', () => {
  it('first checks for Chromium', () => {
    expect(readPackageJson(REPOSITORY_ROOT).scripts?.test).toMatch(/^node tooling\/require-chromium\.mjs && /);
  });

  it('stops with directions when there is no Chromium', async () => {
    const result = await exitOf(
      run(process.execPath, [requireChromium], { env: { ...process.env, CHROME_PATH: '/nonexistent/chromium' } }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHROME_PATH is set to /nonexistent/chromium');
    expect(result.stderr).toContain('sudo apt-get install chromium');
  });

  it('goes on when CHROME_PATH names a browser', async () => {
    const chromium = findChromium();
    expect(chromium, 'this machine runs the browser tests, so it has a Chromium').toBeDefined();
    const result = await exitOf(
      run(process.execPath, [requireChromium], { env: { ...process.env, CHROME_PATH: chromium } }),
    );
    expect(result.code).toBe(0);
  });

  it('serves a second build from the cache', async () => {
    // This suite runs after every published package's build (they are tooling's
    // dependencies), so turbo must now find each of those builds in its cache.
    const turbo = join(REPOSITORY_ROOT, 'node_modules', '.bin', 'turbo');
    const filters = publishedPackages().flatMap((workspacePackage) => ['--filter', workspacePackage.name]);
    const { stdout } = await run(turbo, ['run', 'build', '--dry=json', ...filters], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    const plan = JSON.parse(stdout) as {
      tasks: { taskId: string; cache: { status: string }; resolvedTaskDefinition: { outputs: string[] } }[];
    };
    const expected = publishedPackages().map((workspacePackage) => `${workspacePackage.name}#build`);
    const builds = plan.tasks.filter((task) => expected.includes(task.taskId));
    expect(builds.map((task) => task.taskId).sort()).toEqual(expected.sort());
    for (const task of builds) {
      expect(task.cache.status, task.taskId).toBe('HIT');
      expect(task.resolvedTaskDefinition.outputs, task.taskId).toContain('dist/**');
    }
  }, 60_000);
});
