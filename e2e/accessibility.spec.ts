import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { holdDevServerUpdates } from './support/dev-server.js';
import { routeSockets } from './support/socket-cut.js';

// axe-core on the demo in every state a user meets: empty, streaming, waiting on an approval, finished, failed,
// offline with a queued message, and in the dark theme. Zero violations, contrast included.

const pill = (page: Page) => page.locator('[role="status"].platos-connection-status');
const assistant = (page: Page) => page.getByRole('article', { name: 'Assistant' }).last();

async function expectNoViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => ({
    state,
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations in any state of a turn (${theme})`, async ({ page, context }) => {
    await holdDevServerUpdates(context);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`/?thread=e2e-axe-${theme}-${Date.now()}`);
    await expect(pill(page)).toHaveAttribute('data-state', 'live');
    await expectNoViolations(page, 'empty');

    await send(page, 'Plan a trip to Lisbon');
    await expect(assistant(page)).toHaveAttribute('aria-busy', 'true');
    await expect(assistant(page).getByRole('region', { name: /^Tool call:/ }).first()).toBeVisible();
    await expectNoViolations(page, 'streaming');

    const approve = page.getByRole('button', { name: 'Approve' });
    await expect(approve).toBeEnabled({ timeout: 30_000 });
    await expectNoViolations(page, 'approval pending');
    await approve.click();
    await expect(assistant(page)).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expectNoViolations(page, 'finished');

    await send(page, 'fail on purpose');
    await expect(assistant(page)).toHaveAttribute('data-state', 'failed');
    await expectNoViolations(page, 'failed');
  });
}

test('no axe violations while offline with a queued message', async ({ page, context }) => {
  await holdDevServerUpdates(context);
  const sockets = await routeSockets(page);
  await page.goto(`/?thread=e2e-axe-offline-${Date.now()}`);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
  await context.setOffline(true);
  await sockets.cut(200);
  await expect(page.getByRole('alert')).toHaveAttribute('data-state', 'offline');
  await send(page, 'echo queued');
  await expect(page.getByRole('article', { name: 'You' })).toHaveAttribute('data-state', 'queued');
  await expectNoViolations(page, 'offline');
  await context.setOffline(false);
  await expect(pill(page)).toHaveAttribute('data-state', 'live');
});
