import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, isTransparent, screenshotsDir, sendMessage, settledBackground, test } from './support/consumer-app';

// The app built from e2e/consumer/app (the README's minimal chat on a page with no CSS of its own), served as static
// files, talking to the repository's mock server. Its default turn streams text, tool calls, an artifact, a
// background run and an approval.

const schemes = ['light', 'dark'] as const;

/** Sends the default turn's message, approves when asked, and waits until the assistant's message is finished. */
async function fullTurn(page: Page, beforeApproving?: () => Promise<void>) {
  await sendMessage(page, 'Plan a trip to Lisbon');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  const approve = page.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeEnabled({ timeout: 30_000 });
  await beforeApproving?.();
  await approve.click();
  await expect(assistant).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expect(assistant.locator('.platos-run[data-state="succeeded"]')).toBeVisible();
  return assistant;
}

test.beforeAll(() => {
  mkdirSync(screenshotsDir, { recursive: true });
});

test('a message gets a full turn, with no console errors and no page errors', async ({ page, app, problems, openChat }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  try {
    await openChat();
    const assistant = await Promise.race([fullTurn(page), problems.crashed]);
    await expect(page.getByRole('article', { name: 'You' })).toHaveText('Plan a trip to Lisbon');
    await expect(assistant.getByRole('region', { name: /^Tool call:/ }).first()).toBeVisible();
    await expect(assistant.getByRole('region', { name: /^Artifact:/ }).first()).toBeVisible();
    await expect(assistant.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(assistant.getByRole('region', { name: /^Approval:/ })).toHaveAttribute('data-state', 'approved');
  } finally {
    // Taken whatever happened: a blank page is worth seeing too.
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(screenshotsDir, `${app}-${colorScheme}.png`), fullPage: true, animations: 'disabled' });
    }
    expect.soft(problems.pageErrors, 'uncaught exceptions on the page').toEqual([]);
    expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  }
});

test('the chat, the run progress fill and the Approve button are painted, in other colours in dark than in light', async ({
  page,
  problems,
  openChat,
}) => {
  const colours: Record<string, Partial<Record<(typeof schemes)[number], string>>> = { chat: {}, 'run progress fill': {}, 'Approve button': {} };
  const read = async (scheme: (typeof schemes)[number], parts: Record<string, Locator>) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, locator] of Object.entries(parts)) colours[name]![scheme] = await settledBackground(locator);
  };

  await page.emulateMedia({ colorScheme: 'light' });
  await openChat();
  const approve = page.getByRole('button', { name: 'Approve' });
  const assistant = await Promise.race([
    fullTurn(page, async () => {
      // The Approve button is gone once clicked: read it while it is asking.
      for (const scheme of schemes) await read(scheme, { 'Approve button': approve });
      await page.emulateMedia({ colorScheme: 'light' });
    }),
    problems.crashed,
  ]);
  for (const scheme of schemes) {
    await read(scheme, { chat: page.locator('.platos-chat'), 'run progress fill': assistant.locator('.platos-run-fill').first() });
  }

  const findings = Object.entries(colours).flatMap(([name, { light, dark }]) => [
    ...(isTransparent(light!) ? [`${name}: transparent in light (${light})`] : []),
    ...(isTransparent(dark!) ? [`${name}: transparent in dark (${dark})`] : []),
    ...(light === dark ? [`${name}: the same ${light} in light and dark`] : []),
  ]);
  expect(findings, `background colours: ${JSON.stringify(colours)}`).toEqual([]);
});

test('on a host page that centres text and sets a serif font, with no height on its parent, the chat keeps its own alignment and fits the viewport', async ({
  page,
  app,
  problems,
  openChat,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  try {
    await openChat({ host: 'styled' });
    await Promise.race([fullTurn(page), problems.crashed]);
  } finally {
    await page.screenshot({ path: join(screenshotsDir, `${app}-styled-host-light.png`), fullPage: true, animations: 'disabled' });
  }

  const chat = page.locator('.platos-chat');
  const textAlign = await chat.evaluate((element) => getComputedStyle(element).textAlign);
  expect.soft(textAlign, "the chat's text-align").toMatch(/^(start|left)$/);
  const paragraphAlign = await page
    .getByRole('article', { name: 'Assistant' })
    .locator('.platos-markdown p')
    .first()
    .evaluate((element) => getComputedStyle(element).textAlign);
  expect.soft(paragraphAlign, "an assistant paragraph's text-align").toMatch(/^(start|left)$/);

  const viewportHeight = page.viewportSize()!.height;
  const chatHeight = (await chat.boundingBox())!.height;
  expect.soft(chatHeight, `the chat's height (px) in a ${viewportHeight}px viewport`).toBeLessThanOrEqual(viewportHeight);
});

test('a tool that runs in the page answers the agent: the gateway and its schema validator load from the package', async ({ page, problems, openChat }) => {
  await openChat();
  await sendMessage(page, 'browser Which trip fits my filters?');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  await Promise.race([expect(assistant).toHaveAttribute('data-state', 'finished', { timeout: 30_000 }), problems.crashed]);
  await expect(assistant.getByRole('region', { name: 'Tool call: read_filters' })).toHaveAttribute('data-state', 'succeeded');
  await expect(assistant).toContainText('Your filters say: region Oceania, budget 700, days 4.');
  expect.soft(problems.pageErrors, 'uncaught exceptions on the page').toEqual([]);
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
});

test('a reload shows the thread saved by the package before the server answers, and a second tab shares the socket', async ({ page, context, problems, openChat }) => {
  await openChat();
  await sendMessage(page, 'echo Kept across a reload');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  await Promise.race([expect(assistant).toHaveAttribute('data-state', 'finished', { timeout: 30_000 }), problems.crashed]);
  // Saved on the next idle moment after the turn ended.
  await page.waitForTimeout(500);

  // A second tab of the app: the first tab holds the one connection, so the second opens no chat socket of its own.
  const secondTab = await context.newPage();
  const secondTabSockets: string[] = [];
  secondTab.on('websocket', (socket) => secondTabSockets.push(socket.url()));
  await secondTab.goto(page.url());
  await expect(secondTab.getByRole('article', { name: 'Assistant' })).toContainText('Kept across a reload');
  await expect(secondTab.getByRole('status').filter({ hasText: /connected|live/i }).first()).toBeVisible();
  // The app's browser-side tool keeps its gateway socket per tab; the chat's is shared.
  expect(secondTabSockets.length, `sockets the second tab opened: ${secondTabSockets.join(', ')}`).toBeLessThanOrEqual(1);
  await secondTab.close();

  // No server answers this time: what shows comes from the package's storage (IndexedDB) alone.
  await page.routeWebSocket(/\/streaming\//, () => {});
  await page.route(/\/api\//, () => {});
  await page.reload();
  await expect(page.locator('.platos-message-list')).toHaveAttribute('data-cached', 'true');
  await expect(page.getByRole('article', { name: 'You' })).toHaveText('echo Kept across a reload');
  await expect(page.getByRole('article', { name: 'Assistant' })).toContainText('Kept across a reload');
  await expect(page.getByText('Showing saved messages; updating…')).toBeVisible();
  expect.soft(problems.pageErrors, 'uncaught exceptions on the page').toEqual([]);
});
