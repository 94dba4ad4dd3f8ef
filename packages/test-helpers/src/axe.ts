import axe from 'axe-core';

/**
 * Runs axe on an element (shadow roots included) and fails with a readable list of
 * violations. Rules that need a whole page (landmarks, a page title) are off: a widget
 * is tested on its own.
 */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, {
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } },
    resultTypes: ['violations'],
  });
  const problems = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  );
  if (problems.length > 0)
    throw new Error(`axe found ${String(problems.length)} violation(s):\n${problems.join('\n')}`);
}
