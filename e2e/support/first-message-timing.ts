import type { Page } from '@playwright/test';

export interface FirstMessageTiming {
  /** `performance.now()` (ms since navigation start) when the first message article of the list was visible. */
  at: number;
  /** The list's `data-cached` at that moment: `"true"` when it came from the saved view. */
  cached: string | null;
  /** The text of that article. */
  text: string;
}

declare global {
  interface Window {
    __firstMessage?: FirstMessageTiming;
  }
}

/**
 * Records, on every load of the page, when the first `article` in `.platos-message-list` is visible (a
 * MutationObserver installed before the page's scripts run). Call before `page.goto`.
 */
export async function recordFirstMessage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const check = () => {
      if (window.__firstMessage) return true;
      const list = document.querySelector('.platos-message-list');
      const article = list?.querySelector('article');
      if (!list || !article || !article.checkVisibility()) return false;
      window.__firstMessage = { at: performance.now(), cached: list.getAttribute('data-cached'), text: (article.textContent ?? '').trim() };
      return true;
    };
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
}

/** The first message's timing of the current load, waiting for it. */
export async function firstMessageTiming(page: Page): Promise<FirstMessageTiming> {
  await page.waitForFunction(() => window.__firstMessage !== undefined);
  return (await page.evaluate(() => window.__firstMessage))!;
}
