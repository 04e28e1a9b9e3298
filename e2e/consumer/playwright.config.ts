import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import type { ConsumerOptions } from './support/consumer-app';

// The consumer suite: run by `node scripts/test-consumer.mjs`, which builds and packs the package and installs it
// into test-results/consumer/react19 and react18 first. Each app has three projects: its typechecks, its
// `vite build`, and the built app in Chromium (after its build). The package itself (publint, attw) is one more.
const apps = ['react19', 'react18'] as const;
const chromium = { ...devices['Desktop Chrome'], launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs } };

export default defineConfig<ConsumerOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/consumer/playwright',
  // tsc and attw take a few seconds each on an idle machine, many more when the machine is busy.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // Two workers: the typechecks and linters (CPU) overlap with the browser tests (mostly waiting for the turn).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '../../test-results/consumer.json' }]],
  // No trace: several of these tests fail until fixes to the package land, and recording costs seconds of CPU
  // each; the messages, error-context.md and the screenshots say what went wrong.
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'package', testMatch: 'package.spec.ts' },
    ...apps.flatMap((app) => [
      { name: `${app} types`, testMatch: 'types.spec.ts', use: { app } },
      { name: `${app} vite build`, testMatch: 'vite-build.spec.ts', use: { app } },
      { name: `${app} browser`, testMatch: 'browser.spec.ts', dependencies: [`${app} vite build`], use: { ...chromium, app } },
    ]),
  ],
  webServer: [
    {
      command: 'npx tsx mock-server/main.ts',
      cwd: '../..',
      env: { PORT: '0', PLATOS_MOCK_SPEED: '4' },
      wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<platos_consumer_mock_port>\d+)/ },
      stdout: 'pipe',
      timeout: 30_000,
    },
  ],
});
