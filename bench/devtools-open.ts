import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import type { DevtoolsBench } from './devtools/main.js';

// `npx tsx bench/devtools-open.ts [--events 100000] [--repetitions 3] [--parts closed,open] [--screenshots DIR]`
// Builds bench/devtools (a store with eventLogLimit 100,000 filled one event per flush) and measures in Chromium:
// - the cost when closed: milliseconds per store flush with the inspector not mounted, and mounted but closed;
// - opening the panel on that many events, opening Time travel, folding its checkpoints, and scrubbing:
//   the action's own time, the longest gap between animation frames, and long animation frames (>= 50 ms).

declare global {
  interface Window {
    __devtoolsBench?: DevtoolsBench;
  }
}

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const eventCount = Number(option('--events', '100000'));
const repetitions = Number(option('--repetitions', '3'));
/** `closed` (the cost of a closed inspector), `open` (opening and scrubbing), or both. */
const parts = option('--parts', 'closed,open').split(',');
const screenshots = argv.includes('--screenshots') ? resolve(option('--screenshots', '')) : null;
const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const pageConfig = resolve(import.meta.dirname, 'devtools/vite.config.ts');

type InPage = Awaited<ReturnType<DevtoolsBench['measure']>>;
interface Measured extends InPage {
  /** Main-thread CPU time of the tasks that ran meanwhile, and of the longest one: what machine load does not inflate. */
  cpuMs: number;
  longestTaskCpuMs: number;
}

/**
 * Runs `inPage` (a `measure` call) under a trace of the page's main thread. Wall-clock frames on a shared machine
 * include time the renderer waited for a core; the trace's thread times (`tdur`) do not.
 */
async function traced(page: Page, inPage: () => Promise<InPage>): Promise<Measured> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const measured = await inPage();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; tid: number; tdur?: number; args?: { name?: string } }[] };
  const main = trace.traceEvents.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')?.tid;
  const tasks = trace.traceEvents.filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.tid === main).map((event) => (event.tdur ?? 0) / 1000);
  return { ...measured, cpuMs: tasks.reduce((sum, value) => sum + value, 0), longestTaskCpuMs: Math.max(0, ...tasks) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(value < 1 ? 4 : 1)} ms`;
const frames = (measured: Measured) =>
  `longest task ${ms(measured.longestTaskCpuMs)} CPU, all tasks ${ms(measured.cpuMs)} CPU; wall clock: action ${ms(measured.actionMs)}, longest frame ${ms(measured.longestFrameMs)}, long animation frames [${measured.longAnimationFrames.map((value) => value.toFixed(0)).join(', ')}]`;

async function openPage(browser: Browser, url: string, devtools: 'none' | 'closed'): Promise<Page> {
  // A context of its own: axe opens a second page in it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${url}?devtools=${devtools}`);
  await page.waitForFunction(() => window.__devtoolsBench !== undefined);
  return page;
}

const fill = (page: Page, count: number) => page.evaluate((n) => window.__devtoolsBench!.fill(n), count);

/**
 * Milliseconds per flush while filling the store, one event per flush, on a fresh page per run, the variants taking
 * turns. The recording of a closed inspector takes every one of these frames (its cap is 100,000).
 */
async function closedCost(browser: Browser, url: string) {
  const perFlush: Record<'none' | 'closed', number[]> = { none: [], closed: [] };
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const devtools of ['none', 'closed'] as const) {
      const page = await openPage(browser, url, devtools);
      perFlush[devtools].push(await fill(page, eventCount));
      await page.context().close();
    }
  }
  return perFlush;
}

async function openAndScrub(browser: Browser, url: string, repetition: number) {
  const page = await openPage(browser, url, 'closed');
  await fill(page, eventCount);
  await page.waitForTimeout(500);
  // The fill's garbage is collected first: the measure is of the panel, not of the GC debt of a tight fill loop.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const open = await traced(page, () => page.evaluate(() => window.__devtoolsBench!.measure(() => document.querySelector<HTMLElement>('.platos-devtools-launcher')!.click())));
  const rowsInDom = await page.locator('[role="listbox"] [role="option"]').count();
  const shownCount = await page.locator('.platos-devtools-filters').textContent();
  if (screenshots && repetition === 0) await page.screenshot({ path: resolve(screenshots, 'devtools-events-light.png') });

  const timeTravel = await traced(page, () =>
    page.evaluate(() => window.__devtoolsBench!.measure(() => document.querySelector<HTMLElement>('[role="tab"][id$="time-travel"]')!.click())),
  );
  const folding = await traced(page, () => page.evaluate((total) => window.__devtoolsBench!.measure(() => window.__devtoolsBench!.whenFolded(total)), eventCount));
  const positions = [0, Math.floor(eventCount / 2), 1, eventCount - 1, ...Array.from({ length: 20 }, (_, index) => Math.floor(((index * 7919) % 1000) / 1000 * eventCount))];
  const scrubs: Measured[] = [];
  for (const position of positions) scrubs.push(await traced(page, () => page.evaluate((index) => window.__devtoolsBench!.measure(() => window.__devtoolsBench!.scrubTo(index)), position)));
  if (screenshots && repetition === 0) {
    await page.evaluate((index) => window.__devtoolsBench!.scrubTo(index), Math.floor(eventCount / 2) + 137);
    await page.screenshot({ path: resolve(screenshots, 'devtools-time-travel-light.png') });
  }
  const axe = repetition === 0 ? await axeBothThemes(page) : null;
  await page.context().close();
  return { open, rowsInDom, shownCount, timeTravel, folding, scrubs, axe };
}

async function axeBothThemes(page: Page) {
  const violations: Record<string, string[]> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('.platos-devtools-panel').analyze();
    violations[colorScheme] = results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    if (screenshots && colorScheme === 'dark') await page.screenshot({ path: resolve(screenshots, 'devtools-time-travel-dark.png') });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return violations;
}

async function main() {
  await build({ configFile: pageConfig, logLevel: 'warn' });
  const server = await preview({ configFile: pageConfig, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = `${server.resolvedUrls!.local[0]!.replace(/\/$/, '')}/index.html`;
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', args: chromiumArgs });
  try {
    console.log(`Chromium ${browser.version()}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, ${eventCount.toLocaleString('en-US')} events, ${repetitions} repetitions`);
    const cost = parts.includes('closed') ? await closedCost(browser, url) : { none: [], closed: [] };
    for (const devtools of parts.includes('closed') ? (['none', 'closed'] as const) : []) {
      console.log(`per store flush, inspector ${devtools === 'none' ? 'not mounted' : 'mounted, closed'}: ${cost[devtools].map(ms).join(' / ')} (median ${ms(median(cost[devtools]))})`);
    }
    for (let repetition = 0; repetition < (parts.includes('open') ? repetitions : 0); repetition += 1) {
      const run = await openAndScrub(browser, url, repetition);
      console.log(`#${repetition + 1} open panel: ${frames(run.open)}; rows in the DOM ${run.rowsInDom}; list says "${run.shownCount?.match(/[\d,]+ events/)?.[0]}"`);
      console.log(`#${repetition + 1} open Time travel: ${frames(run.timeTravel)}`);
      console.log(`#${repetition + 1} fold checkpoints of ${eventCount.toLocaleString('en-US')} events: ${frames(run.folding)}`);
      const of = (pick: (scrub: Measured) => number) => run.scrubs.map(pick);
      const spread = (values: number[]) => `median ${ms(median(values))}, max ${ms(Math.max(...values))}`;
      console.log(
        `#${repetition + 1} ${run.scrubs.length} scrubs: longest task CPU ${spread(of((scrub) => scrub.longestTaskCpuMs))}; wall clock: action ${spread(of((scrub) => scrub.actionMs))}, longest frame ${spread(of((scrub) => scrub.longestFrameMs))}, long animation frames [${run.scrubs.flatMap((scrub) => scrub.longAnimationFrames).map((value) => value.toFixed(0)).join(', ')}]`,
      );
      if (run.axe) console.log(`axe on the open panel (contrast included): light ${JSON.stringify(run.axe['light'])}, dark ${JSON.stringify(run.axe['dark'])}`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

await main();
