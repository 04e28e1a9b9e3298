import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe-core on a rendered element (jsdom) and fails with the rule ids and targets of any violation. */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations).toEqual([]);
}
