import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';

const demoPort = Number(process.env.E2E_DEMO_PORT ?? 5199);
// The demo as built (`vite build --mode demo`, served by `vite preview` with the strict CSP header and no dev code);
// `E2E_SERVE=dev` runs the same tests against the dev server instead. Either way the demo is built or started after
// the mock server, whose port it needs for its client and its CSP.
const demoServer =
  process.env.E2E_SERVE === 'dev'
    ? `npx vite --host 127.0.0.1 --port ${demoPort} --strictPort`
    : `npx vite build --mode demo --logLevel warn && npx vite preview --mode demo --host 127.0.0.1 --port ${demoPort} --strictPort`;

export default defineConfig({
  testDir: 'e2e',
  // e2e/consumer has its own config and runner (scripts/test-consumer.mjs): it needs the package packed and installed first.
  // e2e/storybook has its own config too: it builds and serves the static Storybook.
  testIgnore: ['consumer/**', 'storybook/**'],
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${demoPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
      },
    },
  ],
  webServer: [
    {
      command: 'npx tsx mock-server/main.ts',
      env: { PORT: '0', PLATOS_MOCK_SPEED: process.env.PLATOS_MOCK_SPEED ?? '4' },
      wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<vite_platos_mock_port>\d+)/ },
      stdout: 'pipe',
      timeout: 30_000,
    },
    {
      command: demoServer,
      url: `http://127.0.0.1:${demoPort}`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});
