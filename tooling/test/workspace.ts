/// <reference types="node" />
// What the whole-repository checks need to know about the workspace.
import { execFile } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { globSync } from 'tinyglobby';

export const run = promisify(execFile);

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');

export interface WorkspacePackage {
  name: string;
  version: string;
  directory: string;
  private: boolean;
  exports: Record<string, unknown>;
}

interface PackageJson {
  name: string;
  version?: string;
  private?: boolean;
  workspaces?: string[];
  exports?: Record<string, unknown>;
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export function readPackageJson(directory: string): PackageJson {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson;
}

export function workspacePackages(): WorkspacePackage[] {
  const root = readPackageJson(REPOSITORY_ROOT);
  const directories = globSync(root.workspaces ?? [], { cwd: REPOSITORY_ROOT, onlyDirectories: true, absolute: true });
  return directories
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .map((directory) => {
      const manifest = readPackageJson(directory);
      return {
        name: manifest.name,
        version: manifest.version ?? '0.0.0',
        directory,
        private: manifest.private === true,
        exports: manifest.exports ?? {},
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function publishedPackages(): WorkspacePackage[] {
  return workspacePackages().filter((workspacePackage) => !workspacePackage.private);
}

/** The environment for an npm command run from inside `npm test`, without the outer run's settings. */
export function cleanNpmEnvironment(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())),
  );
}
