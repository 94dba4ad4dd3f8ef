// `npm run bench:render` prints figures and passes or fails nothing. This runs it in its quick
// mode (a few elements, one round) so that it cannot rot unseen: it still runs, prints a row per
// widget and operation with a finite, positive ratio to its Lit baseline, and the baselines
// still show the widgets' text. No time or ratio is held to a limit here.
import { describe, expect, it } from 'vitest';
import { readPackageJson, REPOSITORY_ROOT, run } from './workspace.js';

const WIDGETS = [
  'portico-online-visitors',
  'portico-view-counter',
  'portico-category-menu',
  'portico-article-card full',
  'portico-article-card featured',
  'portico-article-card list',
  'portico-article-card compact',
  'portico-sidebar-banners',
];
const OPERATIONS = ['first render', 'update'];

describe('npm run bench:render', () => {
  it('builds the CDN build, then runs tooling/bench-render.mjs', () => {
    const script = readPackageJson(REPOSITORY_ROOT).scripts?.['bench:render'] ?? '';
    expect(script).toMatch(/turbo run build --filter=@portico\/widgets\.\.\. .*&& node tooling\/bench-render\.mjs$/);
  });

  it('prints, for every widget and operation, its time and its ratio to the Lit baseline', async () => {
    const { stdout } = await run(process.execPath, ['tooling/bench-render.mjs', '--quick'], {
      cwd: REPOSITORY_ROOT,
      timeout: 50_000,
    });
    // A row: widget, operation, Portico µs, Lit µs, × Lit, innerHTML µs, × Lit.
    const rows = stdout
      .split('\n')
      .map((line) => line.trim().split(/\s{2,}/))
      .filter((cells) => cells.length === 7 && OPERATIONS.includes(cells[1]!));
    for (const widget of WIDGETS) {
      for (const operation of OPERATIONS) {
        const row = rows.find(([name, what]) => name === widget && what === operation);
        expect(row, `${widget}, ${operation}:\n${stdout}`).toBeDefined();
        const [, , portico, lit, ratio] = row!;
        for (const figure of [portico, lit, ratio?.replace(/×$/, '')]) {
          expect(Number(figure), `${widget}, ${operation}: ${row!.join(' | ')}`).toBeGreaterThan(0);
          expect(Number.isFinite(Number(figure))).toBe(true);
        }
      }
    }
    // A note says a baseline no longer shows what its widget shows: the ratio would compare
    // unlike work. Bring the baseline in tooling/bench-render-page.ts in line with the widget.
    expect(stdout.split('\n').filter((line) => line.includes('Note:'))).toEqual([]);
  }, 60_000);
});
