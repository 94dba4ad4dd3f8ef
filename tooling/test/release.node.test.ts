// `npm run release` versions the packages from their changesets, writes each CHANGELOG and
// publishes. Its versioning step runs here, on a copy of the workspace's manifests and its
// pending changesets, without publishing anything.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanNpmEnvironment, readPackageJson, REPOSITORY_ROOT, run, workspacePackages } from './workspace.js';

const copy = mkdtempSync(join(tmpdir(), 'portico-release-'));

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

function copyIntoScratch(file: string): void {
  const target = join(copy, relative(REPOSITORY_ROOT, file));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(file, target);
}

describe('npm run release', () => {
  it('starts by versioning from the changesets', () => {
    const release = readPackageJson(REPOSITORY_ROOT).scripts?.release ?? '';
    expect(release.split('&&')[0]?.trim()).toBe('changeset version');
    expect(release).toContain('changeset publish');
  });

  it('versions the packages and writes their changelogs from the pending changesets', async () => {
    for (const file of ['package.json', 'package-lock.json']) copyIntoScratch(join(REPOSITORY_ROOT, file));
    for (const file of globSync(['.changeset/*'], { cwd: REPOSITORY_ROOT, absolute: true, dot: true }))
      copyIntoScratch(file);
    for (const workspacePackage of workspacePackages())
      copyIntoScratch(join(workspacePackage.directory, 'package.json'));

    const core = workspacePackages().find((workspacePackage) => workspacePackage.name === '@portico/core');
    expect(core).toBeDefined();
    writeFileSync(
      join(copy, '.changeset', 'release-check.md'),
      "---\n'@portico/core': minor\n---\n\nThe release check's own entry.\n",
    );

    const changesetCli = join(REPOSITORY_ROOT, 'node_modules', '@changesets', 'cli', 'bin.js');
    await run(process.execPath, [changesetCli, 'version'], { cwd: copy, env: cleanNpmEnvironment() });

    const coreDirectory = join(copy, relative(REPOSITORY_ROOT, core?.directory ?? ''));
    const versioned = readPackageJson(coreDirectory);
    const [major = 0, minor = 0] = (core?.version ?? '0.0.0').split('.').map(Number);
    expect(versioned.version).toBe(`${String(major)}.${String(minor + 1)}.0`);
    const changelog = readFileSync(join(coreDirectory, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${versioned.version ?? ''}`);
    expect(changelog).toContain("The release check's own entry.");
    // Every pending changeset was consumed: none was malformed or named an unknown package.
    expect(globSync(['.changeset/*.md'], { cwd: copy }).filter((file) => !file.endsWith('README.md'))).toEqual([]);
    // Private workspaces are never versioned.
    for (const workspacePackage of workspacePackages().filter((candidate) => candidate.private)) {
      const target = join(copy, relative(REPOSITORY_ROOT, workspacePackage.directory));
      expect(readPackageJson(target).version).toBe(readPackageJson(workspacePackage.directory).version);
      expect(existsSync(join(target, 'CHANGELOG.md'))).toBe(false);
    }
  }, 60_000);
});
