import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export type ConsumerAppName = 'react19' | 'react18';

export interface ConsumerOptions {
  /** Which installed copy of e2e/consumer/app the project runs against. */
  app: ConsumerAppName;
}

export const repoRoot = resolve(import.meta.dirname, '../../..');
const resultsDir = join(repoRoot, 'test-results', 'consumer');
export const screenshotsDir = join(resultsDir, 'screenshots');

const missingInstall = (what: string) =>
  new Error(`${what} is missing: run \`node scripts/test-consumer.mjs\` (it builds, packs and installs before running these tests)`);

/** The installed app (test-results/consumer/<app> links to a copy outside the repository). */
export function appDirectory(app: ConsumerAppName): string {
  const linked = join(resultsDir, app);
  if (!existsSync(join(linked, 'node_modules'))) throw missingInstall(`The installed app ${linked}`);
  return realpathSync(linked);
}

/** The tarball `npm pack` made of the package. */
export function packedTarball(): string {
  const dir = join(resultsDir, 'pack');
  const tarball = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.tgz')) : undefined;
  if (!tarball) throw missingInstall(`The packed tarball in ${dir}`);
  return realpathSync(join(dir, tarball));
}

export interface CommandResult {
  status: number | null;
  /** stdout and stderr together, as a person at a terminal would read them. */
  output: string;
}

/**
 * Runs a command to completion and returns its exit status and output; never rejects for a non-zero exit. Not
 * spawnSync: a blocked worker cannot be timed out by Playwright.
 */
export function runCommand(command: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolveRun({ status: null, output: String(error) }));
    child.on('close', (status) => resolveRun({ status, output: output.trim() }));
  });
}

/**
 * tsc's output (`--pretty false`) made readable: the errors in the app's own src/ in full, the others counted by file
 * and code with their first message (the same error on 60 lines of a declaration file says no more than once).
 */
export function describeDiagnostics(output: string): string {
  const own: string[] = [];
  const elsewhere = new Map<string, { count: number; message: string }>();
  let inOwn = false;
  for (const line of output.split('\n')) {
    const error = /^(\S+)\(\d+,\d+\): error (TS\d+): (.*)$/.exec(line);
    if (error) {
      inOwn = error[1]!.startsWith('src/');
      if (inOwn) own.push(line);
      else {
        const key = `${error[1]} ${error[2]}`;
        elsewhere.set(key, { count: (elsewhere.get(key)?.count ?? 0) + 1, message: elsewhere.get(key)?.message ?? error[3]! });
      }
    } else if (inOwn && line.startsWith(' ')) own.push(line);
    else if (!error && line.trim() !== '' && !line.startsWith(' ')) own.push(line);
  }
  const others = [...elsewhere].map(([key, { count, message }]) => `  ${key} ×${count}: ${message}`);
  return [`errors in src/ (and other output):${own.length ? `\n${own.join('\n')}` : ' none'}`, `errors elsewhere:${others.length ? `\n${others.join('\n')}` : ' none'}`].join('\n');
}

/** `tsc -p <config>` with the app's own TypeScript. */
export function typecheck(appDir: string, config: string): Promise<CommandResult> {
  return runCommand(join(appDir, 'node_modules', '.bin', 'tsc'), ['-p', config, '--pretty', 'false'], appDir);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static server for a built app on 127.0.0.1 and a free port; unknown paths get index.html, as an SPA host does. */
async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dir, pathname));
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** What went wrong on the page: console errors and uncaught exceptions, as they happened. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Rejects with the first uncaught exception; race a wait against it to fail fast on a page that crashed. */
  crashed: Promise<never>;
}

type ConsumerFixtures = {
  appDir: string;
  problems: PageProblems;
  /** Opens the app against the mock server on a fresh thread and waits until the chat is connected. */
  openChat: (query?: Record<string, string>) => Promise<void>;
};

type ConsumerWorkerFixtures = ConsumerOptions & { appOrigin: string };

export const test = base.extend<ConsumerFixtures, ConsumerWorkerFixtures>({
  app: ['react19', { option: true, scope: 'worker' }],
  appDir: async ({ app }, use) => {
    await use(appDirectory(app));
  },
  appOrigin: [
    async ({ app }, use) => {
      const dist = join(appDirectory(app), 'dist');
      if (!existsSync(join(dist, 'index.html'))) throw missingInstall(`The built app ${dist}`);
      const { server, origin } = await serveStatic(dist);
      await use(origin);
      await new Promise((resolveClose) => server.close(resolveClose));
    },
    { scope: 'worker' },
  ],
  problems: async ({ page }, use) => {
    const problems: PageProblems = { consoleErrors: [], pageErrors: [], crashed: new Promise<never>(() => {}) };
    problems.crashed = new Promise<never>((_, reject) => {
      page.on('pageerror', (error) => {
        problems.pageErrors.push(String(error.stack ?? error));
        reject(new Error(`The page threw: ${error.message}`));
      });
    });
    problems.crashed.catch(() => {});
    page.on('console', (message) => {
      if (message.type() === 'error') problems.consoleErrors.push(message.text());
    });
    await use(problems);
  },
  openChat: async ({ page, app, appOrigin, problems }, use) => {
    const mockPort = process.env.PLATOS_CONSUMER_MOCK_PORT;
    if (!mockPort) throw new Error('PLATOS_CONSUMER_MOCK_PORT is not set: the mock server (webServer in e2e/consumer/playwright.config.ts) did not start');
    await use(async (query = {}) => {
      const search = new URLSearchParams({ server: `http://127.0.0.1:${mockPort}`, thread: `consumer-${app}-${Date.now()}`, ...query });
      await page.goto(`${appOrigin}/?${search}`);
      await Promise.race([expect(page.getByRole('status').filter({ hasText: /connected|live/i }).first()).toBeVisible(), problems.crashed]);
    });
  },
});

/** Types a message into the chat's composer and sends it. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

/**
 * The element's computed background colour once its CSS transitions have finished: the run bar's fill and the
 * buttons fade their colour when it changes (a colour scheme switch included), and a reading mid-fade is neither.
 */
export function settledBackground(locator: Locator): Promise<string> {
  return locator.evaluate(async (element) => {
    getComputedStyle(element).backgroundColor;
    const transitions = element.getAnimations().filter((animation) => animation instanceof CSSTransition);
    await Promise.all(transitions.map((transition) => transition.finished.catch(() => undefined)));
    return getComputedStyle(element).backgroundColor;
  });
}

/** `transparent`, `rgba(…, 0)` or any colour with an alpha of 0. */
export function isTransparent(colour: string): boolean {
  if (colour === 'transparent') return true;
  const alpha = /^rgba\(.*,\s*([\d.]+)\)$/.exec(colour) ?? /\/\s*([\d.]+%?)\)$/.exec(colour);
  return alpha !== null && Number.parseFloat(alpha[1]!) === 0;
}
