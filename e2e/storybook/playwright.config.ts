import { resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
// `STORYBOOK_STATIC_PREBUILT=1` serves a storybook-static/ that a script already built, instead of building it here.
const build = process.env['STORYBOOK_STATIC_PREBUILT'] === '1' ? '' : 'npx storybook build -o storybook-static --quiet && ';

/** The static Storybook as `storybook build` leaves it, served by a plain file server: the stories must work offline. */
export default defineConfig({
  testDir: '.',
  testMatch: 'static-storybook.spec.ts',
  outputDir: resolve(root, 'test-results/storybook-static-artifacts'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: resolve(root, 'test-results/storybook-static.json') }]],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: `${build}node e2e/storybook/static-server.mjs storybook-static`,
    cwd: root,
    env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
    wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<storybook_static_port>\d+)/ },
    timeout: 150_000,
  },
});
