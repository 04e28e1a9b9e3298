import { expect, test, type Page } from '@playwright/test';

async function send(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

test('a reload rebuilds the thread from history', async ({ page }) => {
  const thread = `e2e-history-${Date.now()}`;
  await page.goto(`/?thread=${thread}`);
  await send(page, 'echo first message');
  await expect(page.getByRole('article', { name: 'Assistant' })).toHaveAttribute('data-state', 'finished');
  await send(page, 'echo second message');
  await expect(page.getByRole('article', { name: 'Assistant' })).toHaveCount(2);
  await expect(page.getByRole('article', { name: 'Assistant' }).nth(1)).toHaveAttribute('data-state', 'finished');

  await page.reload();
  const users = page.getByRole('article', { name: 'You' });
  await expect(users).toHaveText(['echo first message', 'echo second message']);
  const assistants = page.getByRole('article', { name: 'Assistant' });
  await expect(assistants).toHaveCount(2);
  await expect(assistants.nth(1)).toContainText('echo second message');
  await expect(page.locator('.platos-connection[data-state="live"], [role="status"][data-state="live"]').first()).toBeVisible();

  await send(page, 'echo third message');
  await expect(assistants).toHaveCount(3);
  await expect(assistants.nth(2)).toHaveAttribute('data-state', 'finished');
  await expect(assistants.nth(2)).toContainText('echo third message');
});

test('a failed turn shows an alert and the composer stays usable', async ({ page }) => {
  await page.goto(`/?thread=e2e-fail-${Date.now()}`);
  await send(page, 'fail please');
  const assistant = page.getByRole('article', { name: 'Assistant' });
  await expect(assistant).toHaveAttribute('data-state', 'failed');
  await expect(assistant.getByRole('alert')).toContainText('The model is unavailable right now.');
  await send(page, 'echo still here');
  await expect(page.getByRole('article', { name: 'Assistant' }).nth(1)).toContainText('still here');
});

test('a double-clicked Deny resolves the approval as denied and ends the turn', async ({ page }) => {
  await page.goto(`/?thread=e2e-deny-${Date.now()}`);
  await send(page, 'approve this');
  const approval = page.getByRole('region', { name: /^Approval:/ });
  const deny = approval.getByRole('button', { name: 'Deny' });
  await expect(deny).toBeEnabled();
  await deny.dblclick();
  await expect(approval).toHaveAttribute('data-state', 'denied');
  await expect(page.getByRole('article', { name: 'Assistant' })).toHaveAttribute('data-state', /finished|failed|cancelled/);
});

test('a bad token is reported instead of a silent, stuck chat', async ({ page }) => {
  await page.goto(`/?thread=e2e-auth-${Date.now()}&token=not-a-token`);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-state', 'unauthorized');
  await expect(alert).toContainText('did not accept the access token');
  await expect(page.getByRole('status').filter({ hasText: 'Unauthorized' })).toBeVisible();
});
