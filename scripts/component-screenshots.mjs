// Screenshots of every story, light and dark, for docs/components.md: starts Storybook, waits for each story's
// play function to finish, and saves docs/images/components/<story-id>-<theme>.png.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './find-chromium.mjs';

const port = 6107;
const outDir = 'docs/images/components';
const only = process.argv.slice(2);

const storybook = spawn('npx', ['storybook', 'dev', '-p', String(port), '--ci', '--no-open'], { stdio: 'ignore', detached: true });
// npx starts Storybook as a child of its own: stop the whole process group.
const stop = () => {
  try {
    process.kill(-storybook.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stop);

async function waitForIndex() {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/index.json`);
      if (response.ok) return (await response.json()).entries;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Storybook did not start');
}

const entries = Object.values(await waitForIndex()).filter((entry) => entry.type === 'story');
await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: chromiumArgs });
let saved = 0;
for (const entry of entries) {
  if (only.length > 0 && !only.some((prefix) => entry.id.startsWith(prefix))) continue;
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 }, colorScheme: theme, reducedMotion: 'reduce' });
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${entry.id}&viewMode=story`);
    // Storybook marks the root once the story rendered and its play function ended.
    await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1_500);
    const root = page.locator('#storybook-root');
    await root.screenshot({ path: `${outDir}/${entry.id}-${theme}.png`, animations: 'disabled' });
    saved += 1;
    await page.close();
  }
}
await browser.close();
console.log(`saved ${saved} screenshots to ${outDir}`);
stop();
process.exit(0);
