import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

// The stylesheet as the package ships it (the library build's dist/platos.css), on a page that brings nothing else:
// no color-scheme, no reset, no sized parent. The demo cannot show this: it sets its own color-scheme and layout.
// The chat's markup is copied from the demo while an approval waits, so cards, the run bar and the Approve button
// are all there; the bare page has only that markup and the stylesheet.

/** A host page whose body styles would leak into the chat through inheritance if it did not set its own. */
const hostileHost = `body { text-align: center; font-family: serif; letter-spacing: 0.08em; text-transform: uppercase;
  word-spacing: 0.4em; text-indent: 2em; font-weight: 300; font-style: italic; white-space: nowrap; line-height: 3 }`;

const bareDocument = (stylesheet: string, body: string, { hostCss = '', htmlAttributes = '' } = {}) =>
  `<!doctype html><html ${htmlAttributes}><head><meta charset="utf-8"><style>${stylesheet}</style><style>${hostCss}</style></head><body>${body}</body></html>`;

function buildLibraryStylesheet(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'platos-library-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
    return readFileSync(join(outDir, 'platos.css'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The chat's markup while the default turn waits on its approval, with the run bar under way. */
async function chatMarkupAwaitingApproval(page: Page): Promise<string> {
  await page.goto(`/?thread=e2e-bare-${Date.now()}`);
  await expect(page.locator('[role="status"].platos-connection-status')).toHaveAttribute('data-state', 'live');
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Plan a trip to Lisbon');
  await composer.press('Enter');
  await expect(page.getByRole('button', { name: 'Approve' })).toBeEnabled({ timeout: 30_000 });
  await expect(page.locator('.platos-chat .platos-run-fill').first()).toBeAttached();
  return page.locator('.platos-chat').evaluate((chat) => chat.outerHTML);
}

async function computed(page: Page) {
  return page.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`${selector} is not on the page`);
      return getComputedStyle(element);
    };
    const approve = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Approve');
    if (!approve) throw new Error('no Approve button');
    const chat = document.querySelector('.platos-chat');
    const scroller = document.querySelector('.platos-message-list-scroller');
    return {
      chatBackground: chat ? getComputedStyle(chat).backgroundColor : null,
      chatBorder: chat ? getComputedStyle(chat).borderTopColor : null,
      chatHeight: chat?.getBoundingClientRect().height ?? null,
      scrolls: scroller ? scroller.scrollHeight > scroller.clientHeight : null,
      cardBackground: style('.platos-approval').backgroundColor,
      runFill: style('.platos-run-fill').backgroundColor,
      approveBackground: getComputedStyle(approve).backgroundColor,
      textAlign: style('.platos-approval-reason').textAlign,
      letterSpacing: style('.platos-approval-reason').letterSpacing,
      textTransform: style('.platos-approval-reason').textTransform,
      fontFamily: style('.platos-approval-reason').fontFamily,
      boxSizing: chat ? getComputedStyle(chat.querySelector('div')!).boxSizing : null,
    };
  });
}

const transparent = 'rgba(0, 0, 0, 0)';
let stylesheet = '';

test.beforeAll(() => {
  stylesheet = buildLibraryStylesheet();
});

test('the shipped stylesheet alone styles the chat on a bare page, in light and dark, whatever the host sets on body', async ({ page, context }) => {
  // light-dark(), lowered by our build or by the app's own, only works where that build's color-scheme rules set its
  // switch variables: the stylesheet writes both schemes out instead.
  expect.soft(stylesheet.includes('var(--lightningcss-'), 'light-dark() lowered into --lightningcss- switch variables').toBe(false);
  expect.soft(stylesheet.includes('light-dark('), 'light-dark() left for the app\'s build to lower').toBe(false);

  const chat = await chatMarkupAwaitingApproval(page);
  const bare = await context.newPage();
  const seen: Partial<Record<'light' | 'dark', Awaited<ReturnType<typeof computed>>>> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await bare.emulateMedia({ colorScheme: scheme });
    await bare.setContent(bareDocument(stylesheet, `<div>${chat}</div>`, { hostCss: hostileHost }));
    const values = await computed(bare);
    seen[scheme] = values;
    for (const colour of [values.chatBackground, values.chatBorder, values.cardBackground, values.runFill, values.approveBackground]) {
      expect(colour, scheme).not.toBe(transparent);
    }
    expect(values.textAlign).toBe('start');
    expect(values.letterSpacing).toBe('normal');
    expect(values.textTransform).toBe('none');
    expect(values.fontFamily).not.toBe('serif');
    expect(values.boxSizing).toBe('border-box');
    // No sized parent: at most the viewport high, the conversation scrolling inside.
    expect(values.chatHeight).toBeLessThanOrEqual(bare.viewportSize()!.height);
    expect(values.scrolls).toBe(true);
  }
  for (const key of ['chatBackground', 'chatBorder', 'cardBackground', 'runFill', 'approveBackground'] as const) {
    expect(seen.light?.[key], key).not.toBe(seen.dark?.[key]);
  }
});

test('parts used outside a chat follow the page: light without a color-scheme, dark under data-theme="dark"', async ({ page, context }) => {
  await chatMarkupAwaitingApproval(page);
  const parts = await page.evaluate(() => ['.platos-approval', '.platos-run'].map((selector) => document.querySelector(selector)!.outerHTML).join(''));

  const bare = await context.newPage();
  await bare.emulateMedia({ colorScheme: 'dark' });
  await bare.setContent(bareDocument(stylesheet, parts, { hostCss: hostileHost }));
  const noScheme = await computed(bare);
  await bare.emulateMedia({ colorScheme: 'light' });
  await bare.setContent(bareDocument(stylesheet, parts));
  const light = await computed(bare);
  await bare.setContent(bareDocument(stylesheet, parts, { htmlAttributes: 'data-theme="dark"' }));
  const dark = await computed(bare);

  // A page without a color-scheme is light, even when the system is dark; never transparent.
  expect({ card: noScheme.cardBackground, fill: noScheme.runFill, approve: noScheme.approveBackground }).toEqual({
    card: light.cardBackground,
    fill: light.runFill,
    approve: light.approveBackground,
  });
  for (const values of [light, dark]) {
    for (const colour of [values.cardBackground, values.runFill, values.approveBackground]) expect(colour).not.toBe(transparent);
  }
  expect(dark.cardBackground).not.toBe(light.cardBackground);
  expect(dark.approveBackground).not.toBe(light.approveBackground);
  expect(noScheme.textAlign).toBe('start');
  expect(noScheme.textTransform).toBe('none');
});
