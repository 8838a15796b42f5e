import axe from 'axe-core';

/** Serious and critical accessibility violations inside `root` (colour contrast needs a real layout engine). */
export const seriousViolations = async (root: Element = document.body) => {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
};
