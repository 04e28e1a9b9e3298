import { expect, test, type Page } from '@playwright/test';
import { holdDevServerUpdates } from './support/dev-server.js';
import { routeSockets } from './support/socket-cut.js';
import { pillStates, recordPillStates } from './support/status-pill.js';

// The browser itself says it is offline: the client stops retrying, says so with a way to try again, keeps what
// the user sends, and reconnects as soon as the browser is back online.

const pill = (page: Page) => page.locator('[role="status"].platos-connection-status');

test('offline: a banner with Try again, a queued message, and one delivery once back online', async ({ page, context }) => {
  await holdDevServerUpdates(context);
  const sockets = await routeSockets(page);
  await recordPillStates(page);
  await page.goto(`/?thread=e2e-offline-${Date.now()}`);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');

  await context.setOffline(true);
  await sockets.cut(200);
  const banner = page.getByRole('alert');
  await expect(banner).toHaveAttribute('data-state', 'offline');
  await expect(banner).toContainText('You are offline');
  await expect(banner.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(pill(page)).toHaveAttribute('data-state', 'offline');
  const socketsWhileOffline = sockets.counts.sockets;

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('echo Written on a train');
  await composer.press('Enter');
  const pending = page.getByRole('article', { name: 'You' });
  await expect(pending).toHaveAttribute('data-state', 'queued');
  await expect(pending).toContainText('echo Written on a train');
  await page.screenshot({ path: 'test-results/screenshots/offline-banner.png' });
  // While the browser is offline the client does not keep knocking.
  await page.waitForTimeout(1_500);
  expect(sockets.counts.sockets).toBe(socketsWhileOffline);
  expect(sockets.sent('message:send')).toBe(0);

  await context.setOffline(false);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
  await expect(banner).toBeHidden();
  const assistant = page.getByRole('article', { name: 'Assistant' });
  await expect(assistant).toHaveAttribute('data-state', 'finished');
  await expect(assistant).toContainText('echo Written on a train');
  await expect(page.getByRole('article', { name: 'You' })).toHaveCount(1);
  expect(sockets.sent('message:send')).toBe(1);
  expect(await pillStates(page)).toContain('offline');
});
