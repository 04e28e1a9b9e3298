import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

// Typecheck; unit, integration and story tests; end-to-end tests in Chromium; the built static Storybook served
// offline (e2e/storybook); the packed package installed into a fresh app (scripts/test-consumer.mjs); one summary line
// at the end.
mkdirSync('test-results', { recursive: true });
const startedAt = Date.now();
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

const steps = [];
steps.push(['typecheck', run('npm', ['run', '--silent', 'typecheck'])]);
// Story tests (in Vitest) and end-to-end tests both drive Chromium.
const chromium = run('node', ['scripts/ensure-chromium.mjs']);
steps.push(['chromium', chromium]);
if (chromium) {
  steps.push(['vitest', run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'])]);
  steps.push(['playwright', run('npx', ['playwright', 'test'])]);
  steps.push(['storybook-static', run('npx', ['playwright', 'test', '-c', 'e2e/storybook/playwright.config.ts'])]);
  steps.push(['consumer', run('node', ['scripts/test-consumer.mjs'])]);
}

const vitest = readJson('test-results/vitest.json');
const playwright = readJson('test-results/playwright.json');
const storybookStatic = readJson('test-results/storybook-static.json');
const consumer = readJson('test-results/consumer.json');
const passed =
  (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (storybookStatic?.stats?.expected ?? 0) + (consumer?.stats?.expected ?? 0);
const failed =
  (vitest?.numFailedTests ?? 0) +
  (playwright?.stats?.unexpected ?? 0) +
  (playwright?.stats?.flaky ?? 0) +
  (storybookStatic?.stats?.unexpected ?? 0) +
  (storybookStatic?.stats?.flaky ?? 0) +
  (consumer?.stats?.unexpected ?? 0) +
  (consumer?.stats?.flaky ?? 0);
const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);

console.log(`\nvitest: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? 0} failed`);
console.log(`playwright: ${playwright?.stats?.expected ?? 0} passed, ${playwright?.stats?.unexpected ?? 0} failed`);
console.log(`storybook-static: ${storybookStatic?.stats?.expected ?? 0} passed, ${storybookStatic?.stats?.unexpected ?? 0} failed`);
console.log(`consumer: ${consumer?.stats?.expected ?? 0} passed, ${consumer?.stats?.unexpected ?? 0} failed, ${consumer?.stats?.skipped ?? 0} skipped`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`took ${Math.round((Date.now() - startedAt) / 1000)} s`);
console.log(`${passed} passed, ${failed + (failedSteps.length > 0 && failed === 0 ? 1 : 0)} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
