// Workspace links hide packaging mistakes (a file left out of `files`, an export that points
// nowhere, a dependency only the monorepo provides). So every published package is packed
// with `npm pack` and the tarballs are installed into a scratch project outside the
// repository, which imports every entry point and type-checks against them, as an
// integrator's project would.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanNpmEnvironment,
  publishedPackages,
  readPackageJson,
  REPOSITORY_ROOT,
  run,
  type WorkspacePackage,
} from './workspace.js';

const packages = publishedPackages();
const scratch = mkdtempSync(join(tmpdir(), 'portico-packed-'));
const tarballs = new Map<string, string>();

/** Entry points that only run in a browser: the CDN build, which bundles Lit's browser build. */
function isBrowserOnly(target: unknown): boolean {
  const file = typeof target === 'string' ? target : (target as { default?: string } | undefined)?.default;
  return file?.includes('/dist/cdn/') ?? false;
}

/** The import specifiers of a package's code entry points that run in Node, from its `exports` map. */
function entryPoints(workspacePackage: WorkspacePackage): string[] {
  return Object.entries(workspacePackage.exports)
    .filter(([subpath, target]) => !/\.(json|css)$/.test(subpath) && !subpath.includes('*') && !isBrowserOnly(target))
    .map(([subpath]) => subpath)
    .map((subpath) => (subpath === '.' ? workspacePackage.name : `${workspacePackage.name}${subpath.slice(1)}`));
}

const REACT_TYPES_VERSION = (
  JSON.parse(readFileSync(new URL('../../packages/react/package.json', import.meta.url), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies['@types/react'];

beforeAll(async () => {
  const tarballDirectory = join(scratch, 'tarballs');
  mkdirSync(tarballDirectory);
  // One `npm pack` for every package: npm starts once instead of once per package.
  const { stdout } = await run(
    'npm',
    [
      'pack',
      '--json',
      '--pack-destination',
      tarballDirectory,
      ...packages.flatMap((workspacePackage) => ['--workspace', workspacePackage.name]),
    ],
    { cwd: REPOSITORY_ROOT, env: cleanNpmEnvironment() },
  );
  const packedFiles = new Map(
    (JSON.parse(stdout) as { name: string; filename: string }[]).map((packed) => [packed.name, packed.filename]),
  );
  for (const workspacePackage of packages) {
    const file = packedFiles.get(workspacePackage.name);
    if (!file) throw new Error(`npm pack gave nothing for ${workspacePackage.name}`);
    tarballs.set(workspacePackage.name, join(tarballDirectory, file));
  }
  const dependencies = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify(
      // `overrides` makes the packages' dependencies on each other resolve to the tarballs
      // too, not to the registry.
      // @types/node as an integrator's server project has it: @portico/ssr and
      // @portico/stats-server declare Node streams and requests. @types/react as a React
      // project in TypeScript has it (an optional peer of @portico/react), at the workspace's version.
      {
        name: 'integrator-app',
        private: true,
        type: 'module',
        dependencies: { ...dependencies, '@types/node': '^20.19.0', '@types/react': REACT_TYPES_VERSION },
        overrides: dependencies,
      },
      null,
      2,
    ),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], {
    cwd: scratch,
    env: cleanNpmEnvironment(),
  });
}, 240_000);

// Generous limits: on a loaded two-core CI machine, removing the scratch install and
// type-checking take several times as long as on an idle one.
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

describe('the packed packages, installed outside the workspace', () => {
  it('is every published package, each built before this check runs', () => {
    const names = packages.map((workspacePackage) => workspacePackage.name);
    expect(names).toContain('@portico/core');
    // turbo builds a workspace's dependencies first: tooling lists every published package.
    const toolingDependencies = Object.keys(readPackageJson(join(REPOSITORY_ROOT, 'tooling')).devDependencies ?? {});
    expect(toolingDependencies).toEqual(expect.arrayContaining(names));
    expect([...tarballs.keys()]).toEqual(packages.map((workspacePackage) => workspacePackage.name));
  });

  it('installs as real files, not links into the repository', () => {
    const installed = readdirSync(join(scratch, 'node_modules', '@portico'), { withFileTypes: true });
    expect(installed.filter((entry) => entry.isSymbolicLink())).toEqual([]);
    expect(scratch.startsWith(REPOSITORY_ROOT)).toBe(false);
  });

  it.each(packages)(
    '$name: every entry point imports in Node',
    async (workspacePackage) => {
      const specifiers = entryPoints(workspacePackage);
      expect(specifiers.length).toBeGreaterThan(0);
      const script = join(scratch, `import-${workspacePackage.name.replace(/\W/g, '-')}.mjs`);
      writeFileSync(
        script,
        `const result = {};\n` +
          specifiers
            .map(
              (specifier) =>
                `result[${JSON.stringify(specifier)}] = Object.keys(await import(${JSON.stringify(specifier)}));\n`,
            )
            .join('') +
          `console.log(JSON.stringify(result));\n`,
      );
      const { stdout } = await run(process.execPath, [script], { cwd: scratch });
      const exported = JSON.parse(stdout) as Record<string, string[]>;
      for (const specifier of specifiers) expect(exported[specifier], specifier).not.toEqual([]);
    },
    30_000,
  );

  it('@portico/core works from its tarball', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { formatVisitorPhrase } from '@portico/core'; console.log(formatVisitorPhrase({ guests: 69, members: 0 }, 'vi'))",
      ],
      { cwd: scratch },
    );
    expect(stdout.trim()).toBe('Đang có 69\u00A0khách và không thành viên đang online');
  });

  it('type-checks an integrator’s TypeScript against every entry point', async () => {
    const specifiers = packages.flatMap(entryPoints);
    writeFileSync(
      join(scratch, 'uses-every-entry.ts'),
      specifiers
        .map(
          (specifier, index) =>
            `import * as entry${String(index)} from '${specifier}';\nexport { entry${String(index)} };\n`,
        )
        .join(''),
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        files: ['uses-every-entry.ts'],
      }),
    );
    const typescript = join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [typescript, '-p', 'tsconfig.json'], { cwd: scratch })).resolves.toBeDefined();
  }, 180_000);

  it('ships the CDN build, complete, in @portico/widgets', async () => {
    const { stdout } = await run('tar', ['-tzf', tarballs.get('@portico/widgets') ?? '']);
    expect(stdout).toMatch(/package\/dist\/cdn\/portico\.js\n/);
    expect(stdout).toMatch(/package\/dist\/cdn\/portico\.css\n/);
    expect(stdout).toMatch(/package\/dist\/cdn\/chunks\/sanitizer-[\w-]+\.js\n/);
  });

  it('ships no tests', async () => {
    for (const workspacePackage of packages) {
      const { stdout } = await run('tar', ['-tzf', tarballs.get(workspacePackage.name) ?? '']);
      expect(
        stdout.split('\n').filter((file) => file.includes('.test.')),
        workspacePackage.name,
      ).toEqual([]);
      expect(stdout, workspacePackage.name).toMatch(/package\/README\.md/);
      expect(stdout, workspacePackage.name).toMatch(/package\/LICENSE/);
    }
  });
});
